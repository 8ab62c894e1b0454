"""The site's header and footer, cached per site, language and page until pages or settings change.

Every public page shows the same menus, footer and language links, and building them takes a
dozen queries and several milliseconds of template work: a quarter of a funding finder view. So
``base.html`` caches the two fragments (Django's ``{% cache %}``) under a key made of this
module's version, the site, the language and the page. The version changes whenever something a
fragment shows may have: a page published, unpublished or moved (titles, menus, translations), a
page's privacy, a site or the site's settings (menus, footer) saved. A fragment expires after
``SITE_FRAGMENT_CACHE_SECONDS`` in any case. The listings' cached views (``kreativ.page_cache``)
are keyed on the same version.

What differs from one reader to the next (the site search's text, the Wagtail user bar) stays
outside the cached fragments.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language

VERSION_KEY = "site-fragments:version"


def version() -> int:
    return cache.get(VERSION_KEY, 0)


def forget(**kwargs: object) -> None:
    """Drops every cached fragment (and finder view): a fresh token, not a counter (see facet_index)."""
    cache.set(VERSION_KEY, time.time_ns(), None)


def forget_on_settings(sender: type, created: bool = False, **kwargs: object) -> None:
    """``post_save`` of any model: the site's settings (menus, footer) are on every page.

    A setting created with its defaults (Wagtail creates one when a page first asks for it, in
    the middle of rendering) changes nothing that a page shows.
    """
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if not created and issubclass(sender, BaseSiteSetting | BaseGenericSetting):
        forget()


def key(site: Any, page: Any = None) -> str:
    """The part of a fragment's cache key that says which site, language, page and version."""
    page_part = f"{page._meta.label_lower}:{page.pk}" if isinstance(page, models.Model) else "-"
    return f"{version()}:{getattr(site, 'pk', '-')}:{get_language()}:{page_part}"


def seconds() -> int:
    return settings.SITE_FRAGMENT_CACHE_SECONDS


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget, dispatch_uid=f"site-fragments-{id(signal)}")
    for sender in (PageViewRestriction, Site):
        for signal in (post_save, post_delete):
            signal.connect(forget, sender=sender, dispatch_uid=f"site-fragments-{sender.__name__}-{id(signal)}")
    post_save.connect(forget_on_settings, dispatch_uid="site-fragments-settings")
