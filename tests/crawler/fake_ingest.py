"""A stand-in for ``opportunities.intake.ingest`` that keeps its state in a JSON file.

The crawl runs in a child process, so the fake cannot keep calls in memory across two runs; it
reads and writes ``$FAKE_INGEST_STATE`` instead. It follows the contract the real module must
meet: ``ingest_item`` answers new/changed/unchanged keyed on (source, external id), and
``finish_run`` marks calls the source no longer lists, only when the listing was read whole.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from crawler.items import to_jsonable

_state: dict[str, Any] | None = None


def _path() -> Path:
    return Path(os.environ["FAKE_INGEST_STATE"])


def _load() -> dict[str, Any]:
    global _state
    if _state is None:
        path = _path()
        _state = json.loads(path.read_text()) if path.exists() else {"calls": {}, "runs": []}
    return _state


def ingest_item(source_slug: str, item: dict) -> str:
    state = _load()
    key = f"{source_slug}:{item['external_id']}"
    value = to_jsonable(item)
    previous = state["calls"].get(key)
    state["calls"][key] = value | {"no_longer_listed": False}
    if previous is None:
        return "new"
    previous = {name: content for name, content in previous.items() if name != "no_longer_listed"}
    return "unchanged" if previous == value else "changed"


def finish_run(source_slug: str, seen_external_ids: set[str], stats: dict, errors: list[dict]) -> None:
    state = _load()
    gone = []
    if stats.get("listing_complete"):
        for key, call in state["calls"].items():
            if key.startswith(f"{source_slug}:") and call["external_id"] not in seen_external_ids:
                if not call["no_longer_listed"]:
                    gone.append(call["external_id"])
                call["no_longer_listed"] = True
    state["runs"].append(
        {
            "source": source_slug,
            "seen": sorted(seen_external_ids),
            "gone": sorted(gone),
            "errors": errors,
            "ingest_counts": stats.get("ingest_counts"),
            "listing_complete": stats.get("listing_complete"),
            "stat_keys": sorted(stats),
        }
    )
    _path().write_text(json.dumps(state))
