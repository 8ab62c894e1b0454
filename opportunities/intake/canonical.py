"""Crawled values in one canonical, JSON-comparable form, read from items and from calls.

Ingest compares three versions of each field: what the source said last time, what it says now,
and what the call holds now. Comparing them is only meaningful when all three are written the same
way: moments as UTC ISO strings, amounts as plain decimal strings, sets as sorted lists of slugs.
A deadline known only as a day is the day and the zone it counts in, ``"2026-12-17 Europe/Brussels"``,
never a moment: the source did not say one.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from kreativ.models import Region, Sector
from kreativ.sanitise import is_sanitised
from kreativ.source_changes import digest as digest  # re-exported: ingest fingerprints values with it
from opportunities.models import ApplicantType, Deadline, FundingCall, Programme, SupportKind

TEXT_FIELDS = ["title", "summary", "description", "url", "call_identifier", "programme", "funder", "language"]
DECIMAL_FIELDS = ["budget_total", "amount_min", "amount_max", "cofinancing_rate"]
SET_FIELDS = ["applicant_types", "sectors", "regions"]
CRAWLED_FIELDS = [
    *TEXT_FIELDS,
    "support_kind",
    "opening_date",
    "deadlines",
    *DECIMAL_FIELDS,
    "currency",
    *SET_FIELDS,
]
LIMITS = {"title": 400, "call_identifier": 200, "funder": 300, "url": 1000, "language": 5, "programme": 200}


class InvalidItem(ValueError):
    """An item that cannot become a call (no title, an impossible date); its source is told why."""


def _datetime(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is None:
            try:
                parsed = dt.datetime.combine(dt.date.fromisoformat(value), dt.time(23, 59, 59))
            except ValueError as exc:
                raise InvalidItem(f"not a date: {value!r}") from exc
        value = parsed
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(23, 59, 59))
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def _zone(item: dict[str, Any]) -> str:
    """The zone an item's days count in: its own, else the site's."""
    zone = str(item.get("timezone") or settings.TIME_ZONE)
    try:
        ZoneInfo(zone)
    except (KeyError, ValueError) as exc:
        raise InvalidItem(f"not a time zone: {zone!r}") from exc
    return zone


def _deadline(value: Any, zone: str) -> str:
    """A crawled deadline: a day (a ``date``, or ``"2026-12-17"``) with its zone, or a moment in UTC."""
    if isinstance(value, str) and len(value.strip()) == 10:
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise InvalidItem(f"not a date: {value!r}") from exc
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value.isoformat()} {zone}"
    return _datetime(value)


def deadline_value(deadline: Deadline) -> str:
    """A call's deadline in the canonical form of ``_deadline``."""
    if deadline.has_time:
        return _datetime(deadline.passes_at())
    return f"{deadline.date.isoformat()} {deadline.timezone}"


def deadline_from_value(value: str) -> Deadline:
    """A new deadline from its canonical form."""
    if " " in value:
        day, zone = value.split(" ", 1)
        return Deadline.of(dt.date.fromisoformat(day), zone)
    return Deadline.of(parse_datetime(value))


def _decimal(value: Any) -> str | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise InvalidItem(f"not a number: {value!r}") from exc
    if not number.is_finite() or number < 0:
        raise InvalidItem(f"not an amount: {value!r}")
    return format(number.normalize(), "f")


def _known(values: Any, known: set[str]) -> list[str]:
    return sorted({str(v) for v in (values or []) if str(v) in known})


def crawled_values(item: dict[str, Any], known: dict[str, set[str]] | None = None) -> dict[str, Any]:
    """An item from the crawler as canonical values; raises ``InvalidItem`` when it cannot be a call
    (no title, an impossible date or amount, a description the crawler did not sanitise).

    Applicant types, sectors and regions keep only what the taxonomies know (``known``, from
    ``vocabularies``).
    """
    values: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        text = str(item.get(name) or "").strip()
        values[name] = text[: LIMITS[name]] if name in LIMITS else text
    if not values["title"]:
        raise InvalidItem("the call has no title")
    if not is_sanitised(values["description"]):
        # Crawled HTML is sanitised once, by the crawler's loader (docs/crawler.md); an item from
        # anywhere else that skipped it is refused here, never cleaned a second time.
        raise InvalidItem("the description is not sanitised HTML (kreativ.sanitise.sanitise_html)")
    kind = str(item.get("support_kind") or SupportKind.GRANT)
    values["support_kind"] = kind if kind in SupportKind.values else SupportKind.OTHER
    values["opening_date"] = _datetime(item.get("opening_date"))
    zone = _zone(item)
    values["deadlines"] = sorted({_deadline(d, zone) for d in item.get("deadlines") or [] if d not in (None, "")})
    for name in DECIMAL_FIELDS:
        values[name] = _decimal(item.get(name))
    values["currency"] = (str(item.get("currency") or "EUR").strip().upper() or "EUR")[:3]
    known = known or vocabularies()
    for name in ("applicant_types", "sectors", "regions"):
        values[name] = _known(item.get(name), known[name])
    return values


def vocabularies() -> dict[str, set[str]]:
    """The slugs (or region codes) the taxonomies know today; a crawl run reads them once."""
    return {
        "applicant_types": set(ApplicantType.objects.values_list("slug", flat=True)),
        "sectors": set(Sector.objects.values_list("slug", flat=True)),
        "regions": set(Region.objects.exclude(code="").values_list("code", flat=True)),
    }


def call_values(call: FundingCall) -> dict[str, Any]:
    """The call's current values in the same canonical form (reads related objects in memory too)."""
    values: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if name == "programme":
            values[name] = call.programme.name if call.programme_id else ""
        else:
            values[name] = getattr(call, name) or ""
    values["support_kind"] = call.support_kind
    values["opening_date"] = _datetime(call.opening_date)
    values["deadlines"] = sorted({deadline_value(d) for d in call.deadlines.all()})
    for name in DECIMAL_FIELDS:
        values[name] = _decimal(getattr(call, name))
    values["currency"] = call.currency
    values["applicant_types"] = sorted(a.slug for a in call.applicant_types.all())
    values["sectors"] = sorted(s.slug for s in call.sectors.all())
    values["regions"] = sorted(r.code for r in call.regions.all())
    return values


def apply_values(call: FundingCall, values: dict[str, Any]) -> None:
    """Sets the given canonical values on a call (in memory; the caller saves or revises it)."""
    for name, value in values.items():
        if name == "programme":
            call.programme = Programme.objects.get_or_create(name=value)[0] if value else None
        elif name in (
            "title",
            "summary",
            "description",
            "url",
            "call_identifier",
            "funder",
            "language",
            "support_kind",
            "currency",
        ):
            setattr(call, name, value)
        elif name == "opening_date":
            call.opening_date = parse_datetime(value) if value else None
        elif name == "deadlines":
            existing = {deadline_value(d): d for d in call.deadlines.all()}
            call.deadlines.set([existing.get(text) or deadline_from_value(text) for text in value])
        elif name in DECIMAL_FIELDS:
            setattr(call, name, Decimal(value) if value is not None else None)
        elif name == "applicant_types":
            call.applicant_types.set(list(ApplicantType.objects.filter(slug__in=value)))
        elif name == "sectors":
            call.sectors.set(list(Sector.objects.filter(slug__in=value)))
        elif name == "regions":
            call.regions.set(list(Region.objects.filter(code__in=value)))
