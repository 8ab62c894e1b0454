"""Turning a ``.search()`` call (a modelsearch query and a Django queryset) into whoosh queries.

Three parts come out of one call: the scoring query (the text, with field boosts), the filter (the
queryset's ``filter()``, ``exclude()`` and content type, applied as a set of documents, so it never
changes a score), and the sort order when results are not ordered by relevance.

Filters through a relation with many objects are indexed flat (``authors.date_of_birth.f`` holds
every author's date), which answers one condition per relation exactly. Two conditions on the
*same* related object (``filter(books__date=…, books__pages__gt=…)``) cannot be told apart from two
conditions on different books in a flat index, so such a query is marked ``needs_verification`` and
the database confirms each hit before it is counted.
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

from django.db import DEFAULT_DB_ALIAS
from django.db.models import F, OrderBy, Subquery
from django.db.models.sql import Query
from django.db.models.sql.constants import MULTI, SINGLE
from modelsearch.backends.base import BaseSearchQueryCompiler, OrderByFieldError
from modelsearch.index import RelatedFields
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from whoosh import query as wq
from whoosh.sorting import FieldFacet

from . import analysis
from .mapping import FilterColumn, Mapping, TextColumn, content_type, indexed_subclasses, is_multi_valued


class Nothing(wq.Query):
    """Matches no document. (whoosh's ``NullQuery`` vanishes inside ``And``, which is not "nothing".)"""

    def __repr__(self) -> str:
        return "Nothing()"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Nothing)

    def __hash__(self) -> int:
        return hash("Nothing")

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        from whoosh.matching import NullMatcher

        return NullMatcher()


NOTHING = Nothing()


def is_everything(q: wq.Query) -> bool:
    return isinstance(q, wq.Every) and not q.fieldname


def q_and(parts: list[wq.Query]) -> wq.Query:
    if any(isinstance(part, Nothing) for part in parts):
        return NOTHING
    parts = [part for part in parts if not is_everything(part)]
    if not parts:
        return wq.Every()
    return parts[0] if len(parts) == 1 else wq.And(parts)


def q_or(parts: list[wq.Query], boost: float = 1.0) -> wq.Query:
    parts = [part for part in parts if not isinstance(part, Nothing)]
    if not parts:
        return NOTHING
    if len(parts) == 1:
        return parts[0] if boost == 1.0 else parts[0].with_boost(parts[0].boost * boost)
    return wq.Or(parts, boost=boost)


def q_not(part: wq.Query) -> wq.Query:
    if isinstance(part, Nothing):
        return wq.Every()
    if is_everything(part):
        return NOTHING
    return wq.AndNot(wq.Every(), part)


