"""The one place that writes crawled data: items become moderated funding calls.

Keyed on (source, external id):

- a new call becomes a draft revision submitted to the "Funding call moderation" workflow;
- a changed call gets a new revision of its crawled fields only (a field a moderator edited keeps
  the moderator's value) and goes to moderation again, where Wagtail's revision compare shows what
  changed;
- a new or changed call that has already closed is archived instead of submitted
  (``opportunities.moderation.archive``): nobody has to decide on a call no one can apply to;
- an unchanged call writes nothing;
- a call its source no longer lists is marked so at the end of a complete run, never deleted.

Rejected calls stay out of the public site and are not resubmitted until their crawled data changes.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from kreativ import source_changes
from kreativ.moderation.submit import ModerationNotConfigured, submit_for_moderation
from kreativ.similarity import fold, similarity
from opportunities.intake.canonical import (
    CRAWLED_FIELDS,
    InvalidItem,
    apply_values,
    call_values,
    crawled_values,
    digest,
    vocabularies,
)
from opportunities.models import CrawlRun, Deadline, DuplicateSuggestion, FundingCall, Source, SourceRecord
from opportunities.moderation import archive

logger = logging.getLogger(__name__)

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"
TITLE_SIMILARITY = 0.85

__all__ = [
    "CHANGED",
    "NEW",
    "UNCHANGED",
    "InvalidItem",
    "ModerationNotConfigured",
    "RunContext",
    "finish_run",
    "ingest_item",
    "submit_for_moderation",
]


@dataclass
class RunContext:
    """What every item of one crawl run shares, read once: its source and the taxonomies' words."""

    source: Source
    known: dict[str, set[str]]

    @classmethod
    def of(cls, source_slug: str) -> RunContext:
        return cls(Source.objects.get(slug=source_slug), vocabularies())


def ingest_item(
    source_slug: str, item: dict[str, Any], now: dt.datetime | None = None, context: RunContext | None = None
) -> str:
    """Brings one crawled item into moderation; returns ``"new"``, ``"changed"`` or ``"unchanged"``.

    A crawl run passes its ``context``; an unchanged item then costs one query, which reads its
    record's hash and nothing else.
    """
    now = now or timezone.now()
    context = context or RunContext.of(source_slug)
    source = context.source
    external_id = str(item.get("external_id") or "").strip()
    if not external_id:
        raise InvalidItem("the item has no external id")
    values = crawled_values(item, context.known)
    values_digest = digest(values)
    record = (
        SourceRecord.objects.filter(source=source, external_id=external_id)
        .only("pk", "data_hash", "is_listed", "call_id")
        .first()
    )
    if record is None:
        return _create(source, external_id, values, values_digest, now)
    if record.data_hash == values_digest:
        if not record.is_listed:
            _relist(record)
        return UNCHANGED
    return _change(SourceRecord.objects.get(pk=record.pk), values, values_digest, now)


@transaction.atomic
def _create(source: Source, external_id: str, values: dict[str, Any], values_digest: str, now: dt.datetime) -> str:
    call = FundingCall(live=False, first_seen=now, is_listed=True, crawled_values=values)
    apply_values(call, values)
    call.save()
    SourceRecord.objects.create(
        source=source,
        external_id=external_id,
        call=call,
        url=values["url"],
        data=values,
        data_hash=values_digest,
        first_seen=now,
        last_changed=now,
    )
    call.save_revision(log_action=True)
    _moderate(call, call, now)
    suggest_duplicates(call, source)
    return NEW


@transaction.atomic
def _change(record: SourceRecord, values: dict[str, Any], values_digest: str, now: dt.datetime) -> str:
    previous = record.data
    record.data = values
    record.data_hash = values_digest
    record.url = values["url"]
    record.last_changed = now
    record.is_listed = True
    record.unlisted_at = None
    record.save()
    call = FundingCall.objects.select_for_update().get(pk=record.call_id)
    if not call.is_listed:
        FundingCall.objects.filter(pk=call.pk).update(is_listed=True)
    if call.merged_into_id or _primary_record_id(call) != record.pk:
        # A merged call, or a second source of a call: its record is kept, the call follows its first source.
        return CHANGED
    latest = call.get_latest_revision_as_object()
    baseline = latest.crawled_values or previous
    current = call_values(latest)
    updates = source_changes.updates(CRAWLED_FIELDS, values, previous, current, baseline)
    if not updates:
        logger.info("Call %s changed at its source only in fields a moderator edited.", call.pk)
        return CHANGED
    apply_values(latest, updates)
    latest.crawled_values = {**baseline, **updates}
    latest.save_revision(log_action=True)
    _moderate(call, latest, now)
    return CHANGED


def _primary_record_id(call: FundingCall) -> int | None:
    return call.records.order_by("first_seen", "pk").values_list("pk", flat=True).first()


