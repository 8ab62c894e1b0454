"""EU Funding & Tenders: open and forthcoming topics, calls for proposals and cascade-funding calls.

The spider asks the search API the way the portal itself does: a POST to
``API?apiKey=SEDIA&text=***&pageSize=N&pageNumber=K`` whose multipart body has three JSON parts,
``query``, ``languages`` and ``sort``. ``API`` is the first start URL (``crawler.start_urls``): the
command line's, else the source's, else the setting ``EU_FT_API_URL`` (from the environment).
Pages are read one after the other, in a stable order (sorted by identifier), until
``totalResults`` is reached or a page comes back empty; rows the paging repeats are dropped by
reference. Each topic's detail JSON (``EU_FT_TOPIC_URL``) is then read for its description and
budget; when it does not answer, the call is kept from the search metadata alone.
``EU_FT_FETCH_DETAILS=0`` skips the detail requests.
"""

from __future__ import annotations

import json
import math
from typing import Any
from urllib.parse import urlencode

from scrapy.http import Request, Response
from twisted.python.failure import Failure
from urllib3 import encode_multipart_formdata

from crawler.conventions import EU
from crawler.parsers import eu_ft as parser
from crawler.spiders.base import KreativSpider

QUERY = {
    "bool": {
        "must": [
            {"terms": {"type": ["1", "2", "8"]}},
            {"terms": {"status": [parser.FORTHCOMING, parser.OPEN]}},
        ]
    }
}
LANGUAGES = ["en"]
# One field: the API sorts by one. Identifiers are unique but for cascade calls of one topic.
SORT = {"field": "identifier", "order": "ASC"}
# A fixed boundary keeps the body, and so the request's fingerprint and cache key, the same.
BOUNDARY = "kreativ-eu-ft-search"


def search_body(query: dict[str, Any] = QUERY, languages: list[str] = LANGUAGES, sort: Any = SORT) -> tuple[bytes, str]:
    """The multipart body (and its content type) of a search request: three JSON parts."""
    fields = [
        (name, ("blob", json.dumps(value), "application/json"))
        for name, value in (("query", query), ("languages", languages), ("sort", sort))
    ]
    return encode_multipart_formdata(fields, boundary=BOUNDARY)


class EuFtSpider(KreativSpider):
    name = "eu_ft"
    timezone = EU.timezone
    languages = EU.languages
    language = EU.language
    currency = EU.currency
    regions = EU.regions
    start_url_setting = "EU_FT_API_URL"  # the API's address, from the environment (crawler/settings.py)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.seen_references: set[str] = set()

    @property
    def api_url(self) -> str:
        """The search API's address: the first start URL (command line, source, or EU_FT_API_URL)."""
        return self.start_urls[0]

    @property
    def page_size(self) -> int:
        return int(self.config.get("page_size") or self.settings.getint("EU_FT_PAGE_SIZE", 100))

    def search_request(self, page: int) -> Request:
        params = {"apiKey": "SEDIA", "text": "***", "pageSize": self.page_size, "pageNumber": page}
        body, content_type = search_body(self.config.get("query") or QUERY, sort=self.config.get("sort") or SORT)
        return self.listing_request(
            f"{self.api_url}?{urlencode(params)}",
            callback=self.parse,
            method="POST",
            body=body,
            headers={"Content-Type": content_type, "Accept": "application/json"},
            meta={"kreativ_search_page": page},
        )

    async def start(self) -> Any:
        yield self.search_request(1)

    def parse(self, response: Response, **kwargs: Any) -> Any:
        page = response.meta["kreativ_search_page"]
        results, total = parser.parse_search_page(json.loads(response.text))
        stats = self.crawler.stats
        stats.set_value("eu_ft/total_results", total)
        stats.inc_value("eu_ft/pages")
        fetch_details = self.settings.getbool("EU_FT_FETCH_DETAILS", True)
        for result in results:
            reference = result.get("reference")
            if reference in self.seen_references:
                stats.inc_value("eu_ft/repeated_rows")
                continue
            if reference:
                self.seen_references.add(reference)
            try:
                item = parser.parse_result(result)
            except Exception as error:
                self.logger.warning("[%s] unreadable result %s: %s", self.source_slug, reference, error)
                self.report_row_error(response, reference, error)
                continue
            if fetch_details and parser.wants_details(item):
                yield self.details_request(item)
            else:
                yield item
        last_page = min(math.ceil(total / self.page_size), self.settings.getint("EU_FT_MAX_PAGES", 200))
        if results and page < last_page:
            yield self.search_request(page + 1)

    def details_request(self, item: Any) -> Request:
        url = parser.topic_details_url(self.settings.get("EU_FT_TOPIC_URL"), item["call_identifier"])
        return Request(
            url,
            callback=self.parse_details,
            errback=self.details_failed,
            dont_filter=True,  # cascade calls may share a topic: each item needs its answer
            meta={"kreativ_page": "detail", "kreativ_external_id": item["external_id"], "kreativ_item": item},
        )

    def parse_details(self, response: Response) -> Any:
        item = response.meta["kreativ_item"]
        try:
            yield parser.parse_topic_details(json.loads(response.text), item)
        except ValueError as error:
            self.logger.info(
                "[%s] topic details of %s unreadable (%s); kept from search",
                self.source_slug,
                item["external_id"],
                error,
            )
            self.crawler.stats.inc_value("eu_ft/details_unreadable")
            yield item

    def details_failed(self, failure: Failure) -> Any:
        """No detail JSON: the call is kept from the search metadata alone (not a run error)."""
        request = failure.request
        self.crawler.stats.inc_value("eu_ft/details_missing")
        self.logger.debug("[%s] no topic details at %s (%s)", self.source_slug, request.url, failure.value)
        yield request.meta["kreativ_item"]

    def report_row_error(self, response: Response, reference: str | None, error: Exception) -> None:
        from crawler.report import page_failed

        self.crawler.signals.send_catch_log(
            page_failed,
            error={
                "url": response.url,
                "kind": "parse",
                "message": f"result {reference}: {type(error).__name__}: {error}",
                "page": "call",
                "status": None,
                "external_id": reference,
            },
            spider=self,
        )
