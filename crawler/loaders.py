"""Item loaders: where a parser's raw strings become the item's normalised values.

Parsers add what a page says, as it says it (``"16. září 2026"``, ``"48.825,00 €"``,
``"Bez omezení"``); the input and output processors here apply ``crawler.normalise``,
``crawler.text`` and the project's HTML allow-list (``kreativ.sanitise``) with the source's
conventions, which the parser passes as loader context:

- ``source``: the Source slug (becomes ``item["source"]``);
- ``timezone``: the zone of local dates, e.g. ``"Europe/Prague"`` (default ``"UTC"``); it becomes
  ``item["timezone"]``, the zone in which a deadline given as a day counts until its end;
- ``languages``: the languages dates are written in, e.g. ``("cs",)``;
- ``language``: the source's language, used when detection cannot tell (short texts);
- ``base_url``: the page the values were read from (relative links, relative call URLs);
- ``currency``: the currency of amounts that name none;
- ``regions`` / ``sectors``: defaults when the page names none.

Values that are already typed (a datetime, a date, a Decimal, a slug of the vocabulary) pass
through unchanged, so the EU parser can add the API's values directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import urljoin

from itemloaders.processors import Compose, Identity, MapCompose, TakeFirst
from scrapy.loader import ItemLoader

from crawler import normalise, vocabulary
from crawler.items import CallItem
from crawler.text import html_to_text, summarise
from kreativ.sanitise import sanitise_html

MONEY_FIELDS = ("budget_total", "amount_min", "amount_max")


def _context(loader_context: dict[str, Any]) -> dict[str, Any]:
    return {
        "tz": loader_context.get("timezone") or "UTC",
        "languages": tuple(loader_context.get("languages") or ("en",)),
    }


def to_opening_date(value: Any, loader_context: dict[str, Any]) -> datetime | None:
    if isinstance(value, datetime):
        return value
    return normalise.parse_date(value, end_of_day=False, **_context(loader_context))


def to_deadlines(value: Any, loader_context: dict[str, Any]) -> list[date | datetime]:
    """A deadline in words becomes a date, or a datetime when the words give the time."""
    if isinstance(value, date):  # a datetime is a date too
        return [value]
    return normalise.find_deadlines(value, **_context(loader_context))


def sorted_deadlines(values: list[date | datetime], loader_context: dict[str, Any]) -> list[date | datetime]:
    return normalise.sorted_deadlines(values, _context(loader_context)["tz"])


def to_money(value: Any, loader_context: dict[str, Any]) -> normalise.Money | None:
    if isinstance(value, normalise.Money):
        return value
    if isinstance(value, (int, Decimal)):
        return normalise.Money(Decimal(value), loader_context.get("currency"))
    return normalise.parse_amount(str(value), loader_context.get("currency"))


def to_percent(value: Any) -> Decimal | None:
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    return normalise.parse_percent(str(value))


def to_url(value: str, loader_context: dict[str, Any]) -> str:
    value = normalise.clean_text(value)
    base = loader_context.get("base_url")
    return urljoin(base, value) if base else value


def to_description(value: str, loader_context: dict[str, Any]) -> str:
    """The one place crawled HTML is sanitised (docs/crawler.md, "Descriptions"): here the page's
    address is known, so its relative links become absolute instead of being dropped."""
    return sanitise_html(value, loader_context.get("base_url"))


def slugs_or_mapped(mapper):
    """An input processor: vocabulary slugs pass, other text goes through ``mapper``."""
    known = set(vocabulary.APPLICANT_TYPES) | set(vocabulary.SECTORS)

    def process(value: str) -> list[str]:
        return [value] if value in known else mapper(value)

    return process


def known_regions(value: str) -> str | None:
    value = normalise.clean_text(value)
    return value if value in vocabulary.REGIONS else None


def support_kind(value: str) -> str | None:
    value = normalise.clean_text(value)
    if value in vocabulary.SUPPORT_KINDS:
        return value
    return normalise.guess_support_kind(value, default="") or None


def in_order(vocabulary_values: Iterable[str]):
    """An output processor: unique values, in the vocabulary's order."""
    order = tuple(vocabulary_values)

    def process(values: list[str]) -> list[str]:
        present = set(values)
        return [value for value in order if value in present]

    return process


def merge_dicts(values: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for value in values:
        merged.update({key: item for key, item in value.items() if item not in (None, "", [], {})})
    return merged


class CallLoader(ItemLoader):
    """Loads a ``CallItem``; see the module docstring for the context it reads."""

    default_item_class = CallItem
    default_input_processor = MapCompose(html_to_text)
    default_output_processor = TakeFirst()

    url_in = MapCompose(to_url)
    summary_out = Compose(TakeFirst(), summarise)
    description_in = MapCompose(to_description)
    description_out = Compose(lambda values: "\n".join(v for v in values if v))
    opening_date_in = MapCompose(to_opening_date)
    deadlines_in = MapCompose(to_deadlines)
    deadlines_out = Compose(sorted_deadlines)
    budget_total_in = MapCompose(to_money)
    amount_min_in = MapCompose(to_money)
    amount_max_in = MapCompose(to_money)
    cofinancing_rate_in = MapCompose(to_percent)
    currency_in = MapCompose(normalise.clean_text, str.upper)
    applicant_types_in = MapCompose(slugs_or_mapped(normalise.map_applicant_types))
    applicant_types_out = Compose(in_order(vocabulary.APPLICANT_TYPES))
    sectors_in = MapCompose(slugs_or_mapped(normalise.map_sectors))
    sectors_out = Compose(in_order(vocabulary.SECTORS))
    regions_in = MapCompose(known_regions)
    regions_out = Compose(in_order(vocabulary.REGIONS))
    support_kind_in = MapCompose(support_kind)
    raw_in = Identity()
    raw_out = Compose(merge_dicts)

    def load_item(self) -> CallItem:
        """The item, with what depends on several fields filled in: the source slug, the
        currency of the amounts, default regions and sectors, the detected language."""
        item = super().load_item()
        context = self.context
        if context.get("source"):
            item["source"] = context["source"]
        item.setdefault("timezone", context.get("timezone") or "UTC")
        currency = item.get("currency")
        for name in MONEY_FIELDS:
            money = item.get(name)
            if isinstance(money, normalise.Money):
                item[name] = money.amount
                currency = currency or money.currency
        if currency or any(item.get(name) is not None for name in MONEY_FIELDS):
            item["currency"] = currency or context.get("currency")
        for name in ("regions", "sectors"):
            if not item.get(name) and context.get(name):
                item[name] = list(context[name])
        for name in ("applicant_types", "sectors", "regions", "deadlines"):
            item.setdefault(name, [])
        if not item.get("language"):
            text = " ".join(filter(None, (item.get("title"), item.get("summary"))))
            item["language"] = normalise.detect_language(text, default=context.get("language"))
        item.setdefault("support_kind", context.get("support_kind") or "other")
        item.setdefault("raw", {})
        return item
