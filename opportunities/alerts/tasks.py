"""django-q2 tasks of the alerts: the scheduled runs, and an instant run when a call is approved."""

from __future__ import annotations

from opportunities.alerts.digests import send_alerts


def send(frequency: str) -> str:
    report = send_alerts(frequency)
    return f"{frequency}: {report.sent} sent, {report.failed} failed"


def on_call_published(sender, instance, **kwargs) -> None:
    """Queues an instant run when a call goes live (the run itself skips calls already sent)."""
    from django.db import transaction
    from django_q.tasks import async_task

    from opportunities.models import Subscription

    if Subscription.objects.filter(frequency=Subscription.Frequency.INSTANT, paused=False).exists():
        transaction.on_commit(lambda: async_task("opportunities.alerts.tasks.send", "instant", group="alerts"))
