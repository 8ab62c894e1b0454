"""The whoosh release this package was written against, and every private part of whoosh it uses.

The accelerated path (``acceleration.py``) patches whoosh's classes (``whoosh_fixes.py``) and reads
the inside of its matchers, readers and columns (``scoring.py``, ``columns.py``). None of that is
whoosh's public API: another release may rename an attribute, change what a block holds, or store
postings differently, and the accelerated code would then fail in the middle of a search or, worse,
answer wrongly. So it runs only on the release it was written and tested against, and
``require()`` checks that before any patch is applied, at start-up: the version first, then every
internal named in ``INTERNALS`` (class and module attributes looked up, instance attributes on the
objects of a small index built in memory). Anything else is refused with ``WhooshMismatch``, which
says what was expected, what was found, and what to do.

The plain path (``ACCELERATED: False``) uses whoosh's public API only and is not refused on another
release; it logs a warning instead (see docs/search.md, "When whoosh must be replaced").

A new private read in ``whoosh_fixes``, ``scoring`` or ``columns`` belongs in ``INTERNALS``:
``tests/search/test_whoosh_internals.py`` fails when one of those modules reads a private name that
is not listed here.
"""

from __future__ import annotations

import importlib
import logging
import threading
from dataclasses import dataclass
from typing import Any

import whoosh
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

DISTRIBUTION = "Whoosh-Reloaded"
# The exact release; pyproject.toml pins the same one (whoosh-reloaded==2.7.5).
WRITTEN_AGAINST: tuple[int, int, int] = (2, 7, 5)

SETTING = "SEARCH_WHOOSH_ACCELERATED"
ADVICE = (
    f"Install the pinned release (`pip install -e .` installs whoosh-reloaded=="
    f"{'.'.join(map(str, WRITTEN_AGAINST))}), or set {SETTING}=0 (the backend option ACCELERATED: False) "
    'to search with whoosh\'s public API only. docs/search.md, section "When whoosh must be replaced", '
    "has the steps."
)


class WhooshMismatch(ImproperlyConfigured):
    """The installed whoosh is not the release the accelerated search was written against."""


@dataclass(frozen=True)
class Internal:
    """One private part of whoosh that this package patches or reads.

    ``owner`` is the dotted path of a module or class; ``on`` says where the attribute lives:
    ``"class"`` (on the class or module itself) or ``"instance"`` (set by whoosh on its objects,
    checked on the probe index's).
    """

    owner: str
    name: str
    on: str
    used_by: str

    def __str__(self) -> str:
        return f"{self.owner}.{self.name} ({self.used_by})"


_W3 = "whoosh.codec.whoosh3"
_MATCHER = f"{_W3}.W3LeafMatcher"
_PERDOC = f"{_W3}.W3PerDocReader"
_COLUMN = "whoosh.columns.NumericColumn.Reader"


def _class(owner: str, used_by: str, *names: str) -> tuple[Internal, ...]:
    return tuple(Internal(owner, name, "class", used_by) for name in names)


def _instance(owner: str, used_by: str, *names: str) -> tuple[Internal, ...]:
    return tuple(Internal(owner, name, "instance", used_by) for name in names)


INTERNALS: tuple[Internal, ...] = (
    # Replaced by whoosh_fixes (the original is kept and put back when the patches are reverted).
    *_class(_PERDOC, "whoosh_fixes: replaced; columns.length_bytes calls it", "_cached_reader"),
    *_class(_MATCHER, "whoosh_fixes: replaced; scoring calls them", "skip_to", "_read_ids", "_read_weights"),
    *_class(_W3, "whoosh_fixes: replaced (blocks pickled with protocol 3)", "dumps"),
    # Read or called.
    *_class(_MATCHER, "whoosh_fixes, scoring: block by block", "_next_block", "_read_data"),
    *_class(_MATCHER, "scoring._positions: a block's positions, for a phrase", "_read_values"),
    *_class("whoosh.system", "scoring._position_decoder: where a posting's pickled positions start", "_INT_SIZE"),
    *_class(_W3, "columns.length_bytes: the name and type of a field's length column", "_lenfield", "LENGTHS_COLUMN"),
    *_class("whoosh.scoring.WeightLengthScorer", "scoring._term: a score from weight and length", "score", "_score"),
    *_instance(
        _MATCHER,
        "whoosh_fixes, scoring: a block's decoded state",
        "_maxid",
        "_blocklength",
        "_i",
        "_ids",
        "_weights",
        "_values",
        "_data",
        "_byteids",
    ),
    *_instance("whoosh.matching.wrappers.FilterMatcher", "scoring: deleted documents", "child", "_ids", "_exclude"),
    *_instance("whoosh.reading.SegmentReader", "columns.length_bytes", "_perdoc"),
    *_instance(_PERDOC, "whoosh_fixes, columns.length_bytes", "_readers", "_doccount"),
    *_instance(
        _COLUMN,
        "columns: a fixed-width column read whole",
        "_dbfile",
        "_basepos",
        "_count",
        "_fixedlen",
        "_typecode",
        "_unpack",
        "_defaultbytes",
    ),
    *_instance("whoosh.scoring.BM25FScorer", "scoring._term", "dfl", "_score"),
    *_instance("whoosh.idsets.BitSet", "scoring.scores: membership tested on the bytes", "bits"),
)


