"""Demo content kept as data: YAML files read with clear errors and turned into a page's values.

Each app keeps its demo content in YAML files beside a small loader (``<app>/demo/``), so that a
communications officer can read and correct the texts without reading code. What the loaders share:

- ``read(path)``: a YAML file, or an error naming the file and the line of the mistake;
- ``field_values(model, data)``: the values ``demo_tools.ensure_page`` sets, from plain data:
  StreamFields from lists of ``{block type: value}`` (``- heading: Co děláme`` gives a struct block
  its first field only, the rest left empty), taxonomy terms (sectors, regions) from their
  slugs or codes, inline objects (opening hours, sessions) from lists of mappings, decimals from
  numbers; a field the model does not have, or a value its choices do not offer, is an error, not
  a silent loss;
- ``split_languages(spec)``: a page's spec split into its shared fields and each language's texts;
- ``day_from_today(spec)``: a date written relative to the day the demo is loaded, so that its
  courses are always partly ahead and partly past.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.fields import StreamField

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The fields a taxonomy term is named by in the data: its slug, or its code (regions: "CZ071").
NATURAL_KEYS = ("slug", "code")
_TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.URLBlock, blocks.RichTextBlock, blocks.EmailBlock)


class DemoDataError(ValueError):
    """A mistake in a demo data file: says which file, and where in it."""


def read(path: Path) -> Any:
    """The contents of a YAML file (safe loading: plain values only)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as error:
        raise DemoDataError(f"{path}: not valid YAML: {error}") from error


def languages() -> list[str]:
    """The content languages, the keys a page's spec may hold texts under."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def split_languages(spec: Mapping[str, Any], where: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """``spec`` as its shared fields and each language's texts (in the order the spec gives them)."""
    if not isinstance(spec, Mapping):
        raise DemoDataError(f"{where}: expected a mapping of fields, found {spec!r}")
    codes = languages()
    shared = {key: value for key, value in spec.items() if key not in codes}
    texts = {}
    for key, value in spec.items():
        if key in codes:
            if not isinstance(value, Mapping):
                raise DemoDataError(f"{where}: the {key!r} texts must be a mapping of fields, found {value!r}")
            texts[key] = dict(value)
    return shared, texts


