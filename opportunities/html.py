"""Sanitising HTML that came from outside (crawled descriptions) before it is stored or shown.

nh3 (the Rust ammonia sanitiser) keeps a small set of formatting tags and drops everything that
can run code: <script>, event attributes, ``javascript:`` and ``data:`` URLs.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {
    *("p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "blockquote"),
    *("h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td"),
}
# ``linktype`` and ``id`` are how Wagtail's rich text stores links to its own pages and documents.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "linktype", "id"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}


def clean_html(html: str) -> str:
    """HTML safe to store and show: allowed formatting only, links with safe schemes only."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    ).strip()
