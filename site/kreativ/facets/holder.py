"""When a listing's index is rebuilt: at once when its objects changed, in the background when old.

Each process holds the latest index of each listing. Publishing, unpublishing or deleting an object
(or editing a taxonomy the index holds) sets a fresh version in the shared cache (``invalidate``,
connected to the model's signals by its app), which tells every process of every machine to rebuild
on its next read; an index older than ``max_age`` (a call's status moves with the clock) is rebuilt
in a background thread while the previous one answers, so no reader waits for it.

Every holder's version key is registered (``version_keys``): an anonymous reader's cached view of a
listing (``kreativ.page_cache``) is keyed on them, so a change shows at once there too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from django.core.cache import cache

from kreativ.facets.index import FacetIndex

MAX_AGE = 60.0
_version_keys: list[str] = []


def version_keys() -> list[str]:
    """The shared cache keys of every listing's index version, in the order they were declared."""
    return list(_version_keys)


class IndexHolder:
    """One listing's index in this process: ``current()`` reads it, ``invalidate()`` drops it everywhere.

    ``build(version)`` reads the listing's public objects from the database into a ``FacetIndex``
    stamped with ``version``.
    """

    def __init__(self, version_key: str, build: Callable[[int], FacetIndex], max_age: float = MAX_AGE) -> None:
        self.version_key = version_key
        self.build = build
        self.max_age = max_age
        self._current: FacetIndex | None = None
        self._lock = threading.Lock()
        self._refreshing = threading.Event()
        if version_key not in _version_keys:
            _version_keys.append(version_key)

    def version(self) -> int:
        return cache.get(self.version_key, 0)

    def current(self) -> FacetIndex:
        """This process's index.

        Rebuilt at once when objects were published, unpublished or merged since it was built;
        when it is only older than ``max_age``, it is rebuilt in a background thread and the
        previous one answers meanwhile.
        """
        index = self._current
        version = self.version()
        if index is None or index.version != version:
            with self._lock:
                index = self._current
                if index is None or index.version != version:
                    index = self._current = self.build(version)
        elif time.monotonic() - index.built_monotonic > self.max_age and not self._refreshing.is_set():
            self._refreshing.set()
            threading.Thread(target=self._refresh, name=f"facet-index-refresh:{self.version_key}", daemon=True).start()
        return index

    def _refresh(self) -> None:
        from django.db import connection

        try:
            fresh = self.build(self.version())
            with self._lock:
                if self._current is None or fresh.version >= self._current.version:
                    self._current = fresh
        finally:
            connection.close()
            self._refreshing.clear()

    def invalidate(self, **kwargs: object) -> None:
        """Tells every process that the listing's objects changed (a signal receiver).

        The version is a fresh token (nanoseconds), not a counter: some cache backends' ``incr``
        gives the entry the default expiry, and a counter that expired and started again could
        match the version an old index was built at.
        """
        cache.set(self.version_key, time.time_ns(), None)
        self._current = None
