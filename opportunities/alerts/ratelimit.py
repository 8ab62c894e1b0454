"""A small fixed-window rate limit on the shared cache, for the public subscription forms."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest


def allow(key: str, limit: int, window: int) -> bool:
    """Counts one attempt under ``key``; False once ``limit`` attempts were made in ``window`` seconds."""
    cache_key = "ratelimit:" + hashlib.sha256(key.encode()).hexdigest()
    if cache.add(cache_key, 1, window):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, window)
        return True
    return count <= limit


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"
