"""Composing and sending the alert e-mails: digests of new and closing calls, and reminders.

A run is planned in chunks of subscriptions (``chunks.plan``); this module sends one chunk. For
each it matches the run's candidate calls (``matching.SubscriptionIndex``), writes what it is about
to send (a ``DigestLog`` per e-mail, and each subscription's new watermarks) in one transaction,
then sends. A message that fails to go is rolled back so the next run tries again; a run repeated
or interrupted after that transaction never sends the same call twice, because the watermarks have
moved. The same holds for two processes sending one chunk at once (a django-q2 task delivered
twice): see ``send_chunk``.

Each call is rendered once per language (and office's site) and reused in every e-mail that lists
it: with a hundred thousand subscribers, rendering the same call a hundred thousand times would
dominate the run. Every link of an e-mail points to the site its alert was made on (``links``).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import get_template
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Site

from kreativ.sites import default_site, name_of
from opportunities.alerts import chunks, links, tokens
from opportunities.alerts.chunks import Chunk, RunPlan
from opportunities.alerts.matching import CallFacts, SubscriptionIndex, call_facts
from opportunities.models import Deadline, DigestLog, FundingCall, Subscription, Watch

logger = logging.getLogger(__name__)


@dataclass
class RunReport:
    """What a run, or one chunk of it, did.

    ``subscriptions`` counts those this process took; ``skipped`` those of its chunks that were no
    longer due when it came to them (sent by another process or a later run, paused, deleted).
    """

    frequency: str
    subscriptions: int = 0
    skipped: int = 0
    sent: int = 0
    failed: int = 0
    calls: int = 0
    errors: list[str] = field(default_factory=list)

    def merge(self, other: RunReport) -> None:
        self.subscriptions += other.subscriptions
        self.skipped += other.skipped
        self.sent += other.sent
        self.failed += other.failed
        self.errors += other.errors


@dataclass
class Letter:
    subscription: Subscription
    filters: dict | None = None
    new: list[FundingCall] = field(default_factory=list)
    closing: list[tuple[FundingCall, Deadline]] = field(default_factory=list)
    reminders: list[tuple[FundingCall, Deadline]] = field(default_factory=list)

    def call_ids(self) -> list[int]:
        return sorted({c.pk for c in self.new} | {c.pk for c, _ in self.closing} | {c.pk for c, _ in self.reminders})


def _public_calls():
    return FundingCall.objects.public().select_related("programme").prefetch_related("deadlines")


def send_alerts(
    frequency: str, now: dt.datetime | None = None, connection: Any = None, chunk_size: int | None = None
) -> RunReport:
    """One run for one frequency, every chunk sent in this process, one after the other.

    The daily run also sends every subscriber's due reminders. This is what ``manage.py
    send_alerts`` and a run of a single chunk do; the scheduled runs queue a bigger run chunk by
    chunk instead, for every django-q2 worker to take a share (``tasks.send``).
    """
    return send_plan(chunks.plan(frequency, now, chunk_size), connection)


def send_plan(plan: RunPlan, connection: Any = None) -> RunReport:
    """Sends every chunk of a planned run here; the run's calls are read and rendered once."""
    report = RunReport(plan.frequency, calls=plan.calls)
    offer = None
    for chunk in plan.chunks:
        if chunk.kind == chunks.DIGEST and offer is None:
            offer = Offer.for_chunk(chunk)
        report.merge(send_chunk(chunk, connection, offer))
    return report


@dataclass
class Offer:
    """What a run offers each of its chunks: its candidate calls, and the renderer of their blocks.

    Every chunk of a run has the same candidates, so a process that sends several (the planning
    process, or a django-q2 worker that takes several tasks of a run) builds this once.
    """

    new_facts: list[CallFacts]
    closing_facts: list[CallFacts]
    renderer: Renderer = field(default_factory=lambda: Renderer())

    @classmethod
    def for_chunk(cls, chunk: Chunk) -> Offer:
        """The chunk's candidate calls that are still public, in the plan's order."""
        calls = _public_calls().in_bulk(set(chunk.new_calls) | set(chunk.closing_calls))
        return cls(
            new_facts=call_facts([calls[pk] for pk in chunk.new_calls if pk in calls]),
            closing_facts=call_facts([calls[pk] for pk in chunk.closing_calls if pk in calls]),
        )


