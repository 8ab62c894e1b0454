"""Registers the catalogue with Wagtail: the moderators' possible duplicates (with their merge log
action), and the sections it adds to the first domains' pages (partners for consortia on a call's
page, the actors based at a hub on the hub's page)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_profile_duplicates():
    from catalogue.duplicates.viewsets import ProfileDuplicatesViewSet

    return ProfileDuplicatesViewSet()


@hooks.register("register_log_actions")
def register_catalogue_log_actions(actions):
    actions.register_action("catalogue.merge", _("Merge duplicate"), _("Merged a duplicate profile into this one"))


@hooks.register("call_page_sections")
def partners_on_call_pages(request, call):
    from catalogue.partners import call_partners_section

    return call_partners_section(request, call)


@hooks.register("hub_page_sections")
def actors_at_the_hub(hub, request):
    """A hub's page lists the actors based there (``catalogue.public.hub_actors``)."""
    from catalogue.public.hub_actors import section

    return section(hub, request)
