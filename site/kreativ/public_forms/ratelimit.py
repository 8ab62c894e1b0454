"""Fixed-window rate limits on the shared cache, for the site's public forms.

A public form that sends e-mail or stores what a stranger typed (an alert subscription, later a
booking or an exchange offer) is limited twice: per target (the e-mail address, the event), so
nobody can flood one inbox, and per client, so one client cannot flood many. Both counters count
every attempt. The cache must be shared by every web process (the file cache of one machine, or
Redis across machines) for a limit to hold.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time

from django.core.cache import cache
from django.http import HttpRequest

from kreativ.public_forms.client import client_address

HOUR = 3600


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


def client_key(request: HttpRequest) -> str:
    """Who counts as one client: its address, or for IPv6 its /64 network.

    An IPv6 household or server is given a whole /64 and can pick a new address in it for every
    request; counting addresses would give it billions of limits.
    """
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False))
    return str(parsed)


def allow_client_and_target(
    request: HttpRequest, scope: str, target: str, per_target: int, per_client: int, window: int = HOUR
) -> bool:
    """Counts one attempt of this client on ``target`` within ``scope`` (a form's name).

    False when the target or the client is over its limit. Both are counted either way, so that
    an answer never tells which of the two was reached. Normalise ``target`` first (an e-mail
    address in lower case).
    """
    target_allowed = allow(f"{scope}:target:{target}", per_target, window)
    client_allowed = allow(f"{scope}:client:{client_key(request)}", per_client, window)
    return target_allowed and client_allowed
