"""Five speed patches to Whoosh-Reloaded 2.7.5, which is no longer developed; none changes an answer.

They are the accelerated path's (``acceleration.py``): ``apply()`` installs them once the installed
whoosh has passed ``whoosh_internals.require()`` (the release they were written for, with every
internal they touch), and ``revert()`` puts whoosh's own code back. Patches are process-wide, so
they are applied by a function that can be undone rather than on import: the plain path
(``ACCELERATED: False``) then runs whoosh's code byte for byte, and the tests exercise both paths
in one process.

1. Writing a segment looks up each posting's field length; for a field that keeps no lengths (our
   unscored columns) whoosh asks the file system whether the length file exists, once *per
   posting*, and never remembers the answer: 730,000 ``stat`` calls for 5,000 calls, half the time
   of a rebuild. A segment's files never change once written, so the answer is remembered.
2. Skipping to a document inside a block of postings steps through the block one posting at a
   time (three method calls each): a query of two common words spent most of its time there. The
   block's ids are sorted, so the skip is a binary search.
3. Decoding a block of postings adds up its id gaps in a Python generator, one step per posting
   (40,000 steps for a query of two common words); ``itertools.accumulate`` gives the same ids
   in C.
4. Likewise a block without stored weights gets its 1.0s as one repeated array.
5. Blocks of postings are pickled with protocol 2, which has no opcode for ``bytes``: each
   posting's positions become a call to ``_codecs.encode`` when the block is read, nine tenths
   of the time spent decoding a block of a text field. Protocol 3 stores the same tuple with
   bytes as bytes; ``pickle.loads`` reads either, so older segments stay readable (a rebuild or
   a merge rewrites them), and whoosh itself, unpatched, reads an index written here.

The one correction of a wrong behaviour (a searcher opened on an empty index cannot be refreshed)
is not a patch: ``WhooshIndex.searcher`` opens a new searcher instead, on both paths.
"""

from __future__ import annotations

import pickle
import threading
from array import array
from bisect import bisect_left
from itertools import accumulate
from typing import Any

from whoosh.codec import whoosh3
from whoosh.matching import ReadTooFar

from . import whoosh_internals

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


def _read_ids(self: Any) -> None:
    """``W3LeafMatcher._read_ids`` with the gaps summed by ``accumulate``."""
    if self._data is None:
        self._read_data()
    ids = self._data[0]
    self._ids = ids if self._byteids else tuple(accumulate(ids))


def _read_weights(self: Any) -> None:
    """``W3LeafMatcher._read_weights`` with a constant weight repeated, not generated."""
    if self._data is None:
        self._read_data()
    weights = self._data[1]
    if weights is None:
        self._weights = array("f", [1.0]) * self._blocklength
    elif isinstance(weights, float):
        self._weights = array("f", [weights]) * self._blocklength
    else:
        self._weights = weights


def _dumps(obj: Any, protocol: int | None = None) -> bytes:
    """``pickle.dumps`` with protocol 3 at least (whoosh's codec asks for 2)."""
    return pickle.dumps(obj, max(protocol or 0, 3))


# (owner, attribute, replacement); owners are looked up only after the version check.
_PATCHES: tuple[tuple[str, str, Any], ...] = (
    ("W3PerDocReader", "_cached_reader", _cached_reader),
    ("W3LeafMatcher", "skip_to", _skip_to),
    ("W3LeafMatcher", "_read_ids", _read_ids),
    ("W3LeafMatcher", "_read_weights", _read_weights),
    ("", "dumps", _dumps),  # a function of the codec module itself
)

_lock = threading.Lock()
_originals: dict[tuple[Any, str], Any] = {}
_applied = False


def is_applied() -> bool:
    return _applied


def apply() -> None:
    """Install the patches (once); refuses with ``WhooshMismatch``, before touching whoosh, on another release."""
    global _applied
    if _applied:
        return
    with _lock:
        if _applied:
            return
        whoosh_internals.require()
        targets = [(getattr(whoosh3, owner) if owner else whoosh3, name, patch) for owner, name, patch in _PATCHES]
        for owner, name, _patch in targets:
            # As the owner itself holds it (``_MISSING`` if inherited), so that ``revert`` restores exactly that.
            _originals.setdefault((owner, name), vars(owner).get(name, _MISSING))
        for owner, name, patch in targets:
            setattr(owner, name, patch)
        _applied = True


def revert() -> None:
    """Put whoosh's own code back (a no-op when the patches are not applied)."""
    global _applied
    if not _applied:
        return
    with _lock:
        if not _applied:
            return
        for (owner, name), original in _originals.items():
            if original is _MISSING:
                delattr(owner, name)
            else:
                setattr(owner, name, original)
        _applied = False
