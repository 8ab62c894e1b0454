"""Two corrections to Whoosh-Reloaded 2.7.5, which is no longer developed, applied when the backend loads.

1. Writing a segment looks up each posting's field length; for a field that keeps no lengths (our
   unscored columns) whoosh asks the file system whether the length file exists, once *per
   posting*, and never remembers the answer: 730,000 ``stat`` calls for 5,000 calls, half the time
   of a rebuild. A segment's files never change once written, so the answer is remembered.
2. Refreshing a searcher that was opened on an empty index fails (whoosh reuses the empty reader
   as if it had segments); the backend opens a new searcher instead (see ``WhooshIndex.searcher``).
"""

from __future__ import annotations

from typing import Any

from whoosh.codec import whoosh3

_MISSING = object()


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
