"""Submitting an object for moderation from code (ingest of a crawled call, an import of profiles,
an owner's edit of a profile): the workflow restarts on the object's latest revision.

A workflow with no active task approves and publishes at once when started (DESIGN.md, "Known
traps"), so ``submit_for_moderation`` refuses to start one, and ``moderation_ready`` tells
beforehand whether it would.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation


class ModerationNotConfigured(RuntimeError):
    """Starting the moderation workflow would publish unreviewed data, so it is refused."""


def moderation_ready(obj: Any) -> bool:
    """Whether ``obj`` has an active workflow with an active task to go through."""
    workflow = obj.get_workflow()
    return bool(workflow is not None and workflow.active and workflow.tasks.filter(active=True).exists())


def submit_for_moderation(obj: Any, user: Any = None) -> None:
    """(Re)starts the moderation workflow of ``obj`` (a WorkflowMixin snippet) on its latest revision.

    A workflow in progress, or one a moderator rejected, is cancelled first, so that the task under
    review is the newest revision and the compare view shows what changed. Save the revision first.
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
        state.cancel(user=user)
    workflow.start(obj, user=user)
