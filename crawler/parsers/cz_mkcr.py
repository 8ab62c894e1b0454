"""mk.gov.cz (the Czech Ministry of Culture): the "Granty a dotace" index and a call's page.

The index links announcements of grant calls and their results; results are not calls and are
left out. A call page is prose: a heading, paragraphs (one says who may apply, "Žadatelem … mohou
být …", one gives the deadline, "Termín uzávěrky …: 16. září 2026") and the files to download.
The deadline is the last date of its sentence: "dne 29. 9. 2025 vyhlašuje … s termínem podání
žádosti do 31. 10. 2025" names the day the call was announced first.
The external id is the call page's path (``url_key``).
"""

from __future__ import annotations

import re
from typing import Any

from scrapy.http import Response

from crawler import vocabulary
from crawler.conventions import CZECH
from crawler.items import CallItem
from crawler.loaders import CallLoader
from crawler.normalise import clean_text, fold, parse_deadline
from crawler.parsers.common import ListingEntry, text_of, url_key

SOURCE = "cz_mkcr"
FUNDER = "Ministerstvo kultury ČR"
CONTEXT: dict[str, Any] = CZECH.loader_context(SOURCE)
# Links on the index that are not calls: results, reports, minutes.
NOT_A_CALL = re.compile(r"^(vysledky|vyuctovani|zapis|seznam podporenych)", re.IGNORECASE)
DEADLINE_WORDS = re.compile(r"(termin\w*|uzaverk\w*|lhut\w*|do\b)", re.IGNORECASE)
APPLICANT_WORDS = re.compile(r"(zadatel\w*|opravnen\w* zadatel\w*|prijemc\w*)", re.IGNORECASE)
DOCUMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".zip", ".rtf")


def parse_listing(response: Response) -> list[ListingEntry]:
    """The calls linked from the index (same site, not results)."""
    entries = []
    host = response.url.split("/")[2]
    for link in response.xpath("//body//a[@href]"):
        url = response.urljoin(link.attrib["href"])
        title = text_of(link)
        if url.split("/")[2] != host or url.lower().endswith(DOCUMENT_SUFFIXES) or NOT_A_CALL.match(fold(title)):
            continue
        entries.append(ListingEntry(url=url, external_id=url_key(url), title=title))
    return entries


def parse_call(response: Response, external_id: str | None = None) -> CallItem:
    """The call on a call page."""
    title = clean_text(response.css("h1::text").get() or "")
    if not title:
        raise ValueError("no <h1> title on the page")
    paragraphs = [text_of(p) for p in response.xpath("//body//p")]
    loader = CallLoader(response=response, **CONTEXT, base_url=response.url)
    loader.add_value("external_id", external_id or url_key(response.url))
    loader.add_value("url", response.url)
    loader.add_value("title", title)
    loader.add_value("funder", FUNDER)
    loader.add_value("summary", paragraphs[:1])
    deadline_lines = [text for text in paragraphs if DEADLINE_WORDS.search(fold(text)) and re.search(r"\d{4}", text)]
    if deadline_lines:
        loader.add_value("deadlines", parse_deadline(deadline_lines[-1], tz=CZECH.timezone, languages=CZECH.languages))
    applicant_lines = [text for text in paragraphs if APPLICANT_WORDS.search(fold(text))]
    loader.add_value("applicant_types", applicant_lines)
    loader.add_value("support_kind", title)
    loader.add_value("support_kind", "grant")
    text = fold(" ".join([title, *paragraphs]))
    if "kreativni evropa" in text or "creative europe" in text:
        loader.add_value("programme", "Kreativní Evropa – spolufinancování (MK ČR)")
        prefix = "CREA-MEDIA" if "media" in text and "kultura" not in text else "CREA-CULT"
        loader.add_value("sectors", list(vocabulary.EU_IDENTIFIER_SECTORS[prefix]))
    loader.add_value("sectors", title)
    loader.add_value("description", [p.get() for p in response.xpath("//body//p")])
    documents = [
        {"title": text_of(link), "url": response.urljoin(link.attrib["href"])}
        for link in response.xpath("//body//a[@href]")
        if link.attrib["href"].lower().split("?")[0].endswith(DOCUMENT_SUFFIXES)
    ]
    loader.add_value("raw", {"documents": documents, "applicants_text": " ".join(applicant_lines)})
    return loader.load_item()
