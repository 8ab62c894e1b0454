"""Composing and sending the alert e-mails: digests of new and closing calls, and reminders.

A run works through the subscriptions in chunks. For each chunk it matches the candidate calls
(``matching.SubscriptionIndex``), writes what it is about to send (a ``DigestLog`` per e-mail, and
each subscription's new watermarks) in one transaction, then sends. A message that fails to go is
rolled back so the next run tries again; a run repeated or interrupted after that transaction
never sends the same call twice, because the watermarks have moved.

Each call is rendered once per language and reused in every e-mail that lists it: with a hundred
thousand subscribers, rendering the same call a hundred thousand times would dominate the run.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Min
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from opportunities.alerts import links, tokens
from opportunities.alerts.matching import SubscriptionIndex, call_facts
from opportunities.models import DigestLog, FundingCall, Subscription, Watch, status_q

logger = logging.getLogger(__name__)

CHUNK = 5000
# How far ahead a digest looks for deadlines to announce as "closing soon".
CLOSING_DAYS = {Subscription.Frequency.INSTANT: 7, Subscription.Frequency.DAILY: 7, Subscription.Frequency.WEEKLY: 14}


@dataclass
class RunReport:
    frequency: str
    subscriptions: int = 0
    sent: int = 0
    failed: int = 0
    calls: int = 0
    errors: list[str] = field(default_factory=list)

    def merge(self, other: RunReport) -> None:
        self.subscriptions += other.subscriptions
        self.sent += other.sent
        self.failed += other.failed
        self.errors += other.errors


@dataclass
class Letter:
    subscription: Subscription
    filters: dict | None = None
    new: list[FundingCall] = field(default_factory=list)
    closing: list[tuple[FundingCall, dt.datetime]] = field(default_factory=list)
    reminders: list[tuple[FundingCall, dt.datetime]] = field(default_factory=list)

    def call_ids(self) -> list[int]:
        return sorted({c.pk for c in self.new} | {c.pk for c, _ in self.closing} | {c.pk for c, _ in self.reminders})


def _public_calls():
    return FundingCall.objects.public().select_related("programme").prefetch_related("deadlines")


def send_alerts(frequency: str, now: dt.datetime | None = None, connection=None, workers: int = 1) -> RunReport:
    """One run for one frequency; the daily run also sends every subscriber's due reminders.

    ``workers`` > 1 shares the subscribers among that many forked processes (one per core is
    right for a big run; the django-q2 task uses ``ALERTS_WORKERS``).
    """
    now = now or timezone.now()
    report = RunReport(frequency)
    subscriptions = Subscription.objects.filter(paused=False)
    if frequency != Subscription.Frequency.REMINDERS:
        _send_digests(subscriptions.filter(frequency=frequency), frequency, now, connection, report, workers)
    if frequency == Subscription.Frequency.DAILY:
        senders = get_connection() if connection is None else connection
        _send_reminders(subscriptions.exclude(frequency=Subscription.Frequency.DAILY), now, senders, report)
    return report


def _send_digests(
    subscriptions, frequency: str, now: dt.datetime, connection, report: RunReport, workers: int = 1
) -> None:
    if not subscriptions.exists():
        return
    horizon = now + dt.timedelta(days=CLOSING_DAYS[frequency])
    since = subscriptions.aggregate(new=Min("new_calls_since"), closing=Min("closing_until"))
    open_calls = _public_calls().filter(status_q(["open", "forthcoming"], now))
    new_calls = list(open_calls.filter(first_published_at__gt=since["new"], first_published_at__lte=now))
    closing_calls = list(
        open_calls.filter(deadlines__at__gt=since["closing"], deadlines__at__lte=horizon).distinct()
        if frequency != Subscription.Frequency.INSTANT
        else []
    )
    report.calls = len({c.pk for c in new_calls} | {c.pk for c in closing_calls})
    pks = list(subscriptions.order_by("pk").values_list("pk", flat=True))
    job = _Job(frequency, now, horizon, call_facts(new_calls), call_facts(closing_calls))
    chunks = [pks[start : start + CHUNK] for start in range(0, len(pks), CHUNK)]
    if workers > 1 and connection is None and len(chunks) > 1:
        for part in _in_processes(job, chunks, workers):
            report.merge(part)
    else:
        for chunk in chunks:
            _send_chunk(job, chunk, connection or get_connection(), report)


@dataclass
class _Job:
    frequency: str
    now: dt.datetime
    horizon: dt.datetime
    new_facts: list
    closing_facts: list
    renderer: Renderer = field(default_factory=lambda: Renderer())


_forked_job: _Job | None = None


def _in_processes(job: _Job, chunks: list[list[int]], workers: int) -> list[RunReport]:
    """Shares the chunks among forked processes (the calls are inherited, not sent over a pipe)."""
    import multiprocessing

    from django.db import connections

    global _forked_job
    _forked_job = job
    connections.close_all()
    groups = [chunks[number::workers] for number in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_run_group, groups)


def _run_group(chunks: list[list[int]]) -> RunReport:
    from django.db import connections

    report = RunReport(_forked_job.frequency)
    connection = get_connection()
    try:
        for chunk in chunks:
            _send_chunk(_forked_job, chunk, connection, report)
    finally:
        connections.close_all()
    return report


def _send_chunk(job: _Job, chunk_pks: list[int], connection, report: RunReport) -> None:
    chunk = list(Subscription.objects.filter(pk__in=chunk_pks).order_by("pk"))
    report.subscriptions += len(chunk)
    index = SubscriptionIndex.build(chunk)
    letters = {sub.pk: Letter(sub, filters=index.filters[position]) for position, sub in enumerate(chunk)}
    for facts in job.new_facts:
        for sub in index.subscribers(index.matching(facts)):
            if facts.call.first_published_at > sub.new_calls_since:
                letters[sub.pk].new.append(facts.call)
    for facts in job.closing_facts:
        subscribers = index.subscribers(index.matching(facts))
        if not subscribers:
            continue
        for deadline in facts.call.deadline_list():
            if job.now < deadline.at <= job.horizon:
                for sub in subscribers:
                    if deadline.at > sub.closing_until:
                        letters[sub.pk].closing.append((facts.call, deadline.at))
    daily = job.frequency == Subscription.Frequency.DAILY
    if daily:
        _add_reminders(letters, job.now)
    watermarks = {"new_calls_since": job.now}
    if job.frequency != Subscription.Frequency.INSTANT:
        watermarks["closing_until"] = job.horizon
    _deliver(
        list(letters.values()), watermarks, job.now, connection, report, reminders_checked=daily, renderer=job.renderer
    )


def _add_reminders(letters: dict[int, Letter], now: dt.datetime) -> None:
    """Adds each subscriber's due reminders: deadlines of watched calls within their reminder days."""
    latest = now + dt.timedelta(days=60)
    watches = (
        Watch.objects.filter(subscription_id__in=letters, call__live=True, call__merged_into__isnull=True)
        .select_related("call__programme")
        .prefetch_related("call__deadlines")
    )
    for watch in watches:
        letter = letters[watch.subscription_id]
        sub = letter.subscription
        due_until = now + dt.timedelta(days=sub.reminder_days)
        for deadline in watch.call.deadline_list():
            if sub.reminders_until < deadline.at <= min(due_until, latest) and deadline.at > now:
                letter.reminders.append((watch.call, deadline.at))


