"""The project's one allow-list for HTML written by others, and the function that applies it.

Crawled call descriptions today, users' rich text in the catalogue and the exchange tomorrow: HTML
that the office did not write is shown on the portal's pages, in feeds and in e-mails, so it is
reduced to one small set of structural tags first. nh3 (the Python binding of the Rust crate
ammonia, an allow-list sanitiser) keeps the tags below, drops ``<script>``, ``<style>`` and the other
``DROPPED_WITH_CONTENT`` with everything inside them, every event attribute (``onerror=``,
``onclick=``), inline styles and classes, and any URL whose scheme is not http(s), mailto or tel (so
``javascript:`` links lose their ``href``). Every link gets ``rel="nofollow noopener noreferrer"``:
the portal does not vouch for the sites it links to.

Pure nh3, no Django: the crawler (a plain Scrapy project) imports it too. Where each kind of HTML is
sanitised is written in docs/crawler.md ("Descriptions") and docs/funding.md.
"""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = frozenset(
    {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "a", "h2", "h3", "h4", "h5", "h6"}
    | {"blockquote", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "sub", "sup", "abbr"}
)
ALLOWED_ATTRIBUTES = {
    "a": frozenset({"href", "title"}),
    "abbr": frozenset({"title"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan"}),
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
LINK_REL = "nofollow noopener noreferrer"
# Removed together with everything inside them (the other disallowed tags keep their text).
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "math"})

_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|<br>)*</p>")
_HEADING_1 = re.compile(r"<(/?)h1\b", re.IGNORECASE)


def sanitise_html(html: str | None, base_url: str | None = None, tags: frozenset[str] | None = None) -> str:
    """``html`` reduced to the allowed tags and attributes, links absolute against ``base_url``.

    ``tags`` narrows the allow-list for a field that holds less (a profile's description: the
    features of its rich text editor); it never widens it.

    Without a base URL, relative links lose their ``href`` (a stored fragment must not depend on
    the page it was read from). ``<h1>`` becomes ``<h2>``: the portal's page owns the one ``<h1>``.
    Empty paragraphs go and no-break spaces become spaces. Applying it to its own result changes
    nothing (``is_sanitised`` relies on that).
    """
    if not html:
        return ""
    allowed = ALLOWED_TAGS if tags is None else ALLOWED_TAGS & frozenset(tags)
    html = _HEADING_1.sub(r"<\1h2", html)
    cleaned = nh3.clean(
        html,
        tags=set(allowed),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items() if tag in allowed},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
        url_relative=("rewrite_with_base", base_url) if base_url else "deny",
    )
    cleaned = _EMPTY_PARAGRAPH.sub("", cleaned)
    return cleaned.replace("\u00a0", " ").replace("&nbsp;", " ").strip()


def is_sanitised(html: str | None) -> bool:
    """Whether ``html`` is already what ``sanitise_html`` makes of it: a check, it changes nothing.

    For the receiving end of a contract that promises sanitised HTML (ingest, for crawled items):
    it refuses what was not sanitised instead of quietly sanitising a second time.
    """
    return sanitise_html(html) == (html or "")
