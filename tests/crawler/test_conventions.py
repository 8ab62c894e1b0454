"""A source's conventions (time zone, date languages, currency, regions) come from one definition.

A spider's defaults (what a Source's config may override) and its parser's loader context must say
the same: a Czech call read by the parser in one time zone and by the spider's loader in another
would move its deadlines by an hour.
"""

from __future__ import annotations

import pytest

from crawler.conventions import CZECH, EU, SLOVENIAN
from crawler.parsers import cz_dotaceeu, cz_mkcr, eu_ft, si_podjetniski
from crawler.spiders.cz_dotaceeu import CzDotaceEuSpider
from crawler.spiders.cz_mkcr import CzMkcrSpider
from crawler.spiders.eu_ft import EuFtSpider
from crawler.spiders.si_podjetniski import SiPodjetniskiSpider


@pytest.mark.parametrize(
    ("spider", "parser", "conventions"),
    [
        (CzDotaceEuSpider, cz_dotaceeu, CZECH),
        (CzMkcrSpider, cz_mkcr, CZECH),
        (SiPodjetniskiSpider, si_podjetniski, SLOVENIAN),
        (EuFtSpider, eu_ft, EU),
    ],
)
def test_spider_and_parser_follow_their_source(spider, parser, conventions):
    context = spider(start_urls="https://example.test/").loader_context()
    for name in ("timezone", "languages", "language", "currency", "regions"):
        assert context[name] == parser.CONTEXT[name] == getattr(conventions, name), name
    assert parser.CONTEXT["source"] == spider.name


def test_a_sources_config_still_overrides_its_conventions():
    spider = CzMkcrSpider(
        start_urls="https://example.test/", config={"timezone": "Europe/Bratislava", "regions": ["CZ071"]}
    )
    context = spider.loader_context()
    assert (context["timezone"], context["regions"], context["currency"]) == ("Europe/Bratislava", ("CZ071",), "CZK")


def test_the_conventions_name_known_regions_and_real_time_zones():
    from zoneinfo import ZoneInfo

    from crawler.vocabulary import REGIONS

    for conventions in (CZECH, SLOVENIAN, EU):
        ZoneInfo(conventions.timezone)
        assert set(conventions.regions) <= set(REGIONS)
        assert conventions.language == conventions.languages[0]
