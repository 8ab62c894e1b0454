"""Course registration as a public form: rate limits per client and per course, the trap for bots,
a real e-mail address, and a confirmation e-mail in the reader's language with the sessions."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from icalendar import Calendar

from hubs.models import CourseFormField, CourseRegistration
from kreativ.models import FooterSettings
from tests.conftest import t, translate
from tests.factories import AcademyPageFactory, CoursePageFactory, CourseSessionFactory, add_registration_fields

pytestmark = pytest.mark.django_db

TOO_MANY = "Too many registrations were sent in the last hour. Please try again later."
NOT_SAVED = "Your registration was not saved. Please check your answers and send the form again."


@pytest.fixture
def academy(home):
    return AcademyPageFactory(parent=home, slug="akademie")


@pytest.fixture
def course(academy):
    """A course with room for everybody, so that only the limits refuse."""
    page = CoursePageFactory(
        parent=academy, slug="kurz", title="Cenotvorba pro tvůrce", capacity=None, waiting_list_size=None
    )
    CourseSessionFactory(course=page)
    add_registration_fields(page)
    return page


def register(client, course, email: str, name: str = "Anna", **extra):
    headers = {key: extra.pop(key) for key in list(extra) if key.isupper()}  # REMOTE_ADDR
    return client.post(course.url, {"jmeno": name, "e_mail": email, **extra}, **headers)


# --- rate limits --------------------------------------------------------------------------------


@override_settings(ACADEMY_RATE_PER_CLIENT=3, ACADEMY_RATE_PER_COURSE=100)
def test_a_burst_from_one_client_stops_at_its_limit_and_saves_nothing_beyond(client, course):
    statuses = [register(client, course, f"p{number}@example.com").status_code for number in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    refused = register(client, course, "late@example.com", name="Zdeňka")
    html = refused.content.decode()
    assert t(TOO_MANY) in html and 'value="Zdeňka"' in html  # said on the page, the answers kept
    assert sorted(course.registrations().values_list("email", flat=True)) == [
        "p0@example.com",
        "p1@example.com",
        "p2@example.com",
    ]
    assert [message.to for message in mail.outbox] == [["p0@example.com"], ["p1@example.com"], ["p2@example.com"]]
    # Another client is not stopped by the first one.
    assert register(client, course, "other@example.com", REMOTE_ADDR="203.0.113.7").status_code == 200


@override_settings(ACADEMY_RATE_PER_CLIENT=100, ACADEMY_RATE_PER_COURSE=3)
def test_a_course_takes_so_many_registrations_an_hour_in_all_its_languages(client, course):
    english = translate(course, "en", title="Pricing for creators", slug="pricing")
    for number, page in enumerate([course, english, course]):
        assert register(client, page, f"p{number}@example.com", REMOTE_ADDR=f"203.0.113.{number}").status_code == 200
    assert register(client, english, "late@example.com", REMOTE_ADDR="198.51.100.1").status_code == 429
    assert course.registrations().count() == 3
    # Another course has its own count.
    other = CoursePageFactory(parent=course.get_parent(), slug="jiny", capacity=None)
    CourseSessionFactory(course=other)
    add_registration_fields(other)
    assert register(client, other, "late@example.com", REMOTE_ADDR="198.51.100.1").status_code == 200


# --- the trap -----------------------------------------------------------------------------------


def test_a_filled_in_trap_saves_and_sends_nothing_and_says_so(client, course):
    page = client.get(course.url).content.decode()
    assert re.search(r'<div class="visually-hidden" aria-hidden="true"><label for="id_website">', page)
    response = register(client, course, "bot@example.com", name="Bot", website="https://spam.example")
    html = response.content.decode()
    assert response.status_code == 400
    assert t(NOT_SAVED) in html and 'value="Bot"' in html
    assert "spam.example" not in html  # sent again, the form goes through
    assert not course.registrations().exists() and not mail.outbox
    assert register(client, course, "anna@example.com").status_code == 200


def test_an_editors_website_question_is_an_answer_and_the_trap_moves_aside(client, course):
    CourseFormField.objects.create(page=course, label="Website", field_type="url", required=False, sort_order=2)
    page = client.get(course.url).content.decode()
    assert re.search(r'<label for="id_website">Website', page)  # the editor's question, shown
    assert re.search(r'<div class="visually-hidden" aria-hidden="true"><label for="id_homepage">', page)
    response = register(client, course, "anna@example.com", website="https://anna.example")
    assert response.status_code == 200
    assert course.registrations().get().form_data["website"] == "https://anna.example"
    assert register(client, course, "bot@example.com", homepage="https://spam.example").status_code == 400
    assert course.registrations().count() == 1


# --- the e-mail address -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "error"),
    [("cs", "Zadejte platnou e-mailovou adresu."), ("sl", "Vnesite veljaven e-poštni naslov.")],
)
def test_a_bad_address_is_refused_in_the_readers_language(client, course, language, error):
    page = course if language == "cs" else translate(course, language, title="Oblikovanje cen", slug="cene")
    response = register(client, page, "anna@example")
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    field = re.search(r'<div class="form-field form-field--error">\s*<label for="id_e_mail">.*?</div>', html, re.S)
    assert field and error in field.group(0) and 'value="anna@example"' in field.group(0)
    assert not course.registrations().exists() and not mail.outbox


def test_the_address_is_normalised_before_it_is_compared_and_stored(client, course):
    register(client, course, "  Anna.Novakova@Example.COM ")
    registration = course.registrations().get()
    assert registration.email == registration.form_data["e_mail"] == "anna.novakova@example.com"
    assert mail.outbox[0].to == ["anna.novakova@example.com"]
    again = register(client, course, "anna.novakova@EXAMPLE.com")
    assert t("This e-mail address is already registered for this course.") in again.content.decode()


def test_a_form_without_an_email_question_still_asks_for_an_address(client, academy):
    course = CoursePageFactory(parent=academy, slug="bez", capacity=None)
    CourseSessionFactory(course=course)
    CourseFormField.objects.create(page=course, label="Jméno", field_type="singleline", required=True)
    page = client.get(course.url).content.decode()
    assert re.search(r'<label for="id_email">' + re.escape(t("Your e-mail")) + " <span", page)
    assert client.post(course.url, {"jmeno": "Anna"}).status_code == 200
    assert not course.registrations().exists()
    client.post(course.url, {"jmeno": "Anna", "email": "anna@example.com"})
    assert course.registrations().get().email == "anna@example.com"
    assert ("email", t("E-mail")) in [(name, str(label)) for name, label in course.get_data_fields()]


# --- the confirmation ---------------------------------------------------------------------------


def test_a_slovenian_registration_is_confirmed_in_slovenian_with_the_sessions_attached(client, course):
    course.capacity, course.waiting_list_size = 1, 5
    course.to_address = "akademija@kreativ.example"
    course.save_revision().publish()
    start = timezone.now() + dt.timedelta(days=20)
    CourseSessionFactory(course=course, start=start, end=start + dt.timedelta(hours=2), venue_address="Lent 14")
    slovenian = translate(course, "sl", title="Oblikovanje cen za ustvarjalce", slug="oblikovanje-cen")

    response = client.post(slovenian.url, {"jmeno": "Maja", "e_mail": "maja@ngo.example"})
    assert t("A confirmation with the dates is on its way to your e-mail.", "sl") in response.content.decode()
    [organisers, confirmation] = mail.outbox  # Wagtail's notice to the organisers, then the reader's
    assert organisers.to == ["akademija@kreativ.example"] and "website" not in organisers.body.lower()
    assert confirmation.to == ["maja@ngo.example"]
    assert confirmation.reply_to == ["akademija@kreativ.example"]
    title = "Oblikovanje cen za ustvarjalce"
    assert confirmation.subject.endswith(t("Your seat on “%(course)s”", "sl", course=title))
    body = confirmation.body
    assert t("Your seat is booked.", "sl") in body and t("Dates and venue", "sl") in body
    assert "Horní náměstí 5, Olomouc" in body and "Lent 14" in body
    assert t("The dates are attached as a calendar file (.ics).", "sl") in body
    assert "akademija@kreativ.example" in body  # whom to tell if she cannot come
    assert 'lang="sl"' in confirmation.alternatives[0][0]
    [(filename, content, mimetype)] = confirmation.attachments
    assert filename == "oblikovanje-cen.ics" and mimetype == "text/calendar"
    events = Calendar.from_ical(content).walk("VEVENT")
    assert sorted(str(event["location"]) for event in events) == ["Horní náměstí 5, Olomouc", "Lent 14"]
    assert {str(event["summary"]) for event in events} == {title}

    # The course is full now: the next one waits, and is told so and where she stands.
    mail.outbox.clear()
    client.post(slovenian.url, {"jmeno": "Petra", "e_mail": "petra@example.com"})
    waiting = mail.outbox[-1]
    assert waiting.subject.endswith(t("Waiting list for “%(course)s”", "sl", course=title))
    assert (
        t(
            "The course is full, so you are on the waiting list (position %(position)s). "
            "We will write to you if a seat becomes free.",
            "sl",
            position=1,
        )
        in waiting.body
    )


def test_without_organisers_the_offices_contact_is_named(client, course):
    footer = FooterSettings.for_site(course.get_site())
    footer.email = "info@kreativ.example"
    footer.save()
    register(client, course, "anna@example.com")
    [confirmation] = mail.outbox
    assert confirmation.reply_to == ["info@kreativ.example"] and "info@kreativ.example" in confirmation.body
    assert confirmation.subject.endswith(t("Your seat on “%(course)s”", "cs", course="Cenotvorba pro tvůrce"))


def test_a_mail_server_refusing_the_confirmation_does_not_undo_the_registration(client, course, monkeypatch):
    from hubs import mails

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no SMTP server")

    monkeypatch.setattr(mails.EmailMultiAlternatives, "send", refuse)
    response = register(client, course, "anna@example.com")
    assert response.status_code == 200 and t("Thank you, your seat is booked.") in response.content.decode()
    assert t("A confirmation with the dates is on its way to your e-mail.") not in response.content.decode()
    assert CourseRegistration.objects.filter(email="anna@example.com").exists()
