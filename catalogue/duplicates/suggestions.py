"""Which profiles may be the same actor: the same registry number, or a similar name in one municipality.

A mapping study's import, an owner creating a profile their office already imported, a studio
listed once as a person and once as a firm: the catalogue gets duplicates. Each time a profile or
one of its revisions is saved, it is compared with the other profiles (not merged ones) and a
``ProfileDuplicateSuggestion`` is made for each that has the same registry number in the same
country, or, in the same municipality, a name at least ``NAME_SIMILARITY`` alike once case,
accents, punctuation and legal forms (``data/legal_forms.yaml``: "s.r.o.", "d.o.o.") are left out.
A pair is suggested once, in either direction; a pair a moderator dismissed is not suggested again.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from catalogue.models import Profile, ProfileDuplicateSuggestion
from kreativ.demo_data import read
from kreativ.similarity import fold, similarity

NAME_SIMILARITY = 0.85
LEGAL_FORMS = Path(__file__).resolve().parent.parent / "data" / "legal_forms.yaml"
# Kept in English in the database, shown in the reader's language (``reason_label``).
REASONS = {
    "same registry number": _("same registry number"),
    "similar name in the same municipality": _("similar name in the same municipality"),
}


@cache
def _legal_forms() -> tuple[str, ...]:
    return tuple(sorted({_squeezed(form) for form in read(LEGAL_FORMS) or []}, key=len, reverse=True))


def _squeezed(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


def comparable_name(name: str) -> str:
    """The name as duplicates are compared: folded, its legal form and punctuation left out."""
    words = re.sub(r"[^\w\s]+", " ", fold(name)).split()
    # A legal form is written with or without dots and spaces ("s. r. o.", "sro"): drop trailing words
    # that together spell one.
    forms = _legal_forms()
    for size in range(min(4, len(words) - 1), 0, -1):
        if "".join(words[-size:]) in forms:
            words = words[:-size]
            break
    return " ".join(words)


def reason_label(reason: str) -> str:
    return str(REASONS.get(reason, reason))


def suggest_duplicates(profile: Profile) -> list[ProfileDuplicateSuggestion]:
    """Suggests merges of ``profile`` (a saved profile, or a revision of one) with the profiles it may duplicate."""
    if profile.pk is None or profile.merged_into_id:
        return []
    others = Profile.objects.filter(merged_into__isnull=True).exclude(pk=profile.pk)
    found: dict[int, tuple[str, float]] = {}
    if profile.registry_number:
        same_number = others.filter(country=profile.country, registry_number=profile.registry_number)
        for pk in same_number.values_list("pk", flat=True):
            found[pk] = ("same registry number", 1.0)
    place = fold(profile.municipality)
    if place:
        name = comparable_name(profile.name)
        for pk, other_name in others.filter(municipality_key=place).exclude(pk__in=found).values_list("pk", "name"):
            score = similarity(name, comparable_name(other_name))
            if score >= NAME_SIMILARITY:
                found[pk] = ("similar name in the same municipality", round(score, 3))
    if not found:
        return []
    known = set()
    for first, second in ProfileDuplicateSuggestion.objects.filter(
        ProfileDuplicateSuggestion.involving(profile)
    ).values_list("profile_id", "duplicate_of_id"):
        known.add(second if first == profile.pk else first)
    return [
        ProfileDuplicateSuggestion.objects.create(profile_id=profile.pk, duplicate_of_id=pk, reason=reason, score=score)
        for pk, (reason, score) in found.items()
        if pk not in known
    ]


def on_profile_saved(sender, instance: Profile, raw: bool = False, **kwargs) -> None:
    if not raw:
        suggest_duplicates(instance)


def on_revision_saved(sender, instance, created: bool = False, raw: bool = False, **kwargs) -> None:
    """A revision of a profile (an owner's edit, an import's change) is compared as the profile will be."""
    if raw or not created or instance.base_content_type_id != ContentType.objects.get_for_model(Profile).pk:
        return
    suggest_duplicates(instance.as_object())
