"""Which calls are answered by a consortium, so that a call page can offer partners.

EU programmes such as Creative Europe's cooperation projects, Horizon Europe's research actions or
Interreg fund partners from several countries together; a studio that reads such a call looks for
partners first. The rule is data (``opportunities/data/consortia.yaml``): a call needs a consortium
when its programme (and, where the programme funds single applicants too, its identifier) is
listed there, and its scope crosses borders: the EU, or regions of more than one country.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

import yaml

from kreativ.similarity import fold

RULES = Path(__file__).resolve().parent.parent / "data" / "consortia.yaml"


@dataclass(frozen=True)
class ProgrammeRule:
    programme: str  # folded
    identifiers: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()

    def covers(self, programme: str, identifier: str) -> bool:
        if self.programme not in fold(programme):
            return False
        identifier = identifier.strip().upper()
        if self.identifiers and not any(fnmatchcase(identifier, pattern) for pattern in self.identifiers):
            return False
        return not any(fnmatchcase(identifier, pattern) for pattern in self.excluded)


@cache
def rules() -> tuple[ProgrammeRule, ...]:
    with open(RULES, encoding="utf-8") as handle:
        entries = yaml.safe_load(handle) or []
    return tuple(
        ProgrammeRule(
            programme=fold(entry["programme"]),
            identifiers=tuple(pattern.upper() for pattern in entry.get("identifiers") or ()),
            excluded=tuple(pattern.upper() for pattern in entry.get("except") or ()),
        )
        for entry in entries
    )


def crosses_borders(regions) -> bool:
    """Whether a scope (regions) is the EU's, or spans regions of more than one country."""
    countries = set()
    for region in regions:
        if region.level == region.Level.SUPRANATIONAL:
            return True
        countries.update(node.pk for node in region.ancestors() if node.level == node.Level.COUNTRY)
    return len(countries) > 1


def needs_consortium(call) -> bool:
    """Whether the call is answered by partners from several countries together (the rule above)."""
    if call.programme_id is None:
        return False
    if not any(rule.covers(call.programme.name, call.call_identifier or "") for rule in rules()):
        return False
    return crosses_borders(call.regions.all())
