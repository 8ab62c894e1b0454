"""Template helpers of the funding finder: facet links, call URLs, schema.org data, deadlines.

A deadline is shown the way its source gave it: a day as a date ("17. prosince 2026", never a
time of night it was not given), a moment in the reader's zone with the zone named ("16. září 2026
17:00 CEST"). The server knows only the site's zone; ``kreativ/static/js/local-times.js`` shows a
moment in the browser's own zone where it differs.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import dateformat, formats, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from kreativ.search.highlight import highlight
from kreativ.seo import json_ld_script
from opportunities.finder.search import finder_query

register = template.Library()


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
    return json_ld_script(build(call, url))


@register.filter
def money(value) -> str:
    """1234567.00 -> 1 234 567 (a thin grouping that reads well in all three languages)."""
    if value is None:
        return ""
    number = f"{value:,.0f}" if float(value) == int(value) else f"{value:,.2f}"
    return number.replace(",", "\u202f")


@register.filter
def deadline_text(deadline) -> str:
    """A deadline as plain text: the day, or the moment in the current zone with the zone named."""
    if deadline is None:
        return ""
    if not deadline.has_time:
        return formats.date_format(deadline.date, "DATE_FORMAT")
    local = timezone.localtime(deadline.passes_at())
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} {local.tzname()}"


@register.simple_tag
def deadline_time(deadline) -> SafeString:
    """A deadline as a ``<time>``; a passed one says so ("passed")."""
    if deadline is None:
        return mark_safe("")
    if deadline.has_time:
        moment = deadline.passes_at()
        shown = format_html(
            '<time datetime="{}" data-zone="{}">{}</time>',
            dateformat.format(moment, "c"),
            timezone.get_current_timezone_name(),
            deadline_text(deadline),
        )
    else:
        shown = format_html('<time datetime="{}">{}</time>', deadline.date.isoformat(), deadline_text(deadline))
    if deadline.is_passed():
        # Of a deadline ("Uzávěrka … (uplynula)"): the word agrees with the noun it follows.
        shown = format_html('{} <span class="deadline__passed">({})</span>', shown, pgettext("deadline", "passed"))
    return shown
