"""The demo's Creative Academy: an office's academy page and courses, from ``<office>/academy.yaml``.

A course's sessions are dated relative to the day the demo is loaded (``day: {weekday: tuesday,
in_days: 8}``, see ``kreativ.demo_data.day_from_today``), at a time, for some hours, at a hub (by
its slug), an address or online; ``weeks: 4`` repeats a session on the same weekday four weeks
running. ``registrations: {confirmed: 16, waiting: 2}`` fills a new course with invented
participants, so that some courses are full.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.utils import timezone

from hubs.models import AcademyPage, CoursePage, CourseRegistration, HubPage
from kreativ.demo_data import DemoDataError, day_from_today, read, time_of_day
from kreativ.demo_loaders import Office
from kreativ.demo_tools import ensure_translated_page

SESSION_KEYS = {"day", "start", "hours", "weeks", "hub", "address", "online", "note"}


def load_academy(office: Office, path: Path) -> None:
    data = read(path) or {}
    academy, _ = ensure_translated_page(office.home, AcademyPage, data.get("academy"), f"{path}, academy")
    defaults = data.get("course_defaults") or {}
    forms = {
        language: [{**field, "sort_order": number} for number, field in enumerate(fields)]
        for language, fields in (data.get("registration_form") or {}).items()
    }
    participants = data.get("participants") or {"name": "{number}", "email": "participant{number}@example.com"}
    for number, spec in enumerate(data.get("courses") or []):
        where = f"{path}, courses[{number}]"
        if not isinstance(spec, Mapping):
            raise DemoDataError(f"{where}: expected a course's fields, found {spec!r}")
        course = {**defaults, **spec, "listing_image": office.illustration(spec, where)}
        registrations = course.pop("registrations", None) or {}
        course["sessions"] = sessions(office, spec.get("sessions"), f"{where}, sessions")
        for language, form in forms.items():
            if isinstance(course.get(language), Mapping):
                course[language] = {**course[language], "form_fields": form}
        page, created = ensure_translated_page(academy, CoursePage, course, where)
        if created:
            prefill_registrations(page, registrations, participants, f"{where}, registrations")


def sessions(office: Office, specs: Any, where: str) -> list[dict[str, Any]]:
    """The course's sessions as rows of ``CourseSession``, with dates from today."""
    rows = []
    for number, spec in enumerate(specs or []):
        here = f"{where}[{number}]"
        if not isinstance(spec, Mapping) or not {"day", "start", "hours"} <= set(spec):
            raise DemoDataError(f'{here}: a session needs day, start ("17:30") and hours, found {spec!r}')
        unknown = set(spec) - SESSION_KEYS
        if unknown:
            raise DemoDataError(
                f"{here}: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(SESSION_KEYS))})"
            )
        first_day = day_from_today(spec["day"], here)
        start_time = time_of_day(spec["start"], here)
        venue = {"note": spec.get("note", "")}
        if spec.get("hub"):
            venue["venue_hub"] = _hub(office, spec["hub"], here)
        if spec.get("address"):
            venue["venue_address"] = spec["address"]
        if spec.get("online"):
            venue["online_url"] = spec["online"]
        for week in range(int(spec.get("weeks", 1))):
            start = timezone.make_aware(dt.datetime.combine(first_day + dt.timedelta(weeks=week), start_time))
            rows.append({"start": start, "end": start + dt.timedelta(hours=spec["hours"]), **venue})
    return rows


def _hub(office: Office, slug: str, where: str) -> HubPage:
    hub = HubPage.objects.descendant_of(office.home).filter(slug=slug).first()
    if hub is None:
        raise DemoDataError(f"{where}: no hub with the slug {slug!r} (hubs.yaml)")
    return hub


def prefill_registrations(
    course: CoursePage, counts: Mapping[str, int], participants: Mapping[str, str], where: str
) -> None:
    """Registrations from invented participants, ``confirmed`` of them with a seat, then ``waiting``."""
    unknown = set(counts) - {"confirmed", "waiting"}
    if unknown:
        raise DemoDataError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (use confirmed and waiting)")
    confirmed, waiting = int(counts.get("confirmed", 0)), int(counts.get("waiting", 0))
    fields = list(course.form_fields.all())
    name_field = fields[0].clean_name if fields else "name"
    email_field = next((field.clean_name for field in fields if field.field_type == "email"), "email")
    for number in range(1, confirmed + waiting + 1):
        status = CourseRegistration.Status.CONFIRMED if number <= confirmed else CourseRegistration.Status.WAITING
        email = participants["email"].format(number=number)
        CourseRegistration.objects.create(
            page=course,
            status=status,
            email=email,
            form_data={name_field: participants["name"].format(number=number), email_field: email},
        )
