"""What a run saw and what went wrong, collected in one place for the ingest hand-off.

A failing page must never stop the other calls, but it must not vanish either: the moderators see
each run's errors against its source, and a call whose page failed is still *listed* by its source
(so it must not be marked "no longer listed"). ``RunReport`` is a Scrapy extension that listens to:

- ``page_failed`` (this module's signal), sent by the spiders' errbacks: HTTP errors, timeouts,
  DNS and connection errors, requests refused by robots.txt;
- ``spider_error``: an exception in a parse callback (a malformed page);
- ``item_dropped``: an item the validation pipeline refused (a missing field);
- ``item_scraped``: the calls that came through.

Each error is a dict ``{"url", "kind", "message", "page", "status", "external_id"}`` where ``kind`` is
one of ``http``, ``timeout``, ``network``, ``robots``, ``parse``, ``invalid-item``, ``ingest``, ``other``
and ``page`` is ``listing``, ``call`` or ``detail``. ``listing_complete`` is false when a listing page
failed: then the run cannot tell which calls are gone, and ``finish_run`` must not mark any.

``saw_whole_listing`` is the one judgement of a run's completeness that both ways to ingest use
(``IngestPipeline`` in the crawl's process, ``opportunities.intake.crawl`` reading ``--report``):
only a report that says the listing was read whole, from a run that finished, counts.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectError, DNSLookupError, TCPTimedOutError
from twisted.internet.error import TimeoutError as TwistedTimeoutError

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

page_failed = object()  # a signal: page_failed(error: dict, spider)

ERROR_KINDS = ("http", "timeout", "network", "robots", "parse", "invalid-item", "ingest", "other")


NETWORK_ERRORS = frozenset(
    {"DownloadConnectionRefusedError", "CannotResolveHostError", "DownloadFailedError", "ResponseDataLossError"}
    | {"ConnectionLost", "ResponseFailed", "ResponseNeverReceived"}
)


def describe_failure(failure: Failure) -> tuple[str, str, int | None]:
    """``(kind, message, status)`` of a request's failure, for the run's error list."""
    error = failure.value
    if isinstance(error, HttpError):
        status = error.response.status
        return "http", f"HTTP {status}", status
    # Scrapy 2.19 wraps download errors in its own classes (DownloadTimeoutError,
    # CannotResolveHostError, …); older versions raise Twisted's. Both are recognised.
    names = {cls.__name__ for cls in type(error).__mro__}
    if isinstance(error, (TwistedTimeoutError, TCPTimedOutError)) or any("Timeout" in name for name in names):
        return "timeout", f"timed out: {error}", None
    if isinstance(error, (DNSLookupError, ConnectError)) or names & NETWORK_ERRORS:
        return "network", f"{type(error).__name__}: {error}", None
    if isinstance(error, IgnoreRequest):
        message = str(error) or "request ignored"
        kind = "robots" if "robots" in message.lower() else "other"
        return kind, message, None
    return "other", f"{type(error).__name__}: {error}", None


def saw_whole_listing(report: Mapping[str, Any] | None) -> bool:
    """Whether a run's report (``RunReport.as_dict``, or the ``--report`` file) proves that the run
    read its source's whole listing, so that a call it did not see is no longer listed.

    Anything short of proof is ``False``: no report, a report that does not say, a listing page
    that failed, or a run that did not finish (``finish_reason`` other than ``"finished"``: shut
    down, cancelled, stopped by a ``CLOSESPIDER_*`` limit, or not known). A run that cannot prove
    it saw the whole listing must never mark calls as gone.
    """
    if not report:
        return False
    return report.get("listing_complete") is True and report.get("finish_reason") == "finished"


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


class RunReport:
    """Collects the run's errors and seen external ids (see the module docstring)."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.errors: list[dict[str, Any]] = []
        self.seen_external_ids: set[str] = set()
        self.report_file = crawler.settings.get("KREATIV_REPORT_FILE")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReport:
        report = cls(crawler)
        crawler.signals.connect(report.page_failed, signal=page_failed)
        crawler.signals.connect(report.spider_error, signal=signals.spider_error)
        crawler.signals.connect(report.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(report.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(report.spider_closed, signal=signals.spider_closed)
        return report

    @staticmethod
    def of(crawler: Crawler) -> RunReport | None:
        """The crawler's RunReport extension, if it is enabled."""
        for extension in crawler.extensions.middlewares:
            if isinstance(extension, RunReport):
                return extension
        return None

    @property
    def source(self) -> str:
        spider = self.crawler.spider
        return getattr(spider, "source_slug", None) or getattr(spider, "name", "?")

    @property
    def listing_complete(self) -> bool:
        return not any(error["page"] == "listing" for error in self.errors)

    def add(
        self,
        *,
        url: str,
        kind: str,
        message: str,
        page: str = "call",
        status: int | None = None,
        external_id: str | None = None,
    ) -> dict[str, Any]:
        """Record one error, log it against the source, and count it in the stats."""
        error = {"url": url, "kind": kind, "message": message, "page": page, "status": status}
        error["external_id"] = external_id
        self.errors.append(error)
        if external_id:
            self.seen_external_ids.add(external_id)
        stats = self.crawler.stats
        if stats is not None:
            stats.inc_value("kreativ/errors")
            stats.inc_value(f"kreativ/errors/{kind}")
        logger.warning("[%s] %s error on %s page %s: %s", self.source, kind, page, url, message)
        return error

    def page_failed(self, error: dict[str, Any], spider: object = None) -> None:
        self.add(**error)

    def spider_error(self, failure: Failure, response: Any, spider: object = None) -> None:
        meta = getattr(response, "meta", {}) or {}
        self.add(
            url=getattr(response, "url", ""),
            kind="parse",
            message=f"{type(failure.value).__name__}: {failure.value}",
            page=meta.get("kreativ_page", "call"),
            external_id=meta.get("kreativ_external_id"),
        )

    def item_dropped(self, item: Any, response: Any, exception: Exception, spider: object = None) -> None:
        if getattr(exception, "is_error", True) is False:
            return  # e.g. a repeated row, which is normal and not worth a moderator's time
        self.add(
            url=item.get("url") or getattr(response, "url", "") or "",
            kind="invalid-item",
            message=str(exception),
            page="call",
            external_id=item.get("external_id"),
        )

    def item_scraped(self, item: Any, response: Any = None, spider: object = None) -> None:
        if item.get("external_id"):
            self.seen_external_ids.add(item["external_id"])

    def as_dict(self, reason: str | None = None) -> dict[str, Any]:
        stats = self.crawler.stats.get_stats() if self.crawler.stats is not None else {}
        return {
            "source": self.source,
            "finish_reason": reason,
            "listing_complete": self.listing_complete,
            "seen_external_ids": sorted(self.seen_external_ids),
            "errors": self.errors,
            "stats": {key: _jsonable(value) for key, value in stats.items()},
        }

    def spider_closed(self, spider: object = None, reason: str | None = None) -> None:
        if self.report_file:
            with open(self.report_file, "w", encoding="utf-8") as handle:
                json.dump(self.as_dict(reason), handle, ensure_ascii=False, indent=1)
