"""The academy's tests register again and again from one client (127.0.0.1): what the rate limits
counted in a test is dropped after it, so that the next test starts within its limits."""

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    yield
    cache.clear()
