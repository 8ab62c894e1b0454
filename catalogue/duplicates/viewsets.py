"""The moderators' list of possible duplicate profiles, each opening the compare and merge view.

The compare, merge and dismiss views are the foundation's (``kreativ.merge_views``), as for the
funding radar's calls; this viewset says what a profile's merge compares and does. It is its own
menu item, shown to whoever may change profiles.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.template.defaultfilters import yesno
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from catalogue.duplicates.suggestions import reason_label
from catalogue.models import Profile, ProfileDuplicateSuggestion
from kreativ.merge_views import MergeViewsMixin

CHANGE_PROFILES = "catalogue.change_profile"


class _ForWhoeverChangesProfiles(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(CHANGE_PROFILES)


class ProfileDuplicatesViewSet(MergeViewsMixin, ViewSet):
    name = "profile_duplicates"
    icon = "resubmit"
    menu_icon = "resubmit"
    menu_label = _("Possible duplicates")
    add_to_admin_menu = True
    menu_order = 210
    suggestion_model = ProfileDuplicateSuggestion
    merge_permission = CHANGE_PROFILES
    merge_title = _("Merge duplicate profiles")
    merged_message = _("The profile “%(merged)s” was merged into “%(kept)s”.")

    @cached_property
    def menu_item_class(self):
        return _ForWhoeverChangesProfiles

    @property
    def menu_url(self) -> str:
        from django.urls import reverse

        return reverse(self.get_url_name("index"))

    def get_urlpatterns(self):
        return [path("", self.index_view, name="index"), *self.merge_urlpatterns()]

    def index_view(self, request):
        if not request.user.has_perm(CHANGE_PROFILES):
            raise PermissionDenied
        suggestions = (
            ProfileDuplicateSuggestion.objects.filter(status=ProfileDuplicateSuggestion.Status.OPEN)
            .select_related("profile", "duplicate_of")
            .order_by("-score", "-created_at")
        )
        rows = [(suggestion, reason_label(suggestion.reason)) for suggestion in suggestions[:500]]
        return TemplateResponse(
            request,
            "catalogue/admin/duplicates.html",
            {
                "rows": rows,
                "merge_url_name": self.get_url_name("merge"),
                "view": self,
                "header_icon": self.icon,
                "page_title": _("Possible duplicate profiles"),
            },
        )

    # --- what merging profiles compares and does (kreativ.merge_views) ------------------------

    def merge(self, duplicate: Profile, into: Profile, user) -> None:
        from catalogue.duplicates.merge import merge_profiles

        merge_profiles(duplicate, into, user=user)

    def merge_intro(self, suggestion: ProfileDuplicateSuggestion) -> str:
        return _(
            "These two profiles look like the same actor (%(reason)s). Merging moves the members, the "
            "portfolio and the links to the profile you keep; the other profile leaves the public site "
            "and its address leads to the one kept."
        ) % {"reason": reason_label(suggestion.reason)}

    def comparison_rows(self, first: Profile, second: Profile) -> list[tuple[str, str, str]]:
        facts = [
            (_("Kind"), lambda profile: profile.get_kind_display()),
            (_("Registry number"), lambda profile: profile.registry_number),
            (_("Municipality"), lambda profile: profile.municipality),
            (_("Website"), lambda profile: profile.website),
            (_("Members"), lambda profile: str(profile.members.count())),
            (_("Portfolio images"), lambda profile: str(profile.portfolio_images.count())),
            (_("Imported from"), lambda profile: profile.imported_from),
            (_("Published"), lambda profile: yesno(profile.live)),
        ]
        return [(label, fact(first), fact(second)) for label, fact in facts]
