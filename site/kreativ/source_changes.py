"""What a second reading of outside data may change: the fields its source changed that nobody edited since.

Data comes in from outside more than once: a crawl brings a funding call again, a mapping study's
spreadsheet is imported again. Each time, three versions of a field meet: what the source said last
time (the baseline), what it says now, and what the record holds now (a moderator or an owner may
have edited it). A field is taken from the source only when the source changed it and the record
still holds the source's last value; an edit made here is never overwritten. Values are compared
as plain JSON-like values, so the caller writes all three the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any


def digest(values: Mapping[str, Any]) -> str:
    """A fingerprint of the values, to tell at a glance that nothing changed."""
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def updates(
    fields: Iterable[str],
    new: Mapping[str, Any],
    previous: Mapping[str, Any],
    current: Mapping[str, Any],
    baseline: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The fields to take from the source: changed since ``previous`` (its last values) and, in
    ``current`` (what the record holds), still equal to ``baseline`` (the source's values the
    record was last given; ``previous`` unless told otherwise), i.e. edited by nobody."""
    baseline = previous if baseline is None else baseline
    return {
        name: new.get(name)
        for name in fields
        if new.get(name) != previous.get(name) and current.get(name) == baseline.get(name)
    }


def edited(fields: Iterable[str], previous: Mapping[str, Any], current: Mapping[str, Any]) -> list[str]:
    """The fields whose value someone changed since the source last gave it."""
    return [name for name in fields if current.get(name) != previous.get(name)]
