"""The demo's funding calls: saved real calls, parsed by the crawler and ingested as a crawl would.

``saved_calls/eu_calls_2026-08-22.csv`` holds 400 calls of a real EU Funding & Tenders snapshot
(read by ``crawler.snapshots``); ``saved_calls/saved_pages.yaml`` lists saved Czech and Slovenian
call pages and the address each stands for, read by the parser of their source's kind (a regional
office's pages by the ``listing`` parser with the selectors of ``saved_calls/sources.yaml``). Ingest
keys calls on their source and external id, so a second run adds nothing. A demo moderator adds the
sectors of ``saved_calls/moderation.yaml`` to the calls it names, approves those, the saved pages'
calls and most new EU calls, and leaves the rest in the moderation queue. Deadlines are the real
ones, so calls whose deadline has passed show as closed.
"""

from __future__ import annotations

import importlib
import logging
import random
from collections.abc import Mapping
from pathlib import Path

from django.utils import timezone
from scrapy.http import HtmlResponse

from kreativ.demo_data import DemoDataError, read
from kreativ.demo_tools import demo_moderator
from kreativ.models import Sector
from opportunities.intake import ingest
from opportunities.models import FundingCall, Source, SourceRecord

logger = logging.getLogger(__name__)

CALLS = Path(__file__).with_name("saved_calls")
EU_SNAPSHOT = CALLS / "eu_calls_2026-08-22.csv"
SAVED_PAGES = CALLS / "saved_pages.yaml"
SAVED_SOURCES = CALLS / "sources.yaml"
MODERATION = CALLS / "moderation.yaml"
# Enough to explore the finder, few enough for `make demo` to stay quick: every call tagged with a
# CCI sector, then the calls still open today, then others in the snapshot's order.
DEMO_CALLS = 400
SHARE_APPROVED = 0.8


def load_calls(limit: int = DEMO_CALLS) -> None:
    """Ingests up to ``limit`` EU calls and the saved pages; the demo moderator approves most new ones."""
    _ensure_sources()
    eu_calls = _ingest_eu_snapshot(limit)
    saved_calls = _ingest_saved_pages()
    moderator = demo_moderator()
    edited = _edit(moderator, set(eu_calls) | set(saved_calls))
    _approve(moderator, eu_calls, always=set(saved_calls) | edited)


def _ensure_sources() -> None:
    """The sources of ``sources.yaml``, created when missing (an existing one is a moderator's)."""
    for number, spec in enumerate(read(SAVED_SOURCES) or []):
        where = f"{SAVED_SOURCES}[{number}]"
        if not isinstance(spec, Mapping) or not {"slug", "name", "kind"} <= set(spec):
            raise DemoDataError(f"{where}: expected slug, name and kind, found {spec!r}")
        if spec["kind"] not in Source.Kind.values:
            raise DemoDataError(f"{where}: kind must be one of {', '.join(Source.Kind.values)}")
        Source.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "kind": spec["kind"],
                "language": spec.get("language", ""),
                "url": spec.get("url", ""),
                "config": spec.get("config") or {},
                "enabled": bool(spec.get("enabled", False)),
            },
        )


def _ingest_eu_snapshot(limit: int) -> list[int]:
    from crawler.items import complete
    from crawler.normalise import deadline_moment
    from crawler.parsers.eu_ft import parse_result
    from crawler.snapshots import snapshot_results

    items: dict[str, dict] = {}
    for result in snapshot_results(EU_SNAPSHOT):
        # The API pages can repeat a row; the crawler's pipeline drops repeats, and so does this.
        item = complete(parse_result(result))
        items.setdefault(item["external_id"], item)
    now = timezone.now()
    chosen = sorted(
        items.values(),
        key=lambda item: (
            not item["sectors"],
            not any(deadline_moment(at, item["timezone"]) > now for at in item["deadlines"]),
        ),
    )[:limit]
    created = []
    for item in chosen:
        try:
            if ingest.ingest_item("eu_ft", item) == ingest.NEW:
                created.append(item["external_id"])
        except ingest.InvalidItem as error:
            logger.warning("Demo: skipped %s: %s", item["external_id"], error)
    return list(
        SourceRecord.objects.filter(source__slug="eu_ft", external_id__in=created).values_list("call_id", flat=True)
    )


