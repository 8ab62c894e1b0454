"""The demo's listings, from ``<office>/listings.yaml``.

The file holds ``posters`` (firms and municipalities without a catalogue profile, by a ``key``:
name, kind, an example.org address, the language of their e-mails; confirmed) and ``listings``,
each written as its fields (``kind``, ``title``, ``description`` as plain text, a blank line
between paragraphs; ``sectors``, ``regions`` and ``category`` by their slugs, ``budget_band``)
with the file's ``defaults`` filling what it leaves out, and who posts it: ``profile`` (a demo
profile's slug) or ``poster`` (a key). A partner search names its call as ``call: {source,
external_id}``; one whose call is not published or has closed is left out (deadlines are real,
so calls close as time passes). A challenge has ``deadline`` (``{in_days: 45}``), its reward,
``rules`` and, once decided, ``result``: a decided challenge ran before the demo was loaded, so its
deadline lies in the past.

Each listing is found by its ``slug``: one that exists already is left as it is (a moderator's
changes are kept), so loading the demo again adds only what is missing. A new one is checked as
the admin would (``full_clean``), saved and published by the demo's moderator.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from catalogue.imports.values import paragraphs
from catalogue.models import Profile
from exchange.models import Listing, ListingKind, Poster
from hubs.models import HubPage
from kreativ.demo_data import DemoDataError, day_from_today, field_values, read
from kreativ.demo_tools import demo_moderator
from opportunities.models import FundingCall, SourceRecord

logger = logging.getLogger(__name__)
TEXTS = ("description", "rules", "result")
OWN_KEYS = ("slug", "profile", "poster", "hub", "call", "deadline", *TEXTS)


def load_listings(path: Path) -> None:
    data = read(path) or {}
    if not isinstance(data, Mapping):
        raise DemoDataError(f"{path}: expected defaults, posters and listings")
    posters = {
        spec.get("key"): _poster(spec, f"{path}, posters[{number}]")
        for number, spec in enumerate(data.get("posters") or [])
    }
    defaults = data.get("defaults") or {}
    moderator = demo_moderator()
    for number, spec in enumerate(data.get("listings") or []):
        where = f"{path}, listings[{number}]"
        if not isinstance(spec, Mapping):
            raise DemoDataError(f"{where}: expected a listing's fields, found {spec!r}")
        ensure_listing({**defaults, **spec}, where, posters, moderator)


def _poster(spec: Any, where: str) -> Poster:
    if not isinstance(spec, Mapping) or not {"key", "name", "kind", "email"} <= set(spec):
        raise DemoDataError(f"{where}: a poster needs key, name, kind and email")
    poster, _created = Poster.objects.get_or_create(
        email=spec["email"],
        name=spec["name"],
        defaults={"kind": spec["kind"], "language": spec.get("language", "cs"), "confirmed_at": timezone.now()},
    )
    return poster


def ensure_listing(spec: Mapping[str, Any], where: str, posters: dict, moderator) -> Listing | None:
    """The listing of this spec: the existing one (left as it is), a new one published, or None
    for a partner search whose call is not open (logged)."""
    slug = spec.get("slug")
    if not slug:
        raise DemoDataError(f"{where}: a listing needs a slug")
    existing = Listing.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    own = {key: spec.get(key) for key in OWN_KEYS}
    values = field_values(Listing, {key: value for key, value in spec.items() if key not in OWN_KEYS}, where)
    listing = Listing(slug=slug, live=False)
    for name, value in values.items():
        if not name.startswith("m2m:"):
            setattr(listing, name, value)
    for name in TEXTS:
        if own[name]:
            setattr(listing, name, paragraphs(own[name]))
    listing.profile = _profile(own["profile"], where) if own["profile"] else None
    if own["poster"]:
        if own["poster"] not in posters:
            raise DemoDataError(f"{where}: no poster {own['poster']!r} in the file's posters")
        listing.poster = posters[own["poster"]]
    listing.hub = _hub(own["hub"], where) if own["hub"] else None
    if own["call"]:
        listing.funding_call = _call(own["call"], where)
        if listing.funding_call is None or listing.call_error():
            logger.info("Demo: partner search %s left out, its call is not open on the portal", slug)
            return None
    if own["deadline"] is not None:
        day = day_from_today(own["deadline"], f"{where}, deadline")
        listing.deadline = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
    _check(listing, where)
    listing.save()
    for name, value in values.items():
        if name.startswith("m2m:"):
            getattr(listing, name[4:]).set(value)
    # The demo's moderator stands for the Moderators, whose right to publish comes with the workflow.
    listing.save_revision(user=moderator).publish(user=moderator, skip_permission_checks=True)
    return listing


def _check(listing: Listing, where: str) -> None:
    """The admin's checks; a decided challenge's deadline has passed, so it is checked as it stood
    while the challenge ran."""
    deadline = listing.deadline
    if listing.kind == ListingKind.CHALLENGE and listing.result and deadline and deadline <= timezone.now():
        listing.deadline = timezone.now() + dt.timedelta(days=1)
    try:
        listing.full_clean(exclude=["sectors", "regions", "slug"])
    except ValidationError as error:
        raise DemoDataError(f"{where}: {error.message_dict}") from error
    finally:
        listing.deadline = deadline


def _profile(slug: str, where: str) -> Profile:
    profile = Profile.objects.filter(slug=slug).first()
    if profile is None:
        raise DemoDataError(f"{where}: no profile {slug!r} (see catalogue/demo/<office>/profiles.yaml)")
    return profile


def _hub(slug: str, where: str) -> HubPage:
    hub = HubPage.objects.live().filter(slug=slug).first()
    if hub is None:
        raise DemoDataError(f"{where}: no hub {slug!r} (see hubs/demo/<office>/hubs.yaml)")
    return hub


def _call(spec: Any, where: str) -> FundingCall | None:
    if not isinstance(spec, Mapping) or not {"source", "external_id"} <= set(spec):
        raise DemoDataError(f"{where}: a call is named by its source and external_id")
    record = SourceRecord.objects.filter(source__slug=spec["source"], external_id=spec["external_id"]).first()
    return record.call if record is not None else None
