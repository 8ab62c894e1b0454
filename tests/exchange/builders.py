"""Listings built for the exchange's tests, as the later posting forms would leave them: saved with
``full_clean`` (the model's own rules), then published through a revision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from exchange.models import Listing, ListingKind, Poster, PosterKind


def poster(confirmed: bool = True, **fields: Any) -> Poster:
    fields.setdefault("name", "Obec Lipová Stráň")
    fields.setdefault("kind", PosterKind.MUNICIPALITY)
    fields.setdefault("email", "starosta@example.org")
    return Poster.objects.create(confirmed_at=timezone.now() if confirmed else None, **fields)


def listing(publish: bool = True, **fields: Any) -> Listing:
    """A listing (by default an offer by a confirmed poster), checked, saved and, unless
    ``publish=False``, published."""
    fields.setdefault("kind", ListingKind.OFFER)
    fields.setdefault("title", "Laser cutting at the fab-lab")
    fields.setdefault("description", "<p>Two hours a week of our laser cutter.</p>")
    if "profile" not in fields and "poster" not in fields:
        fields["poster"] = poster()
    if fields["kind"] == ListingKind.CHALLENGE:
        fields.setdefault("deadline", timezone.now() + dt.timedelta(days=60))
        fields.setdefault("reward_amount", 15000)
    item = Listing(live=False, **fields)
    item.full_clean()
    item.save()
    if publish:
        item.save_revision().publish()
    return Listing.objects.get(pk=item.pk)
