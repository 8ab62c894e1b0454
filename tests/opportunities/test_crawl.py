"""``manage.py crawl`` end to end: a local stand-in of the EU API, two real snapshots a week apart."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from wagtail.models import Revision, WorkflowState

from crawler.items import to_jsonable
from opportunities.intake import ingest
from opportunities.intake.crawl import crawl_source
from opportunities.models import CrawlRun, FundingCall, Source, SourceRecord
from tests.crawler.doubles import EuSearchDouble, LoopbackServer, Route
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def snapshot(name: str) -> EuSearchDouble:
    return EuSearchDouble.from_snapshot_csv(FIXTURES / "eu_ft" / f"eu_calls_snapshot_{name}.csv")


def crawl_eu(double: EuSearchDouble, monkeypatch) -> CrawlRun:
    """``manage.py crawl eu_ft`` with no --url: the API's address comes from EU_FT_API_URL, as the
    README says, since the eu_ft source leaves its address to the spider."""
    with LoopbackServer.for_eu_api(double) as server:
        monkeypatch.setenv("EU_FT_API_URL", server.url("/search-api/prod/rest/search"))
        monkeypatch.setenv("EU_FT_TOPIC_URL", server.url("/topicDetails"))
        monkeypatch.setenv("EU_FT_FETCH_DETAILS", "0")
        call_command("crawl", "eu_ft", fast=True, stdout=io.StringIO())
        assert server.paths("POST"), "the crawl did not ask the API at EU_FT_API_URL"
    return CrawlRun.objects.filter(source__slug="eu_ft").latest("started_at")


def test_two_snapshots_a_week_apart(monkeypatch):
    first = crawl_eu(snapshot("2026-08-15"), monkeypatch)
    assert (first.status, first.items_new, first.items_changed, first.items_unlisted) == ("ok", 711, 0, 0)
    assert FundingCall.objects.count() == 711
    # Calls already closed when they arrive are archived, the others wait for a decision.
    closed = {call.pk for call in FundingCall.objects.prefetch_related("deadlines") if call.status() == "closed"}
    assert set(FundingCall.objects.archived().values_list("pk", flat=True)) == closed
    in_moderation = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count()
    assert in_moderation == FundingCall.objects.waiting_for_decision().count() == 711 - len(closed)
    assert not FundingCall.objects.filter(live=True).exists()

    second = crawl_eu(snapshot("2026-08-22"), monkeypatch)
    assert (second.items_new, second.items_changed, second.items_unchanged, second.items_unlisted) == (21, 9, 685, 17)
    assert FundingCall.objects.count() == 732
    assert SourceRecord.objects.filter(is_listed=False).count() == 17

    revisions = Revision.objects.count()
    third = crawl_eu(snapshot("2026-08-22"), monkeypatch)
    assert (third.items_new, third.items_changed, third.items_unchanged, third.items_unlisted) == (0, 0, 715, 0)
    assert Revision.objects.count() == revisions


def test_a_source_that_is_down_is_recorded_and_does_not_stop_others(monkeypatch):
    down = {"/search-api/prod/rest/search": Route("down", status=500)}
    with LoopbackServer(down) as server:
        monkeypatch.setenv("EU_FT_FETCH_DETAILS", "0")
        run = crawl_source(Source.objects.get(slug="eu_ft"), [server.url("/search-api/prod/rest/search")], fast=True)
    assert run.status == CrawlRun.Status.FAILED
    assert run.errors and run.errors[0]["url"].startswith(server.url("/"))
    assert not FundingCall.objects.exists()


def test_moderators_hear_about_the_third_failure_in_a_row(moderator):
    source = Source.objects.get(slug="cz_mkcr")
    for number in range(1, 6):
        CrawlRun.objects.create(
            source=source, status=CrawlRun.Status.FAILED, errors=[{"url": "https://mk.gov.cz", "message": "HTTP 503"}]
        )
        from opportunities.intake.crawl import alert_if_failing

        sent = alert_if_failing(source)
        assert sent == (number == 3)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["moderator@example.com"]
    assert "HTTP 503" in mail.outbox[0].body


def test_crawl_command_refuses_unknown_sources_and_ambiguous_urls():
    with pytest.raises(CommandError, match="Unknown source"):
        call_command("crawl", "nowhere")
    with pytest.raises(CommandError, match="exactly one source"):
        call_command("crawl", "eu_ft", "cz_mkcr", url=["http://127.0.0.1:9/"])


def test_each_enabled_source_has_a_crawl_schedule():
    from django_q.models import Schedule

    names = set(Schedule.objects.values_list("name", flat=True))
    assert {"crawl:eu_ft", "crawl:cz_dotaceeu", "crawl:cz_mkcr", "crawl:si_podjetniski"} <= names
    source = Source.objects.get(slug="cz_mkcr")
    source.frequency = "W"
    source.save()
    assert Schedule.objects.get(name="crawl:cz_mkcr").schedule_type == "W"
    source.enabled = False
    source.save()
    assert not Schedule.objects.filter(name="crawl:cz_mkcr").exists()


def child_that_writes(monkeypatch, items: list[dict], report: dict | None) -> None:
    """Stands in for the spider's child process: writes its items and, when given, its report."""

    def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
        output = Path(command[command.index("--output") + 1])
        output.write_text("".join(json.dumps(to_jsonable(item)) + "\n" for item in items), encoding="utf-8")
        if report is not None:
            Path(command[command.index("--report") + 1]).write_text(json.dumps(report), encoding="utf-8")
        return subprocess.CompletedProcess(command, 0 if report else -9, "", "killed")

    monkeypatch.setattr("opportunities.intake.crawl.subprocess.run", run)


FINISHED = {"finish_reason": "finished", "listing_complete": True, "seen_external_ids": ["A"], "errors": []}


@pytest.mark.parametrize(
    ("report", "unlisted"),
    [(FINISHED, 1), (None, 0), ({k: v for k, v in FINISHED.items() if k != "listing_complete"}, 0)],
    ids=["complete report", "no report", "report silent on the listing"],
)
def test_only_a_report_of_the_whole_listing_marks_calls_no_longer_listed(monkeypatch, report, unlisted):
    for external_id in ("A", "B"):
        ingest.ingest_item("eu_ft", make_item(external_id, title=f"Call {external_id}"))
    child_that_writes(monkeypatch, [make_item("A", title="Call A")], report)
    run = crawl_source(Source.objects.get(slug="eu_ft"))
    assert run.items_unlisted == unlisted
    assert SourceRecord.objects.get(external_id="B").is_listed is (unlisted == 0)
    assert SourceRecord.objects.get(external_id="A").is_listed
