"""Anonymous readers' views of the funding finder, answered from the cache before Wagtail routes.

Many readers ask for the same views (the default listing, one sector, one programme). Computing a
view takes tens of milliseconds; even finding the finder page for a URL takes several queries. So
the finder stores each rendered view under a key made of its address and the facet index's
version, and ``FinderPageCacheMiddleware``, last in ``MIDDLEWARE``, answers a repeated view from
that key before the URL resolver and Wagtail's routing run. Publishing, withdrawing or merging a
call bumps the facet index's version (``facet_index.invalidate``); publishing, unpublishing or
moving a page (the finder's own text, a menu's pages), saving the site's settings (menus, footer)
or a page's privacy bumps the version of the site's fragments (``kreativ.fragments``): either way
every view shows the change at once. A view expires after ``FINDER_CACHE_SECONDS`` in any case,
since statuses follow the clock.

Signed-in users (editors previewing, moderators) are never served from, nor stored in, the cache.
A cached view is the same for every anonymous reader, so the finder's template must hold nothing
personal: no CSRF token (its forms use GET), no messages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from kreativ import fragments

KEY_PREFIX = "finder-page"


def cache_key(request: HttpRequest) -> str | None:
    """Where this request's view is cached, or ``None`` when it may not be."""
    if settings.FINDER_CACHE_SECONDS <= 0 or request.method != "GET" or request.user.is_authenticated:
        return None
    from opportunities.finder import facet_index

    versions = cache.get_many([facet_index.VERSION_KEY, fragments.VERSION_KEY])
    version = f"{versions.get(facet_index.VERSION_KEY, 0)}.{versions.get(fragments.VERSION_KEY, 0)}"
    address = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"{KEY_PREFIX}:{version}:{address}"


def store(key: str | None, response: HttpResponse) -> None:
    """Keeps a rendered view under the key its request had before it was computed.

    A call published while the view was computed bumped the version since: the view, which may
    not show it, stays under the old version's key, where no reader looks any more.
    """
    if key is not None and response.status_code == 200:
        cache.set(key, response.content, settings.FINDER_CACHE_SECONDS)


class FinderPageCacheMiddleware:
    """Serves a finder view stored by ``store``; any other request passes through untouched."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = cache_key(request)
        if key is not None:
            content = cache.get(key)
            if content is not None:
                return HttpResponse(content)
        return self.get_response(request)
