"""podjetniski-portal.si (the Slovenian business portal): the year's list of calls and a call's page.

A call page is a ``div.newsDetail`` of paragraphs that start with a bold label: *Objavljeno*
(publisher, date, website), *Predmet razpisa* (subject, may appear more than once and be followed
by a list), *Pogoji za sodelovanje* (who may apply), *Vrednost razpisa* (the amount), *Razpisnik*
(the funder), *Rok* (the deadline, in words: "Razpis je odprt do 12. avgusta 2026"), then
*Dodatne informacije*, *Razpisna dokumentacija*, *Več*. Unlabelled paragraphs and lists belong to
the label before them. The portal's own id (``data-eliid="eli_tenders_41592"``) appears on both
the listing and the call page, and is the external id.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from parsel import Selector
from scrapy.http import Response

from crawler.conventions import SLOVENIAN
from crawler.items import CallItem
from crawler.loaders import CallLoader
from crawler.normalise import clean_text, parse_date
from crawler.parsers.common import ListingEntry, label_key, text_of

SOURCE = "si_podjetniski"
CONTEXT: dict[str, Any] = SLOVENIAN.loader_context(SOURCE)

_ELI_ID = re.compile(r"eli_tenders_(\d+)")


def _eli_id(selector: Selector) -> str | None:
    match = _ELI_ID.search(selector.css("span.eli::attr(data-eliid)").get() or "")
    return match.group(1) if match else None


def parse_listing(response: Response) -> list[ListingEntry]:
    """The calls on a year's listing page (``/razpisi``, ``/razpisi?year=2025``), newest first."""
    entries = []
    for link in response.css("#newsList .news > a[href]"):
        href = response.urljoin(link.attrib["href"])
        external_id = _eli_id(link) or href
        entries.append(
            ListingEntry(
                url=href,
                external_id=external_id,
                title=text_of(link.css("h3")),
                date_text=text_of(link.css("p.date")),
            )
        )
    return entries


def parse_year_pages(response: Response) -> list[str]:
    """Absolute URLs of the other years' listings, newest first (from the year selector)."""
    return [response.urljoin(value) for value in response.css("select.years option::attr(data-val)").getall()]


def labelled_sections(detail: Selector) -> dict[str, list[Selector]]:
    """The call page's blocks grouped by the bold label that starts them, in page order."""
    sections: dict[str, list[Selector]] = {}
    current: str | None = None
    for block in detail.xpath("./*"):
        if block.css(".backLink"):
            continue  # the page's own "Nazaj" (back) link, not part of the call
        label = block.xpath("./b[1]/text() | ./strong[1]/text()").get() if block.root.tag == "p" else None
        first_text = clean_text(block.xpath("string(.)").get() or "")
        if label and first_text.startswith(clean_text(label).rstrip()):
            current = label_key(label)
        if current is not None:
            sections.setdefault(current, []).append(block)
    return sections


def _value_text(blocks: list[Selector]) -> str:
    """The text of a labelled field without the label itself."""
    parts = []
    for block in blocks:
        text = clean_text(block.xpath("string(.)").get() or "")
        label = block.xpath("./b[1]/text() | ./strong[1]/text()").get()
        if label and text.startswith(clean_text(label)):
            text = text[len(clean_text(label)) :].strip()
        parts.append(text)
    return clean_text(" ".join(parts))


def _html(blocks: list[Selector]) -> str:
    return "".join(block.get() for block in blocks)


def parse_call(response: Response, external_id: str | None = None) -> CallItem:
    """The call on a call page; ``external_id`` from the listing when the page lacks the portal id."""
    detail = response.css("div.newsDetail")
    if not detail:
        raise ValueError("no div.newsDetail on the page: not a call page, or the layout changed")
    detail = detail[0]
    sections = labelled_sections(detail)
    loader = CallLoader(response=response, **CONTEXT, base_url=response.url)
    loader.add_value("external_id", _eli_id(detail) or external_id)
    loader.add_value("url", response.url)
    loader.add_css("title", "h1.title::text")
    loader.add_css("title", "h1::text")

    published = _value_text(sections.get("Objavljeno", []))
    loader.add_value("opening_date", parse_date(published, tz=SLOVENIAN.timezone, languages=SLOVENIAN.languages))
    loader.add_value("opening_date", text_of(detail.css("p.date")))
    loader.add_value("summary", _value_text(sections.get("Predmet razpisa", [])[:1]))
    conditions = _value_text(sections.get("Pogoji za sodelovanje", []))
    loader.add_value("applicant_types", conditions)
    loader.add_value("budget_total", _value_text(sections.get("Vrednost razpisa", [])))
    loader.add_value("funder", _value_text(sections.get("Razpisnik", [])))
    loader.add_value("deadlines", _value_text(sections.get("Rok", [])))
    title = clean_text(response.css("h1.title::text").get() or "")
    loader.add_value("support_kind", title)
    loader.add_value("support_kind", _value_text(sections.get("Predmet razpisa", [])))

    described = [
        label
        for label in ("Predmet razpisa", "Pogoji za sodelovanje", "Vrednost razpisa", "Razpisnik", "Rok")
        if label in sections
    ]
    described += [label for label in sections if label not in described and label != "Objavljeno"]
    loader.add_value("description", "".join(_html(sections[label]) for label in described))

    documents = [
        urljoin(response.url, href)
        for href in detail.css("a::attr(href)").getall()
        if href.lower().split("?")[0].endswith((".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip"))
    ]
    loader.add_value(
        "raw",
        {
            "published": published,
            "applicants_text": conditions,
            "deadline_text": _value_text(sections.get("Rok", [])),
            "documents": sorted(set(documents)),
        },
    )
    return loader.load_item()