def field_values(model: type[models.Model], data: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The values ``demo_tools.ensure_page`` takes for ``model``, from the data's plain values.

    Values that are model instances already (an image, a hub) are passed through; so is anything
    under a key that already has the ``m2m:`` or ``children:`` form.
    """
    children = {relation.name: relation.related_model for relation in get_all_child_relations(model)}
    values: dict[str, Any] = {}
    for name, value in data.items():
        here = f"{where}, {name}"
        if name.startswith(("m2m:", "children:")) or isinstance(value, models.Model):
            values[name] = value
        elif name in children:
            values[f"children:{name}"] = [
                child_values(children[name], item, f"{here}[{n}]") for n, item in _items(value, here)
            ]
        else:
            field = _field(model, name, where)
            if isinstance(field, StreamField):
                values[name] = stream(field.stream_block, value, here)
            elif isinstance(field, models.ManyToManyField):
                values[f"m2m:{name}"] = [
                    term(field.related_model, key, f"{here}[{n}]") for n, key in _items(value, here)
                ]
            elif isinstance(field, models.ForeignKey):
                values[name] = None if value is None else term(field.related_model, value, here)
            elif isinstance(field, models.DecimalField) and value is not None:
                values[name] = decimal(value, here)
            elif field.choices and value not in {choice for choice, _label in field.flatchoices}:
                known = ", ".join(str(choice) for choice, _label in field.flatchoices)
                raise DemoDataError(f"{here}: {value!r} is not one of {known}")
            else:
                values[name] = value
    return values


def child_values(model: type[models.Model], data: Any, where: str) -> dict[str, Any]:
    """One inline object (a machine, a session) as keyword arguments of ``model``."""
    if not isinstance(data, Mapping):
        raise DemoDataError(f"{where}: expected a mapping of fields, found {data!r}")
    values = field_values(model, data, where)
    for name in values:
        if name.startswith(("m2m:", "children:")):
            raise DemoDataError(f"{where}: {name.split(':', 1)[1]!r} cannot be set on an inline object")
    return values


def stream(block: blocks.StreamBlock, items: Any, where: str) -> list[tuple[str, Any]]:
    """A StreamField's blocks from a list of ``{block type: value}``; a struct's missing fields are
    left empty, as the admin leaves them."""
    found = []
    for number, item in _items(items, where):
        here = f"{where}[{number}]"
        if not isinstance(item, Mapping) or len(item) != 1:
            raise DemoDataError(f"{here}: a block is one `type: value` pair, found {item!r}")
        [(kind, value)] = item.items()
        if kind not in block.child_blocks:
            known = ", ".join(block.child_blocks)
            raise DemoDataError(f"{here}: no block type {kind!r} here (known: {known})")
        found.append((kind, _block_value(block.child_blocks[kind], value, f"{here}.{kind}")))
    return found


def _block_value(block: blocks.Block, value: Any, where: str) -> Any:
    if isinstance(block, blocks.StructBlock):
        if isinstance(value, str):
            # The short form of a struct whose first field is all it needs: `heading: Co děláme`.
            value = {next(iter(block.child_blocks)): value}
        if not isinstance(value, Mapping):
            raise DemoDataError(f"{where}: expected a mapping of {', '.join(block.child_blocks)}, found {value!r}")
        unknown = set(value) - set(block.child_blocks)
        if unknown:
            raise DemoDataError(
                f"{where}: unknown field(s) {', '.join(sorted(unknown))} (known: {', '.join(block.child_blocks)})"
            )
        return {
            name: _block_value(child, value[name], f"{where}.{name}") if name in value else _empty(child)
            for name, child in block.child_blocks.items()
        }
    return value


def _empty(block: blocks.Block) -> Any:
    """What an empty field of a struct block holds when an editor leaves it blank."""
    if isinstance(block, blocks.StructBlock):
        return {name: _empty(child) for name, child in block.child_blocks.items()}
    default = block.get_default()
    if default is None and isinstance(block, _TEXT_BLOCKS):
        return ""
    return default


def term(model: type[models.Model], key: Any, where: str) -> models.Model:
    """The taxonomy term (a sector, a region) that ``key`` names by its slug or code."""
    names = [name for name in NATURAL_KEYS if _has_field(model, name)]
    if not names:
        raise DemoDataError(f"{where}: {model.__name__} cannot be named in demo data")
    query = Q()
    for name in names:
        query |= Q(**{name: key})
    found = model.objects.filter(query).first()
    if found is None:
        # In English like every message of the command (load_demo runs in Czech, the demo's source language).
        with translation.override("en"):
            kind = str(model._meta.verbose_name)
        raise DemoDataError(f"{where}: no {kind} with the {' or '.join(names)} {key!r}")
    return found


def decimal(value: Any, where: str) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation as error:
        raise DemoDataError(f"{where}: {value!r} is not a number") from error


def time_of_day(value: Any, where: str) -> dt.time:
    """A time written ``"17:30"``. Unquoted, YAML reads 17:30 as a number (1050): say so."""
    if isinstance(value, int):
        raise DemoDataError(f'{where}: write times in quotes, e.g. "17:30" (YAML read {value!r} as a number)')
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError as error:
        raise DemoDataError(f'{where}: {value!r} is not a time like "17:30"') from error


def weekday(name: Any, where: str) -> int:
    """0 for monday … 6 for sunday."""
    if name not in WEEKDAYS:
        raise DemoDataError(f"{where}: {name!r} is not a day of the week ({', '.join(WEEKDAYS)})")
    return WEEKDAYS.index(name)


def day_from_today(spec: Any, where: str, today: dt.date | None = None) -> dt.date:
    """A day given relative to ``today`` (default: the day the demo is loaded).

    ``{in_days: 12}`` is twelve days from today (``-24``: 24 days ago); ``{weekday: tuesday,
    in_days: 8}`` is the first Tuesday at least eight days from today, so that a weekend course
    falls on a weekend whatever the day the demo is loaded.
    """
    if not isinstance(spec, Mapping) or not isinstance(spec.get("in_days"), int):
        raise DemoDataError(
            f"{where}: expected a day such as {{in_days: 12}} or {{weekday: tuesday, in_days: 8}}, found {spec!r}"
        )
    unknown = set(spec) - {"in_days", "weekday"}
    if unknown:
        raise DemoDataError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (use in_days and weekday)")
    day = (today or timezone.localdate()) + dt.timedelta(days=spec["in_days"])
    if "weekday" in spec:
        day += dt.timedelta(days=(weekday(spec["weekday"], where) - day.weekday()) % 7)
    return day


def _items(value: Any, where: str) -> list[tuple[int, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise DemoDataError(f"{where}: expected a list, found {value!r}")
    return list(enumerate(value))


def _field(model: type[models.Model], name: str, where: str) -> models.Field:
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist as error:
        raise DemoDataError(f"{where}: {model.__name__} has no field {name!r}") from error


def _has_field(model: type[models.Model], name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True