def found_version() -> tuple[int, ...]:
    return tuple(whoosh.__version__[:3])


def found_versionstring() -> str:
    return whoosh.versionstring()


def written_against() -> str:
    return ".".join(str(part) for part in WRITTEN_AGAINST)


def _resolve(dotted: str) -> Any:
    """The module or (possibly nested) class at ``dotted``; ``None`` when there is none."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found: Any = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:]:
            found = getattr(found, name, None)
            if found is None:
                return None
        return found
    return None


def _probe() -> dict[str, Any]:
    """Live whoosh objects of the kinds ``INTERNALS`` names, from a small index built in memory.

    Two segments' worth of structure is not needed: one segment with a deleted document gives a
    term's postings wrapped in a ``FilterMatcher``, a block of postings that is not inlined (more
    than one document), a length column and a 64-bit integer column like ``$pk``.
    """
    from whoosh import fields
    from whoosh.filedb.filestore import RamStorage
    from whoosh.idsets import BitSet

    schema = fields.Schema(
        body=fields.TEXT,
        pk=fields.NUMERIC(numtype=int, bits=64, signed=True, sortable=True, shift_step=0),
    )
    index = RamStorage().create_index(schema)
    with index.writer() as writer:
        for pk in range(3):
            writer.add_document(body="probe probe other", pk=pk)
    writer = index.writer()
    writer.delete_document(1)
    writer.commit(merge=False)
    objects: dict[str, Any] = {"whoosh.idsets.BitSet": BitSet([1], size=8)}
    with index.searcher() as searcher:
        reader = searcher.reader()
        objects["whoosh.reading.SegmentReader"] = reader
        postings = reader.postings("body", b"probe")
        objects["whoosh.matching.wrappers.FilterMatcher"] = postings
        objects[_MATCHER] = getattr(postings, "child", None)
        perdoc = getattr(reader, "_perdoc", None)
        objects[_PERDOC] = perdoc
        objects[_COLUMN] = reader.column_reader("pk", translate=False)
        objects["whoosh.scoring.BM25FScorer"] = searcher.weighting.scorer(searcher, "body", b"probe")
    return objects


def missing() -> list[str]:
    """The internals in ``INTERNALS`` that the installed whoosh does not have, as readable lines."""
    problems: list[str] = []
    try:
        objects = _probe()
    except Exception as exc:  # any failure of the probe is a mismatch to report, not to raise as is
        problems.append(f"a small index in memory could not be built and read: {exc!r}")
        objects = {}
    for owner_path in dict.fromkeys(internal.owner for internal in INTERNALS):
        owner = _resolve(owner_path)
        if owner is None:
            problems.append(f"{owner_path} does not exist")
            continue
        wanted = [internal for internal in INTERNALS if internal.owner == owner_path]
        for internal in wanted:
            if internal.on == "class" and not hasattr(owner, internal.name):
                problems.append(f"{internal} is missing")
        instances = [internal for internal in wanted if internal.on == "instance"]
        if not instances or not objects:
            continue
        live = objects.get(owner_path)
        if not isinstance(owner, type) or not isinstance(live, owner):
            kind = f"{type(live).__module__}.{type(live).__qualname__}"
            problems.append(f"whoosh gave {kind} where {owner_path} was expected")
            continue
        problems.extend(f"{internal} is missing" for internal in instances if not hasattr(live, internal.name))
    return problems


def check() -> None:
    """Raise ``WhooshMismatch`` unless the installed whoosh is the release and has the internals used."""
    if found_version() != WRITTEN_AGAINST:
        raise WhooshMismatch(
            f"kreativ.search's accelerated whoosh path was written against {DISTRIBUTION} {written_against()} "
            f"and patches and reads its internals (kreativ/search/whoosh_internals.py); this environment has "
            f"whoosh {found_versionstring()}. {ADVICE}"
        )
    problems = missing()
    if problems:
        raise WhooshMismatch(
            f"kreativ.search's accelerated whoosh path reads internals that this whoosh {found_versionstring()} "
            f"does not have: {'; '.join(problems)}. {ADVICE}"
        )


_passed: tuple[int, ...] | None = None
_lock = threading.Lock()


def require() -> None:
    """``check()``, once per process and version: every backend instance asks, only the first pays."""
    global _passed
    version = found_version()
    if _passed == version:
        return
    with _lock:
        if _passed != version:
            check()
            _passed = version


def warn_if_untested() -> None:
    """The plain path on another release: allowed (public API only), but said in the log."""
    if found_version() != WRITTEN_AGAINST:
        logger.warning(
            "Search runs on whoosh %s with the plain path (%s off); it was written and tested against %s %s. "
            'Run its tests on this release (docs/search.md, "When whoosh must be replaced") before trusting it.',
            found_versionstring(),
            SETTING,
            DISTRIBUTION,
            written_against(),
        )
