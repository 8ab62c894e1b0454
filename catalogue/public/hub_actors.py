"""The actors based at a hub, on the hub's page: the catalogue's section of it (hubs know nothing of
the catalogue; ``catalogue/wagtail_hooks.py`` registers ``section`` for their ``hub_page_sections``)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from catalogue.models import CatalogueIndexPage, Profile
from kreativ.sites import section_of


def actors_at(hub) -> list[Profile]:
    """The public profiles based at the hub, in any of its languages, by name."""
    profiles = Profile.objects.public().filter(hubs__translation_key=hub.translation_key).distinct()
    return list(profiles.order_by("name").prefetch_related("sectors"))


def section(hub, request: HttpRequest | None) -> SafeString | None:
    """The hub page's list of its actors, linking to their profiles on the hub's office's catalogue."""
    profiles = actors_at(hub)
    if not profiles:
        return None
    catalogue = section_of(CatalogueIndexPage, hub.get_site(), hub.locale)
    context = {"profiles": profiles, "catalogue": catalogue, "hub": hub, "request": request}
    return render_to_string("catalogue/includes/hub_actors.html", context, request=request)
