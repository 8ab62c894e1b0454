"""A moderator's decision on a listing, in the exchange's own words, on the foundation's decision
views (``kreativ.moderation.decisions``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kreativ.moderation import decisions

LISTING_DECISIONS = {
    "approve": _("The listing “%(title)s” was approved and published."),
    "reject": _("The listing “%(title)s” was rejected; a version published before stays public."),
}


class ListingEditView(decisions.DecisionEditView):
    decision_messages = LISTING_DECISIONS


class ListingWorkflowActionView(decisions.DecisionWorkflowActionView):
    decision_messages = LISTING_DECISIONS
