"""The index on disk: generations swapped atomically, one writer at a time, and a journal.

Layout of one index (``<SEARCH_INDEX_PATH>/<name>/``)::

    CURRENT            the generation that searches read (replaced atomically with os.replace)
    BUILDING           while ``update_index`` builds a new generation: its name and the builder's pid
    g<time>-<rand>/    a whoosh index
    g<time>-<rand>.journal/   updates waiting for that generation's write lock

whoosh allows one writer per index; a second one raises ``LockError``. The web process and a
django-q2 worker both write (every save of an indexed object), so a writer waits for the lock a
while, and if it cannot have it, leaves its update in the journal instead of failing: only
``(model, pk, add|delete)``, never data. Whoever holds the lock next applies the journal, reading
those objects fresh from the database, so an update is never lost and never applied stale.

A rebuild writes a new generation while searches and writes go on in the current one; writes made
meanwhile are also journalled for the new generation, which the builder applies before and after it
swaps ``CURRENT``, so nothing written during a rebuild is missing from the rebuilt index.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.fields import FieldType, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.writing import SegmentWriter

logger = logging.getLogger(__name__)

CURRENT = "CURRENT"
BUILDING = "BUILDING"
KEEP_OLD_GENERATIONS = 1


@dataclass(frozen=True)
class Op:
    """One update for the journal: add (or refresh) or delete the object ``pk`` of ``model``."""

    action: str  # "add" or "delete"
    model: str  # "app_label.ModelName"
    pk: str


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class IndexStore:
    """The generations, lock and journal of one named index."""

    def __init__(self, root: Path, name: str, fields: Callable[[], dict[str, FieldType]], lock_timeout: float) -> None:
        self.path = Path(root) / name
        self.name = name
        self.fields = fields
        self.lock_timeout = lock_timeout
        self._opened: dict[str, whoosh_index.Index] = {}
        self._lock = threading.Lock()

    # --- generations ---------------------------------------------------------------------------

    def current(self) -> str:
        """The generation searches read; an empty one is created on first use."""
        try:
            return (self.path / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            pass
        with self._lock:
            self.path.mkdir(parents=True, exist_ok=True)
            try:
                return (self.path / CURRENT).read_text(encoding="utf-8").strip()
            except FileNotFoundError:
                generation = self.create_generation()
                # O_EXCL: when two processes start at once, the first pointer wins.
                try:
                    fd = os.open(self.path / CURRENT, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
                except FileExistsError:
                    shutil.rmtree(self.path / generation, ignore_errors=True)
                    return (self.path / CURRENT).read_text(encoding="utf-8").strip()
                with os.fdopen(fd, "w", encoding="utf-8") as pointer:
                    pointer.write(generation)
                return generation

    def create_generation(self) -> str:
        generation = f"g{time.time_ns()}-{uuid.uuid4().hex[:6]}"
        directory = self.path / generation
        directory.mkdir(parents=True)
        FileStorage(str(directory)).create_index(Schema(**self.fields()))
        return generation

    def building(self) -> str | None:
        """The generation a live rebuild is writing, if any (a dead builder's marker is ignored)."""
        try:
            marker = json.loads((self.path / BUILDING).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None
        if marker.get("host") == socket.gethostname() and not _pid_alive(int(marker.get("pid", 0))):
            return None
        return marker.get("generation")

    def start_building(self) -> str:
        self.path.mkdir(parents=True, exist_ok=True)
        self.current()
        self.remove_abandoned()
        generation = self.create_generation()
        marker = {"generation": generation, "pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}
        _write_atomically(self.path / BUILDING, json.dumps(marker))
        return generation

    def publish(self, generation: str) -> None:
        """Make ``generation`` the one searches read, end the build, drop old generations."""
        _write_atomically(self.path / CURRENT, generation)
        with contextlib.suppress(FileNotFoundError):
            (self.path / BUILDING).unlink()
        self.remove_old(keep=generation)

    def remove_old(self, keep: str) -> None:
        """Delete generations older than the previous one (a reader may still hold that one open)."""
        generations = sorted(p.name for p in self.path.glob("g*") if p.is_dir() and not p.name.endswith(".journal"))
        older = [g for g in generations if g < keep]
        building = self.building()
        for generation in older[: max(0, len(older) - KEEP_OLD_GENERATIONS)]:
            if generation != building:
                self._remove(generation)

    def remove_abandoned(self) -> None:
        """Delete generations of rebuilds that died before they were published."""
        current = self.current()
        for directory in self.path.glob("g*"):
            abandoned = directory.is_dir() and not directory.name.endswith(".journal") and directory.name > current
            if abandoned and directory.name != self.building():
                self._remove(directory.name)

    def _remove(self, generation: str) -> None:
        self._opened.pop(generation, None)
        shutil.rmtree(self.path / generation, ignore_errors=True)
        shutil.rmtree(self.path / f"{generation}.journal", ignore_errors=True)

    def open(self, generation: str) -> whoosh_index.Index:
        with self._lock:
            ix = self._opened.get(generation)
            if ix is None:
                ix = FileStorage(str(self.path / generation)).open_index()
                self._opened[generation] = ix
            return ix

    # --- writing -------------------------------------------------------------------------------

    @contextlib.contextmanager
    def writer(self, generation: str, timeout: float | None = None) -> Iterator[SegmentWriter]:
        """A whoosh writer holding the generation's lock; commits on success, cancels on error.

        Raises ``LockError`` when the lock stays taken for ``timeout`` seconds.
        """
        ix = self.open(generation)
        writer = ix.writer(timeout=self.lock_timeout if timeout is None else timeout, delay=0.05)
        try:
            wanted = self.fields()
            for name, field_type in wanted.items():
                if name not in writer.schema:
                    writer.add_field(name, field_type)
            yield writer
        except BaseException:
            writer.cancel()
            raise
        else:
            writer.commit()

    def journal_dir(self, generation: str) -> Path:
        return self.path / f"{generation}.journal"

    def append(self, generation: str, ops: list[Op]) -> None:
        """Leave updates for whoever next holds the lock of ``generation``."""
        if not ops:
            return
        directory = self.journal_dir(generation)
        directory.mkdir(parents=True, exist_ok=True)
        payload = json.dumps([[op.action, op.model, op.pk] for op in ops])
        _write_atomically(directory / f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.json", payload)

    def pending(self, generation: str) -> list[tuple[Path, list[Op]]]:
        """The journal of ``generation``, oldest first."""
        directory = self.journal_dir(generation)
        if not directory.is_dir():
            return []
        entries = []
        for path in sorted(directory.glob("*.json")):
            try:
                ops = [Op(*item) for item in json.loads(path.read_text(encoding="utf-8"))]
            except (OSError, ValueError, TypeError):
                logger.warning("Ignoring an unreadable search journal entry %s", path)
                ops = []
            entries.append((path, ops))
        return entries

    def has_pending(self, generation: str) -> bool:
        directory = self.journal_dir(generation)
        return directory.is_dir() and any(directory.glob("*.json"))

    @staticmethod
    def forget(entries: list[tuple[Path, list[Op]]]) -> None:
        for path, _ops in entries:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def reset(self) -> None:
        """Replace the index with an empty one (at once, as readers see it)."""
        self.path.mkdir(parents=True, exist_ok=True)
        self.current()
        generation = self.create_generation()
        self.publish(generation)


def describe(store: IndexStore) -> dict[str, Any]:
    """What ``update_index`` and the README show about an index: where it lives, its size."""
    generation = store.current()
    ix = store.open(generation)
    return {"path": str(store.path / generation), "documents": ix.doc_count(), "name": store.name}


__all__ = ["IndexStore", "LockError", "Op", "describe"]
