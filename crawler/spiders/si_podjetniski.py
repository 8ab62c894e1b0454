"""podjetniski-portal.si: the current year's calls (and ``config.years`` - 1 earlier years)."""

from __future__ import annotations

from typing import Any, ClassVar

from scrapy.http import Response

from crawler.conventions import SLOVENIAN
from crawler.parsers import si_podjetniski as parser
from crawler.spiders.base import KreativSpider


class SiPodjetniskiSpider(KreativSpider):
    name = "si_podjetniski"
    allowed_domains: ClassVar[list[str]] = []
    default_start_urls: ClassVar[list[str]] = ["https://www.podjetniski-portal.si/razpisi"]
    # The source's conventions: the defaults a Source's config may override.
    timezone = SLOVENIAN.timezone
    languages = SLOVENIAN.languages
    language = SLOVENIAN.language
    currency = SLOVENIAN.currency
    regions = SLOVENIAN.regions

    def parse(self, response: Response, **kwargs: Any) -> Any:
        if response.meta.get("kreativ_year_index", 0) == 0:
            years = int(self.config.get("years", 1))
            for index, url in enumerate(parser.parse_year_pages(response)[: max(years - 1, 0)], start=1):
                yield self.listing_request(url, callback=self.parse, meta={"kreativ_year_index": index})
        for entry in parser.parse_listing(response):
            yield self.call_request(entry.url, callback=self.parse_call, external_id=entry.external_id)

    def parse_call(self, response: Response) -> Any:
        yield parser.parse_call(response, external_id=response.meta.get("kreativ_external_id"))
