"""Merging a duplicate call into the one a moderator keeps.

Two sources can report the same call (the EU portal and a national agency's page). Ingest only
suggests duplicates (``DuplicateSuggestion``); a moderator compares them and merges: every source
record moves to the kept call, so later crawls of either source update it, and the duplicate leaves
public view (its URL redirects to the kept call).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from wagtail.log_actions import log

from opportunities.models import DuplicateSuggestion, FundingCall, SourceRecord


@transaction.atomic
def merge_calls(duplicate: FundingCall, into: FundingCall, user=None) -> None:
    """Merges ``duplicate`` into ``into``: every source link moves over; the duplicate leaves public view."""
    if duplicate.pk == into.pk or into.merged_into_id:
        raise ValueError("A call cannot be merged into itself or into a merged call.")
    SourceRecord.objects.filter(call=duplicate).update(call=into)
    FundingCall.objects.filter(merged_into=duplicate).update(merged_into=into)
    state = duplicate.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    if duplicate.live:
        duplicate.unpublish(user=user)
    FundingCall.objects.filter(pk=duplicate.pk).update(merged_into=into)
    listed = SourceRecord.objects.filter(call=into, is_listed=True).exists()
    FundingCall.objects.filter(pk=into.pk).update(is_listed=listed)
    DuplicateSuggestion.objects.filter(
        Q(call=duplicate, duplicate_of=into) | Q(call=into, duplicate_of=duplicate)
    ).update(status=DuplicateSuggestion.Status.MERGED)
    DuplicateSuggestion.objects.filter(Q(call=duplicate) | Q(duplicate_of=duplicate), status="open").update(
        status=DuplicateSuggestion.Status.DISMISSED
    )
    log(instance=into, action="opportunities.merge", user=user, data={"merged": duplicate.pk, "title": duplicate.title})
