"""Merging a duplicate into the record a moderator keeps (a funding call, a profile).

What moves is the model's own business (a call's source records; a profile's members and
portfolio), given as ``move``; the rest is the same for every model under moderation and is done
here once: the duplicate's workflow is cancelled, it leaves public view and points at the record
kept (``merged_into``, which its public URL follows to redirect), records merged into it before
now point at the kept one too, the suggestions are closed, and the kept record's history says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import models, transaction
from wagtail.log_actions import log

from kreativ.models.duplicates import DuplicateSuggestionBase


@transaction.atomic
def merge_into(
    duplicate: models.Model,
    into: models.Model,
    *,
    suggestions: type[DuplicateSuggestionBase],
    move: Callable[[], None] | None = None,
    action: str,
    data: dict[str, Any] | None = None,
    user=None,
) -> None:
    """Merges ``duplicate`` into ``into``; ``move`` first moves what the model keeps on the record kept."""
    if duplicate.pk == into.pk or into.merged_into_id:
        raise ValueError("A record cannot be merged into itself or into a merged record.")
    model = type(duplicate)
    if move is not None:
        move()
    model.objects.filter(merged_into=duplicate).update(merged_into=into)
    state = duplicate.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    if duplicate.live:
        duplicate.unpublish(user=user)
    model.objects.filter(pk=duplicate.pk).update(merged_into=into)
    suggestions.close_after_merge(duplicate, into)
    log(instance=into, action=action, user=user, data={"merged": duplicate.pk, **(data or {})})


def final_target(record: models.Model) -> models.Model:
    """Where a merged record's address leads: the record it was merged into, followed to the end."""
    seen = {record.pk}
    while record.merged_into_id and record.merged_into_id not in seen:
        seen.add(record.merged_into_id)
        record = record.merged_into
    return record
