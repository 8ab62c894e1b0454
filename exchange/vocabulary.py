"""The exchange's vocabularies, kept as data (``exchange/data/``): the categories of listings (a
model, filled by the migration and then a moderator's) and the budget bands (the choices of a
listing's field, read from the file itself). Each entry names its slug, then Czech, Slovenian and
English."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from django.utils import translation

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("cs", "sl", "en")


def _entries(name: str) -> list[tuple[str, str, str, str]]:
    entries = yaml.safe_load((DATA / name).read_text(encoding="utf-8")) or []
    result = []
    for number, entry in enumerate(entries):
        if not (isinstance(entry, list) and len(entry) == 4 and all(isinstance(part, str) for part in entry)):
            raise ValueError(f"{name}, entry {number + 1}: expected [slug, Czech, Slovenian, English], got {entry!r}")
        result.append(tuple(entry))
    return result


def categories() -> list[tuple[str, str, str, str]]:
    """The categories' slugs and names (cs, sl, en), in the order of ``categories.yaml``."""
    return _entries("categories.yaml")


@cache
def budget_bands() -> list[tuple[str, str, str, str]]:
    return _entries("budget_bands.yaml")


def budget_band_choices() -> list[tuple[str, str]]:
    """The budget bands as a field's choices, labelled in the active language (else English)."""
    language = (translation.get_language() or "en").split("-")[0]
    column = LANGUAGES.index(language) + 1 if language in LANGUAGES else 3
    return [(entry[0], entry[column]) for entry in budget_bands()]
