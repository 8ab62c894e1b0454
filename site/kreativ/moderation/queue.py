"""The moderators' queue of a moderated snippet, as querysets: the one definition that a dashboard
panel counts and an admin listing's "Waiting for a decision" filter shows, so the two agree.

A domain's queryset mixes ``ModerationQuerySet`` in and narrows it (a funding call that was merged
or archived is out of the queue: ``FundingCallQuerySet.waiting_for_decision``).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.models import TaskState, WorkflowState


def workflow_states(model: type[models.Model], status: str) -> models.QuerySet:
    """The workflow states of ``status`` of the object ``OuterRef("pk")`` of ``model``; one in
    progress must be on a task in progress, which is how Wagtail tells an object under review."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(model),
        object_id=Cast(OuterRef("pk"), output_field=models.CharField()),
        status=status,
    )
    if status == WorkflowState.STATUS_IN_PROGRESS:
        states = states.filter(current_task_state__status=TaskState.STATUS_IN_PROGRESS)
    return states


class ModerationQuerySet(models.QuerySet):
    def under_review(self):
        """Objects whose workflow is in progress on a moderation task (not rejected: Wagtail calls
        that "needs changes")."""
        return self.filter(Exists(workflow_states(self.model, WorkflowState.STATUS_IN_PROGRESS)))

    def sent_back(self):
        """Objects a moderator rejected and nobody resubmitted since."""
        return self.filter(Exists(workflow_states(self.model, WorkflowState.STATUS_NEEDS_CHANGES)))

    def with_waiting_since(self):
        """Annotates ``waiting_since``: when the object's workflow in progress started (None if none)."""
        started = workflow_states(self.model, WorkflowState.STATUS_IN_PROGRESS).values("created_at")[:1]
        return self.annotate(waiting_since=Subquery(started))
