"""The foundation's signed links: each purpose its own salt, expiry, single use by a stamp, and
their lifetime told in words."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import signing
from django.utils import timezone, translation

from kreativ import signed_links
from kreativ.signed_links import BadLink, SignedLinks, check_unused, stamp

LINKS = SignedLinks("tests.links")


def test_a_link_reads_back_only_for_its_own_purpose_and_namespace():
    token = LINKS.dumps({"m": 7}, "open")
    assert LINKS.loads(token, "open", max_age=60) == {"m": 7}
    for other, purpose in ((LINKS, "confirm"), (SignedLinks("tests.other"), "open")):
        with pytest.raises(BadLink) as raised:
            other.loads(token, purpose, max_age=60)
        assert raised.value.reason == "invalid"


def test_an_altered_link_is_invalid_and_an_old_one_expired(monkeypatch):
    token = LINKS.dumps({"m": 7}, "open")
    with pytest.raises(BadLink, match="invalid"):
        LINKS.loads(token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "open", max_age=60)
    later = signing.TimestampSigner().timestamp()
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: later)
    old = LINKS.dumps({"m": 7}, "open")
    import time

    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 3601)
    with pytest.raises(BadLink, match="expired"):
        LINKS.loads(old, "open", max_age=3600)
    assert LINKS.loads(old, "open", max_age=None) == {"m": 7}


def test_a_single_use_link_is_spent_once_its_holder_used_a_link():
    never = stamp(None)
    check_unused(never, None)  # a first link of someone who used none
    used = timezone.now()
    with pytest.raises(BadLink, match="used"):
        check_unused(never, used)
    check_unused(stamp(used), used)  # a link signed after the last use
    with pytest.raises(BadLink, match="used"):
        check_unused(stamp(used), used + dt.timedelta(microseconds=1))


def test_a_links_lifetime_is_told_in_the_largest_exact_unit_in_the_readers_language():
    with translation.override("en"):
        assert signed_links.lifetime(3 * 24 * 3600) == "3 days"
        assert signed_links.lifetime(dt.timedelta(hours=36)) == "36 hours"
        assert signed_links.lifetime(90) == "1 minute"
    with translation.override("cs"):
        assert signed_links.lifetime(3 * 24 * 3600) == "3 dny"
        assert signed_links.lifetime(5 * 24 * 3600) == "5 dní"
    with translation.override("sl"):
        assert signed_links.lifetime(12 * 3600) == "12 ur"
