"""Creating, updating or leaving each profile a mapping study's row describes; the one writer of imports.

Keyed on the registry number (country and number); a row without one (a freelancer's) on the same
study, the same name and the same municipality. As the funding radar's ingest does with crawls:

- a new actor becomes an unpublished profile (``imported_from`` names the study). An organisation
  is submitted to the profiles' moderation workflow when there is one with an active task, so a
  moderator approves it; otherwise (and always for a person, who must claim their profile and give
  their consent) it stays a draft until its owner claims it;
- a changed row makes a new revision of the fields the study changed, keeping every field a
  moderator or an owner edited since the last import (``kreativ.source_changes``); the live version
  stays public until the new one is approved (submitted like a new organisation's);
- an unchanged row, or one whose every change falls on an edited field, writes nothing;
- a refused row writes nothing and says why.

A row's ``email`` makes its address a member (owner) of the profile, outside the revisions, so
the owner can claim it by a link sent there; an address already a member is left as it is.
A dry run reads and checks every row and reports what would happen, writing nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from catalogue.imports.values import IMPORTED_FIELDS, RowRefused, Vocabulary, apply_values, profile_values, row_values
from catalogue.models import ActorKind, Profile, ProfileMember
from kreativ import source_changes
from kreativ.moderation.submit import moderation_ready, submit_for_moderation
from kreativ.similarity import fold

CREATED, UPDATED, UNCHANGED, REFUSED = "created", "updated", "unchanged", "refused"


@dataclass
class RowResult:
    row: int
    status: str
    name: str = ""
    detail: str = ""
    profile_id: int | None = None
    kept: list[str] = field(default_factory=list)  # fields left as a moderator or an owner edited them


def import_rows(rows: list[tuple[int, dict[str, str]]], source: str, dry_run: bool = False) -> list[RowResult]:
    """Imports the rows of one study (``source``); each row's result, in the order of the sheet."""
    vocabulary = Vocabulary()
    results = []
    seen: dict[tuple[str, ...], int] = {}
    for number, row in rows:
        try:
            values = row_values(row, vocabulary)
            email = _email(row.get("email") or "")
        except RowRefused as error:
            results.append(RowResult(number, REFUSED, (row.get("name") or "").strip(), str(error)))
            continue
        key = _key(values, source)
        if key in seen:
            detail = _("The same actor as row %(row)s.") % {"row": seen[key]}
            results.append(RowResult(number, REFUSED, values["name"], detail))
            continue
        seen[key] = number
        try:
            with transaction.atomic():
                results.append(_import_row(number, values, email, source, dry_run))
        except ValidationError as error:
            results.append(RowResult(number, REFUSED, values["name"], " ".join(error.messages)))
    return results


def _email(text: str) -> str:
    text = text.strip()
    if text:
        try:
            validate_email(text)
        except ValidationError as error:
            raise RowRefused(_("“%(value)s” is not an e-mail address.") % {"value": text}) from error
    return text


def _key(values: dict[str, Any], source: str) -> tuple[str, ...]:
    if values["registry_number"]:
        return ("number", values["country"], values["registry_number"])
    return ("name", source, fold(values["name"]), fold(values["municipality"]))


def _existing(values: dict[str, Any], source: str) -> Profile | None:
    profiles = Profile.objects.all()
    if values["registry_number"]:
        found = profiles.filter(country=values["country"], registry_number=values["registry_number"])
    else:
        found = profiles.filter(imported_from=source, registry_number="", municipality_key=fold(values["municipality"]))
        found = [profile for profile in found if fold(profile.name) == fold(values["name"])]
    found = sorted(found, key=lambda profile: (profile.merged_into_id is not None, profile.pk))
    if not found:
        return None
    profile = found[0]
    while profile.merged_into_id:  # a merged profile's study row updates the profile it was merged into
        profile = profile.merged_into
    return profile


def _import_row(number: int, values: dict[str, Any], email: str, source: str, dry_run: bool) -> RowResult:
    profile = _existing(values, source)
    if profile is None:
        return _create(number, values, email, source, dry_run)
    latest = profile.get_latest_revision_as_object() if profile.latest_revision_id else profile
    previous = latest.imported_values or {}
    current = profile_values(latest)
    if not previous:
        # Not imported before (its owners made it): nothing of the study is written over it.
        result = RowResult(number, UNCHANGED, values["name"], _("kept by its owners; nothing imported"), profile.pk)
        _add_member(profile, email, dry_run)
        return result
    updates = source_changes.updates(IMPORTED_FIELDS, values, previous, current)
    kept = [
        name
        for name in source_changes.edited(IMPORTED_FIELDS, previous, current)
        if values.get(name) != previous.get(name)
    ]
    member_added = _add_member(profile, email, dry_run)
    if not updates:
        detail = _("changed only in fields edited since the last import") if kept else ""
        if member_added:
            detail = " ".join(filter(None, [detail, _("owner's address added")]))
        return RowResult(number, UNCHANGED, values["name"], detail, profile.pk, kept)
    if not dry_run:
        apply_values(latest, updates)
        latest.imported_values = {**previous, **updates}
        latest.full_clean()
        latest.save_revision(log_action=True)
        _moderate(profile)
    detail = _("new revision of: %(fields)s") % {"fields": ", ".join(sorted(updates))}
    return RowResult(number, UPDATED, values["name"], detail, profile.pk, kept)


def _create(number: int, values: dict[str, Any], email: str, source: str, dry_run: bool) -> RowResult:
    profile = Profile(live=False, imported_from=source, imported_values=values)
    apply_values(profile, values)
    profile.full_clean(exclude=["sectors", "regions", "services", "hubs"])
    if dry_run:
        return RowResult(number, CREATED, values["name"], _waiting(profile))
    profile.save()
    profile.save_revision(log_action=True)
    if profile.kind != ActorKind.FREELANCER:
        _moderate(profile)
    _add_member(profile, email, dry_run)
    return RowResult(number, CREATED, values["name"], _waiting(profile), profile.pk)


def _moderate(profile: Profile) -> None:
    """An organisation's imported revision goes to the moderators when profiles have a workflow;
    otherwise it stays a draft revision, as a person's always does."""
    if profile.kind != ActorKind.FREELANCER and moderation_ready(profile):
        submit_for_moderation(profile)


def _waiting(profile: Profile) -> str:
    if profile.kind == ActorKind.FREELANCER:
        return _("unpublished until the person claims it and consents")
    if moderation_ready(profile):
        return _("waiting for a moderator")
    return _("unpublished draft until its owner claims it or a moderator publishes it")


def _add_member(profile: Profile, email: str, dry_run: bool) -> bool:
    if not email or profile.members.filter(email__iexact=email).exists():
        return False
    if not dry_run:
        ProfileMember.objects.create(profile=profile, email=email, role=ProfileMember.Role.OWNER)
    return True
