"""Submitting an object for moderation from code (ingest of a crawled call, an owner's edit of a
profile): the workflow restarts on the object's latest revision.

A workflow with no active task approves and publishes at once when started (DESIGN.md, "Known
traps"), so ``submit_for_moderation`` refuses to start one.
"""

from __future__ import annotations

from typing import Any


class ModerationNotConfigured(RuntimeError):
    """Starting the moderation workflow would publish unreviewed data, so it is refused."""


def submit_for_moderation(obj: Any, user: Any = None) -> None:
    """(Re)starts the moderation workflow of ``obj`` (a WorkflowMixin snippet) on its latest revision.

    A workflow in progress, or one a moderator rejected, is cancelled first, so that the task under
    review is the newest revision and the compare view shows what changed. Save the revision first.
    """
    workflow = obj.get_workflow()
    if workflow is None or not workflow.active:
        raise ModerationNotConfigured(f"{obj._meta.verbose_name_plural} have no active moderation workflow.")
    if not workflow.tasks.filter(active=True).exists():
        raise ModerationNotConfigured(
            f"The workflow {workflow.name!r} has no active task; starting it would publish unreviewed data."
        )
    state = obj.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    workflow.start(obj, user=user)