def _relist(record: SourceRecord) -> None:
    SourceRecord.objects.filter(pk=record.pk).update(is_listed=True, unlisted_at=None)
    FundingCall.objects.filter(pk=record.call_id).update(is_listed=True)


def _moderate(call: FundingCall, revision: FundingCall, now: dt.datetime) -> None:
    """Submits the crawled ``revision`` just saved for moderation, or archives it when the call has closed."""
    if archive.is_closed(revision, now):
        archive.archive_crawled(call, now)
    else:
        submit_for_moderation(call)


# --- duplicates --------------------------------------------------------------------------------


def suggest_duplicates(call: FundingCall, source: Source) -> list[DuplicateSuggestion]:
    """Suggests merges with calls from other sources that share the identifier, or title, deadline and funder.

    Calls of the same source are never duplicates of each other: on the EU portal one identifier
    stands for several cascade-funding calls.
    """
    others = FundingCall.objects.filter(merged_into__isnull=True).exclude(pk=call.pk)
    found: dict[int, tuple[str, float]] = {}
    identifier = call.call_identifier.strip()
    if identifier:
        spellings = {identifier, identifier.upper(), identifier.lower()}
        for pk in others.filter(call_identifier__in=spellings).values_list("pk", flat=True):
            found[pk] = ("same call identifier", 1.0)
    days = {d.date for d in call.deadlines.all()}
    if days:
        same_day = Deadline.objects.filter(date__in=days).exclude(call=call).values("call_id")
        for other in others.filter(pk__in=same_day).exclude(pk__in=found).only("pk", "title", "funder"):
            score = similarity(call.title, other.title)
            same_funder = fold(call.funder) == fold(other.funder) or not (call.funder and other.funder)
            if score >= TITLE_SIMILARITY and same_funder:
                found[other.pk] = ("similar title, same deadline and funder", round(score, 3))
    if found:
        same_source = set(
            SourceRecord.objects.filter(call_id__in=found, source=source).values_list("call_id", flat=True)
        )
        found = {pk: value for pk, value in found.items() if pk not in same_source}
    suggestions = []
    for other_pk, (reason, score) in found.items():
        suggestion, _ = DuplicateSuggestion.objects.get_or_create(
            call=call, duplicate_of_id=other_pk, defaults={"reason": reason, "score": score}
        )
        suggestions.append(suggestion)
    return suggestions


# --- runs --------------------------------------------------------------------------------------


def finish_run(
    source_slug: str,
    seen_external_ids: Iterable[str],
    stats: dict[str, Any],
    errors: list[dict[str, Any]],
    started_at: dt.datetime | None = None,
) -> CrawlRun:
    """Records a run; after a complete listing, marks the calls its source no longer lists.

    ``stats`` carries ``ingest_counts`` (new/changed/unchanged) and ``listing_complete``, which the
    caller sets with ``crawler.report.saw_whole_listing``: only ``True`` counts, and a missing
    value is not complete. When a listing page failed, the run did not finish, or the listing came
    back empty, the run cannot tell what disappeared, so nothing is marked as gone (one failing
    page must not make live calls look withdrawn). A call's own page failing does not matter here:
    its id is still among those seen.
    """
    source = Source.objects.get(slug=source_slug)
    seen = set(seen_external_ids)
    now = timezone.now()
    counts = stats.get("ingest_counts") or {}
    complete = stats.get("listing_complete") is True
    unlisted = 0
    if complete and seen:
        vanished = SourceRecord.objects.filter(source=source, is_listed=True).exclude(external_id__in=seen)
        call_ids = list(vanished.values_list("call_id", flat=True))
        unlisted = vanished.update(is_listed=False, unlisted_at=now)
        if call_ids:
            still_listed = SourceRecord.objects.filter(call_id__in=call_ids, is_listed=True).values("call_id")
            FundingCall.objects.filter(pk__in=call_ids).exclude(pk__in=still_listed).update(is_listed=False)
    if not seen and (errors or not complete):
        status = CrawlRun.Status.FAILED
    elif errors or not complete:
        status = CrawlRun.Status.PARTIAL
    else:
        status = CrawlRun.Status.OK
    started = started_at or _parse_datetime(stats.get("start_time")) or now
    return CrawlRun.objects.create(
        source=source,
        started_at=started,
        finished_at=now,
        status=status,
        pages=int(stats.get("response_received_count") or stats.get("pages") or 0),
        items_seen=len(seen),
        items_new=int(counts.get(NEW, 0)),
        items_changed=int(counts.get(CHANGED, 0)),
        items_unchanged=int(counts.get(UNCHANGED, 0)),
        items_unlisted=unlisted,
        errors=list(errors)[:500],
    )


def _parse_datetime(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    return None
