"""Search on whoosh behind Wagtail's search API (see docs/search.md); helpers any backend can serve."""

from __future__ import annotations

from typing import Any


def keys_of(results: Any, limit: int) -> list[Any]:
    """The primary keys of the first ``limit`` search results.

    The whoosh backend reads them from its index; any other backend loads the objects (only their
    keys, when the queryset was ``.only("pk")``) and takes theirs.
    """
    keys = getattr(results, "keys", None)
    if callable(keys):
        return keys(limit)
    return [obj.pk for obj in results[:limit]]
