"""Closed calls out of the moderators' queue: a crawled call whose last deadline passed before
anyone decided on it is archived, not left waiting.

Sources list calls long after they closed (most of the EU portal's listing is closed calls), and a
call can close while it waits. Deciding on a call nobody can apply to any more is no one's work, so:

- ingest archives a crawled revision that is already closed instead of submitting it
  (``archive_crawled``): a new call, or a changed one, that arrives closed;
- a django-q2 schedule (``calls:archive-closed``, hourly; ``archive_closed_calls``) archives the
  crawled calls that closed while they waited.

Archiving cancels the call's workflow (if one is in progress), sets ``archived_at`` and logs it in
the call's history; it never deletes, publishes or unpublishes anything. A rejected call stays
rejected. The listing hides archived calls unless its Moderation filter asks for them; a moderator
can still open, edit and publish one, or submit it again. Submitting a call (a person or ingest,
when the source reopens it) or publishing it takes it out of the archive (``restore``).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import WorkflowState

from opportunities.models import CallStatus, FundingCall

logger = logging.getLogger(__name__)

SCHEDULE = "calls:archive-closed"
TASK = "opportunities.moderation.archive.archive_closed_calls"
LOG_ACTION = "opportunities.archive"


def is_closed(call: FundingCall, now: dt.datetime) -> bool:
    """Whether ``call`` (a call, or a revision of one as an object) has closed at ``now``."""
    return call.status(now) == CallStatus.CLOSED


def archive(call: FundingCall, now: dt.datetime | None = None) -> bool:
    """Takes the call out of the queue: its workflow in progress is cancelled and it is marked
    archived. Returns whether it was not archived already."""
    now = now or timezone.now()
    state = call.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        state.cancel(user=None)
    if not FundingCall.objects.filter(pk=call.pk, archived_at__isnull=True).update(archived_at=now):
        return False
    call.archived_at = now
    log(instance=call, action=LOG_ACTION, user=None, data={"title": call.title})
    return True


def archive_crawled(call: FundingCall, now: dt.datetime) -> None:
    """Ingest's way with a closed crawled revision: archived instead of submitted; a call a
    moderator rejected stays rejected."""
    state = call.current_workflow_state
    if state is None or state.status == WorkflowState.STATUS_IN_PROGRESS:
        archive(call, now)


def archive_closed_calls(now: dt.datetime | None = None) -> str:
    """The schedule's task: archives every call waiting since a crawl whose revision under review
    has closed. A call a person submitted is left in the queue: someone wants it decided."""
    now = now or timezone.now()
    archived = 0
    for call in FundingCall.objects.waiting_for_decision():
        state = call.current_workflow_state
        if state is None or state.requested_by_id is not None:
            continue
        under_review = state.current_task_state.revision.as_object()
        if is_closed(under_review, now):
            with transaction.atomic():
                archived += archive(call, now)
    logger.info("Archived %s call(s) that closed while waiting for a decision.", archived)
    return f"{archived} closed call(s) archived"


def restore(call_id: Any) -> None:
    """Takes the call out of the archive (it was submitted or published)."""
    FundingCall.objects.filter(pk=call_id, archived_at__isnull=False).update(archived_at=None)


def restore_when_submitted(sender, instance: WorkflowState, **kwargs) -> None:
    """``workflow_submitted`` receiver: a call submitted again is back in the queue."""
    if instance.base_content_type_id == ContentType.objects.get_for_model(FundingCall).pk:
        restore(instance.object_id)


def restore_when_published(sender, instance: FundingCall, **kwargs) -> None:
    """``published`` receiver: publishing an archived call is a decision; it leaves the archive."""
    restore(instance.pk)
