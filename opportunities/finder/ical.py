"""Deadlines as iCalendar events, so a call's dates land in the reader's calendar.

A deadline known only as a day is an all-day event on that date (``DTSTART;VALUE=DATE``), not an
event at some hour its source never named; a deadline with a time is an event at that moment (UTC).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from opportunities.models import FundingCall, FundingFinderPage


def deadlines_calendar(calls: Iterable[FundingCall], finder: FundingFinderPage, request: HttpRequest | None) -> bytes:
    """One event per deadline (multi-stage calls have several), with a reminder a week before."""
    calendar = Calendar()
    calendar.add("prodid", "-//Kreativ//Funding radar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Funding deadlines"))
    host = request.get_host().split(":")[0] if request is not None else "kreativ"
    stamp = timezone.now()
    for call in calls:
        url = finder.call_url(call, request)
        if request is not None:
            url = request.build_absolute_uri(url)
        for deadline in call.deadline_list():
            event = Event()
            event.add("uid", f"call-{call.pk}-deadline-{deadline.pk}@{host}")
            event.add("dtstamp", stamp)
            if deadline.has_time:
                event.add("dtstart", deadline.passes_at().astimezone(dt.UTC))
                event.add("dtend", deadline.passes_at().astimezone(dt.UTC))
            else:
                event.add("dtstart", deadline.date)
                event.add("dtend", deadline.date + dt.timedelta(days=1))
            stage = f" ({deadline.label})" if deadline.label else ""
            event.add("summary", _("Deadline: %(title)s") % {"title": call.title} + stage)
            event.add("description", "\n\n".join(part for part in (call.summary, url) if part))
            event.add("url", url)
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", _("Deadline in a week: %(title)s") % {"title": call.title})
            alarm.add("trigger", -dt.timedelta(days=7))
            event.add_component(alarm)
            calendar.add_component(event)
    return calendar.to_ical()


def calendar_response(
    calls: Iterable[FundingCall], finder: FundingFinderPage, request: HttpRequest, filename: str
) -> HttpResponse:
    response = HttpResponse(deadlines_calendar(calls, finder, request), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
