"""Each parser on saved real pages; the expected values are read off the pages by hand."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from crawler.parsers import cz_dotaceeu, cz_mkcr, eu_ft, feed, listing, si_podjetniski
from tests.crawler.conftest import fixture, html_response

PRAGUE = ZoneInfo("Europe/Prague")
LJUBLJANA = ZoneInfo("Europe/Ljubljana")
SI = "https://www.podjetniski-portal.si"
HRASTNIK_URL = f"{SI}/razpisi/javni-razpis-za-spodbujanje-razvoja-podjetnistva-v-obcini-hrastnik-v-letu-2026-2026-06-01"
DOTACE = "https://www.dotaceeu.cz"
CALL_109 = (
    "/cs/jak-ziskat-dotaci/vyzvy/obdobi-2021-2027/05-operacni-program-zivotni-prostredi-2021-2027/"
    "mzp_109-vyzva,-sc-1-3,-opatreni-1-3-3,-prubezna"
)


# podjetniski-portal.si ------------------------------------------------------------------------


def test_si_listing():
    entries = si_podjetniski.parse_listing(html_response(f"{SI}/razpisi", "si_podjetniski", "seznam.html"))
    assert len(entries) == 17
    assert entries[0].url == f"{SI}/razpisi/mp7l-2026-krediti-za-likvidnost-in-manjse-investicije-2026-10-02"
    assert entries[0].external_id == "41608"
    assert entries[0].title == "MP7L 2026 - Krediti za likvidnost in manjše investicije"
    assert entries[0].date_text == "02. 10. 2026"
    assert entries[1].title == "Javni razpis - Spodbude za razvojne projekte TRL 5-8 (Vlaganja R&I TRL 5-8)"
    assert entries[-1].external_id == "41593"  # the upstream copy is cut off after this entry's id


def test_si_year_pages():
    pages = si_podjetniski.parse_year_pages(html_response(f"{SI}/razpisi", "si_podjetniski", "seznam.html"))
    assert pages[0] == f"{SI}/razpisi?year=2025"
    assert pages[-1] == f"{SI}/razpisi?year=2008"


def test_si_call_page():
    item = si_podjetniski.parse_call(html_response(HRASTNIK_URL, "si_podjetniski", "razpis-hrastnik.html"))
    assert item["external_id"] == "41592"
    assert item["url"] == HRASTNIK_URL
    assert item["title"] == "Javni razpis za spodbujanje razvoja podjetništva v občini Hrastnik v letu 2026"
    assert item["opening_date"] == datetime(2026, 6, 1, 0, 0, tzinfo=LJUBLJANA)  # Objavljeno: 1. 6. 2026
    assert item["deadlines"] == [date(2026, 8, 12)]  # odprt do 12. avgusta 2026: a day, no time
    assert item["timezone"] == "Europe/Ljubljana"  # … which lasts until its end in Ljubljana
    assert item["budget_total"] == Decimal("48825.00")  # 48.825,00 €
    assert item["currency"] == "EUR"
    assert item["funder"] == "Občina Hrastnik"  # Razpisnik
    assert item["summary"].startswith("Predmet javnega razpisa je dodeljevanje nepovratnih sredstev")
    # Pogoji za sodelovanje: samostojni podjetniki, mikro in male gospodarske družbe, zadruge,
    # zavodi …; fizične osebe in društva
    assert item["applicant_types"] == ["sme", "micro-enterprise", "freelancer", "ngo", "individual", "other"]
    assert item["support_kind"] == "grant"  # nepovratna sredstva
    assert item["regions"] == ["SI"]
    assert item["language"] == "sl"
    assert "razvoj turistične ponudbe na območju občine Hrastnik" in item["description"]
    assert "[ime odstranjeno]" in item["description"]  # the redaction stays as in the sample
    assert "Nazaj" not in item["description"]  # the page's back link is not part of the call
    assert item["raw"]["documents"] == [
        "https://www.hrastnik.si/uploads/www.hrastnik.si/files/tenders_documents/2767447164074_4javnirazpispodjetnistvo2026.pdf"
    ]


def test_si_malformed_page_raises():
    with pytest.raises(ValueError, match="newsDetail"):
        si_podjetniski.parse_call(html_response(HRASTNIK_URL, "si_podjetniski", "razpis-malformed.html"))


def test_si_hostile_page_description_is_clean():
    item = si_podjetniski.parse_call(html_response(HRASTNIK_URL, "si_podjetniski", "razpis-hostile.html"))
    description = item["description"].lower()
    for needle in ("<script", "javascript", "onerror", "onclick", "onmouseover", "<img", "<iframe", "<style", "alert("):
        assert needle not in description, needle
    assert f'<a href="{SI}/razpisi/obrazec.pdf" rel="nofollow noopener noreferrer">obrazec pdf</a>' in description


# dotaceeu.cz ----------------------------------------------------------------------------------


def test_dotaceeu_listing():
    entries = cz_dotaceeu.parse_listing(
        html_response(f"{DOTACE}/cs/jak-ziskat-dotaci/vyzvy", "cz_dotaceeu", "listing.html")
    )
    assert [(e.url, e.external_id, e.title) for e in entries] == [
        (DOTACE + CALL_109, CALL_109, "MŽP_109. výzva, SC 1.3, opatření 1.3.3, průběžná")
    ]
    assert entries[0].date_text == "Termín pro podání žádosti: 16. 7. 2026 - 17. 12. 2026"


def test_dotaceeu_call():
    item = cz_dotaceeu.parse_call(html_response(DOTACE + CALL_109, "cz_dotaceeu", "call-109.html"))
    assert item["external_id"] == CALL_109
    assert item["title"] == "MŽP_109. výzva, SC 1.3, opatření 1.3.3, průběžná"
    assert item["call_identifier"] == "05_26_109"  # Číslo výzvy
    assert item["programme"] == "Operační program Životní prostředí 2021—2027"
    assert item["opening_date"] == datetime(2026, 7, 16, 0, 0, tzinfo=PRAGUE)  # Zahájení příjmu žádostí
    assert item["deadlines"] == [date(2026, 12, 17)]  # Ukončení příjmu žádostí: 17. 12. 2026
    assert item["timezone"] == "Europe/Prague"
    assert item["source_status"] == "Otevřená"
    assert item["applicant_types"] == []  # "Bez omezení, dle PrŽaP": no restriction, nothing to map
    assert item["raw"]["applicants_text"] == "Bez omezení, dle PrŽaP"
    assert item["raw"]["call_kind"] == "Průběžná"
    assert item["raw"]["more_info_url"] == "https://www.opzp.cz/dotace/109-vyzva/"
    assert item["raw"]["status_log"][-1] == {"date": "17.07.2026", "text": "Změna stavu: na Otevřená"}
    assert item["language"] == "cs"
    assert item["regions"] == ["CZ"]
    assert "<td>05_26_109</td>" in item["description"]


# mk.gov.cz ------------------------------------------------------------------------------------


def test_mkcr_listing_leaves_out_results():
    entries = cz_mkcr.parse_listing(html_response("https://mk.gov.cz/granty-a-dotace", "cz_mkcr", "index.html"))
    assert [e.external_id for e in entries] == [
        "/vyberova-dotacni-rizeni-na-rok-2026-vyhlaseni",
        "/zadost-o-dotaci-ze-statniho-rozpoctu-v-roce-2026",
    ]


def test_mkcr_call():
    url = "https://mk.gov.cz/zadost-o-dotaci-ze-statniho-rozpoctu-v-roce-2026"
    item = cz_mkcr.parse_call(html_response(url, "cz_mkcr", "call-creative-europe.html"))
    assert item["title"] == "Žádost o dotaci ze státního rozpočtu v roce 2026"
    assert item["deadlines"] == [date(2026, 9, 16)]  # 16. září 2026
    # "fyzické osoby s živnostenským oprávněním a právnické osoby poskytující veřejné kulturní služby"
    assert item["applicant_types"] == ["freelancer", "other"]
    assert item["funder"] == "Ministerstvo kultury ČR"
    assert item["support_kind"] == "grant"
    assert item["programme"].startswith("Kreativní Evropa")
    # Kreativní Evropa – kultura: the Culture strand's sectors, design and fashion among them
    assert item["sectors"] == [
        "architecture",
        "design",
        "visual-arts",
        "cultural-heritage",
        "books-press",
        "music",
        "performing-arts",
    ]
    assert [d["url"] for d in item["raw"]["documents"]] == [
        "https://mk.gov.cz/doc/vyzva-ke-kultura-2026.pdf",
        "https://mk.gov.cz/doc/popis-projektu-2026.docx",
        "https://mk.gov.cz/doc/rozpocet-projektu-2026.xlsx",
    ]
    assert item["language"] == "cs"


def test_mkcr_2026_call_takes_the_deadline_not_the_day_it_was_announced():
    url = "https://mk.gov.cz/vyhlaseni-dotacniho-rizeni-pro-rok-2026-vyzva-c-2521-audiovize-a-media"
    item = cz_mkcr.parse_call(html_response(url, "cz_mkcr", "call-2521.html"))
    assert item["title"] == "Vyhlášení dotačního řízení pro rok 2026 – Výzva č. 2521 Audiovize a média"
    # "dne 29. 9. 2025 vyhlašuje … s termínem podání žádosti do 31. 10. 2025"
    assert item["deadlines"] == [date(2025, 10, 31)]
    assert item["sectors"] == ["media", "film-audiovisual"]  # "Audiovize a média"
    assert item["applicant_types"] == ["individual", "other"]  # právnické a fyzické osoby
    entries = cz_mkcr.parse_listing(html_response("https://mk.gov.cz/rok-2026", "cz_mkcr", "annual-index-2026.html"))
    assert len(entries) == 1  # the results page is not a call


# Czech regions: listing sources configured in the admin -----------------------------------------

OLKRAJ = "https://www.olkraj.cz/dotace-granty-prispevky-krajske-dotacni-programy-2026/06-07-program"
OLKRAJ_CONFIG = {
    "link_selector": "a::attr(href)",
    "fields": {
        "title": "h1::text",
        "summary": "//tr[td[1][normalize-space()='Anotace']]/td[2]",
        "deadline": "//tr[td[1][normalize-space()='Termín příjmu žádostí']]/td[2]",
        "description": "table",
    },
}
USTI = "https://www.kr-ustecky.cz/podpora-rozvoje-lokalit-pamatek-unesco-v-usteckem-kraji"
USTI_CONFIG = {
    "link_selector": "li > a::attr(href)",
    "fields": {
        "title": "h1::text",
        "call_identifier": "//h2[.='Kód výzvy']/following-sibling::*[1]",
        "budget_total": "//h2[.='Finanční alokace']/following-sibling::*[1]",
        "opening_date": "//h2[.='Datum zahájení sběru žádostí']/following-sibling::*[1]",
        "deadline": "//h2[starts-with(., 'Datum ukončení sběru')]/following-sibling::*[1]",
        "sectors": "//h2[.='Oblast dotace']/following-sibling::*[1]",
        "source_status": "//h2[.='Stav dotačního programu']/following-sibling::*[1]",
        "description": "//h1/following-sibling::*",
    },
}
CZ_CONTEXT = {"timezone": "Europe/Prague", "languages": ("cs",), "language": "cs", "currency": "CZK"}


def test_olomouc_region_programme_gives_the_time_of_its_deadline():
    response = html_response(OLKRAJ, "cz_regions", "olomoucky-detail.html")
    item = listing.parse_call(response, OLKRAJ_CONFIG, CZ_CONTEXT | {"source": "olkraj", "regions": ("CZ071",)})
    assert item["title"].startswith("06_07_Program na podporu výstavby a rekonstrukcí sportovních zařízení")
    # "7.4. - 17.4.2026 do 12:00": the deadline is a moment, noon in Prague
    assert item["deadlines"] == [datetime(2026, 4, 17, 12, 0, tzinfo=PRAGUE)]
    assert item["summary"] == "Investiční dotace na výstavbu a rekonstrukce sportovních zařízení."
    assert item["regions"] == ["CZ071"]


def test_usti_region_programme_gives_its_allocation_and_its_sector():
    response = html_response(USTI, "cz_regions", "ustecky-detail.html")
    item = listing.parse_call(response, USTI_CONFIG, CZ_CONTEXT | {"source": "kr-ustecky", "regions": ("CZ042",)})
    assert item["title"] == "Podpora rozvoje lokalit památek UNESCO v Ústeckém kraji"
    assert (item["budget_total"], item["currency"]) == (Decimal("15000000"), "CZK")  # 15 000 000 Kč
    assert item["deadlines"] == [date(2026, 6, 30)]  # Datum ukončení sběru žádosti: 30. 6. 2026
    assert item["opening_date"] == datetime(2026, 5, 21, tzinfo=PRAGUE)
    assert item["sectors"] == ["cultural-heritage"]  # Oblast kultury a památkové péče
    assert item["call_identifier"] == "111040001"
    assert "<h2>Finanční alokace</h2>" in item["description"]
    listed = listing.parse_listing(
        html_response("https://www.kr-ustecky.cz/dotace", "cz_regions", "ustecky-index.html"), USTI_CONFIG
    )
    assert listed[0].url == USTI


# EU Funding & Tenders -------------------------------------------------------------------------


def eu_results(name: str) -> tuple[list[dict], int]:
    return eu_ft.parse_search_page(json.loads(fixture("eu_ft", name).read_text()))


def test_eu_real_answer_topic():
    results, total = eu_results("search-response-unfiltered-pagesize10.json")
    assert (len(results), total) == (10, 541009)
    item = eu_ft.parse_result(results[0])
    assert item["external_id"] == "45878981EUAFProjectGrants1678320000000bg"
    assert item["url"] == (
        "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/euaf-2023-trai-03"
    )
    assert item["title"] == "Staff exchanges"
    assert item["call_identifier"] == "EUAF-2023-TRAI-03"
    assert item["programme"] == "Union Anti-Fraud Programme (EUAF)"
    assert item["opening_date"] == datetime(2023, 3, 9, 1, 0, tzinfo=timezone(timedelta(hours=1)))
    # 2023-05-11T02:00:00.000+0200 is midnight UTC, the API's way of writing a day; the actions say
    # "deadlineDates": ["11 May 2023"]
    assert item["deadlines"] == [date(2023, 5, 11)]
    assert item["timezone"] == "Europe/Brussels"
    assert item["source_status"] == "closed"  # 31094503
    # budgetOverview lists TRAI-01..04 at 900 000 each: only this topic's row counts
    assert item["budget_total"] == Decimal("900000")
    assert item["currency"] == "EUR"
    assert item["language"] == "en"  # the API says "bg"; the text is English
    assert item["summary"].startswith("Scope: Organising staff exchanges")
    assert item["raw"]["type"] == "topic"
    assert item["raw"]["call_identifier"] == "EUAF-2023-TRAI"


def test_eu_minimized_answer_budget_and_conditions():
    results, total = eu_results("search-page-1.json")
    assert total == 1211
    item = eu_ft.parse_result(results[0])
    assert item["external_id"] == "51176412TOPICSen"
    assert item["budget_total"] == Decimal("5000000")
    assert item["deadlines"] == [date(2026, 9, 24)]  # 2026-09-24T00:00:00.000+0000
    assert item["opening_date"] == datetime(2026, 5, 28, 0, 0, tzinfo=UTC)
    assert item["programme"] == "Internal Security Fund (ISF)"
    assert '<a href="https://ec.europa.eu/info/funding-tenders/opportunities/docs/2021-2027/isf/' in item["description"]
    stale = eu_ft.parse_result(results[1])
    assert stale["source_status"] == "open"  # the source says open; the portal computes from dates
    assert stale["deadlines"] == [date(2020, 1, 1)]


def test_eu_cascade_call_from_snapshot_row():
    from crawler.snapshots import snapshot_results

    rows = snapshot_results(fixture("eu_ft", "eu_calls_snapshot_2026-08-22.csv"))
    row = next(r for r in rows if r["reference"] == "14601COMPETITIVE_CALLen")
    item = eu_ft.parse_result(row)
    assert item["title"].startswith("ZMINA:Resilience. Rolling call for International Showcasin")  # caName
    assert item["call_identifier"] == "CREA-CULT-2025-COOP-UA-1"
    assert item["programme"] == "Creative Europe (CREA)"
    assert (
        item["url"]
        == "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/competitive-calls-cs/14601"
        or item["url"].startswith(
            "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/competitive-calls-cs/"
        )
    )
    assert len(item["deadlines"]) == 5  # a rolling call with five cut-offs
    assert item["deadlines"] == sorted(item["deadlines"])
    # A cascade call's own moments are kept: ['2026-09-14T23:00:00.000+0000', …]
    assert item["deadlines"][0] == datetime(2026, 9, 14, 23, 0, tzinfo=UTC)
    assert {"performing-arts", "visual-arts", "music", "books-press", "cultural-heritage"} <= set(item["sectors"])
    assert item["raw"]["type"] == "cascade funding"


def test_eu_creative_europe_media_topic_sectors():
    from crawler.snapshots import snapshot_results

    rows = snapshot_results(fixture("eu_ft", "eu_calls_snapshot_2026-08-22.csv"))
    row = next(r for r in rows if r["metadata"]["identifier"] == ["CREA-MEDIA-2026-DEVMINISLATE"])
    item = eu_ft.parse_result(row)
    assert item["sectors"] == ["software-games", "film-audiovisual"]
    assert item["url"].endswith("/topic-details/crea-media-2026-devminislate")


def test_eu_topic_details_complete_the_item():
    results, _ = eu_results("search-page-1.json")
    item = eu_ft.parse_result(results[1])  # STALE-TOPIC: no description, no budget in the search row
    details = {
        "TopicDetails": {
            "description": "<p>Scope <script>x()</script><a href='javascript:y()'>z</a></p>",
            "conditions": "<h4>Conditions</h4>",
            "budgetOverviewJSONItem": {
                "budgetTopicActionMap": {"1": [{"action": "STALE-TOPIC - GRANT", "budgetYearMap": {"2020": 750000}}]}
            },
        }
    }
    merged = eu_ft.parse_topic_details(details, item)
    assert merged["budget_total"] == Decimal("750000")
    assert merged["description"].startswith("<p>Scope")
    assert "script" not in merged["description"] and "javascript" not in merged["description"]
    assert merged["raw"]["details"] is True
    assert (
        eu_ft.topic_details_url("http://x/topicDetails/", "CREA-CULT-2026-COOP")
        == "http://x/topicDetails/crea-cult-2026-coop.json"
    )


def test_eu_topic_deadlines_are_the_days_the_actions_name():
    """Every topic of the complete real answer: its deadlineDate is midnight UTC, written in the
    offset of the day (+0100 or +0200), and its actions name that very day."""
    results, _total = eu_results("search-response-unfiltered-pagesize10.json")
    for result in results:
        item = eu_ft.parse_result(result)
        actions = eu_ft.json_in_string(result["metadata"], "actions")
        named = [datetime.strptime(day, "%d %B %Y").date() for action in actions for day in action["deadlineDates"]]
        assert item["deadlines"] == sorted(set(named)), item["call_identifier"]
        assert all(type(value) is date for value in item["deadlines"])


def test_eu_deadline_midnight_utc_is_a_day_any_other_moment_a_moment():
    assert eu_ft.eu_deadline("2026-12-17T00:00:00.000+0000") == date(2026, 12, 17)
    assert eu_ft.eu_deadline("2026-12-17T01:00:00.000+0100") == date(2026, 12, 17)
    assert eu_ft.eu_deadline("2026-09-16T17:00:00.000+0000") == datetime(2026, 9, 16, 17, 0, tzinfo=UTC)
    assert eu_ft.eu_deadline("17 December 2026") == date(2026, 12, 17)
    assert eu_ft.eu_deadline(None) is None


def test_eu_topic_details_give_the_time_of_a_day_only_deadline():
    results, _total = eu_results("search-page-1.json")
    item = eu_ft.parse_result(results[0])
    assert item["deadlines"] == [date(2026, 9, 24)]
    brussels = ZoneInfo("Europe/Brussels")
    five_pm = datetime(2026, 9, 24, 17, 0, tzinfo=brussels)
    details = {"TopicDetails": {"deadlineDates": [int(five_pm.timestamp() * 1000)]}}
    merged = eu_ft.parse_topic_details(details, item)
    assert merged["deadlines"] == [five_pm]
    assert merged["deadlines"][0].astimezone(brussels).hour == 17
    # Details that say only the day again change nothing.
    midnight = datetime(2026, 9, 24, tzinfo=UTC)
    again = eu_ft.parse_topic_details({"TopicDetails": {"deadlineDates": [int(midnight.timestamp() * 1000)]}}, item)
    assert again["deadlines"] == [date(2026, 9, 24)]


# feed -----------------------------------------------------------------------------------------

FEED_CONTEXT = {"source": "jmk-feed", "timezone": "Europe/Prague", "languages": ("cs",), "language": "cs"}
FEED_CONTEXT |= {"regions": ("CZ064",), "currency": "CZK"}


def test_feed_entries_become_calls():
    items = feed.parse_feed(fixture("feed", "calls.rss").read_bytes(), "https://example.test/feed.rss", FEED_CONTEXT)
    assert len(items) == 3
    first = items[0]
    assert first["external_id"] == "CREA-CULT-2025-COOP-UA-2"
    assert first["title"] == "Fostering Ukrainians’ access to culture and cultural heritage"
    assert (
        first["url"]
        == "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/competitive-calls-cs/47365875"
    )
    assert first["deadlines"] == [date(2026, 10, 6)]  # "Deadline: 6 October 2026"
    assert first["regions"] == ["CZ064"]
    assert first["raw"]["published"] == "2026-08-18T00:00:00+00:00"
    assert first.get("opening_date") is None  # only with published_is_opening
    assert "<script" not in items[2]["description"]


def test_feed_that_is_not_a_feed_raises():
    with pytest.raises(ValueError, match="not a feed"):
        feed.parse_feed(b"<html><body>Not found</body></html", "https://example.test/feed.rss", FEED_CONTEXT)


# listing (configured in the admin) ------------------------------------------------------------

SI_LISTING_CONFIG = {
    "link_selector": "#newsList .news > a::attr(href)",
    "fields": {
        "title": "h1.title::text",
        "deadline": "//p[b[starts-with(., 'Rok')]]",
        "opening_date": "p.date",
        "budget_total": "//p[b[starts-with(., 'Vrednost')]]",
        "applicant_types": "//p[b[starts-with(., 'Pogoji')]]",
        "funder": "//p[b[starts-with(., 'Razpisnik')]]/text()",
        "description": "div.newsDetail > p, div.newsDetail > ul",
        "external_id": "span.eli::attr(data-eliid)",
    },
}
SI_CONTEXT = {"source": "si-listing", "timezone": "Europe/Ljubljana", "languages": ("sl",), "language": "sl"}
SI_CONTEXT |= {"currency": "EUR", "regions": ("SI",)}


def test_listing_config_on_a_real_listing():
    listing.validate(SI_LISTING_CONFIG)
    entries = listing.parse_listing(html_response(f"{SI}/razpisi", "si_podjetniski", "seznam.html"), SI_LISTING_CONFIG)
    assert len(entries) == 17
    assert entries[0].external_id == "/razpisi/mp7l-2026-krediti-za-likvidnost-in-manjse-investicije-2026-10-02"


def test_listing_config_on_a_real_call_page():
    response = html_response(HRASTNIK_URL, "si_podjetniski", "razpis-hrastnik.html")
    item = listing.parse_call(response, SI_LISTING_CONFIG, SI_CONTEXT)
    assert item["external_id"] == "eli_tenders_41592"
    assert item["title"] == "Javni razpis za spodbujanje razvoja podjetništva v občini Hrastnik v letu 2026"
    assert item["deadlines"] == [date(2026, 8, 12)]
    assert item["timezone"] == "Europe/Ljubljana"
    assert item["opening_date"] == datetime(2026, 6, 1, tzinfo=LJUBLJANA)
    assert item["budget_total"] == Decimal("48825.00")
    assert item["funder"] == "Občina Hrastnik"
    assert "freelancer" in item["applicant_types"]
    assert "onclick" not in item["description"]


def test_listing_config_is_checked():
    with pytest.raises(ValueError, match="link_selector"):
        listing.validate({"fields": {"title": "h1"}})
    with pytest.raises(ValueError, match="unknown fields"):
        listing.validate({"link_selector": "a", "fields": {"title": "h1", "deadlin": "p"}})
