"""Demo funding calls: real calls, brought in the way the crawler brings them.

The EU Funding & Tenders snapshot of 22 August 2026 (725 open calls, a real API answer saved as CSV,
see tests/fixtures/eu_ft/PROVENANCE.md) and the saved Czech and Slovenian call pages go through the
crawler's own parsers and ``opportunities.intake.ingest``; a demo moderator then approves most of them and
leaves the rest waiting in the moderation queue. Deadlines are the real ones, so calls whose deadline
has passed show as closed.
"""

from __future__ import annotations

import logging
import random
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from scrapy.http import HtmlResponse
from wagtail.models import Page

from kreativ.demo_tools import ensure_page, ensure_translation
from opportunities.intake import ingest
from opportunities.models import FundingCall, FundingFinderPage, SourceRecord

logger = logging.getLogger(__name__)

FIXTURES = Path(settings.BASE_DIR) / "tests" / "fixtures"
EU_SNAPSHOT = FIXTURES / "eu_ft" / "eu_calls_snapshot_2026-08-22.csv"
PAGES = [
    ("cz_mkcr", FIXTURES / "cz_mkcr" / "call-creative-europe.html", "https://mk.gov.cz/dotace-kreativni-evropa-2026"),
    (
        "si_podjetniski",
        FIXTURES / "si_podjetniski" / "razpis-hrastnik.html",
        "https://www.podjetniski-portal.si/razpisi/hrastnik-2026",
    ),
]
DEMO_MODERATOR = ("moderator", "kreativ-demo")
SHARE_APPROVED = 0.8
# Enough to explore the finder, few enough for `make demo` to stay quick: every call tagged with a
# CCI sector, then the calls still open today, then others in the snapshot's order.
DEMO_CALLS = 400

FINDER = {
    "slug": "dotace",
    "cs": {
        "title": "Radar dotací",
        "intro": "Otevřené a připravované výzvy pro kulturní a kreativní odvětví: evropské, národní i krajské.",
    },
    "en": {
        "title": "Funding radar",
        "slug": "funding",
        "intro": "Open and forthcoming calls for the cultural and creative industries: European, national and regional.",
    },
    "sl": {
        "title": "Radar razpisov",
        "slug": "razpisi",
        "intro": "Odprti in napovedani razpisi za kulturne in kreativne industrije: evropski, nacionalni in regionalni.",
    },
}


def load(homes: dict[str, Page], calls: int = DEMO_CALLS) -> list:
    finder, _ = ensure_page(homes["cs"], FundingFinderPage, FINDER["slug"], FINDER["cs"])
    for language in ("en", "sl"):
        ensure_translation(finder, language, FINDER[language])
    new = _ingest_eu_snapshot(calls) + _ingest_saved_pages()
    _approve(new)
    return []


def _ingest_eu_snapshot(limit: int) -> list[int]:
    from crawler.items import complete
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
        key=lambda item: (not item["sectors"], not any(at > now for at in item["deadlines"])),
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
    from crawler.parsers import cz_mkcr, si_podjetniski

    parsers = {"cz_mkcr": cz_mkcr.parse_call, "si_podjetniski": si_podjetniski.parse_call}
    created = []
    for source, path, url in PAGES:
        response = HtmlResponse(url=url, body=path.read_bytes(), encoding="utf-8")
        item = complete(parsers[source](response))
        if ingest.ingest_item(source, item) == ingest.NEW:
            created.append(SourceRecord.objects.get(source__slug=source, external_id=item["external_id"]).call_id)
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
