"""Run one spider in this process, and write what it found: the entry point for a child process.

Twisted's reactor cannot be restarted, so a long-lived process (the django-q2 worker running
``manage.py crawl``, a test session) starts each crawl as a child::

    python -m crawler.run SPIDER [--source SLUG] [--url URL ...] [--config JSON]
                                 [--output items.jsonl] [--report report.json]
                                 [--ingest] [--fast] [-s NAME=VALUE ...]

``--url`` (repeatable) names the start URLs (for ``eu_ft``: the API's base URL) before the config's
``start_urls`` and the spider's defaults (``crawler.start_urls``), so a saved copy or a mirror can
stand in. ``--config`` is the Source's configuration as a JSON object.
``--output`` writes each item as a JSON line (``crawler.items.to_jsonable``); ``--report`` writes
the run's report (seen external ids, errors, stats, ``listing_complete``; see ``crawler.report``).
``--ingest`` turns the ``IngestPipeline`` on (``opportunities.intake.ingest``, or ``KREATIV_INGEST_MODULE``).
``--fast`` is for loopback servers: no AutoThrottle, no delays, no backoff, no HTTP cache.

The last line on standard output is a JSON summary: source, items, errors, finish_reason,
listing_complete. The exit status is 0 when the crawl ran to its end (pages may have failed: see
the report), 1 when it did not, 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

FAST_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "RANDOMIZE_DOWNLOAD_DELAY": False,
    "RETRY_BACKOFF_BASE": 0,
    "HTTPCACHE_ENABLED": False,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m crawler.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("spider", help="spider name: eu_ft, cz_dotaceeu, cz_mkcr, si_podjetniski, feed, listing")
    parser.add_argument("--source", help="the Source slug the items belong to (default: the spider's name)")
    parser.add_argument("--url", action="append", default=[], help="a start URL replacing the spider's (repeatable)")
    parser.add_argument("--config", help="the Source's configuration, a JSON object (or @file.json)")
    parser.add_argument("--output", type=Path, help="write the items as JSON lines to this file")
    parser.add_argument("--report", type=Path, help="write the run's report (JSON) to this file")
    parser.add_argument("--ingest", action="store_true", help="hand items to opportunities.intake.ingest")
    parser.add_argument("--fast", action="store_true", help="no throttling, delays or cache (loopback servers)")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting")
    return parser


def read_config(value: str | None) -> dict[str, Any]:
    if not value:
        return {}
    if value.startswith("@"):
        value = Path(value[1:]).read_text(encoding="utf-8")
    config = json.loads(value)
    if not isinstance(config, dict):
        raise ValueError("--config must be a JSON object")
    return config


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")

    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from crawler.items import to_jsonable
    from crawler.report import RunReport

    try:
        config = read_config(args.config)
    except (OSError, ValueError) as error:
        print(f"crawler.run: bad --config: {error}", file=sys.stderr)
        return 2
    settings = get_project_settings()
    if args.fast:
        settings.setdict(FAST_SETTINGS, priority="cmdline")
    if args.ingest:
        settings.set("KREATIV_INGEST_ENABLED", True, priority="cmdline")
    if args.report:
        settings.set("KREATIV_REPORT_FILE", str(args.report), priority="cmdline")
    for assignment in args.set:
        name, _, value = assignment.partition("=")
        settings.set(name, value, priority="cmdline")

    process = CrawlerProcess(settings, install_root_handler=True)
    if args.spider not in process.spider_loader.list():
        print(
            f"crawler.run: no spider {args.spider!r}; have {', '.join(process.spider_loader.list())}", file=sys.stderr
        )
        return 2
    crawler = process.create_crawler(args.spider)
    output = args.output.open("w", encoding="utf-8") if args.output else None
    counted = {"items": 0}

    def write_item(item: Any, **kwargs: Any) -> None:
        counted["items"] += 1
        if output is not None:
            output.write(json.dumps(to_jsonable(item), ensure_ascii=False) + "\n")

    crawler.signals.connect(write_item, signal=signals.item_scraped)
    kwargs: dict[str, Any] = {"config": config}
    if args.url:
        kwargs["start_urls"] = args.url
    if args.source:
        kwargs["source"] = args.source
    try:
        process.crawl(crawler, **kwargs)
        process.start()
    finally:
        if output is not None:
            output.close()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    report = RunReport.of(crawler) if getattr(crawler, "extensions", None) else None
    summary = {
        "source": args.source or config.get("source") or args.spider,
        "items": counted["items"],
        "errors": len(report.errors) if report else None,
        "finish_reason": stats.get("finish_reason"),
        "listing_complete": report.listing_complete if report else None,
    }
    print(json.dumps(summary))
    return 0 if summary["finish_reason"] == "finished" else 1


if __name__ == "__main__":
    sys.exit(main())
