"""A whoosh backend for Wagtail's search API (modelsearch), so the portal searches with no server.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "kreativ.search.backend", …}}`` and every
``.search()`` and ``.autocomplete()`` of pages, snippets, images and the admin runs on a whoosh
index on disk; pointing ``BACKEND`` at ``modelsearch.backends.opensearch3`` (or Elasticsearch)
moves the same calls to a search server, with no code change.

Options (all optional):

``PATH``           where the indexes live (default ``settings.SEARCH_INDEX_PATH``)
``LANGUAGES``      languages with a field (and analyser) of their own (default: ``settings.LANGUAGES``)
``LANGUAGE``       the language of objects that do not say theirs (default ``settings.LANGUAGE_CODE``)
``LOCK_TIMEOUT``   seconds a writer waits for another before it journals its update (default 10)
``INDEX_PREFIX``   prefix of the index folder names (default none)
``ACCELERATED``    ``True`` (default): bulk scoring, whole-column reads and whoosh patched for speed,
                   on the pinned whoosh release only; ``False``: whoosh's public API only, unpatched
                   (same results, slower; see ``acceleration.py``)

An object says its language with ``get_search_language()``; a Wagtail page (or any translatable
model) has its locale's. Rebuilds are always atomic (``ATOMIC_REBUILD`` is accepted and ignored).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models
from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchResults,
    FilterFieldError,
    get_model_root,
)
from modelsearch.index import class_is_indexed
from whoosh import query as wq
from whoosh.idsets import BitSet
from whoosh.reading import EmptyReader
from whoosh.searching import Searcher

# ``scoring`` and ``columns`` read whoosh's internals: only the accelerated path imports them (in the
# functions that use them), so the plain path loads on a whoosh whose internals differ.
from . import acceleration, analysis, batch
from .compiler import (
    Nothing,
    WhooshAutocompleteQueryCompiler,
    WhooshSearchQueryCompiler,
    is_everything,
    q_and,
)
from .mapping import FilterColumn, Mapping, indexed_subclasses, schema_fields
from .store import IndexStore, LockError, Op

logger = logging.getLogger(__name__)

DB_CHUNK = 500
FILTER_CACHE_SIZE = 64
# Spellings "did you mean" weighs per autocomplete field: enough to find one of the reader's language.
SUGGESTIONS_PER_FIELD = 5

_stores: dict[tuple[str, str], IndexStore] = {}
_stores_lock = threading.Lock()
_local = threading.local()
_locales: dict[int, str] = {}


def _store(path: Path, name: str, root: type[models.Model], languages: tuple[str, ...], timeout: float) -> IndexStore:
    key = (str(path), name)
    with _stores_lock:
        store = _stores.get(key)
        if store is None:
            store = IndexStore(path, name, lambda: schema_fields(root, languages), timeout)
            _stores[key] = store
        return store


def close_all(path: str | Path | None = None) -> None:
    """Close this thread's searchers and forget open indexes (of one path, or all): tests use it."""
    searchers: dict[tuple[str, str, str], Searcher] = getattr(_local, "searchers", {})
    for key in list(searchers):
        if path is None or key[0] == str(path):
            searchers.pop(key).close()
    with _stores_lock:
        for key in list(_stores):
            if path is None or key[0] == str(path):
                del _stores[key]


def _locale_language(locale_id: int) -> str | None:
    if locale_id not in _locales:
        locale_model = apps.get_model("wagtailcore", "Locale")
        _locales.update(dict(locale_model.objects.values_list("pk", "language_code")))
    return _locales.get(locale_id)


def language_of(obj: models.Model) -> str | None:
    """The language an object's text is written in, if it says so."""
    getter = getattr(obj, "get_search_language", None)
    if callable(getter):
        return getter()
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is not None and apps.is_installed("wagtail"):
        return _locale_language(locale_id)
    return None


