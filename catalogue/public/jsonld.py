"""schema.org data for a profile: an ``Organization``, or a ``Person`` for a freelancer who consented.

A person's profile is published only with their consent, and its page is the only place their data
are described for machines; without consent there is no data at all (the page itself is not public
then, but a moderator's preview must not describe them either). The location is the municipality,
never a street address; no e-mail address, ever (contact is the relay form's).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import get_language

from catalogue.models import Country, Profile
from catalogue.public.addresses import without_addresses
from kreativ.sites import absolute

REGISTRY_NAMES = {Country.CZ: "IČO", Country.SI: "Matična številka"}


def profile_json_ld(profile: Profile, catalogue, request: HttpRequest | None = None) -> dict[str, Any] | None:
    """The profile as schema.org data, or ``None`` for a person without recorded consent."""
    if profile.is_person and profile.consent_given_at is None:
        return None
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person" if profile.is_person else "Organization",
        "name": profile.name,
    }
    if catalogue is not None:
        data["url"] = absolute(catalogue.profile_url(profile, request), request=request)
    description = without_addresses(profile.short_description(get_language()))
    if description:
        data["description"] = strip_tags(description)
    if profile.municipality:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": profile.municipality,
            "addressCountry": profile.country,
        }
    if profile.has_location():
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(profile.latitude),
            "longitude": float(profile.longitude),
        }
    same_as = [
        url for url in (profile.website, profile.facebook_url, profile.instagram_url, profile.linkedin_url) if url
    ]
    if same_as:
        data["sameAs"] = same_as
    if profile.languages:
        data["knowsLanguage"] = list(profile.languages)
    if profile.registry_number and not profile.is_person:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": REGISTRY_NAMES.get(profile.country, "registry number"),
            "value": profile.registry_number,
        }
    services = [service.name for service in profile.services.all()]
    if services:
        data["knowsAbout" if profile.is_person else "makesOffer"] = (
            services
            if profile.is_person
            else [{"@type": "Offer", "itemOffered": {"@type": "Service", "name": name}} for name in services]
        )
    return data
