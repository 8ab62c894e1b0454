"""``manage.py send_alerts [--frequency daily]``: send the funding alerts that are due."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from opportunities.alerts.digests import send_alerts
from opportunities.models import Subscription


class Command(BaseCommand):
    help = "Sends digests of new and closing calls (and, in the daily run, reminders for watched calls)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--frequency",
            action="append",
            choices=[Subscription.Frequency.INSTANT, Subscription.Frequency.DAILY, Subscription.Frequency.WEEKLY],
            help="which subscribers (repeatable; default: all three, instant first)",
        )
        parser.add_argument(
            "--workers", type=int, default=None, help="processes to share the subscribers (default: ALERTS_WORKERS)"
        )

    def handle(self, *args, **options) -> None:
        frequencies = options["frequency"] or ["instant", "daily", "weekly"]
        for frequency in frequencies:
            report = send_alerts(frequency, workers=options["workers"] or settings.ALERTS_WORKERS)
            self.stdout.write(
                f"{frequency}: {report.subscriptions} subscriptions, {report.calls} calls, "
                f"{report.sent} e-mails sent, {report.failed} failed"
            )
            for error in report.errors[:20]:
                self.stderr.write(f"  {error}")