class WhooshIndex(BaseIndex):
    """All the objects of one root model (e.g. every page type) in one whoosh index."""

    def __init__(self, backend: WhooshSearchBackend, root: type[models.Model], generation: str | None = None) -> None:
        super().__init__(backend)
        self.root = root
        self.name = f"{backend.index_prefix}{root._meta.app_label.lower()}_{root.__name__.lower()}"
        self.store = _store(backend.path, self.name, root, backend.languages, backend.lock_timeout)
        # A rebuild's index writes only into the generation it is building, with one writer.
        self.generation = generation
        self.rebuilder: WhooshIndexRebuilder | None = None

    def get_key(self) -> str:
        return self.name

    def __str__(self) -> str:
        return self.name

    # --- writing -------------------------------------------------------------------------------

    def add_model(self, model: type[models.Model]) -> None:
        self.store.current()
        if self.rebuilder is not None:
            self.rebuilder.expect(model.get_indexed_objects().count())

    def refresh(self) -> None:
        """Nothing to do: every commit is visible to the next search."""

    def reset(self) -> None:
        self.store.reset()

    def add_item(self, obj: models.Model) -> None:
        self.add_items(type(obj), [obj])

    def add_items(self, model: type[models.Model], items: Iterable[models.Model]) -> None:
        if not class_is_indexed(model):
            return
        items = list(items)
        if not items:
            return
        ops = [Op("add", _label(type(item)), str(item.pk)) for item in items]
        if self.generation is None and batch.defer(self, ops):
            return
        if self.rebuilder is not None:  # a rebuild: one writer for the whole generation
            writer = self.rebuilder.writer()
            for item in items:
                writer.add_document(**self.backend.document(item))
            return
        docs = [self.backend.document(item) for item in items]
        self._apply(docs, [], ops)

    def delete_item(self, item: models.Model) -> None:
        if not class_is_indexed(type(item)):
            return
        ops = [Op("delete", _label(type(item)), str(item.pk))]
        if self.generation is None and batch.defer(self, ops):
            return
        self._apply([], [str(item.pk)], ops)

    def apply_ops(self, ops: list[Op]) -> None:
        """Index (or remove) the objects the updates name, as the database has them now."""
        self._apply([], [], ops, replay=True)

    def _apply(self, docs: list[dict[str, Any]], deletes: list[str], ops: list[Op], replay: bool = False) -> None:
        store = self.store
        if self.generation is not None:
            self._commit(self.generation, docs, deletes, ops, replay)
            return
        current = store.current()
        building = store.building()
        self._commit(current, docs, deletes, ops, replay)
        if building and building != current:
            # A rebuild is under way: it applies this after it has read the database.
            store.append(building, ops)
            if store.building() is None and store.current() == building:
                # ...unless it has finished meanwhile: then write to its generation directly.
                self._commit(building, docs, deletes, ops, replay)

    def _commit(
        self, generation: str, docs: list[dict[str, Any]], deletes: list[str], ops: list[Op], replay: bool = False
    ) -> None:
        """One commit: the journal first, then these updates (given as documents, or as ``ops`` to replay)."""
        store = self.store
        try:
            with store.writer(generation) as writer:
                entries = store.pending(generation)
                journal = [op for _path, entry in entries for op in entry]
                self._replay(writer, [*journal, *ops] if replay else journal)
                for doc_id in deletes:
                    writer.delete_by_term("$id", doc_id)
                for doc in docs:
                    writer.update_document(**doc)
        except LockError:
            logger.info("Search index %s is busy; %d update(s) journalled", self.name, len(ops))
            store.append(generation, ops)
            self._drain(generation, timeout=0)
            return
        store.forget(entries)
        if store.has_pending(generation):
            self._drain(generation, timeout=0)

    def _drain(self, generation: str, timeout: float | None = None) -> None:
        """Apply the journal if the lock is free (whoever holds it drains it after its commit)."""
        store = self.store
        try:
            with store.writer(generation, timeout=timeout) as writer:
                entries = store.pending(generation)
                self._replay(writer, [op for _path, entry in entries for op in entry])
        except LockError:
            return
        store.forget(entries)

    def _replay(self, writer: Any, ops: list[Op]) -> None:
        """Apply journalled updates, reading each object as the database has it now."""
        if not ops:
            return
        latest: dict[tuple[str, str], str] = {}
        for op in ops:
            latest[(op.model, op.pk)] = op.action
        by_model: dict[str, list[str]] = {}
        for (label, pk), action in latest.items():
            writer.delete_by_term("$id", pk)
            if action == "add":
                by_model.setdefault(label, []).append(pk)
        for label, pks in by_model.items():
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            for start in range(0, len(pks), DB_CHUNK):
                for obj in model.get_indexed_objects().filter(pk__in=pks[start : start + DB_CHUNK]):
                    writer.update_document(**self.backend.document(obj.get_indexed_instance() or obj))

    def flush(self) -> None:
        """Apply whatever the journal holds now, waiting for the lock (``update_index`` calls it)."""
        self._drain(self.store.current(), timeout=None)

    # --- reading -------------------------------------------------------------------------------

    def searcher(self) -> Searcher:
        """This thread's searcher of the current generation, refreshed when the index changed."""
        generation = self.store.current()
        searchers: dict[tuple[str, str, str], Searcher] = _local.__dict__.setdefault("searchers", {})
        key = (str(self.backend.path), self.name, generation)
        searcher = searchers.get(key)
        if searcher is None:
            for other in [k for k in searchers if k[:2] == key[:2]]:
                searchers.pop(other).close()
            searcher = self.store.open(generation).searcher()
        elif not searcher.up_to_date():
            if isinstance(searcher.reader(), EmptyReader):
                # whoosh cannot refresh a searcher of an empty index (it reuses the empty reader).
                searcher.close()
                searcher = self.store.open(generation).searcher()
            else:
                searcher = searcher.refresh()
        searchers[key] = searcher
        return searcher

    def docs_matching(self, searcher: Searcher, query: Any) -> BitSet | None:
        """The documents a filter lets through, cached per searcher (filters repeat between queries).

        ``None`` lets everything through; a filter that lets nothing through is ``NO_DOCS``
        (whoosh reads an empty filter as no filter at all).
        """
        if is_everything(query):
            return None
        cache: OrderedDict = searcher.__dict__.setdefault("_kreativ_filters", OrderedDict())
        try:
            docs = cache.get(query)
        except TypeError:  # an unhashable query: no cache
            return _bitset(searcher, query)
        if docs is None:
            docs = cache[query] = _bitset(searcher, query)
            if len(cache) > FILTER_CACHE_SIZE:
                cache.popitem(last=False)
        else:
            cache.move_to_end(query)
        return docs


