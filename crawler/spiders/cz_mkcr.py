"""mk.gov.cz: the Ministry of Culture's grant calls, from its "Granty a dotace" index."""

from __future__ import annotations

from typing import Any, ClassVar

from scrapy.http import Response

from crawler.conventions import CZECH
from crawler.parsers import cz_mkcr as parser
from crawler.spiders.base import KreativSpider


class CzMkcrSpider(KreativSpider):
    name = "cz_mkcr"
    default_start_urls: ClassVar[list[str]] = ["https://mk.gov.cz/granty-a-dotace"]
    # The source's conventions: the defaults a Source's config may override.
    timezone = CZECH.timezone
    languages = CZECH.languages
    language = CZECH.language
    currency = CZECH.currency
    regions = CZECH.regions

    def parse(self, response: Response, **kwargs: Any) -> Any:
        for entry in parser.parse_listing(response):
            yield self.call_request(entry.url, callback=self.parse_call, external_id=entry.external_id)

    def parse_call(self, response: Response) -> Any:
        yield parser.parse_call(response, external_id=response.meta.get("kreativ_external_id"))
