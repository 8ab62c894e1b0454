"""Template tags for the site-wide layout: JSON-LD, language links, the page's social image."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Page, Site

from kreativ import fragments
from kreativ.seo import json_ld_script
from kreativ.sites import page_url

register = template.Library()


@register.simple_tag(takes_context=True)
def json_ld(context: dict[str, Any], page: Page | None) -> SafeString:
    """The page's schema.org data as a <script> that no string in the data can break out of."""
    if not isinstance(page, Page) or not hasattr(page, "get_json_ld"):
        return mark_safe("")
    return json_ld_script(page.get_json_ld(context.get("request")))


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any], page: Page | None, suffix: str = "") -> list[dict[str, Any]]:
    """One link per language of the site: the page's translation where it exists, else a page that
    says the page is not translated and offers the languages it has (``kreativ.views.not_translated``);
    on a view that is not a page (the site search), that language's home.

    ``suffix`` is added to a translation's URL: what follows the page's own URL in the request (a
    routable page's sub-path, ``calls/<slug>/``, and the query string of a reader's filters), so
    that switching language keeps them. Pages that give one (the funding finder) have their links
    computed per request, outside the header's cached fragment (``kreativ.fragments``).

    A language the site's home is not live in is not offered. Two queries at most, whatever the
    number of languages: the page's live translations, and the live translations of the site's home
    when the page lacks a language.
    """
    request = context.get("request")
    current = get_language()
    translations: dict[str, Page] = {}
    is_page = isinstance(page, Page) and bool(page.pk)
    if is_page:
        translations = _live_translations(page)
    homes: dict[str, Page] = {}
    if any(code not in translations for code, _name in settings.LANGUAGES):
        site = Site.find_for_request(request) if request is not None else None
        if site is not None:
            homes = _live_translations(site.root_page)
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
            if url:
                url += suffix
        elif code not in homes:
            continue
        elif is_page:
            with translation.override(code):
                url = reverse("not_translated", args=[page.pk])
        else:
            url = homes[code].get_url(request)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "exact": code in translations,
                "active": code == current,
            }
        )
    return links


def _live_translations(page: Page) -> dict[str, Page]:
    """language code → the page's live translation (the page itself included when live)."""
    found = page.get_translations(inclusive=True).live().select_related("locale")
    return {translation.locale.language_code: translation for translation in found}


@register.simple_tag(takes_context=True)
def home_page(context: dict[str, Any]) -> Page | None:
    """The home page in the reader's language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    return site.root_page.localized.specific


@register.simple_tag(takes_context=True)
def site_fragment(context: dict[str, Any], page: Any = None) -> dict[str, Any]:
    """How long, and under which key, a header or footer fragment is cached (``kreativ.fragments``)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return {"seconds": fragments.seconds(), "key": fragments.key(site, page)}


@register.simple_tag(takes_context=True)
def full_url(context: dict[str, Any], page: Page) -> str:
    """The page's absolute URL on the address the reader used (canonical, og:url)."""
    return page_url(page, context.get("request"))


@register.filter
def absolute(url: str, request) -> str:
    if not url or request is None:
        return url
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def hreflang_links(context: dict[str, Any], page: Page) -> list[tuple[str, str]]:
    """(language, URL) of the page's live translations, for <link rel=alternate hreflang>."""
    if not isinstance(page, Page) or not hasattr(page, "get_translation_urls"):
        return []
    return page.get_translation_urls(context.get("request"))


_OG_LOCALES = {"cs": "cs_CZ", "sl": "sl_SI", "en": "en_GB"}


@register.simple_tag
def og_locale() -> str:
    return _OG_LOCALES.get(get_language() or "", "cs_CZ")
