"""The task of the "Listing moderation" workflow: the foundation's ``DecisionTask``, its actions
named "Reject" and "Approve and publish" (``kreativ.moderation.tasks``). The migration
``0001_initial`` creates the workflow with this task for the Moderators group."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kreativ.moderation.tasks import DecisionTask


class ListingApprovalTask(DecisionTask):
    """Members of the chosen groups approve (and so publish) or reject a listing's revision."""

    @classmethod
    def get_description(cls) -> str:
        return _("Members of the chosen groups approve and publish a listing of the exchange, or reject it")

    class Meta:
        verbose_name = _("listing approval")
        verbose_name_plural = _("listing approvals")
