"""The task of the "Funding call moderation" workflow: the foundation's ``DecisionTask``
(``kreativ.moderation.tasks``), its actions named "Reject" and "Approve and publish".

For a crawled call there is nobody to make changes: "request changes" rejects it (it stays out of
public view until its source changes it), and approving the workflow's last (and only) task
publishes it. A migration (0008) turned the workflow's task into this type and kept every task
state it had.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kreativ.moderation.tasks import DecisionTask


class CallApprovalTask(DecisionTask):
    """Members of the chosen groups approve (and so publish) or reject a funding call."""

    @classmethod
    def get_description(cls) -> str:
        return _("Members of the chosen groups approve and publish a funding call, or reject it")

    class Meta:
        verbose_name = _("funding call approval")
        verbose_name_plural = _("funding call approvals")
