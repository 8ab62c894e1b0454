"""The task of the "Profile moderation" workflow: the foundation's ``DecisionTask``, its actions
named "Reject" and "Approve and publish" (``kreativ.moderation.tasks``).

A profile's owner is not a Wagtail user a moderator could ask for changes: rejecting a revision
leaves the live version (if any) public and tells the owners, with the moderator's comment, on
their page and by e-mail (``catalogue.moderation.notifications``). The migration
``0005_owners_and_moderation`` creates the workflow with this task for the Moderators group.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kreativ.moderation.tasks import DecisionTask


class ProfileApprovalTask(DecisionTask):
    """Members of the chosen groups approve (and so publish) or reject a profile's revision."""

    @classmethod
    def get_description(cls) -> str:
        return _("Members of the chosen groups approve and publish a catalogue profile, or reject it")

    class Meta:
        verbose_name = _("profile approval")
        verbose_name_plural = _("profile approvals")
