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

from opportunities.alerts import links
from opportunities.alerts.matching import SubscriptionIndex, call_facts
from opportunities.models import DigestLog, FundingCall, Subscription, Watch, status_q

logger = logging.getLogger(__name__)

CHUNK = 2000
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


@dataclass
class Letter:
    subscription: Subscription
    new: list[FundingCall] = field(default_factory=list)
    closing: list[tuple[FundingCall, dt.datetime]] = field(default_factory=list)
    reminders: list[tuple[FundingCall, dt.datetime]] = field(default_factory=list)

    def call_ids(self) -> list[int]:
        return sorted({c.pk for c in self.new} | {c.pk for c, _ in self.closing} | {c.pk for c, _ in self.reminders})


def _public_calls():
    return FundingCall.objects.public().select_related("programme").prefetch_related("deadlines")


def send_alerts(frequency: str, now: dt.datetime | None = None, connection=None) -> RunReport:
    """One run for one frequency; the daily run also sends every subscriber's due reminders."""
    now = now or timezone.now()
    report = RunReport(frequency)
    subscriptions = Subscription.objects.filter(paused=False)
    senders = get_connection() if connection is None else connection
    if frequency != Subscription.Frequency.REMINDERS:
        _send_digests(subscriptions.filter(frequency=frequency), frequency, now, senders, report)
    if frequency == Subscription.Frequency.DAILY:
        _send_reminders(subscriptions.exclude(frequency=Subscription.Frequency.DAILY), now, senders, report)
    return report


def _send_digests(subscriptions, frequency: str, now: dt.datetime, connection, report: RunReport) -> None:
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
    new_facts = call_facts(new_calls)
    closing_facts = call_facts(closing_calls)
    report.calls = len({c.pk for c in new_calls} | {c.pk for c in closing_calls})
    pks = list(subscriptions.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK):
        chunk = list(Subscription.objects.filter(pk__in=pks[start : start + CHUNK]).order_by("pk"))
        report.subscriptions += len(chunk)
        index = SubscriptionIndex.build(chunk)
        letters = {sub.pk: Letter(sub) for sub in chunk}
        for facts in new_facts:
            for sub in index.subscribers(index.matching(facts)):
                if facts.call.first_published_at > sub.new_calls_since:
                    letters[sub.pk].new.append(facts.call)
        if frequency != Subscription.Frequency.INSTANT:
            for facts in closing_facts:
                subscribers = index.subscribers(index.matching(facts))
                if not subscribers:
                    continue
                for deadline in facts.call.deadline_list():
                    if deadline.at > now and deadline.at <= horizon:
                        for sub in subscribers:
                            if deadline.at > sub.closing_until:
                                letters[sub.pk].closing.append((facts.call, deadline.at))
        if frequency == Subscription.Frequency.DAILY:
            _add_reminders(letters, now)
        watermarks = {"new_calls_since": now}
        if frequency != Subscription.Frequency.INSTANT:
            watermarks["closing_until"] = horizon
        _deliver(list(letters.values()), watermarks, now, connection, report, frequency == Subscription.Frequency.DAILY)


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
        for letter in letters:
            sub = letter.subscription
            for name, value in watermarks.items():
                setattr(sub, name, value)
            if reminders_checked:
                sub.reminders_until = max(sub.reminders_until, now + dt.timedelta(days=sub.reminder_days))
        fields = [*watermarks, *(["reminders_until"] if reminders_checked else [])]
        if fields:
            Subscription.objects.bulk_update([letter.subscription for letter in letters], fields, batch_size=500)
        logs = DigestLog.objects.bulk_create(
            [
                DigestLog(subscription=letter.subscription, kind=kind, sent_at=now, call_ids=letter.call_ids())
                for letter in to_send
            ],
            batch_size=500,
        )
    renderer = Renderer()
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
    """Renders e-mails; each call's block is rendered once per language and reused."""

    def __init__(self) -> None:
        self.blocks: dict[tuple, tuple[str, str]] = {}
        self.html = get_template("opportunities/alerts/email/digest.html")
        self.text = get_template("opportunities/alerts/email/digest.txt")

    def block(self, call: FundingCall, language: str, deadline: dt.datetime | None) -> tuple[str, str]:
        key = (call.pk, language, deadline)
        if key not in self.blocks:
            url = links.call_url(call, language)
            context = {"call": call, "url": url, "deadline": deadline or call.next_deadline()}
            self.blocks[key] = (
                get_template("opportunities/alerts/email/call.html").render(context),
                get_template("opportunities/alerts/email/call.txt").render(context),
            )
        return self.blocks[key]

    def message(self, letter: Letter, reminders_only: bool = False) -> EmailMultiAlternatives:
        sub = letter.subscription
        with translation.override(sub.language):
            sections = []
            if letter.new:
                sections.append((_("New calls for you"), [(c, None) for c in letter.new]))
            if letter.closing:
                sections.append((_("Closing soon"), letter.closing))
            if letter.reminders:
                sections.append((_("Reminders for calls you watch"), letter.reminders))
            rendered = []
            for title, entries in sections:
                blocks = [self.block(call, sub.language, deadline) for call, deadline in entries]
                watch = {call.pk: links.watch_url(sub, call) for call, _deadline in entries}
                rendered.append(
                    {
                        "title": title,
                        "html": mark_safe(
                            "".join(
                                html.replace("__WATCH_URL__", escape(watch[call.pk]))
                                for (html, _text), (call, _d) in zip(blocks, entries, strict=True)
                            )
                        ),
                        "text": "\n".join(
                            text.replace("__WATCH_URL__", watch[call.pk])
                            for (_html, text), (call, _d) in zip(blocks, entries, strict=True)
                        ),
                    }
                )
            count = len(letter.call_ids())
            if reminders_only:
                subject = _("Reminder: deadlines of calls you watch")
            else:
                subject = ngettext("%(count)s funding call for you", "%(count)s funding calls for you", count) % {
                    "count": count
                }
            unsubscribe = links.unsubscribe_url(sub)
            context: dict[str, Any] = {
                "subscription": sub,
                "sections": rendered,
                "manage_url": links.manage_url(sub),
                "unsubscribe_url": unsubscribe,
                "rss_url": links.feed_url(sub, "rss"),
                "ical_url": links.feed_url(sub, "ical"),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            message = EmailMultiAlternatives(
                subject=f"{settings.WAGTAIL_SITE_NAME}: {subject}",
                body=self.text.render(context),
                to=[sub.email],
                headers={
                    "List-Unsubscribe": f"<{unsubscribe}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    "Auto-Submitted": "auto-generated",
                },
            )
            message.attach_alternative(self.html.render(context), "text/html")
            return message


def pending_instant() -> bool:
    """Whether an instant run has anything to do (used to skip empty runs cheaply)."""
    return Subscription.objects.filter(frequency=Subscription.Frequency.INSTANT, paused=False).exists()
