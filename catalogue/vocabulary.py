"""The catalogue's vocabularies read from data files (``catalogue/data/``), for migrations and tests."""

from __future__ import annotations

from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"


def services() -> list[tuple[str, str, str, str]]:
    """The services' slugs and names (cs, sl, en), in their order of ``services.yaml``."""
    entries = yaml.safe_load((DATA / "services.yaml").read_text(encoding="utf-8")) or []
    result = []
    for number, entry in enumerate(entries):
        if not (isinstance(entry, list) and len(entry) == 4 and all(isinstance(part, str) for part in entry)):
            raise ValueError(
                f"services.yaml, entry {number + 1}: expected [slug, Czech, Slovenian, English], got {entry!r}"
            )
        result.append(tuple(entry))
    return result