NO_DOCS = BitSet()


def _bitset(searcher: Searcher, query: Any) -> BitSet:
    docs = BitSet(searcher.docs_for_query(query), size=searcher.doc_count_all())
    return docs if docs else NO_DOCS


def _label(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def _with_bonuses(
    searcher: Searcher, query: Any, allowed: Any, compiler: Any, limit: int | None, accelerated: bool
) -> list:
    """Every match scored, plus the points of the boosted columns it matches; the best ``limit``.

    Accelerated, the scores come from ``scoring`` (every match at once) when it handles the query's
    shape; plain, or for any other shape, from whoosh's own search. The same points are added either way.
    """
    scores = None
    if accelerated:
        from . import scoring

        scores = scoring.scores(searcher, query, allowed)
    if scores is None:
        results = searcher.search(query, filter=allowed, limit=None, terms=False)
        scores = {docnum: float(score) for score, docnum in results.top_n}
    if scores:
        holding = _holding(searcher, set(scores), accelerated)
        for fieldname, term, points in compiler.bonuses:
            for docnum in holding(fieldname, term):
                scores[docnum] += points
    # Best score first, ties by docnum: a stable sort by score, descending, of the docnums in order.
    ranked = sorted(sorted(scores), key=scores.__getitem__, reverse=True)
    return [(scores[docnum], docnum) for docnum in (ranked if limit is None else ranked[:limit])]


def _holding(searcher: Searcher, matched: set[int], accelerated: bool) -> Callable[[str, str], Iterable[int]]:
    """``(field, term)`` → the ``matched`` docnums whose field holds the term."""
    if accelerated:
        from . import scoring

        candidates = scoring.Candidates(matched)  # sorted and split per segment once, not once per term
        return lambda fieldname, term: scoring.matching_docnums(searcher, fieldname, term, candidates)
    return lambda fieldname, term: matched.intersection(searcher.docs_for_query(wq.Term(fieldname, term)))


def _key_reader(searcher: Searcher, accelerated: bool) -> Any:
    """docnum → primary key as text: from the ``$pk`` column read whole (accelerated), else the stored ``$id``."""
    stored = searcher.stored_fields
    if accelerated and searcher.reader().has_column("$pk"):
        from . import columns

        try:
            pks = columns.integers(searcher, "$pk")  # every document of an integer-keyed index has one
        except columns.Unreadable:
            pass
        else:
            return lambda docnum: str(pks[docnum])
    return lambda docnum: stored(docnum)["$id"]


class WhooshSearchResults(BaseSearchResults):
    supports_facet = True

    def _index(self) -> WhooshIndex:
        return self.backend.get_index_for_model(self.query_compiler.queryset.model)

    def _hits(self, limit: int | None) -> list[tuple[str, float | None]]:
        """``(pk, score)`` of the first ``limit`` matches, in order (the score ``None`` when sorted)."""
        compiler = self.query_compiler
        query, filter_query = compiler.get_query(), compiler.get_filter()
        if isinstance(query, Nothing) or isinstance(filter_query, Nothing):
            return []
        index = self._index()
        searcher = index.searcher()
        allowed = index.docs_matching(searcher, filter_query)
        if allowed is NO_DOCS:
            return []
        sort = compiler.get_sort()
        accelerated = self.backend.accelerated
        key = _key_reader(searcher, accelerated)
        if sort is None and compiler.bonuses:
            ranked = _with_bonuses(searcher, query, allowed, compiler, limit, accelerated)
            return [(key(docnum), score) for score, docnum in ranked]
        results = searcher.search(query, filter=allowed, limit=limit, sortedby=sort, terms=False)
        scored = sort is None  # sorted results carry their sort key where a score would be
        return [(key(docnum), float(score) if scored else None) for score, docnum in results.top_n]

    def keys(self, limit: int | None = None) -> list[str]:
        """The primary keys of the matches, best first, read from the index alone (no database).

        For callers that only need keys (the finder intersects them with its own index of public
        calls); ``kreativ.search.keys_of`` falls back to loading objects on other backends.
        """
        if self.query_compiler.needs_verification:
            return [pk for pk, _ in self._verified()[:limit]]
        return [pk for pk, _ in self._hits(limit)]

    def _verified(self) -> list[tuple[str, float | None]]:
        """All matches the database confirms (for filters a flat index cannot answer exactly)."""
        if getattr(self, "_verified_cache", None) is None:
            hits = self._hits(None)
            queryset = self.query_compiler.queryset
            kept: list[tuple[str, float | None]] = []
            for start in range(0, len(hits), DB_CHUNK):
                chunk = hits[start : start + DB_CHUNK]
                pks = queryset.filter(pk__in=[pk for pk, _ in chunk]).values_list("pk", flat=True)
                confirmed = {str(pk) for pk in pks}
                kept.extend(hit for hit in chunk if hit[0] in confirmed)
            self._verified_cache = kept
        return self._verified_cache

    def _do_search(self) -> Iterator[models.Model]:
        if self.stop is not None and self.stop <= self.start:  # an empty slice, e.g. a paginator's
            return iter(())
        if self.query_compiler.needs_verification:
            hits = self._verified()[self.start : self.stop]
        else:
            hits = self._hits(self.stop)[self.start : self.stop]
        if not hits:
            return iter(())
        scores = dict(hits)
        queryset = self.query_compiler.queryset
        found: dict[str, models.Model] = {}
        for start in range(0, len(hits), DB_CHUNK):
            for obj in queryset.filter(pk__in=[pk for pk, _ in hits[start : start + DB_CHUNK]]):
                found[str(obj.pk)] = obj
        ordered = []
        for pk, _score in hits:
            obj = found.get(pk)
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, scores[pk])
                ordered.append(obj)
        return iter(ordered)

    def _do_count(self) -> int:
        total = len(self._verified()) if self.query_compiler.needs_verification else self._match_count()
        total -= self.start
        if self.stop is not None:
            total = min(total, self.stop - self.start)
        return max(total, 0)

    def _match_count(self) -> int:
        compiler = self.query_compiler
        query, filter_query = compiler.get_query(), compiler.get_filter()
        if isinstance(query, Nothing) or isinstance(filter_query, Nothing):
            return 0
        index = self._index()
        searcher = index.searcher()
        allowed = index.docs_matching(searcher, filter_query)
        if is_everything(query):  # the filter's documents are live ones already
            return searcher.doc_count() if allowed is None else len(allowed)
        matched = searcher.docs_for_query(query)
        if allowed is None:
            return sum(1 for _ in matched)
        return sum(1 for docnum in matched if docnum in allowed)

    def facet(self, field_name: str) -> OrderedDict:
        """Counts of each value of a filter field among the matches, most frequent first."""
        compiler = self.query_compiler
        field = compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f"index.FilterField('{field_name}') to {compiler.queryset.model.__name__}.search_fields.",
                field_name=field_name,
            )
        column = compiler.mapping.filter_column([field])
        query = q_and([compiler.get_query(), compiler.get_filter()])
        if isinstance(query, Nothing):
            return OrderedDict()
        index = self._index()
        searcher = index.searcher()
        matched = set(searcher.docs_for_query(query))
        counts: dict[Any, int] = {}
        reader = searcher.reader()
        field_type = searcher.schema[column.name] if column.name in searcher.schema.names() else None
        if field_type is not None:
            for term in field_type.sortable_terms(reader, column.name):
                docs = set(reader.postings(column.name, term).all_ids()) & matched
                if docs:
                    counts[_decode(column, field_type.from_bytes(term))] = len(docs)
        if "$null" in searcher.schema and reader.doc_frequency("$null", column.name):
            nulls = set(reader.postings("$null", column.name).all_ids()) & matched
            if nulls:
                counts[None] = len(nulls)
        return OrderedDict(sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))))


