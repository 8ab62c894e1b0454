"""What every Kreativ spider shares: its arguments, its loader context and its errbacks.

Spiders only crawl: they decide which requests to make and hand each response to a parse function
from ``crawler.parsers``. A request that fails reaches ``failed`` (its errback), which reports the
failure against the source and the URL and lets the crawl go on.

Arguments (``scrapy crawl NAME -a ...`` or ``python -m crawler.run NAME ...``):

- ``start_urls``: the command line's start URLs (a JSON list, or URLs separated by commas or
  whitespace), so a saved copy or a mirror can stand in;
- ``config``: a JSON object with the source's settings (see README, "Crawler"); keys common to all
  spiders: ``source`` (the Source slug, default the spider's name), ``start_urls``, ``language``,
  ``timezone``, ``languages``, ``currency``, ``regions``, ``sectors``, ``support_kind``,
  ``funder``, ``programme``;
- ``source``: the Source slug, a shortcut for ``config.source``.

The start URLs are chosen when the spider is created from its crawler (its settings are known
then): the command line's, else the config's, else the spider's defaults (``crawler.start_urls``).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, ClassVar

import scrapy
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from crawler.loaders import CallLoader
from crawler.report import describe_failure, page_failed
from crawler.start_urls import StartUrls, choose_start_urls, configured_start_urls, parse_start_urls

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings


def parse_config(value: str | dict[str, Any] | None) -> dict[str, Any]:
    """The ``config`` spider argument: a JSON object (or already a dict)."""
    if not value:
        return {}
    if isinstance(value, dict):
        return dict(value)
    config = json.loads(value)
    if not isinstance(config, dict):
        raise ValueError("config must be a JSON object")
    return config


class KreativSpider(scrapy.Spider):
    """Base of the Kreativ spiders. Subclasses set the class attributes below and ``start``."""

    default_start_urls: ClassVar[list[str]] = []
    # The setting that holds the spider's own start URL instead, e.g. "EU_FT_API_URL".
    start_url_setting: ClassVar[str | None] = None
    timezone: ClassVar[str] = "UTC"
    languages: ClassVar[tuple[str, ...]] = ("en",)
    language: ClassVar[str | None] = None
    currency: ClassVar[str | None] = None
    regions: ClassVar[tuple[str, ...]] = ()
    sectors: ClassVar[tuple[str, ...]] = ()
    support_kind: ClassVar[str | None] = None
    required_config: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        *args: Any,
        config: str | dict[str, Any] | None = None,
        start_urls: str | list[str] | None = None,
        source: str | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.config = parse_config(config)
        self.command_line_urls = parse_start_urls(start_urls)
        self.start_urls: list[str] = []
        self.source_slug = source or self.config.get("source") or self.name
        missing = [key for key in self.required_config if not self.config.get(key)]
        if missing:
            raise ValueError(f"{self.name}: config needs {', '.join(missing)}")

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> KreativSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        chosen = spider.choose_start_urls(crawler.settings)
        if not chosen.urls:
            raise ValueError(f"{spider.name}: no start URLs (--url, config.start_urls, or the spider's defaults)")
        spider.start_urls = list(chosen.urls)
        spider.logger.info("[%s] start URLs (%s): %s", spider.source_slug, chosen.origin, " ".join(chosen.urls))
        return spider

    @classmethod
    def default_start_urls_for(cls, settings: BaseSettings) -> list[str]:
        """The spider's own start URLs, used when neither the command line nor the source names
        any: the setting ``start_url_setting`` names, or else ``default_start_urls``."""
        if cls.start_url_setting:
            value = settings.get(cls.start_url_setting)
            return [value] if value else []
        return list(cls.default_start_urls)

    def choose_start_urls(self, settings: BaseSettings) -> StartUrls:
        """Command line, then the source's configuration, then the defaults (``crawler.start_urls``)."""
        return choose_start_urls(
            self.command_line_urls, configured_start_urls(self.config), self.default_start_urls_for(settings)
        )

    def loader_context(self, base_url: str | None = None) -> dict[str, Any]:
        """The context parsers give their loaders: the class's defaults, overridden by the config."""
        config = self.config
        languages = config.get("languages") or ([config["language"]] if config.get("language") else self.languages)
        return {
            "source": self.source_slug,
            "timezone": config.get("timezone", self.timezone),
            "languages": tuple(languages),
            "language": config.get("language", self.language),
            "currency": config.get("currency", self.currency),
            "regions": tuple(config.get("regions", self.regions)),
            "sectors": tuple(config.get("sectors", self.sectors)),
            "support_kind": config.get("support_kind", self.support_kind),
            "base_url": base_url,
        }

    def new_loader(self, response: Response | None = None, **context: Any) -> CallLoader:
        """A ``CallLoader`` for ``response`` with this source's context."""
        merged = self.loader_context(response.url if response is not None else context.get("base_url"))
        merged.update(context)
        loader = CallLoader(response=response, **merged)
        for name in ("funder", "programme"):
            if self.config.get(name):
                loader.add_value(name, self.config[name])
        return loader

    # Requests -------------------------------------------------------------------------------------

    def listing_request(self, url: str, callback: Any, **kwargs: Any) -> Request:
        """A request for a page that lists calls: if it fails, the run cannot tell what is gone."""
        meta = {"kreativ_page": "listing", **kwargs.pop("meta", {})}
        return Request(url, callback=callback, errback=self.failed, meta=meta, **kwargs)

    def call_request(self, url: str, callback: Any, external_id: str | None = None, **kwargs: Any) -> Request:
        """A request for one call's page; ``external_id`` keeps the call listed even if it fails."""
        meta = {"kreativ_page": "call", "kreativ_external_id": external_id, **kwargs.pop("meta", {})}
        return Request(url, callback=callback, errback=self.failed, meta=meta, **kwargs)

    async def start(self) -> AsyncIterator[Any]:
        for url in self.start_urls:
            yield self.listing_request(url, callback=self.parse)

    def failed(self, failure: Failure) -> None:
        """Errback: report the failure against this source and URL; the crawl goes on."""
        self.report_failure(failure)

    def report_failure(self, failure: Failure) -> dict[str, Any]:
        request = getattr(failure, "request", None)
        meta = request.meta if request is not None else {}
        kind, message, status = describe_failure(failure)
        error = {
            "url": request.url if request is not None else "",
            "kind": kind,
            "message": message,
            "page": meta.get("kreativ_page", "call"),
            "status": status,
            "external_id": meta.get("kreativ_external_id"),
        }
        self.crawler.signals.send_catch_log(page_failed, error=error, spider=self)
        return error
