"""dotaceeu.cz (the Czech EU-funds portal): the list of calls ("Výzvy") and a call's detail page.

The detail page is a two-column table of labelled fields: *Číslo výzvy* (the call number),
*Druh výzvy* (kind), *Programové období*, *Operační program*, *Prioritní osa*, *Oprávnění žadatelé*
(eligible applicants), *Zpřístupnění žádosti o podporu* (form available), *Zahájení příjmu žádostí*
(opening), *Ukončení příjmu žádostí* (deadline), *Více informací na* (link), *Stav výzvy* (status),
followed by an "Aktuality" table of status changes. The listing shows no id of its own, so the
external id is the call page's path (``url_key``); the call number is the ``call_identifier``.
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Response

from crawler.conventions import CZECH
from crawler.items import CallItem
from crawler.loaders import CallLoader
from crawler.normalise import clean_text
from crawler.parsers.common import ListingEntry, label_key, text_of, url_key

SOURCE = "cz_dotaceeu"
CONTEXT: dict[str, Any] = CZECH.loader_context(SOURCE)
CALL_PATH = "/jak-ziskat-dotaci/vyzvy/"


def parse_listing(response: Response) -> list[ListingEntry]:
    """The calls on a listing page: links into ``/…/vyzvy/…`` with the "Termín" line after them."""
    entries = []
    for link in response.xpath(f"//a[contains(@href, '{CALL_PATH}')]"):
        url = response.urljoin(link.attrib["href"])
        term = link.xpath("following-sibling::*[1][contains(., 'Termín')]")
        entries.append(ListingEntry(url=url, external_id=url_key(url), title=text_of(link), date_text=text_of(term)))
    return entries


def next_page(response: Response) -> str | None:
    """The next listing page, if the listing is paged (``rel="next"`` or the pager's next link)."""
    href = response.css("a[rel=next]::attr(href), li.pager__item--next a::attr(href)").get()
    return response.urljoin(href) if href else None


def fields(response: Response) -> dict[str, Any]:
    """The first table's label → value cells (the value cell as a selector)."""
    table = response.xpath("//table[1]")
    found = {}
    for row in table.xpath(".//tr[count(td) >= 2 or count(th) >= 1]"):
        cells = row.xpath("./th|./td")
        if len(cells) >= 2:
            found[label_key(text_of(cells[0]))] = cells[1]
    return found


def parse_call(response: Response, external_id: str | None = None) -> CallItem:
    """The call on a detail page."""
    found = fields(response)
    if not found:
        raise ValueError("no table of call fields on the page")

    def value(label: str) -> str:
        return text_of(found.get(label))

    loader = CallLoader(response=response, **CONTEXT, base_url=response.url)
    loader.add_value("external_id", external_id or url_key(response.url))
    loader.add_value("url", response.url)
    loader.add_css("title", "h1::text")
    loader.add_value("call_identifier", value("Číslo výzvy"))
    loader.add_value("programme", value("Operační program"))
    loader.add_value("funder", value("Řídicí orgán") or value("Vyhlašovatel"))
    loader.add_value("opening_date", value("Zahájení příjmu žádostí"))
    loader.add_value("deadlines", value("Ukončení příjmu žádostí"))
    loader.add_value("applicant_types", value("Oprávnění žadatelé"))
    loader.add_value("source_status", value("Stav výzvy"))
    loader.add_value("budget_total", value("Alokace výzvy") or value("Celková alokace"))
    loader.add_value("support_kind", "grant")
    loader.add_value("summary", response.css("h1 + p::text").get())
    loader.add_value("description", response.xpath("//table[1]").get())
    more = found.get("Více informací na")
    status_log = [
        {"date": text_of(row.xpath("./td[1]")), "text": text_of(row.xpath("./td[2]"))}
        for row in response.xpath("//h2[contains(., 'Aktuality')]/following-sibling::table[1]//tr")
    ]
    loader.add_value(
        "raw",
        {
            "call_kind": value("Druh výzvy"),
            "programme_period": value("Programové období"),
            "priority_axis": value("Prioritní osa"),
            "applicants_text": value("Oprávnění žadatelé"),
            "form_available": value("Zpřístupnění žádosti o podporu"),
            "more_info_url": response.urljoin(more.css("a::attr(href)").get())
            if more is not None and more.css("a")
            else None,
            "status_log": status_log,
        },
    )
    item = loader.load_item()
    if not item.get("title"):
        item["title"] = clean_text(value("Název výzvy"))
    return item
