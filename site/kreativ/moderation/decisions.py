"""A moderator's decision, named for what it does and saying what it did: the action menu offers
"Reject" and "Approve and publish" (``tasks.DecisionTask``'s labels), and the message says
"… was approved and published" or "… was rejected" instead of Wagtail's "… updated" for either.

A decision is taken in an object's edit view (its action menu, which saves the form with the
action) or in the workflow action view (the dashboard's "awaiting your review" panel); both are
Wagtail's snippet views, subclassed here only for their message. A domain subclasses them with its
own whole sentences (``decision_messages``: one per action, with ``%(title)s``), since Czech and
Slovenian inflect what a generic sentence would glue together.
"""

from __future__ import annotations

from typing import Any

from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.models import TaskState
from wagtail.snippets.action_menu import WorkflowMenuItem
from wagtail.snippets.views.snippets import EditView, WorkflowActionView

from kreativ.moderation.tasks import DecisionTask


def decision_message(obj: Any, action: str, decision_messages: dict[str, str]) -> str | None:
    """The message for the workflow action ``action`` just taken on ``obj`` (None for another action)."""
    template = decision_messages.get(action)
    return str(template) % {"title": get_latest_str(obj)} if template else None


def name_the_decisions(menu_items: list, request, context: dict) -> None:
    """``construct_snippet_action_menu`` hook: an object under a ``DecisionTask`` keeps its task's labels.

    Wagtail's edit view appends "and Publish" to an approval at the last task; the task's label
    says so already, in words that translate as a whole.
    """
    obj = context.get("instance")
    task = getattr(obj, "current_workflow_task", None) if obj is not None else None
    if not isinstance(task, DecisionTask):
        return
    labels = {(name, modal): label for name, label, modal in task.get_actions(obj, request.user)}
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem):
            item.label = labels.get((item.name, item.launch_modal), item.label)


class DecisionEditView(EditView):
    decision_messages: dict[str, str] = {}

    def get_success_message(self, instance=None) -> str:
        if self.action == "workflow-action":
            message = decision_message(instance or self.object, self.workflow_action, self.decision_messages)
            if message:
                return message
        return super().get_success_message(instance)


class DecisionWorkflowActionView(WorkflowActionView):
    decision_messages: dict[str, str] = {}

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:  # taken, not a form sent back with errors
            message = decision_message(self.object, self.action_name, self.decision_messages)
            if message:
                messages.success(request, message)
        return response