def send_chunk(chunk: Chunk, connection: Any = None, offer: Offer | None = None) -> RunReport:
    """Sends one chunk of a run; repeating it, or running it in two processes at once, sends nothing twice.

    The chunk's subscriptions are read, locked, matched, logged and their watermarks moved in one
    transaction; only the sending comes after its commit. The lock is ``select_for_update`` on
    PostgreSQL, and on SQLite the database's write lock, which the transaction takes as it begins
    (``transaction_mode`` IMMEDIATE in the settings). So a second sender of the same chunk reads the
    subscriptions only once the first has moved their watermarks: a digest subscription whose
    ``new_calls_since`` has reached the run's ``now`` is skipped, and a reminder already logged is
    no longer due. The watermarks only move forward, so an older run that comes late (a task
    retried after a timeout) skips them too.
    """
    report = RunReport(chunk.frequency)
    if chunk.kind == chunks.REMINDERS:
        pending = _claim_reminders(chunk, report)
    else:
        offer = offer or Offer.for_chunk(chunk)
        pending = _claim_digests(chunk, offer, report)
    if pending.letters:
        _send(pending, connection, report, offer.renderer if offer else None)
    return report


@dataclass
class _Pending:
    """Letters logged and watermarked, waiting to be sent, and how to undo each one."""

    letters: list[Letter] = field(default_factory=list)
    logs: list[DigestLog] = field(default_factory=list)
    previous: dict[int, dict[str, dt.datetime]] = field(default_factory=dict)
    moved_to: dt.datetime | None = None
    reminders_only: bool = False


def _claim_digests(chunk: Chunk, offer: Offer, report: RunReport) -> _Pending:
    with transaction.atomic():
        subscriptions = list(
            Subscription.objects.select_for_update()
            .filter(
                pk__in=chunk.subscriptions,
                frequency=chunk.frequency,
                paused=False,
                new_calls_since__lt=chunk.now,
            )
            .order_by("pk")
        )
        report.subscriptions += len(subscriptions)
        report.skipped += len(chunk.subscriptions) - len(subscriptions)
        if not subscriptions:
            return _Pending()
        index = SubscriptionIndex.build(subscriptions)
        letters = {sub.pk: Letter(sub, filters=index.filters[position]) for position, sub in enumerate(subscriptions)}
        for facts in offer.new_facts:
            for sub in index.subscribers(index.matching(facts)):
                if facts.call.first_published_at > sub.new_calls_since:
                    letters[sub.pk].new.append(facts.call)
        for facts in offer.closing_facts:
            subscribers = index.subscribers(index.matching(facts))
            if not subscribers:
                continue
            for deadline in facts.call.deadline_list():
                if chunk.now < deadline.at <= chunk.horizon:
                    for sub in subscribers:
                        if deadline.at > sub.closing_until:
                            letters[sub.pk].closing.append((facts.call, deadline))
        daily = chunk.frequency == Subscription.Frequency.DAILY
        if daily:
            _add_reminders(letters, chunk.now)
        pks = list(letters)
        Subscription.objects.filter(pk__in=pks).update(new_calls_since=chunk.now)
        if chunk.frequency != Subscription.Frequency.INSTANT:
            Subscription.objects.filter(pk__in=pks, closing_until__lt=chunk.horizon).update(closing_until=chunk.horizon)
        pending = _record(list(letters.values()), chunk.now, reminders_checked=daily)
        pending.moved_to = chunk.now
        return pending


def _claim_reminders(chunk: Chunk, report: RunReport) -> _Pending:
    """Reminder-only e-mails for subscribers whose own digests are not daily."""
    with transaction.atomic():
        subscriptions = list(
            Subscription.objects.select_for_update()
            .filter(pk__in=chunk.subscriptions, paused=False)
            .exclude(frequency=Subscription.Frequency.DAILY)
            .order_by("pk")
        )
        report.subscriptions += len(subscriptions)
        report.skipped += len(chunk.subscriptions) - len(subscriptions)
        letters = {sub.pk: Letter(sub) for sub in subscriptions}
        _add_reminders(letters, chunk.now)
        return _record(list(letters.values()), chunk.now, reminders_checked=True, reminders_only=True)


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
                letter.reminders.append((watch.call, deadline))


