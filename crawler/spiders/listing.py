"""A regional grant page without code: a listing and its call pages, read with the Source's
selectors (see ``crawler.parsers.listing`` for the configuration)."""

from __future__ import annotations

from typing import Any

from scrapy.http import Response

from crawler.parsers import listing as parser
from crawler.spiders.base import KreativSpider


class ListingSpider(KreativSpider):
    name = "listing"

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        parser.validate(self.config)

    def parse(self, response: Response, **kwargs: Any) -> Any:
        for entry in parser.parse_listing(response, self.config):
            yield self.call_request(entry.url, callback=self.parse_call, external_id=entry.external_id)
        next_url = parser.next_page(response, self.config)
        if next_url:
            yield self.listing_request(next_url, callback=self.parse)

    def parse_call(self, response: Response) -> Any:
        yield parser.parse_call(
            response, self.config, self.loader_context(response.url), response.meta.get("kreativ_external_id")
        )
