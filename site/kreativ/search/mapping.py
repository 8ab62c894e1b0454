"""How a model's ``search_fields`` become whoosh fields, and an object becomes a whoosh document.

One index holds a root model and all its subclasses (every page type in one index, as the
Elasticsearch backend does), so a column defined on a subclass is prefixed with that subclass
(``searchtests_novel__setting``). Field names:

====================  ========================================================================
``$id``, ``$pk``      the primary key (as text, unique; and as a number to sort by, when it is one)
``$ct``               the content types the object answers to (``searchtests.Novel``, ``….Book``)
``$null``             the filter columns whose value is empty, for ``isnull`` lookups
``$all.<lang>``       every searchable text of the object, in its language's field (a field that
                      declares its own, ``SearchField("short_sl", language="sl")``, in that one)
``<c>.<lang>``        a searchable column (for ``fields=[…]``), or a boosted one (for its boost)
``<c>.ac``            the words of an autocomplete field (matched by prefix; "did you mean")
``<c>.f``             one filter column; through relations ``<relation>.<c>.f``
====================  ========================================================================

Filter values are indexed in a form that sorts and ranges like the database's: numbers, booleans,
dates, times and datetimes as 64-bit integers, everything else as exact strings. A relation with
many objects (many-to-many, reverse foreign key) gives a multi-valued column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.encoding import force_str
from modelsearch.backends.base import get_model_root
from modelsearch.index import AutocompleteField, FilterField, Indexed, RelatedFields, SearchField, get_indexed_models
from whoosh import fields, formats

from . import analysis

INTEGER_TYPES = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "IntegerField",
        "BigIntegerField",
        "SmallIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "PositiveBigIntegerField",
        "BooleanField",
        "NullBooleanField",
        "DateField",
        "DateTimeField",
        "TimeField",
    }
)
FLOAT_TYPES = frozenset({"FloatField", "DecimalField"})
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class Keywords(fields.FieldType):
    """Exact strings, one or many per document (``ID`` takes only one); sortable when single."""

    def __init__(self, sortable: bool = False) -> None:
        self.format = formats.Existence()
        self.analyzer = None
        self.stored = False
        self.unique = False
        self.scorable = False
        self.set_sortable(sortable)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        values = value if isinstance(value, (list, tuple, set)) else [value]
        for text in dict.fromkeys(values):
            yield text.encode("utf-8"), 1, 1.0, b""

    def process_text(self, qstring: str, mode: str = "", **kwargs: Any) -> Iterator[str]:
        yield qstring

    def to_column_value(self, value: Any) -> bytes:
        if isinstance(value, (list, tuple)):
            value = value[0] if value else ""
        return value.encode("utf-8") if isinstance(value, str) else value


def column_kind(internal_type: str) -> str:
    """``int``, ``float`` or ``str``: how a filter column of this Django type is indexed."""
    if internal_type in INTEGER_TYPES:
        return "int"
    if internal_type in FLOAT_TYPES:
        return "float"
    return "str"


def encode_filter_value(value: Any, internal_type: str) -> Any:
    """A database value as the index keeps it, so it compares and sorts as the database's does."""
    if value is None:
        return None
    if isinstance(value, models.Model):
        value = value.pk
    kind = column_kind(internal_type)
    if kind == "str":
        return force_str(value)
    if kind == "float":
        return float(value)
    if internal_type == "DateTimeField":
        return _datetime_micros(value)
    if internal_type == "DateField":
        return _date_ordinal(value)
    if internal_type == "TimeField":
        return _time_micros(value)
    return int(value)