def _send_reminders(subscriptions, now: dt.datetime, connection, report: RunReport) -> None:
    """Reminder-only e-mails for subscribers whose own digests are not daily."""
    with_watches = subscriptions.filter(
        pk__in=Watch.objects.filter(call__deadlines__at__gt=now).values("subscription_id")
    ).order_by("pk")
    pks = list(with_watches.values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK):
        chunk = Subscription.objects.filter(pk__in=pks[start : start + CHUNK])
        letters = {sub.pk: Letter(sub) for sub in chunk}
        _add_reminders(letters, now)
        report.subscriptions += len(letters)
        _deliver(list(letters.values()), {}, now, connection, report, reminders_checked=True, reminders_only=True)


def _deliver(
    letters: list[Letter],
    watermarks: dict[str, dt.datetime],
    now: dt.datetime,
    connection,
    report: RunReport,
    reminders_checked: bool = False,
    reminders_only: bool = False,
    renderer: Renderer | None = None,
) -> None:
    """Logs and moves the watermarks first (one transaction), then sends; undoes what failed to go."""
    to_send = [letter for letter in letters if letter.new or letter.closing or letter.reminders]
    kind = DigestLog.Kind.REMINDER if reminders_only else DigestLog.Kind.DIGEST
    previous = {
        letter.subscription.pk: {
            "new_calls_since": letter.subscription.new_calls_since,
            "closing_until": letter.subscription.closing_until,
            "reminders_until": letter.subscription.reminders_until,
        }
        for letter in letters
    }
    with transaction.atomic():
        pks = [letter.subscription.pk for letter in letters]
        if watermarks:
            Subscription.objects.filter(pk__in=pks).update(**watermarks)
        if reminders_checked:
            # The reminder watermark depends on each subscriber's number of days: one update per value.
            by_days: dict[int, list[int]] = {}
            for letter in letters:
                by_days.setdefault(letter.subscription.reminder_days, []).append(letter.subscription.pk)
            for days, members in by_days.items():
                Subscription.objects.filter(pk__in=members, reminders_until__lt=now + dt.timedelta(days=days)).update(
                    reminders_until=now + dt.timedelta(days=days)
                )
        logs = DigestLog.objects.bulk_create(
            [
                DigestLog(subscription=letter.subscription, kind=kind, sent_at=now, call_ids=letter.call_ids())
                for letter in to_send
            ],
            batch_size=500,
        )
    renderer = renderer or Renderer()
    failed_subs = []
    for letter, log in zip(to_send, logs, strict=True):
        try:
            message = renderer.message(letter, reminders_only)
            if connection.send_messages([message]) != 1:
                raise RuntimeError("the mail server did not accept the message")
            report.sent += 1
        except Exception as error:
            logger.warning("Alert to subscription %s failed: %s", letter.subscription.pk, error)
            report.failed += 1
            report.errors.append(f"{letter.subscription.pk}: {error}")
            failed_subs.append((letter.subscription, log))
    if failed_subs:
        with transaction.atomic():
            for sub, log in failed_subs:
                Subscription.objects.filter(pk=sub.pk).update(**previous[sub.pk])
                log.delete()


