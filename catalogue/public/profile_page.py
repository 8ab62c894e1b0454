"""A profile's public page, a sub-route of the catalogue page: the live version only, in the reader's
language (with a fallback), its portfolio, links, hubs, flags and services, and its addresses in the
other languages (hreflang) and canonical address. A profile merged into another redirects to it.

Never an e-mail address: contact goes through the relay form (``catalogue_tags.contact_form``).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from catalogue.models import Profile
from catalogue.models.profiles import SPOKEN_LANGUAGES
from catalogue.public.search import FLAG_CHOICES
from kreativ.facets.listing import language_suffix

LANGUAGE_NAMES = dict(SPOKEN_LANGUAGES)


def public_profile(slug: str) -> Profile:
    """The profile the public may see under this slug (404 for a draft, a stale or unconsented one)."""
    profile = Profile.objects.public().filter(slug=slug).first()
    if profile is None:
        raise Http404
    return profile


def render_profile(catalogue, request: HttpRequest, slug: str) -> HttpResponse:
    merged = Profile.objects.filter(slug=slug, merged_into__isnull=False).select_related("merged_into").first()
    if merged is not None:
        target = Profile.objects.public().filter(pk=merged.merged_into_id).first()
        if target is None:
            raise Http404
        return HttpResponsePermanentRedirect(catalogue.profile_url(target, request))
    profile = public_profile(slug)
    context = catalogue.get_context(request)
    path = catalogue.reverse_subpage("profile", kwargs={"slug": profile.slug})
    context.update(
        profile_context(profile, request),
        catalogue=catalogue,
        language_suffix=language_suffix(request, path),
        alternates=alternates(catalogue, profile, request),
    )
    return TemplateResponse(request, "catalogue/profile_detail.html", context)


def profile_context(profile: Profile, request: HttpRequest | None = None) -> dict[str, Any]:
    """What the profile's page shows of it, in the active language (the preview uses it too)."""
    language = get_language()
    return {
        "profile": profile,
        "short_description": profile.short_description(language),
        "description": profile.description(language),
        "images": list(profile.portfolio_images.select_related("image")),
        "links": list(profile.portfolio_links.all()),
        "social": [url for url in (profile.facebook_url, profile.instagram_url, profile.linkedin_url) if url],
        "hubs": hubs_of(profile),
        "flags": [label for name, label in FLAG_CHOICES if getattr(profile, name)],
        "sectors": list(profile.sectors.all()),
        "regions": list(profile.regions.all()),
        "services": list(profile.services.all()),
        "languages": [str(LANGUAGE_NAMES.get(code, code)) for code in profile.languages or []],
        "map_points": map_points(profile),
    }


def map_points(profile: Profile) -> list[dict[str, Any]]:
    """The profile's municipality on the map (``templates/includes/map.html``)."""
    if not profile.has_location():
        return []
    return [
        {
            "title": profile.name,
            "url": "#main",
            "kind": profile.get_kind_display(),
            "address": profile.municipality,
            "lat": float(profile.latitude),
            "lng": float(profile.longitude),
        }
    ]


def hubs_of(profile: Profile) -> list:
    """The profile's hubs, each in the reader's language where it is translated and live."""
    found = []
    for hub in profile.hubs.all():
        shown = hub.localized
        if not shown.live:
            shown = hub
        if shown.live:
            found.append(shown)
    return found


def alternates(catalogue, profile: Profile, request: HttpRequest | None) -> list[tuple[str, str]]:
    """(language, absolute URL) of the profile's page under each live translation of the catalogue page."""
    path = catalogue.reverse_subpage("profile", kwargs={"slug": profile.slug})
    return [(code, url + path) for code, url in catalogue.get_translation_urls(request)]
