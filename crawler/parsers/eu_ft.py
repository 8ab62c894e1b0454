"""EU Funding & Tenders: the search API's answers and the topic-detail JSON, turned into call items.

Facts the parsing rests on (see DESIGN.md and the samples in tests/fixtures/eu_ft/):

- every metadata value is a list (``"identifier": ["CREA-MEDIA-2026-DEVMINISLATE"]``); some hold
  JSON inside a string (``actions``, ``budgetOverview``, ``links``);
- a result's ``reference`` is its stable key, the external id; the API's ``language`` field is not
  to be trusted (the unfiltered sample says ``bg`` on English text), so the language is detected;
- ``type``: 1 topic, 2 call for proposals, 8 cascade funding (a project that redistributes EU money:
  its own name is ``caName``, its project ``projectAcronym``; one EU identifier can stand for
  several cascade calls, each with its own reference);
- ``status``: 31094501 forthcoming, 31094502 open, 31094503 closed;
- dates carry their offset (``2026-10-06T13:00:00.000+0000``); a multi-cutoff topic lists several
  ``deadlineDate`` values;
- a topic's ``deadlineDate`` is a day written as midnight UTC (``2026-12-17T00:00:00.000+0000``,
  or ``2023-05-11T02:00:00.000+0200``; the ``actions`` JSON says only "17 December 2026"), so a
  deadline at exactly midnight UTC is taken as that day (``eu_deadline``), which counts until the
  end of the day in Brussels; other moments (cascade calls' ``17:00:00.000+0000``) are kept. The
  topic details give the moment (epoch milliseconds), which replaces the day (``refine_deadlines``).

A topic's portal page is ``…/portal/screen/opportunities/topic-details/<identifier in lower case>``;
its detail JSON (``…/data/topicDetails/<identifier in lower case>.json``) holds the description,
the conditions and the budget table under ``TopicDetails``. No saved answer of that endpoint exists
in the samples, so ``parse_topic_details`` reads the field names the search metadata uses as well
(``descriptionByte``, ``topicConditions``, ``budgetOverview``) and accepts the object wrapped in
``TopicDetails`` or not.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from crawler import normalise, vocabulary
from crawler.conventions import EU
from crawler.items import CallItem
from crawler.loaders import CallLoader
from crawler.text import html_to_text

SOURCE = "eu_ft"
PORTAL = "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities"
BASE_URL = "https://ec.europa.eu/info/funding-tenders/opportunities/"
CONTEXT: dict[str, Any] = EU.loader_context(SOURCE)
TYPES = {"1": "topic", "2": "call for proposals", "8": "cascade funding"}
STATUSES = {"31094501": "forthcoming", "31094502": "open", "31094503": "closed"}
FORTHCOMING, OPEN, CLOSED = "31094501", "31094502", "31094503"
CREATIVE_EUROPE = "43251814"


def first(metadata: Mapping[str, Any], key: str) -> Any:
    """The first value of a metadata list, or ``None``."""
    values = metadata.get(key)
    if isinstance(values, list):
        return values[0] if values else None
    return values


def json_in_string(metadata: Mapping[str, Any], key: str) -> Any:
    """A metadata value that is JSON inside a string (``budgetOverview``, ``actions``), decoded."""
    value = first(metadata, key)
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return None


def eu_deadline(value: Any) -> date | datetime | None:
    """A deadline of the API: midnight UTC is the API's way of writing a day, so it is that day;
    any other moment (a cascade call's 17:00) is a moment."""
    if isinstance(value, (int, float)):  # the topic details' epoch milliseconds
        value = datetime.fromtimestamp(value / 1000, tz=UTC)
    elif isinstance(value, str):
        value = (
            normalise.parse_date(value, tz="UTC") if "T" in value else normalise.parse_deadline(value, tz=EU.timezone)
        )
    if isinstance(value, datetime):
        moment = value.astimezone(UTC)
        return moment.date() if moment.time() == time(0, 0) else value
    return value if isinstance(value, date) else None


def refine_deadlines(days: Iterable[date | datetime], details: Iterable[date | datetime]) -> list[date | datetime]:
    """The search's deadlines, each day for which the topic details give the moment replaced by it.

    The details are the topic's own page; when the search gave no deadline, they give them all.
    """
    days = list(days)
    details = list(details)
    if not days:
        return normalise.sorted_deadlines(details, EU.timezone)
    zone = ZoneInfo(EU.timezone)
    moments = {value.astimezone(zone).date(): value for value in details if isinstance(value, datetime)}
    refined = [value if isinstance(value, datetime) else moments.get(value, value) for value in days]
    return normalise.sorted_deadlines(refined, EU.timezone)


def parse_search_page(data: Mapping[str, Any]) -> tuple[list[dict[str, Any]], int]:
    """``(results, totalResults)`` of one answer of the search API."""
    results = data.get("results")
    if not isinstance(results, list):
        raise ValueError("search answer without a results list")
    return [r for r in results if isinstance(r, dict)], int(data.get("totalResults") or 0)


def portal_url(identifier: str) -> str:
    return f"{PORTAL}/topic-details/{identifier.lower()}"


def call_url(result: Mapping[str, Any], metadata: Mapping[str, Any], identifier: str | None) -> str | None:
    """The call's public page: the topic page for topics, the call's own page for the others."""
    kind = first(metadata, "type")
    if kind == "1" and identifier:
        return portal_url(identifier)
    for candidate in (first(metadata, "url"), result.get("url"), first(metadata, "esST_URL")):
        if candidate and not str(candidate).endswith(".json"):
            return str(candidate)
    return portal_url(identifier) if identifier else None


def budget(overview: Any, identifier: str | None) -> dict[str, Decimal | None]:
    """The topic's budget from a ``budgetOverview`` table: the sum over the years of the actions of
    this topic (the table lists the whole call's topics), and the smallest and largest expected
    contribution per grant when given."""
    result: dict[str, Decimal | None] = {"total": None, "min": None, "max": None}
    if not isinstance(overview, Mapping):
        return result
    actions = [
        action
        for group in (overview.get("budgetTopicActionMap") or {}).values()
        for action in (group if isinstance(group, list) else [])
        if isinstance(action, Mapping)
    ]
    topics = {_action_topic(action) for action in actions}
    if identifier and identifier in topics:
        actions = [action for action in actions if _action_topic(action) == identifier]
    elif len(topics) > 1:
        return result  # a table of other topics: better no budget than the whole call's
    total = Decimal(0)
    found = False
    mins: list[Decimal] = []
    maxes: list[Decimal] = []
    for action in actions:
        for amount in (action.get("budgetYearMap") or {}).values():
            value = _decimal(amount)
            if value is not None:
                total += value
                found = True
        for key, into in (("minContribution", mins), ("maxContribution", maxes)):
            value = _decimal(action.get(key))
            if value:
                into.append(value)
    result["min"] = min(mins) if mins else None
    result["max"] = max(maxes) if maxes else None
    if found and total > 0:
        result["total"] = total
    return result


def _action_topic(action: Mapping[str, Any]) -> str:
    """``"EUAF-2023-TRAI-03 - EUAF-PJG EUAF Project Grants"`` → ``"EUAF-2023-TRAI-03"``."""
    return str(action.get("action", "")).split(" - ")[0].strip()


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def sectors_for(identifier: str | None, programme_code: str | None, texts: list[str]) -> list[str]:
    """CCI sectors: those of the identifier's programme strand, then those its words name."""
    found: list[str] = []
    for prefix, sectors in vocabulary.EU_IDENTIFIER_SECTORS.items():
        if identifier and identifier.upper().startswith(prefix):
            found.extend(sectors)
    found.extend(normalise.map_sectors(" ".join(texts)))
    return found


def parse_result(result: Mapping[str, Any]) -> CallItem:
    """One search result as a call item, from the search metadata alone."""
    metadata = result.get("metadata") or {}
    identifier = first(metadata, "identifier")
    kind = first(metadata, "type")
    programme_code = first(metadata, "frameworkProgramme")
    status = first(metadata, "status")
    title = first(metadata, "title") or result.get("summary")
    ca_name = normalise.clean_text(first(metadata, "caName"))
    call_title = first(metadata, "callTitle")
    keywords = [str(k) for k in metadata.get("keywords") or []]

    loader = CallLoader(**CONTEXT, base_url=BASE_URL)
    loader.add_value("external_id", result.get("reference"))
    loader.add_value("url", call_url(result, metadata, identifier))
    if kind == "8" and ca_name:
        loader.add_value("title", ca_name)  # the cascade call's own name; the EU topic is its context
        loader.add_value("funder", first(metadata, "projectAcronym"))
    loader.add_value("title", title)
    loader.add_value("funder", "European Commission")
    loader.add_value("call_identifier", identifier)
    loader.add_value("programme", vocabulary.eu_programme_name(programme_code, identifier))
    loader.add_value("opening_date", first(metadata, "startDate"))
    for deadline in metadata.get("deadlineDate") or []:
        loader.add_value("deadlines", eu_deadline(deadline))
    loader.add_value("source_status", STATUSES.get(status or "", status))

    summary = normalise.clean_text(result.get("summary") or result.get("content"))
    description = first(metadata, "descriptionByte") or first(metadata, "description") or ""
    if kind == "8" and title and title != ca_name:
        summary = f"{summary} ({title})" if summary and summary != title else title
    if not summary or summary in (title, ca_name):
        summary = html_to_text(description) or summary
    loader.add_value("summary", summary)
    loader.add_value("description", description)
    loader.add_value("description", first(metadata, "topicConditions"))

    amounts = budget(json_in_string(metadata, "budgetOverview"), identifier)
    loader.add_value("budget_total", amounts["total"])
    loader.add_value("amount_min", amounts["min"])
    loader.add_value("amount_max", amounts["max"])

    types_of_action = [str(t) for t in metadata.get("typesOfAction") or []]
    loader.add_value("support_kind", "prize" if any("prize" in t.lower() for t in types_of_action) else None)
    if kind == "8":
        loader.add_value("support_kind", ca_name)
    loader.add_value("support_kind", "grant")
    loader.add_value(
        "sectors",
        sectors_for(identifier, programme_code, [str(title or ""), str(call_title or ""), ca_name, *keywords]),
    )
    loader.add_value("language", normalise.detect_language(f"{title or ''} {summary}", default="en"))
    loader.add_value(
        "raw",
        {
            "type": TYPES.get(kind or "", kind),
            "programme_code": programme_code,
            "call_identifier": first(metadata, "callIdentifier"),
            "call_title": call_title,
            "cascade_call_name": ca_name if kind == "8" else None,
            "types_of_action": types_of_action,
            "deadline_model": first(metadata, "deadlineModel"),
            "status_code": status,
        },
    )
    return loader.load_item()


def topic_details_url(base: str, identifier: str) -> str:
    """The detail JSON of a topic: its identifier in lower case."""
    return f"{base.rstrip('/')}/{identifier.lower()}.json"


def wants_details(item: Mapping[str, Any]) -> bool:
    """Only topics (type 1) have a detail JSON."""
    return (item.get("raw") or {}).get("type") == "topic" and bool(item.get("call_identifier"))


def parse_topic_details(data: Mapping[str, Any], item: CallItem) -> CallItem:
    """``item`` completed from a topic's detail JSON: description, conditions, budget, deadlines."""
    details = data.get("TopicDetails", data)
    if not isinstance(details, Mapping):
        raise ValueError("topic details is not an object")
    description = details.get("description") or details.get("descriptionByte")
    conditions = details.get("conditions") or details.get("topicConditions")
    overview = details.get("budgetOverviewJSONItem") or details.get("budgetOverview")
    if isinstance(overview, str):
        try:
            overview = json.loads(overview)
        except ValueError:
            overview = None
    loader = CallLoader(item=CallItem(), **CONTEXT, base_url=BASE_URL)
    loader.add_value("description", description)
    loader.add_value("description", conditions)
    amounts = budget(overview, item.get("call_identifier"))
    loader.add_value("budget_total", amounts["total"])
    loader.add_value("amount_min", amounts["min"])
    loader.add_value("amount_max", amounts["max"])
    for deadline in details.get("deadlineDates") or []:
        loader.add_value("deadlines", eu_deadline(deadline))
    extra = loader.load_item()
    merged = CallItem(item)
    if extra.get("description"):
        merged["description"] = extra["description"]
        if not item.get("summary") or item.get("summary") == item.get("title"):
            merged["summary"] = html_to_text(extra["description"])[:500]
    for name in ("budget_total", "amount_min", "amount_max"):
        if extra.get(name) is not None:
            merged[name] = extra[name]
            merged["currency"] = merged.get("currency") or "EUR"
    if extra.get("deadlines"):
        merged["deadlines"] = refine_deadlines(item.get("deadlines") or [], extra["deadlines"])
    merged["raw"] = {**(item.get("raw") or {}), "details": True}
    return merged