def _datetime_micros(value: dt.datetime | dt.date | str) -> int:
    """Microseconds since 1970 in UTC; a date means its midnight in the current time zone, as in Django."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if timezone.is_naive(value):
        value = timezone.make_aware(value) if settings.USE_TZ else value.replace(tzinfo=dt.UTC)
    delta = value - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _date_ordinal(value: dt.date | str) -> int:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.toordinal()


def _time_micros(value: dt.time | str) -> int:
    if isinstance(value, str):
        value = dt.time.fromisoformat(value)
    return ((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + value.microsecond


@dataclass(frozen=True)
class FilterColumn:
    """One filter column of the index: its field name, Django type and whether it holds many values."""

    name: str
    internal_type: str
    multi: bool

    @property
    def kind(self) -> str:
        return column_kind(self.internal_type)

    def field_type(self) -> fields.FieldType:
        if self.kind == "str":
            return Keywords(sortable=not self.multi)
        numtype = float if self.kind == "float" else int
        # Range tiers make ranges fast; a yes/no value never needs them.
        shift_step = 0 if self.internal_type in ("BooleanField", "NullBooleanField") else 16
        return fields.NUMERIC(numtype=numtype, bits=64, signed=True, sortable=not self.multi, shift_step=shift_step)

    def encode(self, value: Any) -> Any:
        return encode_filter_value(value, self.internal_type)


@dataclass(frozen=True)
class TextColumn:
    """A column of text: a top-level search field (for ``fields=[…]``), a boosted one (scored with its
    boost), or an autocomplete field (word prefixes)."""

    name: str
    boost: float


def definition_prefix(model: type[models.Model], field: Any) -> str:
    """``app_model__`` for a field defined below the index's root model (names may clash there)."""
    definition_model = field.get_definition_model(model)
    if definition_model is None or definition_model == get_model_root(model):
        return ""
    return f"{definition_model._meta.app_label.lower()}_{definition_model.__name__.lower()}__"


def is_multi_valued(model: type[models.Model], related: RelatedFields | FilterField) -> bool:
    try:
        field = related.get_field(model)
    except Exception:  # a callable or property: one value
        return False
    return bool(getattr(field, "many_to_many", False) or getattr(field, "one_to_many", False))


