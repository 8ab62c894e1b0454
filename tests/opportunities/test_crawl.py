"""``manage.py crawl`` end to end: a local stand-in of the EU API, two real snapshots a week apart."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from wagtail.models import Revision, WorkflowState

from opportunities.intake.crawl import crawl_source
from opportunities.models import CrawlRun, FundingCall, Source, SourceRecord
from tests.crawler.doubles import EuSearchDouble, LoopbackServer, Route

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def snapshot(name: str) -> EuSearchDouble:
    return EuSearchDouble.from_snapshot_csv(FIXTURES / "eu_ft" / f"eu_calls_snapshot_{name}.csv")


def crawl_eu(double: EuSearchDouble, monkeypatch) -> CrawlRun:
    with LoopbackServer.for_eu_api(double) as server:
        monkeypatch.setenv("EU_FT_TOPIC_URL", server.url("/topicDetails"))
        monkeypatch.setenv("EU_FT_FETCH_DETAILS", "0")
        call_command(
            "crawl", "eu_ft", url=[server.url("/search-api/prod/rest/search")], fast=True, stdout=io.StringIO()
        )
    return CrawlRun.objects.filter(source__slug="eu_ft").latest("started_at")


def test_two_snapshots_a_week_apart(monkeypatch):
    first = crawl_eu(snapshot("2026-08-15"), monkeypatch)
    assert (first.status, first.items_new, first.items_changed, first.items_unlisted) == ("ok", 711, 0, 0)
    assert FundingCall.objects.count() == 711
    in_moderation = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count()
    assert in_moderation == 711
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
