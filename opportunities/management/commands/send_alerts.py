"""``manage.py send_alerts [--frequency daily] [--queue]``: send the funding alerts that are due.

By default the command sends every chunk of the run itself, one after the other, and reports
when it is done. ``--queue`` hands the chunks to the django-q2 cluster(s) instead, as a scheduled
run of more than one chunk does, and returns at once.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from opportunities.alerts import chunks, tasks
from opportunities.alerts.digests import send_plan
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
            "--queue",
            action="store_true",
            help="queue the chunks for the django-q2 cluster(s) to share instead of sending them here",
        )
        parser.add_argument(
            "--chunk-size", type=int, default=None, help="subscriptions per chunk (default: ALERTS_CHUNK_SIZE)"
        )

    def handle(self, *args, **options) -> None:
        frequencies = options["frequency"] or ["instant", "daily", "weekly"]
        for frequency in frequencies:
            plan = chunks.plan(frequency, chunk_size=options["chunk_size"])
            if options["queue"]:
                if plan.chunks:
                    tasks.queue(plan)
                self.stdout.write(
                    f"{frequency}: {sum(len(c.subscriptions) for c in plan.chunks)} subscriptions, "
                    f"{plan.calls} calls, {len(plan.chunks)} chunks queued as group {plan.run}"
                )
                continue
            report = send_plan(plan)
            self.stdout.write(
                f"{frequency}: {report.subscriptions} subscriptions, {report.calls} calls, "
                f"{report.sent} e-mails sent, {report.failed} failed"
            )
            for error in report.errors[:20]:
                self.stderr.write(f"  {error}")
