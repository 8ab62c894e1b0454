"""django-q2 tasks of the alerts: the scheduled runs, and an instant run when a call is approved."""

from __future__ import annotations

from opportunities.alerts.digests import send_alerts


def send(frequency: str) -> str:
    """A scheduled run. With ``ALERTS_WORKERS`` > 1 it runs as ``manage.py send_alerts`` in a child
    process: django-q2's workers are daemonic and may not start the pool of processes themselves."""
    from django.conf import settings

    workers = settings.ALERTS_WORKERS
    if workers > 1:
        import subprocess
        import sys

        command = [sys.executable, "-m", "django", "send_alerts", "--frequency", frequency, "--workers", str(workers)]
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        return finished.stdout.strip() or finished.stderr.strip()[-500:]
    report = send_alerts(frequency)
    return f"{frequency}: {report.sent} sent, {report.failed} failed"


def on_call_published(sender, instance, **kwargs) -> None:
    """Queues an instant run when a call goes live (the run itself skips calls already sent)."""
    from django.db import transaction
    from django_q.tasks import async_task

    from opportunities.models import Subscription

    if Subscription.objects.filter(frequency=Subscription.Frequency.INSTANT, paused=False).exists():
        transaction.on_commit(lambda: async_task("opportunities.alerts.tasks.send", "instant", group="alerts"))
