"""Anonymous readers' views of the faceted listings, answered from the cache before Wagtail routes.

Many readers ask for the same views of the funding finder and the catalogue (the default listing,
one sector, one programme). Computing a view takes tens of milliseconds; even finding the page for a
URL takes several queries. So a listing stores each rendered view under a key made of its address
and the versions of every listing's facet index (``kreativ.facets.holder.version_keys``) and of the
site's fragments, and ``ListingPageCacheMiddleware``, last in ``MIDDLEWARE``, answers a repeated
view from that key before the URL resolver and Wagtail's routing run. Publishing, withdrawing or
merging a call or a profile bumps its index's version (``IndexHolder.invalidate``); publishing,
unpublishing or moving a page (the listing's own text, a menu's pages), saving the site's settings
(menus, footer) or a page's privacy bumps the version of the site's fragments
(``kreativ.fragments``): either way every view shows the change at once. A view expires after
``LISTING_CACHE_SECONDS`` in any case, since statuses follow the clock.

Signed-in users (editors previewing, moderators) are never served from, nor stored in, the cache.
A cached view is the same for every anonymous reader, so a listing's template must hold nothing
personal: no CSRF token (its forms use GET), no messages.

A view is kept with the headers it was answered with (``Content-Type``, ``Content-Language``,
``Vary``, validators such as ``ETag`` and ``Last-Modified``, ``Cache-Control``, anything else the
view or a Wagtail hook set), so a cached reader gets the same answer as the first one. The view
only marks its response (``store``); the middleware keeps it on the way out, after everything
between it and the view has had its say. Cookies and the headers of one delivery (``Date``,
``Content-Length``, hop-by-hop headers) are never kept. The middlewares before this one run on a
cached answer as on any other, and add their own headers again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from kreativ import fragments
from kreativ.facets.holder import version_keys

KEY_PREFIX = "listing-page"


def cache_key(request: HttpRequest) -> str | None:
    """Where this request's view is cached, or ``None`` when it may not be."""
    if settings.LISTING_CACHE_SECONDS <= 0 or request.method != "GET" or request.user.is_authenticated:
        return None
    keys = [*version_keys(), fragments.VERSION_KEY]
    versions = cache.get_many(keys)
    version = ".".join(str(versions.get(key, 0)) for key in keys)
    address = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"{KEY_PREFIX}:{version}:{address}"


# Never replayed: another reader's cookies, and what belongs to one delivery of the bytes.
NOT_KEPT = frozenset(
    {"set-cookie", "content-length", "date", "age", "connection", "keep-alive", "transfer-encoding", "upgrade"}
)
_MARK = "_listing_page_cache_key"


def store(key: str | None, response: HttpResponse) -> None:
    """Keeps a rendered view under the key its request had before it was computed.

    An object published while the view was computed bumped the version since: the view, which
    may not show it, stays under the old version's key, where no reader looks any more. The response
    is kept by ``ListingPageCacheMiddleware`` once it comes back through it, with its final headers.
    """
    if key is not None:
        setattr(response, _MARK, key)


def _keep(key: str, response: HttpResponse) -> None:
    if response.status_code != 200 or response.streaming:
        return
    headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_KEPT]
    cache.set(key, {"content": response.content, "headers": headers}, settings.LISTING_CACHE_SECONDS)


def _answer(entry: object) -> HttpResponse | None:
    """The stored view as a response, or ``None`` for anything else under the key."""
    if not isinstance(entry, dict) or "content" not in entry:
        return None
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


class ListingPageCacheMiddleware:
    """Serves a listing's view stored by ``store``; any other request passes through untouched."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = cache_key(request)
        if key is not None:
            cached = _answer(cache.get(key))
            if cached is not None:
                return cached
        response = self.get_response(request)
        marked = getattr(response, _MARK, None)
        if marked is not None:
            _keep(marked, response)
        return response
