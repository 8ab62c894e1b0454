"""The demo's funding calls: saved real calls, parsed by the crawler and ingested as a crawl would.

``saved_calls/eu_calls_2026-08-22.csv`` holds 400 calls of a real EU Funding & Tenders snapshot
(read by ``crawler.snapshots``); ``saved_calls/saved_pages.yaml`` lists saved Czech and Slovenian
call pages and the address each stands for. Ingest keys calls on their source and external id, so a
second run adds nothing; a demo moderator approves most new EU calls and leaves the rest in the
moderation queue. Deadlines are the real ones, so calls whose deadline has passed show as closed.
"""

from __future__ import annotations

import importlib
import logging
import random
from collections.abc import Mapping
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from scrapy.http import HtmlResponse

from kreativ.demo_data import DemoDataError, read
from opportunities.intake import ingest
from opportunities.models import FundingCall, SourceRecord

logger = logging.getLogger(__name__)

CALLS = Path(__file__).with_name("saved_calls")
EU_SNAPSHOT = CALLS / "eu_calls_2026-08-22.csv"
SAVED_PAGES = CALLS / "saved_pages.yaml"
# Enough to explore the finder, few enough for `make demo` to stay quick: every call tagged with a
# CCI sector, then the calls still open today, then others in the snapshot's order.
DEMO_CALLS = 400
DEMO_MODERATOR = ("moderator", "kreativ-demo")
SHARE_APPROVED = 0.8


def load_calls(limit: int = DEMO_CALLS) -> None:
    """Ingests up to ``limit`` EU calls and the saved pages; the demo moderator approves most new ones."""
    _approve(_ingest_eu_snapshot(limit) + _ingest_saved_pages())


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
        try:
            parser = importlib.import_module(f"crawler.parsers.{page['source']}")
        except ModuleNotFoundError as error:
            raise DemoDataError(f"{where}: no parser crawler/parsers/{page['source']}.py") from error
        response = HtmlResponse(url=page["url"], body=(CALLS / page["file"]).read_bytes(), encoding="utf-8")
        item = complete(parser.parse_call(response))
        if ingest.ingest_item(page["source"], item) == ingest.NEW:
            created.append(
                SourceRecord.objects.get(source__slug=page["source"], external_id=item["external_id"]).call_id
            )
    return created


def _approve(call_ids: list[int]) -> None:
    """The demo moderator approves most new calls; the rest wait in the queue to be tried out."""
    if not call_ids:
        return
    User = get_user_model()
    username, password = DEMO_MODERATOR
    moderator = User.objects.filter(username=username).first()
    if moderator is None:
        moderator = User.objects.create_user(username, f"{username}@example.com", password)
        moderator.groups.add(Group.objects.get(name="Moderators"))
    rng = random.Random(2026)
    for call in FundingCall.objects.filter(pk__in=call_ids).order_by("pk"):
        if call.records.filter(source__slug="eu_ft").exists() and rng.random() < SHARE_APPROVED:
            task_state = call.current_workflow_task_state
            if task_state is not None:
                call.current_workflow_task.on_action(task_state, moderator, "approve")
