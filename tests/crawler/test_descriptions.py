"""Every description the parsers make of a saved page leaves the crawler sanitised, as the item
contract says: ingest checks this (``kreativ.sanitise.is_sanitised``) and refuses an item that fails."""

from __future__ import annotations

import json

import pytest

from crawler.parsers import cz_dotaceeu, cz_mkcr, eu_ft, feed, listing, si_podjetniski
from kreativ.sanitise import is_sanitised
from tests.crawler.conftest import fixture, html_response
from tests.crawler.test_parsers import FEED_CONTEXT, SI_CONTEXT, SI_LISTING_CONFIG

SI = "https://www.podjetniski-portal.si/razpisi/hrastnik"


def parsed_items() -> list[tuple[str, dict]]:
    items = [
        ("si hrastnik", si_podjetniski.parse_call(html_response(SI, "si_podjetniski", "razpis-hrastnik.html"))),
        ("si hostile", si_podjetniski.parse_call(html_response(SI, "si_podjetniski", "razpis-hostile.html"))),
        (
            "si listing",
            listing.parse_call(
                html_response(SI, "si_podjetniski", "razpis-hostile.html"), SI_LISTING_CONFIG, SI_CONTEXT
            ),
        ),
        (
            "dotaceeu",
            cz_dotaceeu.parse_call(html_response("https://www.dotaceeu.cz/cs/v", "cz_dotaceeu", "call-109.html")),
        ),
        ("mkcr", cz_mkcr.parse_call(html_response("https://mk.gov.cz/v", "cz_mkcr", "call-creative-europe.html"))),
    ]
    feed_items = feed.parse_feed(
        fixture("feed", "calls.rss").read_bytes(), "https://example.test/feed.rss", FEED_CONTEXT
    )
    items += [(f"feed {n}", item) for n, item in enumerate(feed_items)]
    for name in ("search-page-1.json", "search-response-unfiltered-pagesize10.json"):
        results = json.loads(fixture("eu_ft", name).read_text())["results"]
        items += [(f"eu {name} {n}", eu_ft.parse_result(result)) for n, result in enumerate(results)]
    details = {"TopicDetails": {"description": '<p onclick="x()">Topic <a href="/x">text</a><script>y()</script></p>'}}
    items.append(("eu details", eu_ft.parse_topic_details(details, items[-1][1])))
    return items


ITEMS = parsed_items()


@pytest.mark.parametrize(("name", "item"), ITEMS, ids=[name for name, _ in ITEMS])
def test_the_description_is_sanitised_when_it_leaves_the_parser(name, item):
    assert is_sanitised(item.get("description") or "")


def test_the_saved_pages_do_have_descriptions_to_check():
    described = [name for name, item in ITEMS if item.get("description")]
    assert {"si hostile", "si listing", "dotaceeu", "mkcr", "eu details"} <= set(described)
