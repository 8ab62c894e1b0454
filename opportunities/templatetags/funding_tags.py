"""Template helpers of the funding finder: facet links, call URLs, schema.org data."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from kreativ.search.highlight import highlight
from opportunities.finder.search import finder_query

register = template.Library()

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def call_highlight(call, query: str | None) -> SafeString | None:
    """The passage of a call's summary (or else description) where the searched words are, marked."""
    if not query:
        return None
    return highlight(call.summary, query, call.language) or highlight(call.description, query, call.language)


@register.simple_tag
def page_query(filters: dict[str, Any], number: int) -> str:
    return finder_query(filters, page=number)


@register.simple_tag(takes_context=True)
def call_url(context: dict[str, Any], finder, call) -> str:
    return finder.call_url(call, context.get("request")) if finder is not None else ""


@register.simple_tag(takes_context=True)
def call_json_ld(context: dict[str, Any], finder, call) -> SafeString:
    from opportunities.finder.jsonld import call_json_ld as build

    request = context.get("request")
    url = finder.call_url(call, request) if finder is not None else ""
    if request is not None and url:
        url = request.build_absolute_uri(url)
    payload = json.dumps(build(call, url), cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.filter
def money(value) -> str:
    """1234567.00 -> 1 234 567 (a thin grouping that reads well in all three languages)."""
    if value is None:
        return ""
    number = f"{value:,.0f}" if float(value) == int(value) else f"{value:,.2f}"
    return number.replace(",", "\u202f")
