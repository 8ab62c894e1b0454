"""A moderator's decision on a call, in the funding radar's own words: "The funding call “…” was
approved and published" or "… was rejected", on the foundation's decision views
(``kreativ.moderation.decisions``), which also keep the task's labels in the action menu.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kreativ.moderation import decisions
from opportunities.models import FundingCall

CALL_DECISIONS = {
    "approve": _("The funding call “%(title)s” was approved and published."),
    "reject": _("The funding call “%(title)s” was rejected: it stays off the public site."),
}


def decision_message(call: FundingCall, action: str) -> str | None:
    """The message for the workflow action ``action`` just taken on ``call`` (None for another action)."""
    return decisions.decision_message(call, action, CALL_DECISIONS)


class CallEditView(decisions.DecisionEditView):
    decision_messages = CALL_DECISIONS


class CallWorkflowActionView(decisions.DecisionWorkflowActionView):
    decision_messages = CALL_DECISIONS