def content_type(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def content_types(model: type[models.Model]) -> list[str]:
    """The model and every indexed model it inherits from: a Novel is found when Books are searched."""
    result = [content_type(model)]
    parent = model.indexed_get_parent() if issubclass(model, Indexed) else None
    while parent is not None:
        result.append(content_type(parent))
        parent = parent.indexed_get_parent()
    return result


class Mapping:
    """The index layout of one model (and the document of each of its objects)."""

    def __init__(self, model: type[models.Model], languages: tuple[str, ...]) -> None:
        self.model = model
        self.languages = languages
        self.all_languages = (*languages, analysis.FALLBACK)

    # --- columns -------------------------------------------------------------------------------

    def text_field(self, column: str, language: str) -> str:
        return f"{column}.{language}"

    def autocomplete_field(self, column: str) -> str:
        return f"{column}.ac"

    def text_columns(self) -> dict[tuple[str, str], TextColumn]:
        """Text columns keyed by (kind, path of ``search_fields`` names): ``("search", ("title",))``."""
        return _text_columns(self.model)

    def column_of(self, kind: str, field_name: str) -> TextColumn | None:
        """The column of a top-level search or autocomplete field, as ``fields=[…]`` names it."""
        return self.text_columns().get((kind, (field_name,)))

    def boosted_columns(self) -> list[TextColumn]:
        return [c for (kind, _), c in self.text_columns().items() if kind == "search" and c.boost != 1.0]

    def autocomplete_columns(self) -> list[TextColumn]:
        return [c for (kind, _), c in self.text_columns().items() if kind == "autocomplete"]

    def filter_columns(self) -> dict[tuple[str, ...], FilterColumn]:
        """Filter columns keyed by the path of ``search_fields`` names that leads to them."""
        return _filter_columns(self.model)

    def filter_column(self, path: list[Any]) -> FilterColumn:
        key = tuple(field.field_name for field in path)
        return self.filter_columns()[key]

    def is_only_model_in_index(self) -> bool:
        """True when no other model shares the index, so the content-type filter can be skipped."""
        root = get_model_root(self.model)
        return self.model is root and models_in_index(root) == (root,)

    # --- documents -----------------------------------------------------------------------------

    def document(self, obj: models.Model, language: str) -> dict[str, Any]:
        """The whoosh document of an object: its text in ``language``'s fields, its filter values."""
        builder = _DocumentBuilder(self, language)
        builder.walk(type(obj), obj.get_search_fields(), [obj], (), top=True)
        doc = builder.doc
        doc["$id"] = str(obj.pk)
        doc["$ct"] = content_types(type(obj))
        if isinstance(obj.pk, int):
            doc["$pk"] = obj.pk
        for text_language, texts in builder.texts.items():
            doc[f"$all.{text_language}"] = "\n".join(texts)
        for name, parts in builder.columns_text.items():
            doc[name] = "\n".join(parts)
        if builder.nulls:
            doc["$null"] = builder.nulls
        return doc


class _DocumentBuilder:
    """Walks an object's ``search_fields``, into its relations, gathering what its document holds."""

    def __init__(self, mapping: Mapping, language: str) -> None:
        self.mapping = mapping
        self.language = language
        self.columns = mapping.filter_columns()
        self.text_columns = mapping.text_columns()
        self.doc: dict[str, Any] = {}
        self.texts: dict[str, list[str]] = {}  # language → the texts analysed in it
        self.columns_text: dict[str, list[str]] = {}
        self.nulls: list[str] = []

    def walk(
        self,
        model: type[models.Model],
        search_fields: Iterable[Any],
        instances: list[models.Model],
        key: tuple[str, ...],
        top: bool,
    ) -> None:
        """``instances`` are the objects at this level: one at the top, any number through a relation."""
        for field in search_fields:
            if isinstance(field, RelatedFields):
                sub_model = _related_model(model, field)
                if sub_model is not None:
                    related = [item for instance in instances for item in _related_objects(field, instance)]
                    self.walk(sub_model, field.fields, related, (*key, field.field_name), top=False)
            elif isinstance(field, FilterField):
                self._filter(field, instances, (*key, field.field_name))
            elif isinstance(field, (SearchField, AutocompleteField)):
                for instance in instances:
                    self._text(field, _text(field.get_value(instance)), (*key, field.field_name))

    def _filter(self, field: FilterField, instances: list[models.Model], key: tuple[str, ...]) -> None:
        column = self.columns.get(key)
        if column is None:
            return
        values = [value for instance in instances for value in _filter_values(field, instance)]
        encoded = [column.encode(value) for value in values if value is not None]
        if not encoded:
            self.nulls.append(column.name)
        else:
            self.doc[column.name] = encoded if column.multi else encoded[0]

    def _text(self, field: SearchField | AutocompleteField, text: str, key: tuple[str, ...]) -> None:
        if not text:
            return
        kind = "autocomplete" if isinstance(field, AutocompleteField) else "search"
        language = self._language_of(field)
        if kind == "search":
            self.texts.setdefault(language, []).append(text)
        column = self.text_columns.get((kind, key))
        if column is not None:
            name = column.name + (".ac" if kind == "autocomplete" else f".{language}")
            self.columns_text.setdefault(name, []).append(text)

    def _language_of(self, field: SearchField | AutocompleteField) -> str:
        """A field written in one language says so (``SearchField("short_sl", language="sl")``): an
        object with texts in several languages has each analysed in its own; other fields are in the
        object's language."""
        declared = field.kwargs.get("language")
        if not declared:
            return self.language
        return analysis.normalise_language(declared, self.mapping.languages)


# --- module-level caches: the layout of a model never changes while the process runs ----------


def _related_model(model: type[models.Model], field: RelatedFields) -> type[models.Model] | None:
    try:
        return field.get_field(model).related_model
    except Exception:
        return None


def _related_objects(field: RelatedFields, instance: models.Model) -> list[models.Model]:
    value = field.get_value(instance)
    if isinstance(value, (models.Manager, models.QuerySet)):
        return list(value.all())
    if isinstance(value, models.Model):
        return [value]
    return []


@cache
def _filter_columns(model: type[models.Model]) -> dict[tuple[str, ...], FilterColumn]:
    columns: dict[tuple[str, ...], FilterColumn] = {}

    def walk(current: type[models.Model], search_fields: Iterable[Any], prefix: str, key: tuple, multi: bool) -> None:
        for field in search_fields:
            if isinstance(field, RelatedFields):
                sub_model = _related_model(current, field)
                if sub_model is None:
                    continue
                name = (definition_prefix(current, field) if not key else "") + field.field_name
                walk(
                    sub_model,
                    field.fields,
                    f"{prefix}{name}.",
                    (*key, field.field_name),
                    multi or is_multi_valued(current, field),
                )
            elif isinstance(field, FilterField):
                name = (definition_prefix(current, field) if not key else "") + field.get_attname(current)
                columns[(*key, field.field_name)] = FilterColumn(
                    name=f"{prefix}{name}.f",
                    internal_type=field.get_type(current),
                    multi=multi or is_multi_valued(current, field),
                )

    walk(model, model.get_search_fields(), "", (), False)
    return columns


@cache
def _text_columns(model: type[models.Model]) -> dict[tuple[str, tuple[str, ...]], TextColumn]:
    columns: dict[tuple[str, tuple[str, ...]], TextColumn] = {}

    def walk(current: type[models.Model], search_fields: Iterable[Any], prefix: str, key: tuple) -> None:
        for field in search_fields:
            if isinstance(field, RelatedFields):
                sub_model = _related_model(current, field)
                if sub_model is not None:
                    name = (definition_prefix(current, field) if not key else "") + field.field_name
                    walk(sub_model, field.fields, f"{prefix}{name}.", (*key, field.field_name))
            elif isinstance(field, (SearchField, AutocompleteField)):
                boost = float(getattr(field, "boost", None) or 1.0)
                kind = "autocomplete" if isinstance(field, AutocompleteField) else "search"
                # Every autocomplete field, every top-level search field (``fields=[…]`` names those),
                # and related search fields with a boost of their own.
                if kind == "autocomplete" or not key or boost != 1.0:
                    name = (definition_prefix(current, field) if not key else "") + field.get_attname(current)
                    columns[(kind, (*key, field.field_name))] = TextColumn(f"{prefix}{name}", boost)

    walk(model, model.get_search_fields(), "", ())
    return columns


def _filter_values(field: FilterField, obj: models.Model) -> list[Any]:
    value = field.get_value(obj)
    if isinstance(value, (models.Manager, models.QuerySet)):
        return list(value.all().values_list("pk", flat=True))
    if isinstance(value, (list, tuple, set)):
        return [item.pk if isinstance(item, models.Model) else item for item in value]
    if isinstance(value, models.Model):
        return [value.pk]
    return [value]


def _text(value: Any) -> str:
    """The searchable text of a value: strings as they are, lists joined, other values as text."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(part for part in (_text(item) for item in value) if part)
    if isinstance(value, (models.Manager, models.QuerySet)):
        return "\n".join(force_str(item) for item in value.all())
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return force_str(value)


@cache
def models_in_index(root: type[models.Model]) -> tuple[type[models.Model], ...]:
    """The indexed models that share the index of ``root`` (the app registry is fixed once loaded)."""
    return tuple(model for model in get_indexed_models() if get_model_root(model) is root)


@cache
def indexed_subclasses(model: type[models.Model]) -> tuple[type[models.Model], ...]:
    """``model`` and its indexed subclasses: the models a search of ``model`` may return."""
    return tuple(other for other in get_indexed_models() if issubclass(other, model))


@cache
def schema_fields(root: type[models.Model], languages: tuple[str, ...]) -> dict[str, fields.FieldType]:
    """Every field of the index of ``root``: the union over the root and all its indexed subclasses."""
    result: dict[str, fields.FieldType] = {
        "$id": fields.ID(stored=True, unique=True),
        # Only sorted by (filters on the key use its filter column): one term, no range tiers.
        "$pk": fields.NUMERIC(numtype=int, bits=64, signed=True, sortable=True, shift_step=0),
        "$ct": Keywords(),
        "$null": Keywords(),
    }
    all_languages = (*languages, analysis.FALLBACK)
    models_here = models_in_index(root)
    for language in all_languages:
        result[f"$all.{language}"] = fields.TEXT(analyzer=analysis.analyser(language), phrase=True)
    for model in models_here:
        mapping = Mapping(model, languages)
        # Columns repeat text that $all scores in full: they only say *where* a word is (for
        # ``fields=[…]``, boosts and autocomplete), so they keep no frequencies, lengths or positions.
        for (kind, _key), column in mapping.text_columns().items():
            if kind == "autocomplete":
                result[mapping.autocomplete_field(column.name)] = _unscored_text(analysis.spelling_analyser())
            else:
                for language in all_languages:
                    result[mapping.text_field(column.name, language)] = _unscored_text(analysis.analyser(language))
        for column in mapping.filter_columns().values():
            result[column.name] = column.field_type()
    return result


def _unscored_text(analyser: Any) -> fields.TEXT:
    """Words that are looked up, never scored: no positions, no field lengths."""
    field = fields.TEXT(analyzer=analyser, phrase=False)
    field.format = formats.Existence()
    field.scorable = False
    return field
