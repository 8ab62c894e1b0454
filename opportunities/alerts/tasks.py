"""django-q2 tasks of the alerts: the scheduled runs, an instant run when a call is approved, and
the chunks a big run is shared out in.

A run of one chunk is sent by the worker that planned it. A bigger run is queued chunk by chunk
(one task each, grouped under the run's name), so that every worker of every ``qcluster`` on every
machine takes a share of it through the broker (the database, or Redis). A chunk task may be
delivered twice (django-q2 hands a task out again when it outlived ``Q_RETRY``) or taken by two
workers at once: ``digests.send_chunk`` sends each call to each subscriber once all the same.
"""

from __future__ import annotations

import os
import socket

from opportunities.alerts import chunks, digests

CHUNK_TASK = "opportunities.alerts.tasks.send_chunk"

# The run whose calls this worker process last read and rendered, reused by the run's next chunk.
_offer: tuple[str, digests.Offer] | None = None


def send(frequency: str) -> str:
    """A scheduled run (and the instant run queued when a call is approved)."""
    plan = chunks.plan(frequency)
    if len(plan.chunks) <= 1:
        report = digests.send_plan(plan)
        return f"{frequency}: {report.sent} sent, {report.failed} failed"
    queue(plan)
    return f"{frequency}: {len(plan.chunks)} chunks queued as group {plan.run}"


def queue(plan: chunks.RunPlan) -> str:
    """Queues one task per chunk, grouped under the run's name (django-q2's ``result_group``)."""
    from django_q.tasks import async_task

    total = len(plan.chunks)
    for number, chunk in enumerate(plan.chunks, start=1):
        async_task(
            CHUNK_TASK,
            chunk.as_task_argument(),
            q_options={"group": plan.run, "task_name": f"{plan.run} {number}/{total}"},
        )
    return plan.run


def send_chunk(chunk: dict) -> dict:
    """One chunk of a queued run. The result (kept by django-q2) says what it did, and where."""
    global _offer
    planned = chunks.Chunk.from_task_argument(chunk)
    offer = None
    if planned.kind == chunks.DIGEST:
        if _offer is None or _offer[0] != planned.run:
            _offer = (planned.run, digests.Offer.for_chunk(planned))
        offer = _offer[1]
    report = digests.send_chunk(planned, offer=offer)
    return {
        "run": planned.run,
        "kind": planned.kind,
        "subscriptions": report.subscriptions,
        "skipped": report.skipped,
        "sent": report.sent,
        "failed": report.failed,
        "errors": report.errors[:20],
        "host": socket.gethostname(),
        "pid": os.getpid(),
    }


def on_call_published(sender, instance, **kwargs) -> None:
    """Queues an instant run when a call goes live (the run itself skips calls already sent)."""
    from django.db import transaction
    from django_q.tasks import async_task

    from opportunities.models import Subscription

    if Subscription.objects.filter(frequency=Subscription.Frequency.INSTANT, paused=False).exists():
        transaction.on_commit(lambda: async_task("opportunities.alerts.tasks.send", "instant", group="alerts"))
