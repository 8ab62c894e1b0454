"""A moderator's decision on a call, named for what it does and saying what it did: the action
menu offers "Reject" and "Approve and publish" (the task's own labels, ``CallApprovalTask``), and
the message says "… was approved and published" or "… was rejected" instead of Wagtail's
"… updated" for either.

A decision is taken in the call's edit view (its action menu, which saves the form with the
action) or in the workflow action view (the dashboard's "awaiting your review" panel); both are
Wagtail's snippet views, subclassed here only for their message.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.models import TaskState
from wagtail.snippets.action_menu import WorkflowMenuItem
from wagtail.snippets.views.snippets import EditView, WorkflowActionView

from opportunities.models import FundingCall


def decision_message(call: FundingCall, action: str) -> str | None:
    """The message for the workflow action ``action`` just taken on ``call`` (None for another action)."""
    title = get_latest_str(call)
    if action == "approve":
        return _("The funding call “%(title)s” was approved and published.") % {"title": title}
    if action == "reject":
        return _("The funding call “%(title)s” was rejected: it stays off the public site.") % {"title": title}
    return None


def name_the_decisions(menu_items: list, request, context: dict) -> None:
    """``construct_snippet_action_menu`` hook: a call's workflow actions keep their task's labels.

    Wagtail's edit view appends "and Publish" to an approval at the last task; the task's label
    says so already, in words that translate as a whole.
    """
    call = context.get("instance")
    task = getattr(call, "current_workflow_task", None) if isinstance(call, FundingCall) else None
    if task is None:
        return
    labels = {(name, modal): label for name, label, modal in task.get_actions(call, request.user)}
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem):
            item.label = labels.get((item.name, item.launch_modal), item.label)


class CallEditView(EditView):
    def get_success_message(self, instance=None) -> str:
        if self.action == "workflow-action":
            message = decision_message(instance or self.object, self.workflow_action)
            if message:
                return message
        return super().get_success_message(instance)


class CallWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:  # taken, not a form sent back with errors
            message = decision_message(self.object, self.action_name)
            if message:
                messages.success(request, message)
        return response
