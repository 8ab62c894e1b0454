"""What the public profiles contribute to the catalogue's bitmap index (``kreativ.facets``).

The catalogue is the funding finder's kind of listing: its filters, counts and two orders besides
relevance run on an in-memory index of the public profiles (``Profile.objects.public()``), not in
SQL. Each profile is a bit in the bitsets of its kind, sectors, regions (and every region that
contains them: an actor in Olomoucký kraj is an actor of Czechia), services, working languages,
flags and place (its municipality, for the map). The orders are by name (accents folded, so "Č"
sorts beside "C") and newest first (when a profile was first published).

The index is rebuilt when a profile is published, unpublished, saved or deleted, or a sector,
region or service is edited (``invalidate``, connected in ``catalogue.apps``), and at least every
``MAX_AGE`` seconds: a profile its owners have not confirmed for 13 months leaves public view with
the clock.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.utils import timezone
from django.utils.text import slugify

from kreativ.facets.builder import Positions
from kreativ.facets.holder import IndexHolder
from kreativ.facets.index import FacetIndex, with_parents

VERSION_KEY = "catalogue:facet-index-version"
FLAGS = ("open_to_commissions", "seeks_partners", "voucher_provider", "forum_member")
# What saving a profile may write without changing what the public sees of it (a draft, a lock).
BOOKKEEPING = frozenset(
    {"latest_revision", "has_unpublished_changes", "draft_title", "locked", "locked_at", "locked_by", "slug"}
)


def name_key(name: str) -> str:
    """A name as the catalogue sorts it: case and accents folded ("Čtverec" beside "Ctverec")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def place_key(country: str, municipality: str) -> str:
    """A municipality as the map and the ``place`` filter name it: ``cz-olomouc``."""
    return f"{country.lower()}-{slugify(municipality)}" if municipality.strip() else ""


def build(version: int) -> FacetIndex:
    """Reads the public profiles' facet values from the database (primary keys and values only)."""
    from django.db.models import F

    from catalogue.models import Profile, Service
    from kreativ.models import Region, Sector

    now = timezone.now()
    public = Profile.objects.public(now)
    rows = list(
        public.order_by("pk").values_list(
            "pk", "name", "kind", "languages", "municipality", "country", "latitude", "longitude", *FLAGS
        )
    )
    found = Positions(row[0] for row in rows)
    places: dict[str, dict[str, Any]] = {}
    for pk, _name, kind, languages, municipality, country, latitude, longitude, *flags in rows:
        found.add("kind", kind, (pk,))
        for code in languages or []:
            found.add("language", code, (pk,))
        for flag, value in zip(FLAGS, flags, strict=True):
            if value:
                found.add("flag", flag, (pk,))
        key = place_key(country, municipality)
        if key:
            found.add("place", key, (pk,))
            place = places.setdefault(key, {"name": municipality.strip(), "lat": None, "lng": None})
            if place["lat"] is None and latitude is not None and longitude is not None:
                place.update(lat=float(latitude), lng=float(longitude))

    region_parents = dict(Region.objects.values_list("slug", "parent__slug"))
    regions: dict[int, list[str]] = {}
    for pk, slug in _pairs(Profile.regions, "region__slug"):
        regions.setdefault(pk, []).append(slug)
    found.add_pairs(
        "region", ((pk, slug) for pk, slugs in regions.items() for slug in with_parents(slugs, region_parents))
    )
    found.add_pairs("sector", _pairs(Profile.sectors, "sector__slug"))
    found.add_pairs("service", _pairs(Profile.services, "service__slug"))

    by_name = sorted(rows, key=lambda row: (name_key(row[1]), row[0]))
    newest = public.order_by(F("first_published_at").desc(nulls_last=True), "-pk").values_list("pk", flat=True)
    return FacetIndex(
        built_at=now,
        version=version,
        pks=found.pks,
        values=found.values(),
        orders={"name": found.order(row[0] for row in by_name), "newest": found.order(newest)},
        region_parents=region_parents,
        taxonomies={
            "sector": list(Sector.objects.all()),
            "region": list(Region.objects.all()),
            "service": list(Service.objects.all()),
        },
        # Each place's name and coordinates (of its first profile that has them, else none).
        extra={"places": places},
    )


def _pairs(relation: Any, column: str):
    """(profile, value) pairs of a many-to-many field, for the live profiles (the index drops the rest)."""
    return relation.through.objects.filter(profile__live=True).values_list("profile_id", column)


_holder = IndexHolder(VERSION_KEY, build)
current = _holder.current
version = _holder.version
invalidate = _holder.invalidate


def invalidate_on_save(sender: type, update_fields: frozenset[str] | None = None, **kwargs: Any) -> None:
    """``post_save`` of a profile: anything but a draft's bookkeeping may change what the public sees
    (a confirmation, a consent, a merge)."""
    if update_fields and set(update_fields) <= BOOKKEEPING:
        return
    invalidate()
