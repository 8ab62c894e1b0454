"""Profiles built for the catalogue's tests, as the other parts' code would leave them: created as
drafts, then published through a revision (so the tests depend on no part's own views)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from catalogue.models import ActorKind, Country, Profile


def published_profile(sectors=(), regions=(), **fields: Any) -> Profile:
    """A live profile (a person's with their consent recorded) with these sectors and regions (slugs)."""
    from kreativ.models import Region, Sector

    fields.setdefault("kind", ActorKind.STUDIO)
    fields.setdefault("country", Country.CZ)
    if fields["kind"] == ActorKind.FREELANCER:
        fields.setdefault("consent_given_at", timezone.now())
        fields.setdefault("consent_version", "1")
    profile = Profile.objects.create(live=False, **fields)
    profile.sectors.set(Sector.objects.filter(slug__in=sectors))
    profile.regions.set(Region.objects.filter(slug__in=regions))
    profile.save()
    profile.save_revision().publish()
    return Profile.objects.get(pk=profile.pk)
