"""The links e-mailed to the people who post listings (no account, no password), on the
foundation's ``kreativ.signed_links`` (namespace ``exchange``, the purpose in the salt):

- ``renew`` and ``close``: in the reminders before a listing ends (``exchange.lifecycle``); they
  carry the moment a link of that listing was last used, so using either spends both, and every
  link sent before (single use, nothing stored per link); valid ``EXCHANGE_LINK_MAX_AGE``;
- ``confirm``: a ``Poster`` (a firm or municipality without a catalogue profile) confirms their
  address; it carries their ``confirmed_at`` (none yet), so it works once; valid
  ``EXCHANGE_POSTER_LINK_MAX_AGE``.

A link opens a page with one button, and only the button (a POST) acts: mail scanners follow
links, and would otherwise renew or close a listing nobody asked to (``exchange.views``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone

from exchange.models import Listing, Poster
from kreativ.signed_links import BadLink, SignedLinks, check_unused, stamp

LINKS = SignedLinks("exchange")
GONE = "gone"  # the listing or the poster a link names no longer exists
LISTING_PURPOSES = ("renew", "close")
POSTER_PURPOSES = ("confirm",)
PURPOSES = LISTING_PURPOSES + POSTER_PURPOSES


def _max_age(purpose: str) -> int:
    return settings.EXCHANGE_POSTER_LINK_MAX_AGE if purpose in POSTER_PURPOSES else settings.EXCHANGE_LINK_MAX_AGE


@dataclass
class Link:
    """A link read and found valid: what it names (a listing or a poster) and what it carried."""

    purpose: str
    target: Listing | Poster
    data: dict[str, Any]


def listing_token(listing: Listing, purpose: str, language: str) -> str:
    assert purpose in LISTING_PURPOSES
    return LINKS.dumps({"i": listing.pk, "u": stamp(listing.last_link_used_at), "l": language}, purpose)


def poster_token(poster: Poster) -> str:
    return LINKS.dumps({"p": poster.pk, "u": stamp(poster.confirmed_at), "l": poster.language}, "confirm")


def _target(purpose: str, data: dict[str, Any], lock: bool = False):
    if purpose in POSTER_PURPOSES:
        model, key, moment = Poster, "p", "confirmed_at"
    else:
        model, key, moment = Listing, "i", "last_link_used_at"
    objects = model.objects.select_for_update() if lock else model.objects
    target = objects.filter(pk=data.get(key)).first()
    if target is None:
        raise BadLink(GONE)
    check_unused(str(data.get("u", "")), getattr(target, moment))
    return target


def read(token: str, purpose: str) -> Link:
    """The listing or poster a link names, the link unspent; BadLink (expired, invalid, used, gone) otherwise."""
    if purpose not in PURPOSES:
        raise BadLink("invalid")
    data = LINKS.loads(token, purpose, _max_age(purpose))
    return Link(purpose, _target(purpose, data), data)


def spend(link: Link) -> Listing | Poster:
    """Marks the link as used, under a row lock so that two clicks cannot both pass (the second
    gets BadLink(USED)); returns its target, locked. Call inside a transaction."""
    target = _target(link.purpose, link.data, lock=True)
    if isinstance(target, Listing):
        target.last_link_used_at = timezone.now()
        Listing.objects.filter(pk=target.pk).update(last_link_used_at=target.last_link_used_at)
    return target
