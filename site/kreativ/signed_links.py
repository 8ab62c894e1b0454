"""Signed links for people without an account: the one way the site names someone in an e-mail.

The funding alerts (confirm, manage, unsubscribe) and the catalogue's profile owners (create,
claim, open their private page, confirm their profile each year) carry everything a link needs
in the link itself, signed with Django's ``signing`` and ``SECRET_KEY``. Each app has its own
namespace and each use its own purpose, both part of the salt, so that a link of one kind is
never accepted as another. A link may expire (``max_age``), and may be single-use:

- expiring: ``loads(..., max_age=...)`` refuses a link older than that (``BadLink("expired")``);
- single-use: the link carries a stamp of the moment its holder last used a link (``stamp``);
  using one moves that moment on (the caller stores it), so every link signed before is spent
  (``check_unused`` raises ``BadLink("used")``). Nothing is stored per link.

A link that was altered, or signed for another purpose, is ``BadLink("invalid")``.

An e-mail that carries an expiring link says how long it works from the setting itself
(``lifetime``), in the reader's language, so the text never disagrees with the link.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core import signing
from django.utils.timesince import TIME_STRINGS

# The reasons a link is refused, as ``str(BadLink)``; pages explain each in the reader's language.
EXPIRED = "expired"
INVALID = "invalid"
USED = "used"
NEVER = "-"  # the stamp of someone who has used no link yet
# The units a link's lifetime is told in, largest first, in seconds.
LIFETIME_UNITS = (("day", 24 * 3600), ("hour", 3600), ("minute", 60))


class BadLink(Exception):
    """A link that was altered, belongs to another purpose, has expired or was used already."""

    @property
    def reason(self) -> str:
        return str(self)


class SignedLinks:
    """The links of one app: ``SignedLinks("opportunities.alerts").dumps(data, "confirm")``."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace

    def salt(self, purpose: str) -> str:
        return f"{self.namespace}.{purpose}"

    def dumps(self, data: Any, purpose: str) -> str:
        """A URL-safe token holding ``data`` (JSON-serialisable), signed for ``purpose``."""
        return signing.dumps(data, salt=self.salt(purpose), compress=True)

    def loads(self, token: str, purpose: str, max_age: int | float | dt.timedelta | None) -> Any:
        """The data of a token signed for ``purpose``; ``max_age`` in seconds (None: never expires)."""
        try:
            return signing.loads(token, salt=self.salt(purpose), max_age=max_age)
        except signing.SignatureExpired as error:
            raise BadLink(EXPIRED) from error
        except signing.BadSignature as error:
            raise BadLink(INVALID) from error


def stamp(moment: dt.datetime | None) -> str:
    """What a single-use link carries of its holder's last use of a link (to the microsecond)."""
    return NEVER if moment is None else moment.isoformat(timespec="microseconds")


def check_unused(carried: str, last_used: dt.datetime | None) -> None:
    """Refuses a single-use link once its holder has used a link since it was signed."""
    if carried != stamp(last_used):
        raise BadLink(USED)


def lifetime(max_age: int | float | dt.timedelta) -> str:
    """How long a link signed with ``max_age`` (seconds) works, in the active language, in the
    largest unit that tells it exactly ("3 days", "3 dny", "36 hours"), else in whole minutes
    (Django's own translated units, those of ``timesince``)."""
    seconds = int(max_age.total_seconds() if isinstance(max_age, dt.timedelta) else max_age)
    for unit, size in LIFETIME_UNITS:
        if seconds >= size and seconds % size == 0:
            return TIME_STRINGS[unit] % {"num": seconds // size}
    return TIME_STRINGS["minute"] % {"num": max(1, seconds // 60)}
