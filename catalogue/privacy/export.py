"""Everything the catalogue holds about a profile and its members, as one JSON document (the
owners' right of access): the live version and every revision, the members and their addresses,
the consents with their versions, moderation (states and comments), the history, claims and the
count of relayed contacts (the log keeps no message)."""

from __future__ import annotations

from typing import Any

from wagtail.models import ModelLogEntry, WorkflowState

from catalogue.models import ClaimRequest, ContactLog, Profile


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def export_profile(profile: Profile) -> dict[str, Any]:
    workflow_states = WorkflowState.objects.filter(
        base_content_type=profile.get_base_content_type(), object_id=str(profile.pk)
    ).prefetch_related("task_states")
    return {
        "profile": {
            "name": profile.name,
            "slug": profile.slug,
            "kind": profile.kind,
            "published": profile.live,
            "created_at": _when(profile.created_at),
            "confirmed_at": _when(profile.confirmed_at),
            "imported_from": profile.imported_from,
            "live_version": profile.serializable_data() if profile.live else None,
        },
        "consents": {
            "publication": {"given_at": _when(profile.consent_given_at), "text_version": profile.consent_version},
            "open_data": {
                "given_at": _when(profile.open_data_consent_at),
                "text_version": profile.open_data_consent_version,
            },
        },
        "members": [
            {
                "email": member.email,
                "role": member.role,
                "language": member.language,
                "added_at": _when(member.added_at),
                "last_link_used_at": _when(member.last_link_used_at),
            }
            for member in profile.members.order_by("added_at")
        ],
        "revisions": [
            {"created_at": _when(revision.created_at), "content": revision.content}
            for revision in profile.revisions.order_by("created_at", "pk")
        ],
        "moderation": [
            {
                "status": state.status,
                "started_at": _when(state.created_at),
                "decisions": [
                    {"status": task.status, "finished_at": _when(task.finished_at), "comment": task.comment}
                    for task in state.task_states.all()
                ],
            }
            for state in workflow_states
        ],
        "history": [
            {"action": entry.action, "at": _when(entry.timestamp), "data": entry.data}
            for entry in ModelLogEntry.objects.for_instance(profile).order_by("timestamp")
        ],
        "claims": [
            {"email": claim.email, "status": claim.status, "asked_at": _when(claim.created_at)}
            for claim in ClaimRequest.objects.filter(profile=profile)
        ],
        "contacts_relayed": [
            _when(sent) for sent in ContactLog.objects.filter(profile=profile).values_list("sent_at", flat=True)
        ],
    }
