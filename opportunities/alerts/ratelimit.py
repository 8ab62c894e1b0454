"""A small fixed-window rate limit on the shared cache, for the public subscription forms."""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache
from django.http import HttpRequest


def allow(key: str, limit: int, window: int) -> bool:
    """Counts one attempt under ``key``; False once ``limit`` attempts were made in this window.

    Windows are fixed (the hour, for ``window=3600``) and each has its own counter, which expires
    with its window. Some cache backends (the file cache) reset an entry's expiry on ``incr``;
    ``touch`` sets it back to the window's end.
    """
    now = time.time()
    remaining = max(int(window - now % window), 1)
    cache_key = f"ratelimit:{hashlib.sha256(key.encode()).hexdigest()}:{int(now // window)}"
    if cache.add(cache_key, 1, remaining):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, remaining)
        return True
    cache.touch(cache_key, remaining)
    return count <= limit


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"
