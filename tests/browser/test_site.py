"""The public site in a real browser: home page, a hub with its map, registering for a course (a
refused address, seats, the waiting list, the confirmation e-mails)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from hubs.models import CourseRegistration
from tests.browser.conftest import serious_violations
from tests.conftest import t, tn, translate
from tests.factories import (
    AcademyPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    EquipmentFactory,
    HubIndexPageFactory,
    HubPageFactory,
    OpeningHoursFactory,
    add_registration_fields,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def region(czech_home):
    home = czech_home
    translate(home, "en", title="Creative region", hero_title="A home base for creative people")
    hubs = HubIndexPageFactory(parent=home, slug="mista")
    lab = HubPageFactory(parent=hubs, slug="fablab", title="Fab-lab Přerov", kind="fablab", city="Přerov")
    EquipmentFactory(page=lab, name="Laserová řezačka", quantity=1, training="course")
    OpeningHoursFactory(page=lab, weekday=1, opens=dt.time(14), closes=dt.time(21))
    lab.save_revision().publish()
    HubPageFactory(
        parent=hubs,
        slug="coworking",
        title="Coworking Nádraží",
        kind="coworking",
        latitude="49.472",
        longitude="17.112",
    )
    academy = AcademyPageFactory(parent=home, slug="akademie")
    course = CoursePageFactory(
        parent=academy, slug="kurz", title="Základy laserového řezání", capacity=2, waiting_list_size=1
    )
    CourseSessionFactory(course=course, start=timezone.now() + dt.timedelta(days=5), venue_hub=lab, venue_address="")
    add_registration_fields(course)
    return {"home": home, "lab": lab, "course": course}


def test_home_page(live_server, page, region):
    page.goto(f"{live_server.url}/cs/")
    assert page.locator("h1").inner_text() == "Zázemí pro kreativní lidi"
    assert page.get_attribute("html", "lang") == "cs"
    assert page.locator("text=Základy laserového řezání").count() == 1
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/")
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").inner_text() == "A home base for creative people"
    assert serious_violations(page) == []
    assert page.js_errors == []


def test_hub_page_with_its_map(live_server, page, region):
    page.goto(f"{live_server.url}{region['lab'].url}")
    assert page.locator("h1").inner_text() == "Fab-lab Přerov"
    page.wait_for_selector(".map.map--ready")
    marker = page.locator(".leaflet-marker-icon")
    assert marker.count() == 1
    assert marker.get_attribute("alt") == "Fab-lab Přerov"
    assert (
        page.get_by_role("cell", name="Laserová řezačka").count()
        + page.get_by_role("rowheader", name="Laserová řezačka").count()
        == 1
    )
    assert serious_violations(page) == []
    assert page.js_errors == []


def test_hub_index_map_and_filters(live_server, page, region):
    page.goto(f"{live_server.url}/cs/mista/")
    page.wait_for_selector(".map.map--ready")
    assert page.locator(".leaflet-marker-icon").count() == 2
    page.select_option("#id_kind", "coworking")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/mista/?kind=coworking*")
    assert page.locator(".card__title").all_inner_texts() == ["Coworking Nádraží"]
    assert page.locator(".leaflet-marker-icon").count() == 1
    assert serious_violations(page) == []


def test_register_until_the_course_is_full(live_server, page, region):
    cache.clear()  # registrations of earlier tests from 127.0.0.1 count against the rate limit
    course = region["course"]
    url = f"{live_server.url}{course.url}"
    people = [
        ("Anna Nováková", "anna@example.com"),
        ("Bohdan Král", "bohdan@example.com"),
        ("Cecílie Malá", "cecilie@example.com"),
    ]
    for number, (name, email) in enumerate(people):
        page.goto(url)
        if number == 0:
            assert (
                tn("%(counter)s seat left.", "%(counter)s seats left.", 2) in page.locator("#registration").inner_text()
            )
            assert serious_violations(page) == []
        page.get_by_label("Jméno").fill(name)
        if number == 0:  # a typing slip first: refused next to the field, the name kept
            page.get_by_label("E-mail").fill(email.replace(".com", ""))
            page.locator("#registration button[type=submit]").click()
            error = page.locator("#registration .form-field--error")
            assert error.get_by_role("alert").inner_text() == "Zadejte platnou e-mailovou adresu."
            assert page.get_by_label("Jméno").input_value() == name
            assert serious_violations(page) == []
        page.get_by_label("E-mail").fill(email)
        page.locator("#registration button[type=submit]").click()
        page.wait_for_load_state()
        status = page.get_by_role("status").inner_text()
        if number < 2:
            assert status == t("Thank you, your seat is booked.")
        else:
            assert status == t(
                "The course is full, so you are on the waiting list (position %(position)s). "
                "We will write to you if a seat becomes free.",
                position=1,
            )
            assert serious_violations(page) == []
    page.goto(url)
    assert (
        t("The course is full and its waiting list is full too. Registration is closed.")
        in page.locator("#registration").inner_text()
    )
    assert page.locator("#registration form").count() == 0
    assert serious_violations(page) == []
    assert sorted(CourseRegistration.objects.values_list("status", flat=True)) == ["confirmed", "confirmed", "waiting"]
    # Each got a confirmation in Czech, the sessions attached.
    assert [message.to for message in mail.outbox] == [[email] for _name, email in people]
    assert all(message.attachments[0][0] == "kurz.ics" for message in mail.outbox)
    assert mail.outbox[2].subject.endswith(t("Waiting list for “%(course)s”", course=course.title))
