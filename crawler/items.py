"""The call item: the contract between the crawler and ``opportunities.intake.ingest``.

Every spider yields ``CallItem``s, whatever its source looks like; the ingest step sees nothing
else. Values are already normalised when an item leaves a loader (see ``crawler.loaders``):

=================  ===========================================================================
field              value
=================  ===========================================================================
source             the Source slug, e.g. ``"eu_ft"`` (str, required)
external_id        the source's stable key for the call; EU: the result's ``reference`` (str, required)
url                the call's public page, absolute (str, required)
title              plain text (str, required)
summary            plain text, at most 500 characters (str, may be empty)
description        HTML sanitised by the loader (``kreativ.sanitise``), links absolute (str, may be empty)
call_identifier    the funder's code, e.g. ``"CREA-CULT-2026-COOP"`` (str or None)
programme          e.g. ``"Creative Europe (CREA)"`` (str or None)
funder             who gives the money (str or None)
support_kind       one of ``vocabulary.SUPPORT_KINDS`` (str)
opening_date       aware datetime or None
deadlines          each a ``date`` when the source gives only the day, an aware datetime when it gives
                   the time; in the order they pass, no repeats; several for multi-stage calls (list)
timezone           the IANA zone of the source's local dates, in which a day-only deadline counts
                   until its end (``"Europe/Brussels"``; str or None: then the site's zone)
budget_total       Decimal or None
amount_min         Decimal or None
amount_max         Decimal or None
cofinancing_rate   Decimal percent (``Decimal("85")``) or None
currency           ISO 4217 code (str or None when no amount is known)
applicant_types    slugs of ``vocabulary.APPLICANT_TYPES`` (list)
sectors            slugs of ``vocabulary.SECTORS`` (list)
regions            codes of ``vocabulary.REGIONS`` (list)
language           ISO 639-1 code of the title and summary (str or None)
source_status      the source's own status word; informational only (str or None)
raw                small dict of source-specific extras worth keeping (dict)
=================  ===========================================================================

A deadline known only as a day is never made a moment here: "17 December 2026" is not "17 December
2026 00:00 UTC" (1:00 at night in Prague), and not 23:59:59 in a zone the item does not carry.
``crawler.normalise.deadline_moment`` says when it passes, given the item's ``timezone``.

``to_jsonable``/``from_jsonable`` turn an item into JSON-ready values and back, so a crawl's items
can cross a process boundary as JSON lines (``python -m crawler.run --output``) without losing types:
a day as ``"2026-12-17"``, a moment as ISO 8601 with its offset.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import scrapy

REQUIRED_FIELDS = ("external_id", "title", "url")
DATETIME_FIELDS = ("opening_date",)
DATETIME_LIST_FIELDS = ("deadlines",)
DECIMAL_FIELDS = ("budget_total", "amount_min", "amount_max", "cofinancing_rate")
LIST_FIELDS = ("deadlines", "applicant_types", "sectors", "regions")


class CallItem(scrapy.Item):
    source = scrapy.Field()
    external_id = scrapy.Field()
    url = scrapy.Field()
    title = scrapy.Field()
    summary = scrapy.Field()
    description = scrapy.Field()
    call_identifier = scrapy.Field()
    programme = scrapy.Field()
    funder = scrapy.Field()
    support_kind = scrapy.Field()
    opening_date = scrapy.Field()
    deadlines = scrapy.Field()
    timezone = scrapy.Field()
    budget_total = scrapy.Field()
    amount_min = scrapy.Field()
    amount_max = scrapy.Field()
    cofinancing_rate = scrapy.Field()
    currency = scrapy.Field()
    applicant_types = scrapy.Field()
    sectors = scrapy.Field()
    regions = scrapy.Field()
    language = scrapy.Field()
    source_status = scrapy.Field()
    raw = scrapy.Field()


FIELDS = tuple(CallItem.fields)


def complete(item: Mapping[str, Any]) -> dict[str, Any]:
    """A plain dict with every field of the contract: missing lists empty, the rest ``None``."""
    data: dict[str, Any] = {}
    for name in FIELDS:
        value = item.get(name)
        if value is None and name in LIST_FIELDS:
            value = []
        elif value is None and name == "raw":
            value = {}
        elif value is None and name in ("summary", "description"):
            value = ""
        data[name] = value
    return data


def day_or_moment(value: str) -> date | datetime:
    """``"2026-12-17"`` as a date, ``"2026-12-17T17:00:00+01:00"`` as a datetime."""
    return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)


def to_jsonable(item: Mapping[str, Any]) -> dict[str, Any]:
    """The item with datetimes as ISO 8601 strings (with offset) and Decimals as strings."""
    data = complete(item)
    for name in DATETIME_FIELDS:
        data[name] = data[name].isoformat() if data[name] else None
    for name in DATETIME_LIST_FIELDS:
        data[name] = [value.isoformat() for value in data[name]]  # a date is "2026-12-17"
    for name in DECIMAL_FIELDS:
        data[name] = str(data[name]) if data[name] is not None else None
    return data


def from_jsonable(data: Mapping[str, Any]) -> dict[str, Any]:
    """The inverse of ``to_jsonable``: a dict with aware datetimes and Decimals again."""
    item = complete(data)
    for name in DATETIME_FIELDS:
        item[name] = datetime.fromisoformat(item[name]) if item[name] else None
    for name in DATETIME_LIST_FIELDS:
        item[name] = [day_or_moment(value) for value in item[name]]
    for name in DECIMAL_FIELDS:
        item[name] = Decimal(item[name]) if item[name] is not None else None
    return item
