"""The subscription forms' rate limit keeps its window on the deployed cache (files, or Redis)."""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache

from opportunities.alerts import ratelimit


@pytest.fixture
def clock(monkeypatch):
    """A settable clock, seen by the rate limit and by the cache's expiry alike."""
    now = [3600.0 * 500_000 + 10]  # ten seconds into an hour
    monkeypatch.setattr(time, "time", lambda: now[0])
    cache.clear()
    yield now
    cache.clear()


def test_a_window_counts_attempts_until_it_ends(clock):
    assert [ratelimit.allow("alerts:client:1", 2, 3600) for _ in range(3)] == [True, True, False]
    clock[0] += 400  # past the cache's default expiry of 300 s, which the file cache's incr gives
    assert ratelimit.allow("alerts:client:1", 2, 3600) is False
    assert ratelimit.allow("alerts:client:2", 2, 3600) is True  # another key has its own count
    clock[0] += 3600  # the next hour
    assert ratelimit.allow("alerts:client:1", 2, 3600) is True
