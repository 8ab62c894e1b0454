"""Sending an object under moderation (a funding call, a profile) to its Wagtail workflow, safely.

Wagtail publishes an object at once when a workflow without an active task is started: the object
would go public unreviewed. Everything that submits data from outside (a crawl, an import) goes
through ``submit_for_moderation``, which refuses to start such a workflow.
"""

from __future__ import annotations

from django.db import models
from django.utils import translation


class ModerationNotConfigured(RuntimeError):
    """Starting the moderation workflow would publish unreviewed data, so it is refused."""


def moderation_ready(obj: models.Model) -> bool:
    """Whether ``obj`` has an active workflow with an active task to go through."""
    workflow = obj.get_workflow()
    return bool(workflow is not None and workflow.active and workflow.tasks.filter(active=True).exists())


def submit_for_moderation(obj: models.Model) -> None:
    """(Re)starts the moderation workflow on the object's latest revision.

    A workflow in progress, or one a moderator rejected, is cancelled first, so that the task under
    review is the newest revision and the compare view shows what changed.
    """
    workflow = obj.get_workflow()
    with translation.override("en"):  # a message for the logs and the operator, like every command's
        things, thing = str(obj._meta.verbose_name_plural).capitalize(), str(obj._meta.verbose_name)
    if workflow is None or not workflow.active:
        raise ModerationNotConfigured(f"{things} have no active moderation workflow.")
    if not workflow.tasks.filter(active=True).exists():
        raise ModerationNotConfigured(
            f"The workflow {workflow.name!r} has no active task; starting it would publish the {thing} unreviewed."
        )
    state = obj.current_workflow_state
    if state is not None:
        state.cancel(user=None)
    workflow.start(obj, user=None)