class Renderer:
    """Renders e-mails cheaply enough for a hundred thousand subscribers.

    Each call's block is rendered once per language (and deadline) and reused in every e-mail that
    lists it; the frame around the sections (greeting, links to manage, unsubscribe and feeds) is
    rendered once per language with markers that each e-mail then replaces. Only what differs per
    subscriber (their links, the sections they get) is assembled per e-mail.
    """

    MARKERS = {name: f"\x00{name}\x00" for name in ("SECTIONS", "MANAGE", "UNSUBSCRIBE", "RSS", "ICAL")}

    def __init__(self) -> None:
        self.blocks: dict[tuple, tuple[str, str]] = {}
        self.finders: dict[str, Any] = {}
        self.frames: dict[str, tuple[str, str]] = {}
        self.call_html = get_template("opportunities/alerts/email/call.html")
        self.call_text = get_template("opportunities/alerts/email/call.txt")

    def finder(self, language: str):
        if language not in self.finders:
            self.finders[language] = links.finder_in(language)
        return self.finders[language]

    def block(self, call: FundingCall, language: str, deadline: dt.datetime | None) -> tuple[str, str]:
        key = (call.pk, language, deadline)
        if key not in self.blocks:
            url = links.call_url(call, language, self.finder(language))
            context = {"call": call, "url": url, "deadline": deadline or call.next_deadline()}
            self.blocks[key] = (self.call_html.render(context), self.call_text.render(context))
        return self.blocks[key]

    def frame(self, language: str) -> tuple[str, str]:
        if language not in self.frames:
            markers = self.MARKERS
            context = {
                "language": language,
                "sections": mark_safe(markers["SECTIONS"]),
                "manage_url": markers["MANAGE"],
                "unsubscribe_url": markers["UNSUBSCRIBE"],
                "rss_url": markers["RSS"],
                "ical_url": markers["ICAL"],
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            self.frames[language] = (
                get_template("opportunities/alerts/email/digest.html").render(context),
                get_template("opportunities/alerts/email/digest.txt").render(context),
            )
        return self.frames[language]

    def message(self, letter: Letter, reminders_only: bool = False) -> EmailMultiAlternatives:
        sub = letter.subscription
        language = sub.language
        with translation.override(language):
            sections = []
            if letter.new:
                sections.append((_("New calls for you"), [(c, None) for c in letter.new]))
            if letter.closing:
                sections.append((_("Closing soon"), letter.closing))
            if letter.reminders:
                sections.append((_("Reminders for calls you watch"), letter.reminders))
            # One signature per e-mail: the watch links differ only in the call's number at the end.
            watch_prefix = links.watch_url(sub, 0, tokens.watch_token(sub.pk)).removesuffix("0/")
            html_parts: list[str] = []
            text_parts: list[str] = []
            more_url = None
            for title, all_entries in sections:
                entries = all_entries[: settings.ALERTS_MAX_CALLS_PER_SECTION]
                hidden = len(all_entries) - len(entries)
                html_parts.append(f'<h2 style="font-size:1.1em;border-bottom:1px solid #d8d4cc">{escape(title)}</h2>')
                text_parts.append(f"== {title} ==\n")
                for call, deadline in entries:
                    html, text = self.block(call, language, deadline)
                    watch = f"{watch_prefix}{call.pk}/"
                    html_parts.append(html.replace("__WATCH_URL__", escape(watch)))
                    text_parts.append(text.replace("__WATCH_URL__", watch))
                if hidden:
                    more_url = more_url or links.finder_url(sub, self.finder(language), _finder_filters(letter.filters))
                    more = ngettext(
                        "… and %(counter)s more call like these", "… and %(counter)s more calls like these", hidden
                    ) % {"counter": hidden}
                    html_parts.append(f'<p><a href="{escape(more_url)}">{escape(more)}</a></p>')
                    text_parts.append(f"{more}: {more_url}\n")
            count = len(letter.call_ids())
            if reminders_only:
                subject = _("Reminder: deadlines of calls you watch")
            else:
                subject = ngettext("%(count)s funding call for you", "%(count)s funding calls for you", count) % {
                    "count": count
                }
        unsubscribe = links.unsubscribe_url(sub)
        values = {
            "MANAGE": links.manage_url(sub),
            "UNSUBSCRIBE": unsubscribe,
            "RSS": links.feed_url(sub, "rss"),
            "ICAL": links.feed_url(sub, "ical"),
        }
        html, text = self.frame(language)
        html = html.replace(self.MARKERS["SECTIONS"], "".join(html_parts))
        text = text.replace(self.MARKERS["SECTIONS"], "\n".join(text_parts))
        for name, value in values.items():
            html = html.replace(self.MARKERS[name], escape(value))
            text = text.replace(self.MARKERS[name], value)
        message = EmailMultiAlternatives(
            subject=f"{settings.WAGTAIL_SITE_NAME}: {subject}",
            body=text,
            to=[sub.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(html, "text/html")
        return message


def _finder_filters(filters: dict | None) -> dict[str, list] | None:
    if filters is None:
        return None
    return {
        "sector": filters.get("sector", []),
        "region": filters.get("region", []),
        "applicant": filters.get("applicant", []),
        "programme": filters.get("programme", []),
    }


def pending_instant() -> bool:
    """Whether an instant run has anything to do (used to skip empty runs cheaply)."""
    return Subscription.objects.filter(frequency=Subscription.Frequency.INSTANT, paused=False).exists()
