"""Signed links for subscribers without an account, on the foundation's ``kreativ.signed_links``
(Django's signing, each use with its own salt).

- confirm: carries the wished subscription itself, so nothing is stored before confirmation; expires;
- manage: opens the page of an e-mail address, where all its alerts are changed, paused, exported or
  deleted; expires, every e-mail has a fresh one;
- unsubscribe: one click (RFC 8058), stops one alert; valid as long as that alert exists;
- watch: adds a call (named next to it in the URL) to the reminders of the alert whose e-mail held it.

A manage link names the address, not one alert, so that any e-mail's link manages them all. Links
e-mailed before an address could hold several alerts named their one alert (``{"s": pk}``); they
are still read, for the address of that alert, until the last of them has expired
(``ALERTS_MANAGE_LINK_MAX_AGE`` after the deployment that stopped making them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings

from kreativ.signed_links import BadLink as BadLink  # what the views catch, as tokens.BadLink
from kreativ.signed_links import SignedLinks

CONFIRM_MAX_AGE = 3 * 24 * 3600
# The salts of links e-mailed before the move to the foundation: they stay valid.
LINKS = SignedLinks("opportunities.alerts")
_dumps = LINKS.dumps
_loads = LINKS.loads


def confirm_token(wish: dict[str, Any]) -> str:
    return _dumps(wish, "confirm")


def read_confirm_token(token: str) -> dict[str, Any]:
    return _loads(token, "confirm", CONFIRM_MAX_AGE)


@dataclass(frozen=True)
class ManageLink:
    """What a manage link names: an address, or (links of before several alerts) one alert."""

    email: str | None = None
    subscription_pk: int | None = None


def manage_token(email: str) -> str:
    return _dumps({"e": email}, "manage")


def read_manage_token(token: str) -> ManageLink:
    data = _loads(token, "manage", settings.ALERTS_MANAGE_LINK_MAX_AGE)
    if "e" in data:
        return ManageLink(email=str(data["e"]))
    return ManageLink(subscription_pk=int(data["s"]))


def unsubscribe_token(subscription_pk: int, email: str) -> str:
    # The address is part of the signed value: a token stays useless if the row is reused.
    return _dumps({"s": subscription_pk, "e": email}, "unsubscribe")


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    data = _loads(token, "unsubscribe", None)
    return int(data["s"]), str(data["e"])


def watch_token(subscription_pk: int) -> str:
    """One token per subscriber and e-mail; the call to watch travels next to it in the URL.

    Signing each (subscriber, call) pair would cost a signature per call listed in every digest.
    """
    return _dumps({"s": subscription_pk}, "watch")


def read_watch_token(token: str) -> int:
    return int(_loads(token, "watch", settings.ALERTS_MANAGE_LINK_MAX_AGE)["s"])
