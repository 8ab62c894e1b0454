"""Indexing many saves at once: a crawl's ingest, the demo loader.

Each save of an indexed object is one whoosh commit, and a new funding call is saved twice (the
call, then its first revision). Inside ``indexing_batch()`` the whoosh backend only notes which
objects changed; when the block ends, each index gets one commit with all of them, read fresh from
the database, so an object saved ten times is indexed once, as it is at the end. Other backends
index as usual inside the block.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .backend import WhooshIndex
    from .store import Op

logger = logging.getLogger(__name__)
_local = threading.local()


@contextlib.contextmanager
def indexing_batch() -> Iterator[None]:
    """Defer this thread's index updates to the end of the block (nested blocks join the outer one)."""
    if getattr(_local, "pending", None) is not None:
        yield
        return
    _local.pending = {}
    try:
        yield
    finally:
        pending, _local.pending = _local.pending, None
        for index, ops in pending.values():
            try:
                index.apply_ops(ops)
            except Exception:  # like a save's own update: logged, healed by update_index
                logger.exception("Could not index %d deferred update(s) in %s", len(ops), index)


def defer(index: WhooshIndex, ops: list[Op]) -> bool:
    """Note updates for the end of the current batch; ``False`` when no batch is open."""
    pending = getattr(_local, "pending", None)
    if pending is None:
        return False
    key = (str(index.backend.path), index.name)
    pending.setdefault(key, (index, []))[1].extend(ops)
    return True
