"""Two corrections to Whoosh-Reloaded 2.7.5, which is no longer developed, applied when the backend loads.

1. Writing a segment looks up each posting's field length; for a field that keeps no lengths (our
   unscored columns) whoosh asks the file system whether the length file exists, once *per
   posting*, and never remembers the answer: 730,000 ``stat`` calls for 5,000 calls, half the time
   of a rebuild. A segment's files never change once written, so the answer is remembered.
2. Refreshing a searcher that was opened on an empty index fails (whoosh reuses the empty reader
   as if it had segments); the backend opens a new searcher instead (see ``WhooshIndex.searcher``).
3. Skipping to a document inside a block of postings steps through the block one posting at a
   time (three method calls each): a query of two common words spent most of its time there. The
   block's ids are sorted, so the skip is a binary search.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from whoosh.codec import whoosh3
from whoosh.matching import ReadTooFar

_MISSING = object()


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
    return reader


def _skip_to(self: Any, targetid: int) -> None:
    """``W3LeafMatcher.skip_to`` with the same result: the first posting at or after ``targetid``."""
    if not self.is_active():
        raise ReadTooFar
    if targetid <= self.id():
        return
    if targetid > self._maxid:
        while self.is_active() and targetid > self._maxid:
            self._next_block()
        if not self.is_active():
            return
    if self._ids is None:
        self._read_ids()
    self._i = bisect_left(self._ids, targetid, self._i, self._blocklength)
    if self._i == self._blocklength:  # only if a block's maximum lied; move on as whoosh would
        self._next_block()


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    whoosh3.W3LeafMatcher.skip_to = _skip_to
