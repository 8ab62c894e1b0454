"""The links e-mailed to the people who keep profiles (no account, no password), on the
foundation's ``kreativ.signed_links``. Every one is single-use and expires:

- create: carries the wished profile (address, name, kind), so nothing is stored before the
  address is confirmed; spent by a record of its nonce (``UsedLink``), as it names no member yet;
- claim: the claimant's confirmed address and the profile nobody keeps yet; its use records a
  claim for a moderator to decide on; spent by its nonce too;
- open: opens a member's private page; spent when any link of that member is used (the member's
  ``last_link_used_at`` is signed into it);
- admit: lets a member add someone who asked to keep the profile; spent like ``open``;
- confirm: the yearly "is your profile still right?" (valid longer, ``CATALOGUE_CONFIRMATION_LINK_MAX_AGE``).

A link is used by a button on the page it opens (a POST): mail scanners follow links, and would
spend a single-use link before its reader could.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from catalogue.models import ProfileMember, UsedLink
from kreativ.signed_links import USED, BadLink, SignedLinks, check_unused, stamp

LINKS = SignedLinks("catalogue.owners")
GONE = "gone"  # the member or the profile a link names no longer exists
MEMBER_PURPOSES = ("open", "admit", "confirm")
WISH_PURPOSES = ("create", "claim")


def _max_age(purpose: str) -> int:
    return settings.CATALOGUE_CONFIRMATION_LINK_MAX_AGE if purpose == "confirm" else settings.CATALOGUE_LINK_MAX_AGE


# --- links that name no member yet: a wish, spent by its nonce ----------------------------------


def wish_token(purpose: str, wish: dict[str, Any]) -> str:
    """A create or claim link carrying ``wish`` (plain values) and a fresh nonce."""
    assert purpose in WISH_PURPOSES
    return LINKS.dumps({**wish, "x": secrets.token_urlsafe(16)}, purpose)


def read_wish(token: str, purpose: str) -> dict[str, Any]:
    """The wish of a create or claim link; BadLink when altered, expired or spent."""
    wish = LINKS.loads(token, purpose, _max_age(purpose))
    if UsedLink.objects.filter(digest=_digest(wish)).exists():
        raise BadLink(USED)
    return wish


def spend_wish(wish: dict[str, Any]) -> None:
    """Records the wish's link as spent; BadLink(USED) when another request spent it first.
    Call inside the transaction that acts on the wish."""
    try:
        with transaction.atomic():
            UsedLink.objects.create(digest=_digest(wish))
    except IntegrityError as error:
        raise BadLink(USED) from error


def _digest(wish: dict[str, Any]) -> str:
    return hashlib.sha256(str(wish.get("x", "")).encode()).hexdigest()


# --- links of a member: spent by the member's last use ------------------------------------------


def member_token(member: ProfileMember, purpose: str, language: str, **extra: Any) -> str:
    assert purpose in MEMBER_PURPOSES
    return LINKS.dumps({"m": member.pk, "u": stamp(member.last_link_used_at), "l": language, **extra}, purpose)


@dataclass
class MemberLink:
    member: ProfileMember
    language: str
    data: dict[str, Any]


def read_member_link(token: str, purpose: str) -> MemberLink:
    """The member a link names, still a member, the link unspent; BadLink otherwise."""
    data = LINKS.loads(token, purpose, _max_age(purpose))
    member = ProfileMember.objects.select_related("profile").filter(pk=data.get("m")).first()
    if member is None:
        raise BadLink(GONE)
    check_unused(str(data.get("u", "")), member.last_link_used_at)
    return MemberLink(member, str(data.get("l") or "cs"), data)


def spend_member_link(link: MemberLink) -> ProfileMember:
    """Marks the member's links as spent, under a row lock so that two clicks cannot both pass;
    BadLink(USED) for the second. Call inside a transaction."""
    member = ProfileMember.objects.select_for_update().select_related("profile").filter(pk=link.member.pk).first()
    if member is None:
        raise BadLink(GONE)
    check_unused(str(link.data.get("u", "")), member.last_link_used_at)
    member.last_link_used_at = timezone.now()
    member.save(update_fields=["last_link_used_at"])
    return member
