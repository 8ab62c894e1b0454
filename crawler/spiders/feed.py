"""Any RSS/Atom feed of calls, configured as a Source in the admin (no code per feed).

Config (a JSON object, see README "Crawler"): ``start_urls`` or ``feed_url`` (the feed), and the
common keys (``source``, ``language``, ``timezone``, ``currency``, ``regions``, ``sectors``,
``support_kind``, ``funder``, ``programme``), plus ``deadline_pattern`` (a regular expression whose
first group is the deadline) and ``published_is_opening`` (true: the entry's date opens the call).
"""

from __future__ import annotations

from typing import Any

from scrapy.http import Response

from crawler.parsers.feed import parse_feed
from crawler.spiders.base import KreativSpider

FEED_OPTIONS = ("deadline_pattern", "published_is_opening", "map_applicants")


class FeedSpider(KreativSpider):
    name = "feed"

    # No default: the feed's address comes from --url, config.start_urls or config.feed_url.

    def parse(self, response: Response, **kwargs: Any) -> Any:
        context = self.loader_context(response.url)
        context |= {key: self.config[key] for key in FEED_OPTIONS if key in self.config}
        for item in parse_feed(response.body, response.url, context):
            for name in ("funder", "programme"):
                if self.config.get(name) and not item.get(name):
                    item[name] = self.config[name]
            yield item
