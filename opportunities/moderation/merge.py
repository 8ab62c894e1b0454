"""Merging a duplicate call into the one a moderator keeps.

Two sources can report the same call (the EU portal and a national agency's page). Ingest only
suggests duplicates (``DuplicateSuggestion``); a moderator compares them and merges: every source
record moves to the kept call, so later crawls of either source update it, and the duplicate leaves
public view (its URL redirects to the kept call). What every merge does is ``kreativ.merging``'s.
"""

from __future__ import annotations

from django.db import transaction

from kreativ.merging import merge_into
from opportunities.models import DuplicateSuggestion, FundingCall, SourceRecord


@transaction.atomic
def merge_calls(duplicate: FundingCall, into: FundingCall, user=None) -> None:
    """Merges ``duplicate`` into ``into``: every source link moves over; the duplicate leaves public view."""

    def move_records() -> None:
        SourceRecord.objects.filter(call=duplicate).update(call=into)

    merge_into(
        duplicate,
        into,
        suggestions=DuplicateSuggestion,
        move=move_records,
        action="opportunities.merge",
        data={"title": duplicate.title},
        user=user,
    )
    listed = SourceRecord.objects.filter(call=into, is_listed=True).exists()
    FundingCall.objects.filter(pk=into.pk).update(is_listed=listed)
