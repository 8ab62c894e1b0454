"""An alert run cut into chunks that any process on any machine can send.

A run for one frequency is planned once, in one process: the moment it stands for (``now``), how
far ahead it announces deadlines (``horizon``), its candidate calls and its subscriptions, cut into
chunks of ``ALERTS_CHUNK_SIZE``. A chunk holds only ids and times, so it travels as the argument of
a django-q2 task (``tasks.send_chunk``) to whichever ``qcluster`` worker takes it, or is sent in
the planning process itself (``digests.send_alerts``). Sending one chunk twice, even twice at once,
sends no call twice to anyone: ``digests.send_chunk`` says how.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.db.models import Min
from django.utils import timezone

from opportunities.models import FundingCall, Subscription, Watch, status_q

# How far ahead a digest looks for deadlines to announce as "closing soon".
CLOSING_DAYS = {Subscription.Frequency.INSTANT: 7, Subscription.Frequency.DAILY: 7, Subscription.Frequency.WEEKLY: 14}
DIGEST = "digest"
REMINDERS = "reminders"


@dataclass(frozen=True)
class Chunk:
    """Some subscriptions of one run, and what the run offers them.

    ``kind`` is ``digest`` (new and closing calls, plus due reminders in the daily run) or
    ``reminders`` (the daily run's reminder-only e-mails to subscribers whose digests are not daily).
    """

    run: str
    frequency: str
    kind: str
    now: dt.datetime
    horizon: dt.datetime
    subscriptions: tuple[int, ...]
    new_calls: tuple[int, ...] = ()
    closing_calls: tuple[int, ...] = ()

    def as_task_argument(self) -> dict:
        """Plain values (ids, datetimes), so that a task queued before a deploy still reads after it."""
        return {**asdict(self), "subscriptions": list(self.subscriptions)}

    @classmethod
    def from_task_argument(cls, values: dict) -> Chunk:
        known = {name: values[name] for name in cls.__dataclass_fields__ if name in values}
        for name in ("subscriptions", "new_calls", "closing_calls"):
            known[name] = tuple(known.get(name, ()))
        return cls(**known)


@dataclass
class RunPlan:
    run: str
    frequency: str
    now: dt.datetime
    calls: int = 0
    chunks: list[Chunk] = field(default_factory=list)


def run_label(frequency: str, now: dt.datetime) -> str:
    """The run's name, also the django-q2 group of its chunk tasks: ``alerts-daily-20261204T060000.000123Z``."""
    return f"alerts-{frequency}-{now.astimezone(dt.UTC):%Y%m%dT%H%M%S.%fZ}"


def plan(frequency: str, now: dt.datetime | None = None, chunk_size: int | None = None) -> RunPlan:
    """The chunks of one run; the daily run also has chunks of reminder-only e-mails.

    The candidate calls are chosen for every subscription of the run at once: the public calls,
    open or forthcoming, published after the oldest watermark (new), and with a deadline between
    the oldest "closing" watermark and the horizon (closing soon). Each chunk narrows them down per
    subscription when it is sent.
    """
    now = now or timezone.now()
    size = max(chunk_size or settings.ALERTS_CHUNK_SIZE, 1)
    run = RunPlan(run=run_label(frequency, now), frequency=frequency, now=now)
    active = Subscription.objects.filter(paused=False)
    horizon = now + dt.timedelta(days=CLOSING_DAYS.get(frequency, 7))
    if frequency != Subscription.Frequency.REMINDERS:
        subscribers = active.filter(frequency=frequency)
        pks = list(subscribers.order_by("pk").values_list("pk", flat=True))
        if pks:
            since = subscribers.aggregate(new=Min("new_calls_since"), closing=Min("closing_until"))
            open_calls = FundingCall.objects.public().filter(status_q(["open", "forthcoming"], now))
            new_calls = list(
                open_calls.filter(first_published_at__gt=since["new"], first_published_at__lte=now)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            closing_calls = (
                list(
                    open_calls.filter(deadlines__at__gt=since["closing"], deadlines__at__lte=horizon)
                    .order_by("pk")
                    .distinct()
                    .values_list("pk", flat=True)
                )
                if frequency != Subscription.Frequency.INSTANT
                else []
            )
            run.calls = len(set(new_calls) | set(closing_calls))
            run.chunks += [
                Chunk(
                    run=run.run,
                    frequency=frequency,
                    kind=DIGEST,
                    now=now,
                    horizon=horizon,
                    subscriptions=tuple(pks[start : start + size]),
                    new_calls=tuple(new_calls),
                    closing_calls=tuple(closing_calls),
                )
                for start in range(0, len(pks), size)
            ]
    if frequency == Subscription.Frequency.DAILY:
        watching = (
            active.exclude(frequency=Subscription.Frequency.DAILY)
            .filter(pk__in=Watch.objects.filter(call__deadlines__at__gt=now).values("subscription_id"))
            .order_by("pk")
        )
        pks = list(watching.values_list("pk", flat=True))
        run.chunks += [
            Chunk(
                run=run.run,
                frequency=frequency,
                kind=REMINDERS,
                now=now,
                horizon=horizon,
                subscriptions=tuple(pks[start : start + size]),
            )
            for start in range(0, len(pks), size)
        ]
    return run
