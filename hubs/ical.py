"""A course's sessions as an iCalendar file, so a participant adds them to a calendar in one click."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone
from icalendar import Calendar, Event, vText

from kreativ.sites import page_url

if TYPE_CHECKING:
    from hubs.models import CoursePage


def course_calendar(course: CoursePage, request: HttpRequest | None = None) -> bytes:
    """One VEVENT per session, with a UID that stays the same when the file is downloaded again."""
    calendar = Calendar()
    calendar.add("prodid", "-//Kreativ//Creative Academy//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", course.title)
    url = page_url(course, request)
    host = request.get_host().split(":")[0] if request is not None else "kreativ"
    stamp = timezone.now()
    for session in course.ordered_sessions():
        event = Event()
        event.add("uid", f"course-{course.pk}-session-{session.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.start)
        event.add("dtend", session.end)
        event.add("summary", course.title)
        event["location"] = vText(session.online_url if session.is_online else session.venue_label())
        description = "\n\n".join(part for part in (course.intro, session.note, url) if part)
        if description:
            event.add("description", description)
        if url:
            event.add("url", url)
        calendar.add_component(event)
    return calendar.to_ical()
