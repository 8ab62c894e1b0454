"""Small helpers the HTML parsers share."""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlsplit

from parsel import Selector

from crawler.normalise import clean_text


class ListingEntry(NamedTuple):
    """One call as a listing page shows it: where its page is and what the listing says."""

    url: str
    external_id: str
    title: str = ""
    date_text: str = ""


def url_key(url: str) -> str:
    """A call's external id made from its URL: the path (and query), without host or fragment.

    Sources whose listing shows no id of their own are keyed on the call page's address; the host
    is left out so that a mirror or a change from http to https keeps the same key.
    """
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/"
    return f"{path}?{parts.query}" if parts.query else path


def text_of(selector: Selector | None) -> str:
    """All text inside ``selector``, whitespace collapsed."""
    if selector is None:
        return ""
    return clean_text(" ".join(selector.xpath(".//text()").getall()))


def label_key(text: str) -> str:
    """A field label without its colon and surrounding spaces: ``"Rok:\xa0"`` → ``"Rok"``."""
    return re.sub(r"[\s:]+$", "", clean_text(text)).strip()
