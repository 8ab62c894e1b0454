"""Crawled HTML made safe to store and show: the one gate every description passes through.

A funding call's description is written by a third party and shown on the portal's pages, in feeds
and in e-mails. It is cleaned here, in the crawler, before it leaves as an item, so nothing
downstream ever holds crawled markup that could run: nh3 (the Python binding of the Rust crate
ammonia, an allow-list sanitiser) keeps a small set of structural tags, drops ``<script>``,
``<style>``, every event attribute (``onerror=``, ``onclick=``), inline styles and classes, and any
URL whose scheme is not http(s), mailto or tel (so ``javascript:`` links lose their ``href``).
Relative links are made absolute against the page they came from, and every link gets
``rel="nofollow noopener noreferrer"``: the portal does not vouch for the sites it links to.
"""

from __future__ import annotations

import re

import nh3

from crawler.normalise import clean_text

ALLOWED_TAGS = frozenset(
    {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "u", "a", "h2", "h3", "h4", "h5", "h6"}
    | {"blockquote", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "sub", "sup", "abbr"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
ALLOWED_ATTRIBUTES |= {"abbr": {"title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
LINK_REL = "nofollow noopener noreferrer"
# Removed together with everything inside them (the other disallowed tags keep their text).
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object", "svg", "math"})

_EMPTY_PARAGRAPH = re.compile(r"<p>(?:\s|&nbsp;|<br>)*</p>")
_HEADING_1 = re.compile(r"<(/?)h1\b", re.IGNORECASE)


def sanitise_html(html: str | None, base_url: str | None = None) -> str:
    """``html`` reduced to the allowed tags and attributes, links absolute against ``base_url``.

    Without a base URL, relative links are dropped (an item's description must not depend on the
    page it was read from). ``<h1>`` becomes ``<h2>``: the portal's page owns the one ``<h1>``.
    """
    if not html:
        return ""
    html = _HEADING_1.sub(r"<\1h2", html)
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
        url_relative=("rewrite_with_base", base_url) if base_url else "deny",
    )
    cleaned = _EMPTY_PARAGRAPH.sub("", cleaned)
    return cleaned.replace("\u00a0", " ").replace("&nbsp;", " ").strip()


def html_to_text(html: str | None) -> str:
    """The text of an HTML fragment on one line, for summaries and for matching keywords."""
    if not html:
        return ""
    without_dropped = nh3.clean(html, tags=set(ALLOWED_TAGS), clean_content_tags=set(DROPPED_WITH_CONTENT))
    return clean_text(re.sub(r"<[^>]*>", " ", without_dropped))


def summarise(text: str | None, limit: int = 500) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with an ellipsis if cut."""
    text = clean_text(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–")
    return f"{cut}…"
