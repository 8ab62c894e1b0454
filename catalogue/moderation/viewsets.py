"""The catalogue in Wagtail's admin, grouped under "Catalogue": profiles under moderation (the
queue is the listing's "Waiting for a decision" filter; each edit form shows who keeps the
profile, its consents and the compare link of its last change, and, for a profile nobody keeps,
the moderators' one-click confirmation), services, and claims of profiles nobody keeps, each to
approve or refuse.

Each viewset names its "Add …" and "New …" labels as whole phrases (``kreativ.admin_labels``).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from catalogue.models import ClaimRequest, Profile, Service
from catalogue.moderation import claims, unkept
from catalogue.moderation.decisions import ProfileEditView, ProfileWorkflowActionView
from catalogue.moderation.listing import ClaimFilterSet, ProfileFilterSet
from catalogue.moderation.panels import OwnersPanel
from kreativ.admin_labels import PhrasedInlinePanel, PhrasedLabels
from kreativ.location_panel import LocationPanel

PROFILE_PANELS = TabbedInterface(
    [
        ObjectList(
            [
                OwnersPanel(heading=_("Owners and consent")),
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("country"), FieldPanel("registry_number")]),
                FieldPanel("sectors"),
                FieldPanel("regions"),
                FieldPanel("services"),
                FieldPanel("languages"),
                MultiFieldPanel(
                    [FieldPanel("municipality"), LocationPanel()], heading=_("Where (never a street address)")
                ),
                FieldPanel("hubs"),
                MultiFieldPanel(
                    [
                        FieldPanel("open_to_commissions"),
                        FieldPanel("seeks_partners"),
                        FieldPanel("voucher_provider"),
                        FieldPanel("forum_member"),
                    ],
                    heading=_("Flags"),
                ),
            ],
            heading=_("Profile"),
        ),
        ObjectList(
            [
                FieldPanel("short_cs"),
                FieldPanel("description_cs"),
                FieldPanel("short_sl"),
                FieldPanel("description_sl"),
                FieldPanel("short_en"),
                FieldPanel("description_en"),
            ],
            heading=_("Texts"),
        ),
        ObjectList(
            [
                FieldPanel("website"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                PhrasedInlinePanel("portfolio_links", label=_("Link"), add_label=_("Add link")),
                PhrasedInlinePanel("portfolio_images", label=_("Image"), add_label=_("Add image")),
            ],
            heading=_("Links and portfolio"),
        ),
    ]
)


class ProfileViewSet(PhrasedLabels, SnippetViewSet):
    model = Profile
    add_item_label = _("Add profile")
    new_item_label = _("New profile")
    icon = "user"
    menu_label = _("Profiles")
    filterset_class = ProfileFilterSet
    list_display = [
        "name",
        "kind",
        "municipality",
        BooleanColumn("live", label=_("Published")),
        DateColumn("confirmed_at", label=_("Confirmed")),
    ]
    list_per_page = 50
    search_fields = ["name", "municipality"]
    copy_view_enabled = False
    edit_handler = PROFILE_PANELS
    edit_view_class = ProfileEditView
    workflow_action_view_class = ProfileWorkflowActionView

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("confirm/<int:pk>/", self.confirm_view, name="confirm")]

    def confirm_view(self, request, pk: int):
        """The POST of the edit form's button: a moderator confirms a profile nobody keeps."""
        if request.method != "POST" or not request.user.has_perm(unkept.MODERATION_PERMISSION):
            raise PermissionDenied
        profile = get_object_or_404(Profile, pk=pk)
        try:
            unkept.confirm(profile, request.user)
            messages.success(
                request, _("“%(profile)s” is confirmed as still right for another year.") % {"profile": profile}
            )
        except unkept.Kept:
            messages.warning(request, _("People keep this profile: only they confirm it."))
        return redirect(reverse(self.get_url_name("edit"), args=[profile.pk]))


class ServiceViewSet(PhrasedLabels, SnippetViewSet):
    model = Service
    add_item_label = _("Add service")
    new_item_label = _("New service")
    icon = "tag"
    menu_label = _("Services")
    list_display = ["name_cs", "name_sl", "name_en", "slug"]
    search_fields = ["name_cs", "name_sl", "name_en", "slug"]


class ClaimViewSet(SnippetViewSet):
    """Claims are made by people on the site, never in the admin; a moderator approves or refuses."""

    model = ClaimRequest
    icon = "key"
    menu_label = _("Profile claims")
    filterset_class = ClaimFilterSet
    list_display = ["profile", "email", "status", DateColumn("created_at", label=_("Asked"))]
    ordering = ["-created_at"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_template_name = "catalogue/admin/claim_inspect.html"
    inspect_view_fields = [
        "profile",
        "email",
        "message",
        "language",
        "status",
        "created_at",
        "decided_at",
        "decided_by",
    ]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("decide/<int:pk>/", self.decide_view, name="decide")]

    def decide_view(self, request, pk: int):
        """The POST of the claim's inspect page: ``decision=approve`` or ``refuse``."""
        if request.method != "POST" or not request.user.has_perm("catalogue.change_claimrequest"):
            raise PermissionDenied
        claim = get_object_or_404(ClaimRequest, pk=pk)
        try:
            if request.POST.get("decision") == "approve":
                claims.approve(claim, request.user)
                messages.success(
                    request,
                    _("%(email)s now keeps “%(profile)s” and got a link.")
                    % {"email": claim.email, "profile": claim.profile},
                )
            else:
                claims.refuse(claim, request.user)
                messages.success(request, _("The claim was refused; %(email)s is told.") % {"email": claim.email})
        except claims.AlreadyDecided:
            messages.warning(request, _("Somebody decided on this claim already."))
        return redirect(reverse(self.get_url_name("list")))


class CatalogueViewSetGroup(SnippetViewSetGroup):
    items = (ProfileViewSet, ServiceViewSet, ClaimViewSet)
    menu_icon = "user"
    menu_label = _("Catalogue")
    menu_name = "catalogue"
    menu_order = 160
