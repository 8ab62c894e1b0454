"""The Creative Academy: courses, their sessions, registration with seats and a waiting list."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from hubs.models import AcademyPage, CoursePage, CourseRegistration
from tests.conftest import t, translate
from tests.factories import (
    AcademyPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    HubIndexPageFactory,
    HubPageFactory,
    add_registration_fields,
)


class CourseCreationRulesTests(WagtailPageTestCase):
    def test_courses_live_in_the_academy(self):
        self.assertAllowedParentPageTypes(CoursePage, {AcademyPage})
        self.assertAllowedParentPageTypes(AcademyPage, {HomePage})
        self.assertCanCreateAt(AcademyPage, CoursePage)
        self.assertCanNotCreateAt(HomePage, CoursePage)


FULL_NOTICE = (
    "The course is full. If you register now, you will be put on the waiting list "
    + "and we will contact you if a seat becomes free."
)


@pytest.fixture
def academy(home):
    return AcademyPageFactory(parent=home, slug="akademie")


@pytest.fixture
def course(academy):
    page = CoursePageFactory(
        parent=academy, slug="kurz", title="Cenotvorba pro tvůrce", capacity=2, waiting_list_size=1
    )
    CourseSessionFactory(course=page)
    add_registration_fields(page)
    return page


def register(client, course, name: str, email: str):
    return client.post(course.url, {"jmeno": name, "e_mail": email})


@pytest.mark.django_db
def test_registration_fills_seats_then_the_waiting_list_then_closes(client, course):
    first = register(client, course, "Anna", "anna@example.com")
    assert first.status_code == 200
    assert t("Thank you, your seat is booked.") in first.content.decode()
    register(client, course, "Bára", "bara@example.com")
    assert course.confirmed_count() == 2

    page_when_full = client.get(course.url).content.decode()
    assert t(FULL_NOTICE) in page_when_full
    assert t("Join the waiting list") in page_when_full

    waiting = register(client, course, "Cyril", "cyril@example.com")
    assert (
        t(
            "The course is full, so you are on the waiting list (position %(position)s). "
            "We will write to you if a seat becomes free.",
            position=1,
        )
        in waiting.content.decode()
    )
    assert CourseRegistration.objects.get(email="cyril@example.com").status == "waiting"

    closed_page = client.get(course.url).content.decode()
    assert t("The course is full and its waiting list is full too. Registration is closed.") in closed_page
    assert "<form" not in closed_page.split('id="registration"')[1]

    refused = register(client, course, "Dana", "dana@example.com")
    assert refused.status_code == 409
    assert not CourseRegistration.objects.filter(email="dana@example.com").exists()
    assert course.registrations().count() == 3


@pytest.mark.django_db
def test_one_registration_per_email(client, course):
    register(client, course, "Anna", "anna@example.com")
    again = register(client, course, "Anna N.", "ANNA@example.com")
    assert again.status_code == 200
    assert t("This e-mail address is already registered for this course.") in again.content.decode()
    assert course.registrations().count() == 1


@pytest.mark.django_db
def test_invalid_form_keeps_the_answers_and_saves_nothing(client, course):
    response = client.post(course.url, {"jmeno": "Anna", "e_mail": "not-an-address"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Anna"' in html
    assert 'class="form-field__error"' in html
    assert course.registrations().count() == 0


@pytest.mark.django_db
def test_translations_share_the_seats(client, course):
    english = translate(course, "en", title="Pricing for creators", slug="pricing")
    register(client, course, "Anna", "anna@example.com")
    register(client, english, "Ben", "ben@example.com")
    assert course.confirmed_count() == 2
    assert english.is_full
    response = register(client, english, "Cyril", "cyril@example.com")
    assert CourseRegistration.objects.get(email="cyril@example.com").status == "waiting"
    assert response.status_code == 200


@pytest.mark.django_db
def test_past_course_takes_no_registration(client, academy):
    past = CoursePageFactory(parent=academy, slug="minuly", title="Minulý kurz")
    start = timezone.now() - dt.timedelta(days=30)
    CourseSessionFactory(course=past, start=start, end=start + dt.timedelta(hours=2))
    add_registration_fields(past)
    html = client.get(past.url).content.decode()
    assert t("This course has already taken place.") in html
    response = register(client, past, "Anna", "anna@example.com")
    assert response.status_code == 409
    assert past.registrations().count() == 0


@pytest.mark.django_db
def test_external_registration_shows_the_link(client, academy):
    page = CoursePageFactory(
        parent=academy,
        slug="externi",
        registration="external",
        external_registration_url="https://tickets.example/kurz",
    )
    CourseSessionFactory(course=page)
    assert 'href="https://tickets.example/kurz"' in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_academy_separates_upcoming_and_past_courses(client, academy):
    upcoming = CoursePageFactory(parent=academy, title="Budoucí kurz")
    CourseSessionFactory(course=upcoming)
    past = CoursePageFactory(parent=academy, title="Loňský kurz")
    start = timezone.now() - dt.timedelta(days=300)
    CourseSessionFactory(course=past, start=start, end=start + dt.timedelta(hours=2))
    html = client.get(academy.url).content.decode()
    upcoming_part, past_part = html.split('id="past-heading"')
    assert "Budoucí kurz" in upcoming_part and "Loňský kurz" not in upcoming_part
    assert "Loňský kurz" in past_part


@pytest.mark.django_db
def test_sessions_as_icalendar(client, home, course):
    hubs = HubIndexPageFactory(parent=home, slug="mista")
    hub = HubPageFactory(
        parent=hubs, title="Fab-lab Přerov", street_address="Komenského 38", postal_code="750 02", city="Přerov"
    )
    second_start = timezone.now() + dt.timedelta(days=17)
    CourseSessionFactory(
        course=course, start=second_start, end=second_start + dt.timedelta(hours=2), venue_hub=hub, venue_address=""
    )
    response = client.get(course.url + "ical/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert len(events) == 2
    assert all(str(e["summary"]) == "Cenotvorba pro tvůrce" for e in events)
    assert str(events[1]["location"]) == "Fab-lab Přerov, Komenského 38, 750 02 Přerov"
    assert events[1].decoded("dtstart") == second_start.replace(microsecond=0)
    assert len({str(e["uid"]) for e in events}) == 2


@pytest.mark.django_db
def test_course_json_ld_has_course_instances(client, course):
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', client.get(course.url).content.decode(), re.S
        ).group(1)
    )
    assert data["@type"] == "Course"
    assert data["name"] == "Cenotvorba pro tvůrce"
    assert data["offers"]["category"] == "Free"
    [instance] = data["hasCourseInstance"]
    assert instance["@type"] == "CourseInstance"
    assert instance["courseMode"] == "onsite"
    assert instance["location"]["address"] == "Horní náměstí 5, Olomouc"


@pytest.mark.django_db
def test_home_page_lists_upcoming_sessions(client, home, course):
    html = client.get("/cs/").content.decode()
    assert "Cenotvorba pro tvůrce" in html


@pytest.mark.django_db
def test_session_needs_a_venue_and_a_sensible_end(course):
    from django.core.exceptions import ValidationError

    from hubs.models import CourseSession

    start = timezone.now()
    with pytest.raises(ValidationError) as error:
        CourseSession(course=course, start=start, end=start - dt.timedelta(hours=1)).clean()
    assert set(error.value.message_dict) == {"end", "venue_address"}
