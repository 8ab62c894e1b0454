"""Item pipelines: check each item, then hand it to ``opportunities.intake.ingest``: the crawler's only way
to the database.

``IngestPipeline`` is deliberately thin: it calls two functions of the ingest module and nothing
else, so the crawler knows nothing of models, revisions or workflows. The module is named by the
``KREATIV_INGEST_MODULE`` setting (tests point it at a fake) and must provide::

    ingest_item(source_slug: str, item: dict) -> str        # "new" | "changed" | "unchanged"
    finish_run(source_slug: str, seen_external_ids: set[str], stats: dict, errors: list[dict]) -> None

Both run in one worker thread, never in the event loop's thread: Django refuses synchronous ORM
calls inside a running asyncio loop (Scrapy's reactor), and one thread keeps SQLite writes serial
while the crawl goes on downloading. ``finish_run`` is called when the spider has closed, with the
reason it closed for, so that ``crawler.report.saw_whole_listing`` can tell a finished run from
one that was stopped halfway through its listing.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import DropItem, NotConfigured

from crawler.items import REQUIRED_FIELDS, complete
from crawler.report import RunReport, saw_whole_listing

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

INGEST_RESULTS = ("new", "changed", "unchanged")


class DuplicateItem(DropItem):
    """A call already seen in this run (the EU API repeats rows across pages): not an error."""

    is_error = False


class InvalidItem(DropItem):
    """An item without one of the fields every call needs; reported against its source."""

    is_error = True


class ValidateAndCleanPipeline:
    """Drops items missing ``external_id``, ``title`` or ``url`` (with the reason in the run's
    errors) and items whose external id this run has already seen; fills absent fields with
    their empty value, so ingest always receives the whole contract, and sets ``source`` to the
    run's Source slug (one spider, e.g. ``feed``, serves many sources)."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidateAndCleanPipeline:
        return cls(crawler)

    def process_item(self, item: Any, spider: object = None) -> Any:
        missing = [name for name in REQUIRED_FIELDS if not item.get(name)]
        if missing:
            raise InvalidItem(f"missing {', '.join(missing)}")
        if not str(item["url"]).startswith(("http://", "https://")):
            raise InvalidItem(f"url is not absolute: {item['url']!r}")
        external_id = str(item["external_id"])
        if external_id in self.seen:
            self.crawler.stats.inc_value("kreativ/duplicates")
            raise DuplicateItem(f"repeated external id {external_id}", log_level="DEBUG")
        self.seen.add(external_id)
        for name, value in complete(item).items():
            item[name] = value
        spider = self.crawler.spider
        item["source"] = getattr(spider, "source_slug", None) or item["source"] or getattr(spider, "name", None)
        return item


class IngestPipeline:
    """Hands every item to ``ingest.ingest_item`` and, once the spider has closed, the run to
    ``ingest.finish_run``.

    Off unless ``KREATIV_INGEST_ENABLED``; with ``KREATIV_INGEST_DJANGO_SETUP`` it calls
    ``django.setup()`` first (the crawl runs in a child process with ``DJANGO_SETTINGS_MODULE``).
    An exception in ``ingest_item`` is recorded as an ``ingest`` error of that call and the crawl
    goes on; the item is still seen, so ``finish_run`` does not take it for gone.
    """

    def __init__(self, crawler: Crawler, module_path: str, django_setup: bool):
        self.crawler = crawler
        self.module_path = module_path
        self.django_setup = django_setup
        self.ingest: Any = None
        self.executor: ThreadPoolExecutor | None = None
        self.counts = dict.fromkeys(INGEST_RESULTS, 0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IngestPipeline:
        settings = crawler.settings
        if not settings.getbool("KREATIV_INGEST_ENABLED"):
            raise NotConfigured("KREATIV_INGEST_ENABLED is off")
        pipeline = cls(crawler, settings.get("KREATIV_INGEST_MODULE"), settings.getbool("KREATIV_INGEST_DJANGO_SETUP"))
        # Not close_spider: item pipelines are closed before the engine sends spider_closed, and
        # only spider_closed carries the reason, without which completeness cannot be judged.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    @property
    def source(self) -> str:
        spider = self.crawler.spider
        return getattr(spider, "source_slug", None) or spider.name

    async def _in_thread(self, function: Any, *args: Any) -> Any:
        assert self.executor is not None
        return await asyncio.wrap_future(self.executor.submit(function, *args))

    def _load(self) -> Any:
        if self.django_setup and os.environ.get("DJANGO_SETTINGS_MODULE"):
            import django

            django.setup()
        return importlib.import_module(self.module_path)

    async def open_spider(self, spider: object = None) -> None:
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kreativ-ingest")
        self.ingest = await self._in_thread(self._load)

    async def process_item(self, item: Any, spider: object = None) -> Any:
        try:
            result = await self._in_thread(self.ingest.ingest_item, self.source, dict(item))
        except Exception as error:
            logger.exception("[%s] ingest failed for %s", self.source, item.get("external_id"))
            report = RunReport.of(self.crawler)
            if report is not None:
                report.add(
                    url=item.get("url", ""),
                    kind="ingest",
                    message=f"{type(error).__name__}: {error}",
                    external_id=item.get("external_id"),
                )
            return item
        if result not in INGEST_RESULTS:
            logger.warning("[%s] ingest_item returned %r for %s", self.source, result, item.get("external_id"))
        else:
            self.counts[result] += 1
            self.crawler.stats.inc_value(f"kreativ/ingest/{result}")
        return item

    async def spider_closed(self, spider: object = None, reason: str | None = None) -> None:
        if self.executor is None:
            return  # the spider never opened: nothing was ingested, no run to record
        if self.ingest is None:  # the ingest module failed to load (already logged)
            self.executor.shutdown(wait=True)
            self.executor = None
            return
        report = RunReport.of(self.crawler)
        facts = report.as_dict(reason) if report else None
        seen = set(report.seen_external_ids) if report else set()
        errors = list(report.errors) if report else []
        stats = dict(facts["stats"]) if facts else {}
        stats["finish_reason"] = reason
        stats["listing_complete"] = saw_whole_listing(facts)
        stats["ingest_counts"] = dict(self.counts)
        try:
            await self._in_thread(self.ingest.finish_run, self.source, seen, stats, errors)
        finally:
            self.executor.submit(_close_django_connections).result()
            self.executor.shutdown(wait=True)
            self.executor = None


def _close_django_connections() -> None:
    """Close the worker thread's database connections, if Django was used at all."""
    import sys

    if "django.db" in sys.modules:
        from django.db import connections

        connections.close_all()
