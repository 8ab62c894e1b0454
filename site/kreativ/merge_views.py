"""The admin's compare, merge and dismiss views of suggested duplicates, for any viewset.

Funding calls and profiles both get duplicate suggestions (``kreativ.models.duplicates``); a
moderator opens one, sees the two records side by side, keeps one (the other is merged into it) or
says they are not duplicates. A viewset mixes in ``MergeViewsMixin``, names its suggestion model,
the permission that may decide, how to merge and which facts to compare, and adds
``merge_urlpatterns()`` to its URLs (``<viewset>:merge`` and ``<viewset>:dismiss_duplicate``).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from kreativ.models.duplicates import DuplicateSuggestionBase


class MergeViewsMixin:
    """Compare, merge and dismiss views for a Wagtail viewset."""

    suggestion_model: type[DuplicateSuggestionBase]
    merge_permission: str  # "app_label.codename": who may merge and dismiss
    merge_title: str  # the compare view's title ("Merge duplicate calls")
    # Said once merged, with the two records' names (``merged``, ``kept``): a whole phrase per model,
    # as Czech and Slovenian name what was merged.
    merged_message: str

    def merge(self, duplicate: models.Model, into: models.Model, user) -> None:
        raise NotImplementedError

    def merge_intro(self, suggestion: DuplicateSuggestionBase) -> str:
        """The sentence above the comparison: why they look alike, what merging does."""
        raise NotImplementedError

    def comparison_rows(self, first: models.Model, second: models.Model) -> list[tuple[str, str, str]]:
        """The facts shown side by side: (label, the first's, the second's)."""
        return []

    def after_merge_url(self, request, kept: models.Model) -> str:
        return AdminURLFinder(request.user).get_edit_url(kept) or reverse(self.get_url_name("index"))

    def after_dismiss_url(self, request, suggestion: DuplicateSuggestionBase) -> str:
        return self.after_merge_url(request, suggestion.pair[0])

    def merge_urlpatterns(self) -> list:
        return [
            path("duplicates/<int:suggestion_id>/merge/", self.merge_view, name="merge"),
            path("duplicates/<int:suggestion_id>/dismiss/", self.dismiss_view, name="dismiss_duplicate"),
        ]

    def _suggestion(self, request, suggestion_id: int) -> DuplicateSuggestionBase:
        if not request.user.has_perm(self.merge_permission):
            raise PermissionDenied
        model = self.suggestion_model
        return get_object_or_404(
            model.objects.select_related(model.subject_field, model.other_field),
            pk=suggestion_id,
            status=model.Status.OPEN,
        )

    def merge_view(self, request, suggestion_id: int):
        """Confirms, then merges one record of a suggested pair into the other (the moderator picks which stays)."""
        suggestion = self._suggestion(request, suggestion_id)
        first, second = suggestion.pair
        if request.method == "POST":
            # The field whose record stays: the one suggested against, unless the moderator says otherwise.
            keep = request.POST.get("keep", suggestion.other_field)
            if keep not in (suggestion.subject_field, suggestion.other_field):
                raise PermissionDenied
            kept, merged = (first, second) if keep == suggestion.subject_field else (second, first)
            self.merge(merged, kept, request.user)
            messages.success(request, self.merged_message % {"merged": merged, "kept": kept})
            return redirect(self.after_merge_url(request, kept))
        context: dict[str, Any] = {
            "suggestion": suggestion,
            "first": first,
            "second": second,
            "intro": self.merge_intro(suggestion),
            "rows": self.comparison_rows(first, second),
            "dismiss_url": reverse(self.get_url_name("dismiss_duplicate"), args=[suggestion.pk]),
            "view": self,
            "header_icon": self.icon,
            "page_title": self.merge_title,
        }
        return TemplateResponse(request, "kreativ/admin/merge_confirm.html", context)

    def dismiss_view(self, request, suggestion_id: int):
        suggestion = self._suggestion(request, suggestion_id)
        if request.method != "POST":
            raise PermissionDenied
        suggestion.status = self.suggestion_model.Status.DISMISSED
        suggestion.save(update_fields=["status"])
        messages.success(request, _("The suggestion was dismissed."))
        return redirect(self.after_dismiss_url(request, suggestion))