def _record(
    letters: list[Letter], now: dt.datetime, reminders_checked: bool = False, reminders_only: bool = False
) -> _Pending:
    """Logs the letters that have something to say and moves the reminder watermarks (inside the
    caller's transaction, which has moved the digest watermarks)."""
    pending = _Pending(
        letters=[letter for letter in letters if letter.new or letter.closing or letter.reminders],
        reminders_only=reminders_only,
    )
    pending.previous = {
        letter.subscription.pk: {
            "new_calls_since": letter.subscription.new_calls_since,
            "closing_until": letter.subscription.closing_until,
            "reminders_until": letter.subscription.reminders_until,
        }
        for letter in pending.letters
    }
    if reminders_checked:
        # The reminder watermark depends on each subscriber's number of days: one update per value.
        by_days: dict[int, list[int]] = {}
        for letter in letters:
            by_days.setdefault(letter.subscription.reminder_days, []).append(letter.subscription.pk)
        for days, members in by_days.items():
            Subscription.objects.filter(pk__in=members, reminders_until__lt=now + dt.timedelta(days=days)).update(
                reminders_until=now + dt.timedelta(days=days)
            )
    kind = DigestLog.Kind.REMINDER if reminders_only else DigestLog.Kind.DIGEST
    pending.logs = DigestLog.objects.bulk_create(
        [
            DigestLog(subscription=letter.subscription, kind=kind, sent_at=now, call_ids=letter.call_ids())
            for letter in pending.letters
        ],
        batch_size=500,
    )
    return pending


def _send(pending: _Pending, connection: Any, report: RunReport, renderer: Renderer | None = None) -> None:
    """Sends what was logged, over one connection when this function opens it; undoes what failed to go."""
    renderer = renderer or Renderer()
    own = connection is None
    if own:
        connection = get_connection()
        try:
            connection.open()  # one session for the chunk; if it fails, each message tries and fails alone
        except Exception as error:
            logger.warning("Could not open the mail connection: %s", error)
    failed = []
    try:
        for letter, log in zip(pending.letters, pending.logs, strict=True):
            try:
                message = renderer.message(letter, pending.reminders_only)
                if connection.send_messages([message]) != 1:
                    raise RuntimeError("the mail server did not accept the message")
                report.sent += 1
            except Exception as error:
                logger.warning("Alert to subscription %s failed: %s", letter.subscription.pk, error)
                report.failed += 1
                report.errors.append(f"{letter.subscription.pk}: {error}")
                failed.append((letter.subscription, log))
    finally:
        if own:
            connection.close()
    if failed:
        with transaction.atomic():
            for sub, log in failed:
                restore = Subscription.objects.filter(pk=sub.pk)
                if pending.moved_to is not None:
                    # Not when a later run has moved on meanwhile: it sent from there.
                    restore = restore.filter(new_calls_since=pending.moved_to)
                restore.update(**pending.previous[sub.pk])
                log.delete()


