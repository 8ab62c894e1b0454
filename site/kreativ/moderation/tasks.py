"""The moderation task of a snippet that comes from outside: Wagtail's group approval, its actions
named for what they do.

Wagtail's group approval task offers "Approve" and "Request changes". For a crawled call nobody is
there to make changes, and a profile's owner is not a Wagtail user who could be asked: "request
changes" rejects the revision (the live version, if any, stays public), and approving the
workflow's last task publishes it. So the actions say "Reject" and "Approve and publish";
``decisions.name_the_decisions`` keeps Wagtail's edit view from adding its own "and Publish".
Each domain has a concrete task model of its own (its name and description in the admin's task
chooser): ``opportunities.CallApprovalTask``, ``catalogue.ProfileApprovalTask``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class DecisionTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve (and so publish) or reject."""

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

    class Meta:
        abstract = True
