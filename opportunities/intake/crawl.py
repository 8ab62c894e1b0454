"""Running a source's spider and bringing its calls in: the Django side of the crawler.

The spider runs in a child process (``python -m crawler.run``): Twisted's reactor cannot restart
inside a long-lived process such as a django-q2 worker, and a crawl that crashes takes nothing else
down with it. The child writes the items and a report (what it saw, what failed); this process
hands each item to ``opportunities.intake.ingest`` and records the run. One failing source never stops
another: each gets its own child, and every failure becomes an error of that source's run.

Where a crawl starts follows one precedence (``crawler.start_urls``): ``--url`` of ``manage.py
crawl``, then the source's own fields (its address or its configuration's ``start_urls``, handed to
the spider as ``config.start_urls``), then the spider's defaults (for ``eu_ft``: ``EU_FT_API_URL``,
which the child reads from the environment it inherits). ``effective_start_urls`` applies it here,
for the admin's page of a source, with the same function the spider uses.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from crawler.start_urls import StartUrls, StartUrlsConflict, choose_start_urls
from kreativ.search.batch import indexing_batch
from opportunities.intake import ingest
from opportunities.models import CrawlRun, Source

if TYPE_CHECKING:
    from scrapy.settings import Settings

    from crawler.spiders.base import KreativSpider

logger = logging.getLogger(__name__)

FAILURES_BEFORE_ALERT = 3


def spider_class(kind: str) -> type[KreativSpider]:
    """The spider a source of this kind runs (Scrapy's spider loader over ``crawler.spiders``)."""
    from scrapy.spiderloader import get_spider_loader

    return get_spider_loader(_crawler_settings()).load(kind)


def _crawler_settings() -> Settings:
    """The crawler's settings as a child started now would read them (``crawler/settings.py``
    reads the environment, which the child inherits from this process)."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    return settings


def effective_start_urls(source: Source, urls: list[str] | None = None) -> StartUrls:
    """Where a crawl of ``source`` starts, and who said so: ``urls`` (``--url``), else the source's
    address or configured start URLs, else its spider's defaults. Raises
    ``crawler.start_urls.StartUrlsConflict`` for a source whose address and configuration disagree."""
    if source.kind == Source.Kind.MANUAL:
        return StartUrls((), None)
    try:
        defaults = spider_class(source.kind).default_start_urls_for(_crawler_settings())
    except KeyError:  # no spider of that name: the child says so in the run's errors
        defaults = []
    return choose_start_urls(urls or (), source.start_urls(), defaults)


def spider_command(source: Source, urls: list[str] | None, output: Path, report: Path, fast: bool = False) -> list[str]:
    """``python -m crawler.run`` for ``source``: ``urls`` as ``--url`` (the command line's), the
    source's own start URLs in ``--config`` (``Source.crawl_config``), the spider's defaults left
    to the spider. Raises ``StartUrlsConflict`` for a source whose address and configuration disagree."""
    command = [sys.executable, "-m", "crawler.run", source.kind, "--source", source.slug]
    command += ["--output", str(output), "--report", str(report)]
    config = source.crawl_config()
    if config:
        command += ["--config", json.dumps(config)]
    for url in urls or []:
        command += ["--url", url]
    if fast:
        command.append("--fast")
    return command


def crawl_source(source: Source, urls: list[str] | None = None, fast: bool = False) -> CrawlRun:
    """Crawls one source in a child process and ingests what it found; returns the recorded run.

    Calls the source no longer lists are marked so only when the child's report proves it read the
    whole listing (``crawler.report.saw_whole_listing``): no report, no marks.
    """
    from crawler.report import saw_whole_listing

    started = timezone.now()
    urls = list(urls or [])
    errors: list[dict[str, Any]] = []
    report: dict[str, Any] = {}
    items: list[dict[str, Any]] = []
    try:
        start = effective_start_urls(source, urls)
    except StartUrlsConflict as conflict:
        message = f"not crawled: {conflict}; correct the source's address or configuration"
        run = ingest.finish_run(source.slug, set(), {}, [_error([source.url], message)], started_at=started)
        alert_if_failing(source)
        return run
    urls_for_errors = list(start.urls)
    with tempfile.TemporaryDirectory(prefix="kreativ-crawl-") as folder:
        output, report_file = Path(folder) / "items.jsonl", Path(folder) / "report.json"
        command = spider_command(source, urls, output, report_file, fast)
        environment = {**os.environ, "KREATIV_VAR_DIR": str(settings.VAR_DIR)}
        try:
            finished = subprocess.run(
                command, env=environment, capture_output=True, text=True, timeout=settings.CRAWL_TIMEOUT
            )
            if finished.returncode not in (0, 1):
                errors.append(
                    _error(
                        urls_for_errors, f"the spider stopped (exit {finished.returncode}): {finished.stderr[-500:]}"
                    )
                )
        except subprocess.TimeoutExpired:
            message = f"the crawl took longer than {settings.CRAWL_TIMEOUT} s and was stopped"
            errors.append(_error(urls_for_errors, message))
        if report_file.exists():
            report = json.loads(report_file.read_text(encoding="utf-8"))
        if output.exists():
            items = _read_items(output)
    errors = [*report.get("errors", []), *errors]
    counts: Counter[str] = Counter()
    context = ingest.RunContext.of(source.slug)
    with indexing_batch():  # one search-index commit for the whole run, not two per new call
        for item in items:
            try:
                counts[ingest.ingest_item(source.slug, item, context=context)] += 1
            except Exception as error:
                logger.exception("[%s] could not ingest %s", source.slug, item.get("external_id"))
                errors.append(
                    {
                        "url": item.get("url") or "",
                        "kind": "ingest",
                        "page": "call",
                        "message": f"{type(error).__name__}: {error}",
                        "external_id": item.get("external_id"),
                    }
                )
    stats = {
        **report.get("stats", {}),
        "finish_reason": report.get("finish_reason") or "failed",
        "listing_complete": saw_whole_listing(report),
        "ingest_counts": dict(counts),
    }
    run = ingest.finish_run(source.slug, set(report.get("seen_external_ids", [])), stats, errors, started_at=started)
    alert_if_failing(source)
    return run


def _error(urls: list[str], message: str) -> dict[str, Any]:
    return {"url": urls[0] if urls else "", "kind": "other", "page": "listing", "message": message}


def _read_items(path: Path) -> list[dict[str, Any]]:
    from crawler.items import from_jsonable

    items = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                items.append(from_jsonable(json.loads(line)))
    return items


def crawl_sources(slugs: list[str] | None = None, urls: list[str] | None = None, fast: bool = False) -> list[CrawlRun]:
    """Crawls the named sources (or every enabled one), one after another."""
    sources = Source.objects.exclude(kind=Source.Kind.MANUAL)
    sources = sources.filter(slug__in=slugs) if slugs else sources.filter(enabled=True)
    return [crawl_source(source, urls, fast) for source in sources.order_by("slug")]


def crawl_task(slug: str) -> str:
    """The django-q2 task of a source's schedule."""
    run = crawl_source(Source.objects.get(slug=slug))
    return f"{slug}: {run.get_status_display()}, {run.items_new} new, {run.items_changed} changed"


def alert_if_failing(source: Source) -> bool:
    """E-mails the moderators when the source has just failed its third run in a row (once per streak)."""
    recent = list(
        source.runs.exclude(status=CrawlRun.Status.RUNNING).order_by("-started_at")[: FAILURES_BEFORE_ALERT + 1]
    )
    failed = [run.status == CrawlRun.Status.FAILED for run in recent]
    if failed[:FAILURES_BEFORE_ALERT] != [True] * FAILURES_BEFORE_ALERT or (
        len(failed) > FAILURES_BEFORE_ALERT and failed[FAILURES_BEFORE_ALERT]
    ):
        return False
    recipients = list(
        get_user_model()
        .objects.filter(groups__name="Moderators", is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return False
    last = recent[0]
    with translation.override(settings.LANGUAGE_CODE):
        url = (
            settings.WAGTAILADMIN_BASE_URL
            + reverse("wagtailsnippets_opportunities_crawlrun:list")
            + f"?source={source.pk}"
        )
        lines = [
            _("The source “%(source)s” has failed %(count)s crawls in a row.")
            % {"source": source.name, "count": FAILURES_BEFORE_ALERT},
            "",
            _("Last error:"),
            *[f"- {error.get('url', '')}: {error.get('message', '')}" for error in last.errors[:5]],
            "",
            _("Its runs: %(url)s") % {"url": url},
        ]
        send_mail(
            _("Funding radar: %(source)s keeps failing") % {"source": source.name},
            "\n".join(lines),
            None,
            recipients,
        )
    return True