class Renderer:
    """Renders e-mails cheaply enough for a hundred thousand subscribers.

    Each call's block is rendered once per language, site (its link is to that office's finder)
    and deadline, and reused in every e-mail that lists it; the frame around the sections (the
    office's name, links to manage, unsubscribe and feeds) is rendered once per language and site
    with markers that each e-mail then replaces. Only what differs per subscriber (their links,
    the sections they get) is assembled per e-mail.
    """

    MARKERS = {name: f"\x00{name}\x00" for name in ("SECTIONS", "MANAGE", "UNSUBSCRIBE", "RSS", "ICAL")}

    def __init__(self) -> None:
        self.blocks: dict[tuple, tuple[str, str]] = {}
        self.finders: dict[tuple[str, int | None], Any] = {}
        self.frames: dict[tuple[str, int | None], tuple[str, str]] = {}
        self.sites: dict[int | None, Site | None] = {}
        self.call_html = get_template("opportunities/alerts/email/call.html")
        self.call_text = get_template("opportunities/alerts/email/call.txt")

    def site(self, pk: int | None) -> Site | None:
        """The office's site of an alert, or the default site for one of no site (read once per
        run, not once per e-mail)."""
        if pk not in self.sites:
            found = Site.objects.select_related("root_page").filter(pk=pk).first() if pk else None
            self.sites[pk] = found or default_site()
        return self.sites[pk]

    def finder(self, language: str, site: Site | None = None):
        key = (language, site.pk if site else None)
        if key not in self.finders:
            self.finders[key] = links.finder_in(language, site)
        return self.finders[key]

    def block(
        self, call: FundingCall, language: str, deadline: Deadline | None, site: Site | None = None
    ) -> tuple[str, str]:
        key = (call.pk, language, deadline.pk if deadline is not None else None, site.pk if site else None)
        if key not in self.blocks:
            url = links.call_url(call, language, self.finder(language, site), site)
            context = {"call": call, "url": url, "deadline": deadline or call.next_deadline()}
            with translation.override(language):
                self.blocks[key] = (self.call_html.render(context), self.call_text.render(context))
        return self.blocks[key]

    def frame(self, language: str, site: Site | None = None) -> tuple[str, str]:
        """The e-mail around the sections, in ``language`` whatever language is active: the frame
        is kept for every later e-mail in that language and site, so it is rendered under its own
        override."""
        key = (language, site.pk if site else None)
        if key not in self.frames:
            markers = self.MARKERS
            context = {
                "language": language,
                "sections": mark_safe(markers["SECTIONS"]),
                "manage_url": markers["MANAGE"],
                "unsubscribe_url": markers["UNSUBSCRIBE"],
                "rss_url": markers["RSS"],
                "ical_url": markers["ICAL"],
                "site_name": name_of(site),
            }
            with translation.override(language):
                self.frames[key] = (
                    get_template("opportunities/alerts/email/digest.html").render(context),
                    get_template("opportunities/alerts/email/digest.txt").render(context),
                )
        return self.frames[key]

    def message(self, letter: Letter, reminders_only: bool = False) -> EmailMultiAlternatives:
        sub = letter.subscription
        language = sub.language
        site = self.site(sub.site_id)
        with translation.override(language):
            sections = []
            if letter.new:
                sections.append((_("New calls for you"), [(c, None) for c in letter.new]))
            if letter.closing:
                sections.append((_("Closing soon"), letter.closing))
            if letter.reminders:
                sections.append((_("Reminders for calls you watch"), letter.reminders))
            # One signature per e-mail: the watch links differ only in the call's number at the end.
            watch_prefix = links.watch_url(sub, 0, tokens.watch_token(sub.pk), site=site).removesuffix("0/")
            html_parts: list[str] = []
            text_parts: list[str] = []
            more_url = None
            for title, all_entries in sections:
                entries = all_entries[: settings.ALERTS_MAX_CALLS_PER_SECTION]
                hidden = len(all_entries) - len(entries)
                html_parts.append(f'<h2 style="font-size:1.1em;border-bottom:1px solid #d8d4cc">{escape(title)}</h2>')
                text_parts.append(f"== {title} ==\n")
                for call, deadline in entries:
                    html, text = self.block(call, language, deadline, site)
                    watch = f"{watch_prefix}{call.pk}/"
                    html_parts.append(html.replace("__WATCH_URL__", escape(watch)))
                    text_parts.append(text.replace("__WATCH_URL__", watch))
                if hidden:
                    more_url = more_url or links.finder_url(
                        sub, self.finder(language, site), _finder_filters(letter.filters), site=site
                    )
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
        unsubscribe = links.unsubscribe_url(sub, site)
        values = {
            "MANAGE": links.manage_url(sub, site),
            "UNSUBSCRIBE": unsubscribe,
            "RSS": links.feed_url(sub, "rss", site),
            "ICAL": links.feed_url(sub, "ical", site),
        }
        html, text = self.frame(language, site)
        html = html.replace(self.MARKERS["SECTIONS"], "".join(html_parts))
        text = text.replace(self.MARKERS["SECTIONS"], "\n".join(text_parts))
        for name, value in values.items():
            html = html.replace(self.MARKERS[name], escape(value))
            text = text.replace(self.MARKERS[name], value)
        message = EmailMultiAlternatives(
            subject=f"{name_of(site)}: {subject}",
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
