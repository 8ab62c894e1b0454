"""Registers the catalogue with Wagtail: its admin (profiles under moderation, services, claims),
the moderators' possible duplicates, the log actions of owners and moderators (merges, consents,
claims), the moderators' dashboard panel, and the sections it adds to the first domains' pages
(partners for consortia on a call's page, the actors based at a hub on the hub's page)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from catalogue.moderation.viewsets import CatalogueViewSetGroup

register_snippet(CatalogueViewSetGroup)


@hooks.register("register_admin_viewset")
def register_profile_duplicates():
    from catalogue.duplicates.viewsets import ProfileDuplicatesViewSet

    return ProfileDuplicatesViewSet()


@hooks.register("register_log_actions")
def register_catalogue_log_actions(actions):
    actions.register_action("catalogue.merge", _("Merge duplicate"), _("Merged a duplicate profile into this one"))
    actions.register_action("catalogue.consent_given", _("Consent given"), _("The owner gave a consent"))
    actions.register_action("catalogue.consent_withdrawn", _("Consent withdrawn"), _("The owner withdrew a consent"))
    actions.register_action("catalogue.claim_approved", _("Claim approved"), _("A moderator approved a claim"))
    actions.register_action("catalogue.claim_refused", _("Claim refused"), _("A moderator refused a claim"))
    actions.register_action(
        "catalogue.confirmed_by_moderator",
        _("Confirmed by a moderator"),
        _("A moderator confirmed the profile nobody keeps is still right"),
    )


@hooks.register("construct_homepage_panels")
def add_catalogue_panel(request, panels):
    from catalogue.moderation.dashboard import CataloguePanel

    if request.user.has_perm("catalogue.change_profile"):
        panels.append(CataloguePanel(request))


@hooks.register("call_page_sections")
def partners_on_call_pages(request, call):
    from catalogue.partners import call_partners_section

    return call_partners_section(request, call)


@hooks.register("hub_page_sections")
def actors_at_the_hub(hub, request):
    """A hub's page lists the actors based there (``catalogue.public.hub_actors``)."""
    from catalogue.public.hub_actors import section

    return section(hub, request)
