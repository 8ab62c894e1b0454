"""A profile's owners hear of a moderator's decision: Wagtail tells the user who submitted, and
owners are not users. When the "Profile moderation" workflow of a profile is approved (its new
version published) or rejected, every member is e-mailed, the rejection with the moderator's
comment, once the decision is committed. ``apps.CatalogueConfig.ready`` connects them."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected


def _profile_of(state: WorkflowState):
    from catalogue.models import Profile

    if state.base_content_type.model_class() is not Profile:
        return None
    return Profile.objects.filter(pk=state.object_id).first()


def on_approved(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    from catalogue.owners.mails import send_decision

    profile = _profile_of(instance)
    if profile is not None:
        transaction.on_commit(lambda: send_decision(profile, approved=True))


def on_rejected(sender, instance: WorkflowState, user=None, **kwargs) -> None:
    from catalogue.owners.mails import send_decision

    profile = _profile_of(instance)
    if profile is not None:
        task_state = instance.current_task_state
        comment = (task_state.comment or "") if task_state is not None else ""
        transaction.on_commit(lambda: send_decision(profile, approved=False, comment=comment))


def connect() -> None:
    workflow_approved.connect(on_approved, sender=WorkflowState, dispatch_uid="catalogue_profile_approved")
    workflow_rejected.connect(on_rejected, sender=WorkflowState, dispatch_uid="catalogue_profile_rejected")
