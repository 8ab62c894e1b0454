"""The task of the "Funding call moderation" workflow: Wagtail's group approval, its actions named
for what they do.

Wagtail's group approval task offers "Approve" and "Request changes". For a crawled call there is
nobody to make changes: "request changes" rejects it (it stays out of public view until its source
changes it), and approving the workflow's last (and only) task publishes it. So the actions say
"Reject" and "Approve and publish"; ``decisions.name_the_decisions`` keeps Wagtail's edit view
from adding its own "and Publish" to them. A migration (0008) turns the workflow's task into this type and keeps every
task state it had.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class CallApprovalTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve (and so publish) or reject a funding call."""

    def get_actions(self, obj, user) -> list[tuple[str, str, bool]]:
        if not super().get_actions(obj, user):
            return []
        state = getattr(obj, "current_workflow_state", None)
        if state is not None and not state.is_at_final_task:  # a later task decides on publishing
            approve = [("approve", _("Approve"), False), ("approve", _("Approve with a comment"), True)]
        else:
            approve = [
                ("approve", _("Approve and publish"), False),
                ("approve", _("Approve and publish with a comment"), True),
            ]
        return [("reject", _("Reject"), True), *approve]

    @classmethod
    def get_description(cls) -> str:
        return _("Members of the chosen groups approve and publish a funding call, or reject it")

    class Meta:
        verbose_name = _("funding call approval")
        verbose_name_plural = _("funding call approvals")
