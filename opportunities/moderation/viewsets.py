"""The funding radar in Wagtail's admin: calls under moderation, vocabularies, sources (crawled
now on request) and crawl runs (read-only).

Each viewset names its "Add …" and "New …" labels as whole phrases (``kreativ.admin_labels``):
Wagtail's "Přidat dotační výzva" was not Czech. Crawl runs cannot be added, so they have none.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kreativ.admin_labels import PhrasedLabels
from opportunities.models import (
    ApplicantType,
    CrawlRun,
    DuplicateSuggestion,
    FundingCall,
    Programme,
    Source,
)
from opportunities.moderation import crawl_now
from opportunities.moderation.columns import NextDeadlineColumn, StatusColumn, boolean_column, with_deadline_shown
from opportunities.moderation.decisions import CallEditView, CallWorkflowActionView
from opportunities.moderation.listing import CallIndexView, FundingCallFilterSet


class FundingCallViewSet(PhrasedLabels, SnippetViewSet):
    model = FundingCall
    add_item_label = _("Add funding call")
    new_item_label = _("New funding call")
    icon = "doc-full-inverse"
    menu_label = _("Funding calls")
    menu_order = 100
    filterset_class = FundingCallFilterSet
    list_display = [
        "title",
        StatusColumn("call_status", label=_("Status")),
        "programme",
        NextDeadlineColumn(),
        boolean_column(FundingCall, "is_listed"),
    ]
    list_per_page = 50
    ordering = ["-first_seen"]
    copy_view_enabled = False
    index_view_class = CallIndexView
    edit_view_class = CallEditView
    workflow_action_view_class = CallWorkflowActionView

    def get_queryset(self, request):
        return with_deadline_shown(FundingCall.objects.select_related("programme").prefetch_related("deadlines"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("duplicates/<int:suggestion_id>/merge/", self.merge_view, name="merge"),
            path("duplicates/<int:suggestion_id>/dismiss/", self.dismiss_view, name="dismiss_duplicate"),
        ]

    def _suggestion(self, request, suggestion_id: int) -> DuplicateSuggestion:
        if not request.user.has_perm("opportunities.change_fundingcall"):
            raise PermissionDenied
        return get_object_or_404(
            DuplicateSuggestion.objects.select_related("call", "duplicate_of"),
            pk=suggestion_id,
            status=DuplicateSuggestion.Status.OPEN,
        )

    def merge_view(self, request, suggestion_id: int):
        """Confirms, then merges one call of a suggested pair into the other (the moderator picks which stays)."""
        from opportunities.moderation.merge import merge_calls

        suggestion = self._suggestion(request, suggestion_id)
        pair = {"call": suggestion.call, "duplicate_of": suggestion.duplicate_of}
        if request.method == "POST":
            keep = request.POST.get("keep", "duplicate_of")
            if keep not in pair:
                raise PermissionDenied
            kept = pair[keep]
            merged = pair["call" if keep == "duplicate_of" else "duplicate_of"]
            merge_calls(merged, kept, user=request.user)
            messages.success(request, _("“%(merged)s” was merged into “%(kept)s”.") % {"merged": merged, "kept": kept})
            return redirect(reverse(self.get_url_name("edit"), args=[kept.pk]))
        return TemplateResponse(
            request,
            "opportunities/admin/merge_confirm.html",
            {
                "suggestion": suggestion,
                "view": self,
                "header_icon": self.icon,
                "page_title": _("Merge duplicate calls"),
            },
        )

    def dismiss_view(self, request, suggestion_id: int):
        suggestion = self._suggestion(request, suggestion_id)
        if request.method != "POST":
            raise PermissionDenied
        suggestion.status = DuplicateSuggestion.Status.DISMISSED
        suggestion.save(update_fields=["status"])
        messages.success(request, _("The suggestion was dismissed."))
        return redirect(reverse(self.get_url_name("edit"), args=[suggestion.call_id]))


class ProgrammeViewSet(PhrasedLabels, SnippetViewSet):
    model = Programme
    add_item_label = _("Add programme")
    new_item_label = _("New programme")
    icon = "folder-open-inverse"
    list_display = ["name", "code", "funder"]
    search_fields = ["name", "code", "funder"]


class ApplicantTypeViewSet(PhrasedLabels, SnippetViewSet):
    model = ApplicantType
    add_item_label = _("Add applicant type")
    new_item_label = _("New applicant type")
    icon = "group"
    list_display = ["name_cs", "name_sl", "name_en", "slug"]
    search_fields = ["name_cs", "name_sl", "name_en", "slug"]


class SourceViewSet(PhrasedLabels, SnippetViewSet):
    model = Source
    add_item_label = _("Add source")
    new_item_label = _("New source")
    icon = "download"
    list_display = ["name", "kind", boolean_column(Source, "enabled"), "url"]
    list_filter = ["kind", "enabled"]
    search_fields = ["name", "slug", "url"]
    index_view_class = crawl_now.SourceIndexView
    edit_view_class = crawl_now.SourceEditView

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("crawl/<int:pk>/", self.crawl_view, name="crawl")]

    def crawl_view(self, request, pk: int):
        return crawl_now.crawl_view(self, request, pk)


class RecordedByTheCrawler(ModelPermissionPolicy):
    """What the crawler recorded is read, never added, changed or deleted in the admin, not even by
    a superuser: a crawl run is a record of what happened (registered for ``CrawlRun`` in
    ``wagtail_hooks``, so the listing offers no "add" and its rows open the inspect view)."""

    WRITES = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user, action: str) -> bool:
        return action not in self.WRITES and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - self.WRITES)


class CrawlRunViewSet(SnippetViewSet):
    model = CrawlRun
    icon = "history"
    list_display = [
        "source",
        DateColumn("started_at", label=_("Started")),
        "status",
        "items_seen",
        "items_new",
        "items_changed",
        "items_unchanged",
        "items_unlisted",
        Column("error_count", label=_("Errors"), accessor="error_count"),
    ]
    list_filter = ["source", "status"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "source",
        "started_at",
        "finished_at",
        "status",
        "pages",
        "items_seen",
        "items_new",
        "items_changed",
        "items_unchanged",
        "items_unlisted",
        "errors",
    ]


class FundingViewSetGroup(SnippetViewSetGroup):
    items = (FundingCallViewSet, ProgrammeViewSet, ApplicantTypeViewSet, SourceViewSet, CrawlRunViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Funding radar")
    menu_name = "funding"
    menu_order = 150
