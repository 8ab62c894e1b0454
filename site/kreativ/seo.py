"""What every public page gives search engines and link previews.

Pages describe themselves as schema.org JSON-LD and an Open Graph image; the sitemap lists every
translation with hreflang alternates (Wagtail's own sitemap lists one language tree only). Their
addresses are those of the office's site the reader (or crawler) used (``kreativ.sites.page_url``).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

from kreativ.sites import page_url

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data: dict[str, Any] | None) -> SafeString:
    """schema.org data as a <script> that no string in the data can break out of (empty for none)."""
    if not data:
        return mark_safe("")
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


class SeoMixin:
    """Mixed into the site's page models; defaults that a page type can override."""

    def get_json_ld(self, request: HttpRequest | None = None) -> dict[str, Any] | None:
        """schema.org data for this page; None for pages that have nothing specific to say."""
        return None

    def get_og_image(self):
        """The image shown when the page is shared; page types with an image override this."""
        return None

    def get_meta_description(self) -> str:
        """A short plain-text description for <meta name=description> and og:description."""
        text = getattr(self, "search_description", "") or getattr(self, "intro", "") or ""
        return strip_tags(str(text)).strip()[:300]

    def get_translation_urls(self, request: HttpRequest | None = None) -> list[tuple[str, str]]:
        """(language code, absolute URL) of every live translation, this page included, on the
        address the reader used (``kreativ.sites.page_url``)."""
        urls = []
        for page in self.get_translations(inclusive=True).live().public().select_related("locale"):
            url = page_url(page, request)
            if url:
                urls.append((page.locale.language_code, url))
        return sorted(urls)

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        """The page and its alternates, on the address the sitemap was asked for (each office's
        site lists its own pages: ``kreativ.views.MultilingualSitemap``)."""
        urls = super().get_sitemap_urls(request)
        for entry in urls:
            entry["location"] = page_url(self, request)
        alternates = [{"lang_code": code, "location": url} for code, url in self.get_translation_urls(request)]
        if len(alternates) > 1:
            for entry in urls:
                entry["alternates"] = alternates
        return urls
