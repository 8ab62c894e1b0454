"""A plain listing page and its call pages, read with selectors a moderator sets on the Source.

Config (a JSON object; a selector is CSS, or XPath when it starts with ``/``, ``./`` or ``(``)::

    {
      "start_urls": ["https://www.kraj.example/granty"],
      "link_selector": "ul.calls a::attr(href)",       # call page links on the listing (required)
      "next_page_selector": "a[rel=next]::attr(href)",  # optional: the listing's next page
      "fields": {                                       # on the call page; "title" is required
        "title": "h1::text",
        "deadline": "//th[contains(., 'Uzávěrka')]/following-sibling::td",
        "opening_date": "...", "budget_total": "...", "amount_min": "...", "amount_max": "...",
        "cofinancing_rate": "...", "summary": "...", "description": "div.content",
        "applicant_types": "...", "call_identifier": "...", "funder": "...", "source_status": "...",
        "external_id": "..."                            # default: the call page's path
      },
      "language": "cs", "timezone": "Europe/Prague", "currency": "CZK",
      "regions": ["CZ064"], "sectors": [], "support_kind": "grant", "funder": "Jihomoravský kraj"
    }

A selector that picks elements (not ``::text``, ``::attr()``, ``text()`` or ``@attr``) gives their
text; ``description`` gives their HTML, sanitised by the loader.
"""

from __future__ import annotations

from typing import Any

from parsel import Selector, SelectorList
from scrapy.http import Response

from crawler.items import CallItem
from crawler.loaders import CallLoader
from crawler.normalise import clean_text
from crawler.parsers.common import ListingEntry, text_of, url_key

FIELDS = {
    "title": "title",
    "deadline": "deadlines",
    "deadlines": "deadlines",
    "opening_date": "opening_date",
    "budget_total": "budget_total",
    "amount": "amount_max",
    "amount_min": "amount_min",
    "amount_max": "amount_max",
    "cofinancing_rate": "cofinancing_rate",
    "summary": "summary",
    "description": "description",
    "applicant_types": "applicant_types",
    "sectors": "sectors",
    "call_identifier": "call_identifier",
    "programme": "programme",
    "funder": "funder",
    "source_status": "source_status",
    "external_id": "external_id",
}


def is_xpath(selector: str) -> bool:
    return selector.lstrip().startswith(("/", "./", "("))


def select(node: Selector | Response, selector: str) -> SelectorList:
    return node.xpath(selector) if is_xpath(selector) else node.css(selector)


def _picks_values(selector: str) -> bool:
    text = selector.strip()
    return "::text" in text or "::attr(" in text or text.endswith("text()") or "/@" in text or text.startswith("@")


def values(node: Selector | Response, selector: str, *, html: bool = False) -> list[str]:
    """What ``selector`` picks: strings as they are, elements as their text (or HTML)."""
    picked = select(node, selector)
    if _picks_values(selector):
        return [clean_text(value) for value in picked.getall() if clean_text(value)]
    if html:
        return picked.getall()
    return [text for text in (text_of(element) for element in picked) if text]


def validate(config: dict[str, Any]) -> None:
    """Raise ``ValueError`` for a configuration the spider cannot work with."""
    if not config.get("link_selector"):
        raise ValueError("listing: config needs link_selector")
    fields = config.get("fields") or {}
    if not fields.get("title"):
        raise ValueError("listing: config needs fields.title")
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ValueError(f"listing: unknown fields {', '.join(unknown)}; known: {', '.join(sorted(FIELDS))}")


def parse_listing(response: Response, config: dict[str, Any]) -> list[ListingEntry]:
    """The call pages the listing links to, in page order, each once."""
    seen: dict[str, ListingEntry] = {}
    for href in values(response, config["link_selector"]):
        url = response.urljoin(href)
        if url.startswith(("http://", "https://")) and url not in seen:
            seen[url] = ListingEntry(url=url, external_id=url_key(url))
    return list(seen.values())


def next_page(response: Response, config: dict[str, Any]) -> str | None:
    selector = config.get("next_page_selector")
    found = values(response, selector) if selector else []
    return response.urljoin(found[0]) if found else None


def parse_call(
    response: Response, config: dict[str, Any], context: dict[str, Any], external_id: str | None = None
) -> CallItem:
    """A call page read with ``config["fields"]``; ``context`` is the spider's loader context."""
    loader = CallLoader(response=response, **(context | {"base_url": response.url}))
    for name, selector in (config.get("fields") or {}).items():
        field = FIELDS[name]
        found = values(response, selector, html=field == "description")
        if field == "deadlines":
            found = [" ".join(found)] if found else []
        loader.add_value(field, found)
    loader.add_value("external_id", external_id or url_key(response.url))
    loader.add_value("url", response.url)
    for name in ("funder", "programme", "support_kind"):
        loader.add_value(name, config.get(name))
    return loader.load_item()
