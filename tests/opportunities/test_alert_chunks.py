"""A run in chunks: every subscriber once, whether the chunks are sent here or queued as django-q2
tasks, sent twice, or sent late by an older run. (Two clusters sharing a run for real:
test_alert_clusters.py.)"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter

import pytest
from django.core import mail
from django.utils import timezone
from django_q.models import Task

from opportunities.alerts import chunks, tasks
from opportunities.alerts.digests import send_alerts, send_chunk
from opportunities.models import DigestLog, Subscription, Watch
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribers(db) -> list[Subscription]:
    since = timezone.now() - dt.timedelta(hours=1)
    return [
        Subscription.objects.create(email=f"reader{number}@example.com", frequency="daily", new_calls_since=since)
        for number in range(7)
    ]


def recipients() -> Counter:
    return Counter(address for message in mail.outbox for address in message.to)


def test_a_run_is_planned_in_chunks_of_the_given_size(finder, publish, subscribers):
    publish(make_item("music", title="Music export support"))
    weekly = Subscription.objects.create(email="weekly@example.com", frequency="weekly")
    Watch.objects.create(subscription=weekly, call=publish(make_item("design", title="Design vouchers")))
    plan = chunks.plan("daily", chunk_size=3)
    assert [(chunk.kind, len(chunk.subscriptions)) for chunk in plan.chunks] == [
        ("digest", 3),
        ("digest", 3),
        ("digest", 1),
        ("reminders", 1),
    ]
    assert sorted(pk for chunk in plan.chunks[:3] for pk in chunk.subscriptions) == [s.pk for s in subscribers]
    assert plan.calls == 2 and len({chunk.run for chunk in plan.chunks}) == 1
    # What travels to a worker is plain values, and comes back the same.
    assert chunks.Chunk.from_task_argument(plan.chunks[0].as_task_argument()) == plan.chunks[0]


def test_a_chunked_run_sends_each_subscriber_one_digest(finder, publish, subscribers):
    publish(make_item("music", title="Music export support"))
    publish(make_item("design", title="Design vouchers"))
    report = send_alerts("daily", chunk_size=2)
    assert (report.subscriptions, report.sent, report.calls) == (7, 7, 2)
    assert recipients() == Counter({s.email: 1 for s in subscribers})
    assert all("Music export support" in m.body and "Design vouchers" in m.body for m in mail.outbox)


def test_a_chunk_sent_again_sends_nothing(finder, publish, subscribers):
    """A task delivered twice (after a timeout, or to two workers): the second finds nothing due."""
    publish(make_item("music", title="Music export support"))
    weekly = Subscription.objects.create(email="weekly@example.com", frequency="weekly")
    Watch.objects.create(
        subscription=weekly,
        call=publish(make_item("soon", title="Soon closing", deadlines=[timezone.now() + dt.timedelta(days=2)])),
    )
    plan = chunks.plan("daily", chunk_size=3)
    first = [send_chunk(chunk) for chunk in plan.chunks]
    again = [send_chunk(chunk) for chunk in plan.chunks]
    assert sum(report.sent for report in first) == 8
    assert sum(report.sent for report in again) == 0
    assert sum(report.skipped for report in again) == 7  # the digests: their watermarks reached the run
    assert recipients() == Counter({**{s.email: 1 for s in subscribers}, "weekly@example.com": 1})
    assert DigestLog.objects.count() == 8


def test_an_older_run_that_comes_late_sends_nothing_and_moves_no_watermark_back(finder, publish, subscribers):
    publish(make_item("music", title="Music export support"))
    older = chunks.plan("daily", now=timezone.now())
    newer = chunks.plan("daily", now=timezone.now() + dt.timedelta(minutes=5))
    assert send_chunk(newer.chunks[0]).sent == 7
    late = send_chunk(older.chunks[0])
    assert (late.sent, late.skipped) == (0, 7)
    assert set(Subscription.objects.values_list("new_calls_since", flat=True)) == {newer.now}


def test_a_scheduled_run_of_several_chunks_is_queued_as_one_task_per_chunk(finder, publish, subscribers, settings):
    """The tests run django-q2 synchronously: each queued chunk is sent as it is queued."""
    settings.ALERTS_CHUNK_SIZE = 3
    publish(make_item("music", title="Music export support"))
    result = tasks.send("daily")
    assert result.startswith("daily: 3 chunks queued as group alerts-daily-")
    group = result.rsplit(" ", 1)[1]
    done = Task.objects.filter(group=group, func=tasks.CHUNK_TASK)
    assert done.count() == 3 and all(task.success for task in done)
    assert sum(task.result["sent"] for task in done) == 7
    assert {task.result["pid"] for task in done} == {os.getpid()}
    assert recipients() == Counter({s.email: 1 for s in subscribers})


def test_a_scheduled_run_of_one_chunk_is_sent_by_the_task_itself(finder, publish, subscribers):
    publish(make_item("music", title="Music export support"))
    assert tasks.send("daily") == "daily: 7 sent, 0 failed"
    assert not Task.objects.filter(func=tasks.CHUNK_TASK).exists()


def test_the_command_queues_a_run_for_the_cluster(finder, publish, subscribers, capsys):
    from django.core.management import call_command

    publish(make_item("music", title="Music export support"))
    call_command("send_alerts", "--frequency", "daily", "--queue", "--chunk-size", "4")
    assert "daily: 7 subscriptions, 1 calls, 2 chunks queued as group alerts-daily-" in capsys.readouterr().out
    assert recipients() == Counter({s.email: 1 for s in subscribers})
