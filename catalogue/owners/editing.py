"""An owner's edit of a profile: a new revision submitted to the "Profile moderation" workflow,
and what the owner is told about where their profile stands.

The owner edits the latest revision (their pending changes, if any), never the live row: saving
makes a revision and restarts the workflow on it (``kreativ.moderation.submit``), and the live
version stays public, unchanged, until a moderator approves the new one. A profile that a
moderator has locked in the admin is not changed meanwhile: the owner is told to try later, and
what they typed stays in the form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Revision, WorkflowState

from catalogue.models import Profile
from kreativ.moderation.submit import submit_for_moderation


class Locked(Exception):
    """A moderator holds the profile's lock: no owner's edit until it is released."""


def draft_of(profile: Profile) -> Profile:
    """The profile as its latest revision has it (what the owner sees and edits)."""
    return profile.get_latest_revision_as_object()


def is_locked(profile: Profile) -> bool:
    return bool(profile.locked)


def submit(draft: Profile) -> Revision:
    """Saves ``draft`` (the latest revision with the owner's changes) as a new revision and submits
    it for moderation; an edit also confirms the profile for another year."""
    if is_locked(Profile.objects.get(pk=draft.pk)):
        raise Locked
    revision = draft.save_revision(log_action=True)
    submit_for_moderation(draft)
    Profile.objects.filter(pk=draft.pk).update(confirmed_at=timezone.now())
    return revision


def save_draft(draft: Profile) -> Revision:
    """Saves ``draft`` as a revision without submitting it (a profile just created by its link)."""
    return draft.save_revision(log_action=True)


@dataclass
class OwnerState:
    """Where a profile stands, as its owner's page says it."""

    live: bool = False
    waiting: bool = False
    rejected: bool = False
    comment: str = ""
    draft: bool = False  # changes saved, never submitted
    hidden_because: list[str] = field(default_factory=list)

    @property
    def public(self) -> bool:
        return self.live and not self.hidden_because


def state_of(profile: Profile) -> OwnerState:
    state = OwnerState(live=profile.live)
    workflow_state = profile.current_workflow_state
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        state.waiting = True
    elif workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.rejected = True
        task_state = workflow_state.current_task_state
        state.comment = (task_state.comment or "") if task_state is not None else ""
    elif profile.has_unpublished_changes:
        state.draft = True
    if profile.live and not Profile.objects.public().filter(pk=profile.pk).exists():
        if profile.merged_into_id:
            state.hidden_because.append(_("It was merged into another profile."))
        elif profile.is_person and profile.consent_given_at is None:
            state.hidden_because.append(_("It is shown only with your consent to its publication (below)."))
        else:
            state.hidden_because.append(_("It was not confirmed for 13 months: confirm it below to show it again."))
    return state
