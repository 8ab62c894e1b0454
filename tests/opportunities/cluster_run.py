"""The child-process half of test_alert_clusters.py: run with the clusters' settings, it fills the
shared database and queues a chunked alert run, or reports what the run's tasks did, as JSON.

    python -m tests.opportunities.cluster_run queue SUBSCRIBERS WATCHERS CALLS CHUNK_SIZE
    python -m tests.opportunities.cluster_run report GROUP
"""

from __future__ import annotations

import datetime as dt
import json
import sys


def queue(subscribers: int, watchers: int, calls: int, chunk_size: int) -> dict:
    """Daily subscribers (no filters: every call is for them), weekly ones who watch a call closing
    in two days (the daily run's reminder-only e-mails), and a daily run queued with every chunk
    task twice, side by side, as django-q2 would deliver a task again after a timeout."""
    from django.utils import timezone
    from django_q.brokers import get_broker
    from django_q.models import Schedule
    from django_q.tasks import async_task

    from opportunities.alerts import chunks, tasks
    from opportunities.models import Deadline, FundingCall, Subscription, Watch

    Schedule.objects.all().delete()  # the clusters run this run, and no crawl or scheduled alert
    get_broker().purge_queue()  # nothing left over from an earlier run on a shared Redis
    now = timezone.now()
    created = FundingCall.objects.bulk_create(
        FundingCall(
            title=f"Cluster test call {number}",
            slug=f"cluster-test-call-{number}",
            live=True,
            language="en",
            opening_date=now - dt.timedelta(days=1),
            first_published_at=now - dt.timedelta(minutes=10),
            final_deadline=now + dt.timedelta(days=2 if number == 0 else 30),
        )
        for number in range(calls)
    )
    Deadline.objects.bulk_create(Deadline.of(call.final_deadline, call=call) for call in created)
    languages = ["cs", "sl", "en"]
    digest_readers = Subscription.objects.bulk_create(
        Subscription(
            email=f"daily{number}@example.com",
            frequency="daily",
            language=languages[number % 3],
            new_calls_since=now - dt.timedelta(hours=1),
            closing_until=now,
            reminders_until=now,
        )
        for number in range(subscribers)
    )
    watching = Subscription.objects.bulk_create(
        Subscription(email=f"weekly{number}@example.com", frequency="weekly") for number in range(watchers)
    )
    Watch.objects.bulk_create(Watch(subscription=sub, call=created[0]) for sub in watching)
    plan = chunks.plan("daily", chunk_size=chunk_size)
    for number, chunk in enumerate(plan.chunks, start=1):
        for copy in ("a", "b"):
            async_task(
                tasks.CHUNK_TASK,
                chunk.as_task_argument(),
                q_options={"group": plan.run, "task_name": f"{plan.run} {number}{copy}"},
            )
    return {
        "broker": type(get_broker()).__name__,
        "group": plan.run,
        "chunks": len(plan.chunks),
        "tasks": 2 * len(plan.chunks),
        "recipients": sorted(sub.email for sub in [*digest_readers, *watching]),
    }


def report(group: str) -> dict:
    from django_q.models import Task

    from opportunities.models import DigestLog

    return {
        "tasks": [
            {"name": task.name, "success": task.success, "result": task.result if task.success else str(task.result)}
            for task in Task.objects.filter(group=group).order_by("name")
        ],
        "logs": DigestLog.objects.count(),
    }


def main() -> None:
    import django

    django.setup()
    command, *args = sys.argv[1:]
    if command == "queue":
        print(json.dumps(queue(*map(int, args))))
    elif command == "report":
        print(json.dumps(report(args[0])))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