def _ingest_saved_pages() -> list[int]:
    from crawler.items import complete

    created = []
    for number, page in enumerate(read(SAVED_PAGES) or []):
        where = f"{SAVED_PAGES}[{number}]"
        if not isinstance(page, Mapping) or not {"source", "file", "url"} <= set(page):
            raise DemoDataError(f"{where}: expected source, file and url, found {page!r}")
        source = Source.objects.filter(slug=page["source"]).first()
        if source is None:
            raise DemoDataError(f"{where}: no source {page['source']!r} (add it to {SAVED_SOURCES.name})")
        try:
            parser = importlib.import_module(f"crawler.parsers.{source.kind}")
        except ModuleNotFoundError as error:
            raise DemoDataError(f"{where}: no parser crawler/parsers/{source.kind}.py") from error
        response = HtmlResponse(url=page["url"], body=(CALLS / page["file"]).read_bytes(), encoding="utf-8")
        if source.kind == Source.Kind.LISTING:
            item = complete(parser.parse_call(response, source.config, _listing_context(source, page["url"])))
        else:
            item = complete(parser.parse_call(response))
        if ingest.ingest_item(page["source"], item) == ingest.NEW:
            created.append(
                SourceRecord.objects.get(source__slug=page["source"], external_id=item["external_id"]).call_id
            )
    return created


def _listing_context(source: Source, url: str) -> dict:
    """The loader context the ``listing`` spider gives this source's pages (its config's conventions)."""
    from crawler.spiders.listing import ListingSpider

    return ListingSpider(config=source.config, source=source.slug).loader_context(url)


def _edit(moderator, new_call_ids: set[int]) -> set[int]:
    """The demo moderator's edits of ``moderation.yaml``, on the new calls they name; their ids."""
    edited = set()
    for number, entry in enumerate(read(MODERATION) or []):
        where = f"{MODERATION}[{number}]"
        if not isinstance(entry, Mapping) or not {"source", "external_id", "add_sectors"} <= set(entry):
            raise DemoDataError(f"{where}: expected source, external_id and add_sectors, found {entry!r}")
        sectors = list(Sector.objects.filter(slug__in=entry["add_sectors"]))
        unknown = set(entry["add_sectors"]) - {sector.slug for sector in sectors}
        if unknown:
            raise DemoDataError(f"{where}: no sector {', '.join(sorted(unknown))}")
        records = SourceRecord.objects.filter(source__slug=entry["source"], external_id=str(entry["external_id"]))
        record = records.first()
        if record is None or record.call_id not in new_call_ids:
            continue  # not among the demo's calls, or loaded before: its moderator's edits are its own
        call = record.call
        draft = call.get_latest_revision_as_object()
        draft.sectors.set([*draft.sectors.all(), *sectors])
        draft.save_revision(user=moderator, log_action=True)
        ingest.submit_for_moderation(call)  # the edited revision is the one to approve
        edited.add(call.pk)
    return edited


def _approve(moderator, eu_call_ids: list[int], always: set[int]) -> None:
    """The demo moderator approves the calls in ``always`` (archived ones too) and most new EU calls;
    the rest wait in the queue to be tried out, or in the archive when they closed."""
    rng = random.Random(2026)
    chosen = set(always)
    for pk in sorted(eu_call_ids):
        if rng.random() < SHARE_APPROVED:
            chosen.add(pk)
    for call in FundingCall.objects.filter(pk__in=chosen).order_by("pk"):
        task_state = call.current_workflow_task_state
        if task_state is not None:
            call.current_workflow_task.on_action(task_state, moderator, "approve")
        elif call.pk in always and call.archived_at is not None and not call.live:
            # Closed before anyone decided, so archived; the saved pages are published all the
            # same, as a moderator publishes from the archive, to show the regions' own calls.
            call.get_latest_revision().publish(user=moderator)