def _decode(column: FilterColumn, value: Any) -> Any:
    """An indexed filter value back as the database gives it (facets return real values)."""
    kind = column.internal_type
    if column.kind != "int":
        return value
    if kind in ("BooleanField", "NullBooleanField"):
        return bool(value)
    if kind == "DateField":
        return dt.date.fromordinal(value)
    if kind == "DateTimeField":
        return dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=value)
    if kind == "TimeField":
        seconds, micros = divmod(value, 1_000_000)
        return dt.time(seconds // 3600, seconds // 60 % 60, seconds % 60, micros)
    return value


class WhooshIndexRebuilder:
    """``update_index``: builds a new generation beside the current one, then swaps them at once.

    The new generation is written by one writer from start to finish (no merges on the way), with
    one analysing process per core when there is enough to index; updates saved meanwhile go to its
    journal, applied before the swap and once more after it.
    """

    BUILD_MEMORY_MB = 256
    # Below this many objects, starting processes costs more than it saves.
    PARALLEL_FROM = 5000

    def __init__(self, index: WhooshIndex) -> None:
        self.index = index
        self.building: WhooshIndex | None = None
        self.expected = 0
        self._writer: Any = None

    def start(self) -> WhooshIndex:
        generation = self.index.store.start_building()
        self.building = WhooshIndex(self.index.backend, self.index.root, generation=generation)
        self.building.rebuilder = self
        return self.building

    def expect(self, count: int) -> None:
        self.expected += count

    def writer(self) -> Any:
        if self._writer is None:
            assert self.building is not None and self.building.generation is not None
            processes = self.index.backend.build_processes if self.expected >= self.PARALLEL_FROM else 1
            ix = self.index.store.open(self.building.generation)
            options = {"procs": processes, "multisegment": True} if processes > 1 else {}
            self._writer = ix.writer(limitmb=self.BUILD_MEMORY_MB, **options)
        return self._writer

    def finish(self) -> None:
        assert self.building is not None and self.building.generation is not None
        building, generation, store = self.building, self.building.generation, self.index.store
        writer = self.writer()
        building.rebuilder = None
        try:
            entries = store.pending(generation)
            building._replay(writer, [op for _path, entry in entries for op in entry])
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        store.forget(entries)
        store.publish(generation)
        building._drain(generation, timeout=None)


class WhooshSearchBackend(BaseSearchBackend):
    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    results_class = WhooshSearchResults
    rebuilder_class = WhooshIndexRebuilder
    # An index that cannot be written never fails the save that wrote the object: the error is
    # logged, and ``update_index`` rebuilds the index from the database.
    catch_indexing_errors = True

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        params = dict(params)
        default_path = getattr(settings, "SEARCH_INDEX_PATH", Path(settings.BASE_DIR) / "var" / "search-index")
        self.path = Path(params.pop("PATH", default_path))
        languages = params.pop("LANGUAGES", None) or [code for code, _name in settings.LANGUAGES]
        self.languages = tuple(dict.fromkeys(code.lower().split("-")[0] for code in languages))
        self.default_language = params.pop("LANGUAGE", settings.LANGUAGE_CODE)
        self.lock_timeout = float(params.pop("LOCK_TIMEOUT", 10))
        self.index_prefix = params.pop("INDEX_PREFIX", "")
        self.build_processes = int(params.pop("BUILD_PROCESSES", os.cpu_count() or 1))
        # Read by the search at call time; the process-wide patches are set to match it here.
        self.accelerated = acceleration.option(params)
        params.pop(acceleration.OPTION, None)
        acceleration.install(self.accelerated)
        params.pop("ATOMIC_REBUILD", None)
        params.pop("AUTO_UPDATE", None)

    def get_index_for_model(self, model: type[models.Model]) -> WhooshIndex:
        return WhooshIndex(self, get_model_root(model))

    def _search(self, query_compiler_class: type, query: Any, model_or_queryset: Any, **kwargs: Any) -> Any:
        return super()._search(query_compiler_class, query, model_or_queryset, languages=self.languages, **kwargs)

    def document(self, obj: models.Model) -> dict[str, Any]:
        """The whoosh document of ``obj`` in the field of its language."""
        language = analysis.normalise_language(language_of(obj) or self.default_language, self.languages)
        return Mapping(type(obj), self.languages).document(obj, language)

    def suggest(
        self, text: str, model_or_queryset: Any, language: str | None = None, keep: Collection[str] = ()
    ) -> str | None:
        """A spelling the index knows for a query that found little ("did you mean"), or ``None``.

        The words come from the autocomplete fields (titles, names): the words readers look for.
        Words in ``keep`` (folded) are left as typed: the search vocabulary's terms, which find
        their equivalents in every language and need no correction. Of the spellings as close as
        each other, one that the texts of ``language`` use (the reader's) goes first, so a Czech
        reader is offered a Czech word rather than an English one; then whoosh's order, then the
        most frequent.
        """
        model = model_or_queryset.model if isinstance(model_or_queryset, models.QuerySet) else model_or_queryset
        searcher = self.get_index_for_model(model).searcher()
        reader = searcher.reader()
        columns = {
            f"{column.name}.ac"
            for other in indexed_subclasses(model)
            for column in Mapping(other, self.languages).autocomplete_columns()
        }
        columns = [name for name in sorted(columns) if name in searcher.schema.names()]
        in_language = self._used_in(reader, language)
        corrected, changed = [], False
        for word in (token.text for token in analysis.spelling_analyser()(text)):
            if len(word) < 4 or word in keep or any(reader.doc_frequency(name, word) for name in columns):
                corrected.append(word)
                continue
            candidates = [
                (in_language(candidate), -rank, reader.doc_frequency(name, candidate), candidate)
                for name in columns
                for rank, candidate in enumerate(
                    searcher.suggest(name, word, limit=SUGGESTIONS_PER_FIELD, maxdist=2, prefix=1)
                )
            ]
            if candidates:
                corrected.append(max(candidates)[-1])
                changed = True
            else:
                corrected.append(word)
        return " ".join(corrected) if changed else None

    def _used_in(self, reader: Any, language: str | None) -> Callable[[str], bool]:
        """Whether the texts of ``language`` use a word (its stems in that language's ``$all`` field)."""
        code = analysis.normalise_language(language, self.languages) if language else analysis.FALLBACK
        fieldname = f"$all.{code}"
        if code == analysis.FALLBACK or fieldname not in reader.schema.names():
            return lambda word: False
        ana = analysis.analyser(code)

        def used(word: str) -> bool:
            return any(
                reader.doc_frequency(fieldname, variant)
                for _pos, variants in analysis.query_terms(word, ana)
                for variant in variants
            )

        return used


SearchBackend = WhooshSearchBackend
