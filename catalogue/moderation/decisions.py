"""A moderator's decision on a profile, in the catalogue's own words, on the foundation's
decision views (``kreativ.moderation.decisions``): the owners are told either way
(``notifications``), and the message says so."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kreativ.moderation import decisions

PROFILE_DECISIONS = {
    "approve": _("The profile “%(title)s” was approved and published; its owners are told by e-mail."),
    "reject": _(
        "The profile “%(title)s” was rejected: its owners are told, with your comment; a version published "
        "before stays public."
    ),
}


class ProfileEditView(decisions.DecisionEditView):
    decision_messages = PROFILE_DECISIONS


class ProfileWorkflowActionView(decisions.DecisionWorkflowActionView):
    decision_messages = PROFILE_DECISIONS