class WhooshSearchQueryCompiler(BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "or"
    HANDLES_ORDER_BY_EXPRESSIONS = True

    def __init__(self, *args: Any, languages: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.languages = languages
        self.mapping = Mapping(self.queryset.model, languages)
        self.needs_verification = False
        # (field, term, points): a match found there earns the points on top of its score. Boosted
        # columns are scored after the search, on its matches only (see WhooshSearchResults._hits),
        # which costs a fraction of whoosh's own AndMaybe walking their postings match by match.
        self.bonuses: list[tuple[str, str, float]] = []
        self._aliases: Counter[str] = Counter()

    # --- text ----------------------------------------------------------------------------------

    def _targets(self) -> list[tuple[str, float]]:
        """The whoosh field name templates (``{lang}`` for the language) searched, with their boosts."""
        if not self.fields:
            return [("$all.{lang}", 1.0)]
        targets = []
        for name in self.fields:
            column = self.mapping.column_of("search", name)
            if column is not None:
                targets.append((self.mapping.text_field(column.name, "{lang}"), column.boost))
        return targets

    def _boost_targets(self) -> list[tuple[str, float]]:
        """Boosted columns of the model and its subclasses: a match there adds its boost to the score."""
        if self.fields:
            return []
        return [(self.mapping.text_field(column.name, "{lang}"), column.boost) for column in self._columns("boosted")]

    def _columns(self, which: str) -> list[TextColumn]:
        found: dict[str, TextColumn] = {}
        for model in indexed_subclasses(self.queryset.model):
            mapping = Mapping(model, self.languages)
            columns = mapping.boosted_columns() if which == "boosted" else mapping.autocomplete_columns()
            found.update((column.name, column) for column in columns)
        return list(found.values())

    def _languages(self) -> tuple[str, ...]:
        return (*self.languages, analysis.FALLBACK)

    def _terms_query(
        self, fieldname: str, terms: list[tuple[int, tuple[str, ...]]], operator: str, boost: float = 1.0
    ) -> wq.Query:
        parts = [_alternatives(fieldname, variants) for _pos, variants in terms]
        if not parts:
            return NOTHING
        combined = _combine(parts, operator)
        return combined if boost == 1.0 else combined.with_boost(boost)

    def _plain(self, text: str, operator: str, boost: float) -> wq.Query:
        main: list[wq.Query] = []
        for language in self._languages():
            terms = analysis.query_terms(text, analysis.analyser(language))
            if not terms:
                continue
            for template, field_boost in self._targets():
                main.append(self._terms_query(template.format(lang=language), terms, operator, field_boost))
            for template, field_boost in self._boost_targets():
                fieldname = template.format(lang=language)
                self.bonuses.extend((fieldname, variant, field_boost * boost) for _pos, v in terms for variant in v)
        return q_or(main, boost=boost)

    def _phrase(self, text: str, boost: float) -> wq.Query:
        parts = []
        for language in self._languages():
            terms = analysis.query_terms(text, analysis.analyser(language))
            if not terms:
                continue
            positions = [pos for pos, _ in terms]
            # A stop word left out of the query leaves a gap the document has too.
            slop = max([b - a for a, b in itertools.pairwise(positions)] or [1])
            for template, field_boost in self._targets():
                fieldname = template.format(lang=language)
                words = [_alternatives(fieldname, variants) for _pos, variants in terms]
                if len(words) == 1:
                    query = words[0]
                elif fieldname.startswith("$all."):
                    query = wq.Sequence(words, slop=slop)
                else:  # single columns keep no positions: every word of the phrase, anywhere
                    query = wq.And(words)
                parts.append(query.with_boost(field_boost) if field_boost != 1.0 else query)
        return q_or(parts, boost=boost)

    def _fuzzy(self, text: str, operator: str, boost: float) -> wq.Query:
        parts = []
        for language in self._languages():
            stems = analysis.query_terms(text, analysis.analyser(language))
            for template, field_boost in self._targets():
                fieldname = template.format(lang=language)
                words = []
                for _pos, variants in stems:
                    fuzzy = [wq.FuzzyTerm(fieldname, v, maxdist=_fuzziness(v), prefixlength=1) for v in variants]
                    words.append(fuzzy[0] if len(fuzzy) == 1 else wq.Or(fuzzy))
                if words:
                    combined = _combine(words, operator)
                    parts.append(combined.with_boost(field_boost) if field_boost != 1.0 else combined)
        return q_or(parts, boost=boost)

    def compile(self, query: Any, boost: float = 1.0) -> wq.Query:
        """A modelsearch query as a whoosh query."""
        if isinstance(query, MatchAll):
            return wq.Every()
        if isinstance(query, PlainText):
            return self._plain(query.query_string, query.operator, boost * getattr(query, "boost", 1.0))
        if isinstance(query, Phrase):
            return self._phrase(query.query_string, boost)
        if isinstance(query, Fuzzy):
            return self._fuzzy(query.query_string, query.operator, boost)
        if isinstance(query, And):
            return q_and([self.compile(sub, boost) for sub in query.subqueries])
        if isinstance(query, Or):
            return q_or([self.compile(sub, boost) for sub in query.subqueries])
        if isinstance(query, Not):
            return q_not(self.compile(query.subquery, boost))
        if isinstance(query, Boost):
            return self.compile(query.subquery, boost * query.boost)
        raise NotImplementedError(f"`{query.__class__.__name__}` is not supported by the whoosh search backend.")

    def get_query(self) -> wq.Query:
        if getattr(self, "_compiled", None) is None:
            self.bonuses = []
            self._compiled = self.compile(self.query)
        return self._compiled

    # --- filters -------------------------------------------------------------------------------

    def _process_filter(self, column: Any, lookup: str, value: Any, check_only: bool = False) -> Any:
        if not check_only:
            path = self._get_filter_field_path_for_column(column)
            model = self.queryset.model
            for field in path:
                if isinstance(field, RelatedFields):
                    if is_multi_valued(model, field):
                        self._aliases[column.alias] += 1
                        if self._aliases[column.alias] > 1:
                            self.needs_verification = True
                    model = field.get_field(model).related_model
        return super()._process_filter(column, lookup, value, check_only=check_only)

    def _process_lookup(self, field_path: list[Any], lookup: str, value: Any) -> wq.Query | None:
        column = self.mapping.filter_column(field_path)
        if lookup == "exact":
            if isinstance(value, (Query, Subquery)):
                value = self._run_subquery(value, SINGLE)
                value = value[0] if value else None
            if value is None:
                return wq.Term("$null", column.name)
            return self._term(column, value)
        if lookup == "isnull":
            null = wq.Term("$null", column.name)
            return null if value else q_not(null)
        if lookup in ("startswith", "prefix"):
            return wq.Prefix(column.name, str(column.encode(value)))
        if lookup in ("gt", "gte", "lt", "lte"):
            bound = column.encode(value)
            if lookup in ("gt", "gte"):
                return self._range(column, bound, None, start_excl=lookup == "gt")
            return self._range(column, None, bound, end_excl=lookup == "lt")
        if lookup == "range":
            lower, upper = value
            return self._range(column, column.encode(lower), column.encode(upper))
        if lookup == "in":
            if isinstance(value, (Query, Subquery)):
                rows = self._run_subquery(value, MULTI)
                value = [row[0] for chunk in rows for row in chunk]
            values = list(value)
            return q_or([self._term(column, item) for item in values if item is not None])
        return None

    def _run_subquery(self, value: Query | Subquery, result_type: str) -> Any:
        db_alias = self.queryset._db or DEFAULT_DB_ALIAS
        query = value.query if isinstance(value, Subquery) else value
        return query.get_compiler(db_alias).execute_sql(result_type=result_type)

    def _term(self, column: FilterColumn, value: Any) -> wq.Query:
        return wq.Term(column.name, column.encode(value))

    def _range(
        self, column: FilterColumn, start: Any, end: Any, start_excl: bool = False, end_excl: bool = False
    ) -> wq.Query:
        if column.kind == "str":
            return wq.TermRange(column.name, start, end, startexcl=start_excl, endexcl=end_excl)
        return wq.NumericRange(column.name, start, end, startexcl=start_excl, endexcl=end_excl)

    def _process_match_none(self) -> wq.Query:
        return NOTHING

    def _connect_filters(self, filters: list[wq.Query], connector: str, negated: bool) -> wq.Query | None:
        if not filters:
            return None
        combined = q_and(filters) if connector == "AND" else q_or(filters)
        return q_not(combined) if negated else combined

    def get_filter(self) -> wq.Query:
        """Everything the queryset asks of the objects, plus their content type."""
        parts = []
        if not self.mapping.is_only_model_in_index():
            parts.append(wq.Term("$ct", content_type(self.queryset.model)))
        filters = self._get_filters_from_queryset()
        if filters is not None:
            parts.append(filters)
        return q_and(parts)

    # --- order ---------------------------------------------------------------------------------

    def get_sort(self) -> list[FieldFacet] | None:
        """The sort order when relevance does not decide; ``None`` to sort by score."""
        if self.order_by_relevance:
            return None
        model = self.queryset.model
        order_by = list(self.queryset.query.order_by)
        if not order_by and self.queryset.query.default_ordering:
            order_by = list(model._meta.ordering or [])
            if not all(isinstance(name, str) and self._sortable(name.lstrip("-")) for name in order_by):
                order_by = []
        facets = []
        for entry in order_by:
            if isinstance(entry, OrderBy):
                expression = entry.expression
                if not isinstance(expression, F):
                    raise OrderByFieldError(
                        f'Sorting search results with "{entry}" is not supported by this search backend.',
                        field_name=str(entry),
                    )
                name, reverse = expression.name, entry.descending
            else:
                name, reverse = (entry[1:], True) if entry.startswith("-") else (entry, False)
            facets.append(FieldFacet(self._sort_column(name), reverse=reverse))
        if not facets:
            facets.append(FieldFacet("$pk" if self._integer_pk() else "$id", reverse=True))
        return facets

    def _sortable(self, name: str) -> bool:
        return self._get_filterable_field(name) is not None or name == "pk"

    def _integer_pk(self) -> bool:
        return self.queryset.model._meta.pk.get_internal_type() in ("AutoField", "BigAutoField", "SmallAutoField")

    def _sort_column(self, name: str) -> str:
        if name in ("pk", self.queryset.model._meta.pk.attname) and self._get_filterable_field(name) is None:
            return "$pk" if self._integer_pk() else "$id"
        field = self._get_filterable_field(name)
        if field is None:
            raise OrderByFieldError(
                f'Cannot sort search results with field "{name}". Please add index.FilterField("{name}") to '
                f"{self.queryset.model.__name__}.search_fields.",
                field_name=name,
            )
        column = self.mapping.filter_column([field])
        if column.multi:
            raise OrderByFieldError(f'Cannot sort search results by "{name}": it holds many values.', field_name=name)
        return column.name


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    """Prefix matching on the autocomplete fields, as the user types (``Learni`` → *Learning*).

    Every query word is a prefix of some word of the field, as with Elasticsearch's edge n-grams,
    but the index keeps whole words and whoosh expands each prefix over its sorted word list: an
    edge-n-gram field costs five times the postings, the most of any field of a funding call.
    """

    def _autocomplete_fields(self) -> list[str]:
        if not self.fields:
            return [self.mapping.autocomplete_field(column.name) for column in self._columns("autocomplete")]
        columns = [self.mapping.column_of("autocomplete", name) for name in self.fields]
        return [self.mapping.autocomplete_field(column.name) for column in columns if column is not None]

    def check(self) -> None:
        # Autocomplete fields are AutocompleteFields, not SearchFields: check those.
        fields, self.fields = self.fields, None
        try:
            super().check()
        finally:
            self.fields = fields

    def compile(self, query: Any, boost: float = 1.0) -> wq.Query:
        if isinstance(query, MatchAll):
            return wq.Every()
        if not isinstance(query, PlainText):
            raise NotImplementedError(f"`{query.__class__.__name__}` is not supported for autocomplete queries.")
        terms = analysis.query_terms(query.query_string, analysis.spelling_analyser())
        words = [variants[0] for _pos, variants in terms]
        parts = []
        for name in self._autocomplete_fields():
            prefixes = [wq.Prefix(name, word) for word in words]
            if prefixes:
                parts.append(_combine(prefixes, query.operator))
        return q_or(parts)


def _alternatives(fieldname: str, variants: tuple[str, ...]) -> wq.Query:
    """One query word: a term, or its stems' alternatives at one position."""
    terms = [wq.Term(fieldname, variant) for variant in variants]
    return terms[0] if len(terms) == 1 else wq.Or(terms)


def _combine(parts: list[wq.Query], operator: str) -> wq.Query:
    if len(parts) == 1:
        return parts[0]
    return wq.And(parts) if operator == "and" else wq.Or(parts)


def _fuzziness(word: str) -> int:
    """Elasticsearch's ``AUTO``: exact up to 2 letters, one edit up to 5, two beyond."""
    return 0 if len(word) <= 2 else 1 if len(word) <= 5 else 2


__all__ = [
    "NOTHING",
    "Nothing",
    "WhooshAutocompleteQueryCompiler",
    "WhooshSearchQueryCompiler",
    "is_everything",
    "q_and",
    "q_not",
    "q_or",
]
