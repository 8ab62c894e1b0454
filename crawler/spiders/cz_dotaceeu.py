"""dotaceeu.cz: the list of calls, paged, and each call's detail page."""

from __future__ import annotations

from typing import Any, ClassVar

from scrapy.http import Response

from crawler.conventions import CZECH
from crawler.parsers import cz_dotaceeu as parser
from crawler.spiders.base import KreativSpider


class CzDotaceEuSpider(KreativSpider):
    name = "cz_dotaceeu"
    default_start_urls: ClassVar[list[str]] = ["https://www.dotaceeu.cz/cs/jak-ziskat-dotaci/vyzvy"]
    # The source's conventions: the defaults a Source's config may override.
    timezone = CZECH.timezone
    languages = CZECH.languages
    language = CZECH.language
    currency = CZECH.currency
    regions = CZECH.regions

    def parse(self, response: Response, **kwargs: Any) -> Any:
        for entry in parser.parse_listing(response):
            yield self.call_request(entry.url, callback=self.parse_call, external_id=entry.external_id)
        next_url = parser.next_page(response)
        if next_url:
            yield self.listing_request(next_url, callback=self.parse)

    def parse_call(self, response: Response) -> Any:
        yield parser.parse_call(response, external_id=response.meta.get("kreativ_external_id"))
