"""Each office's places and academy: its home lists its own courses and hubs, in the reader's
language where they are translated, and a registration's e-mail links to the site it was made on."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.conftest import GORENJSKA_HOST, translate
from tests.factories import (
    AcademyPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    HubIndexPageFactory,
    HubPageFactory,
    add_registration_fields,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def academies(offices):
    olomouc = AcademyPageFactory(parent=offices.olomouc, slug="akademie")
    olomouc_course = CoursePageFactory(parent=olomouc, slug="cenotvorba", title="Cenotvorba pro tvůrce")
    CourseSessionFactory(course=olomouc_course)
    gorenjska = AcademyPageFactory(parent=offices.gorenjska, slug="akademija", title="Kreativna akademija")
    course = CoursePageFactory(
        parent=gorenjska, slug="lasersko-rezanje", title="Lasersko rezanje za začetnike", language="sl"
    )
    CourseSessionFactory(course=course, venue_address="Koroška cesta 19, Kranj")
    add_registration_fields(course)
    return olomouc_course, course


def test_each_home_lists_its_own_courses(client, academies):
    gorenjska = client.get("/sl/", HTTP_HOST=GORENJSKA_HOST).content.decode()
    assert "Lasersko rezanje za začetnike" in gorenjska and "Cenotvorba pro tvůrce" not in gorenjska
    olomouc = client.get("/cs/").content.decode()
    assert "Cenotvorba pro tvůrce" in olomouc and "Lasersko rezanje" not in olomouc
    # The Olomouc office's Slovenian home lists its courses translated into Slovenian, not Gorenjska's.
    olomouc_course, _course = academies
    assert "Lasersko rezanje" not in client.get("/sl/").content.decode()
    translate(olomouc_course, "sl", title="Oblikovanje cen za ustvarjalce", slug="oblikovanje-cen")
    assert "Oblikovanje cen za ustvarjalce" in client.get("/sl/").content.decode()


def test_featured_hubs_are_shown_only_where_translated(client, offices):
    index = HubIndexPageFactory(parent=offices.olomouc, slug="mista")
    lab = HubPageFactory(parent=index, slug="fablab", title="Fab-lab Přerov", intro="Dílna digitální výroby.")
    cowork = HubPageFactory(parent=index, slug="cowork", title="Coworking Patro", intro="Sdílená kancelář.")
    # Both languages' homes feature the Czech hubs (as a translation copies the choice).
    for home in (offices.olomouc, offices.olomouc.get_translation(offices.gorenjska.locale).specific):
        home.featured_hubs.set([home.featured_hubs.model(hub=lab), home.featured_hubs.model(hub=cowork)])
        home.save_revision().publish()
    translate(lab, "sl", title="Fablab Přerov", intro="Delavnica digitalne izdelave.")
    slovene = client.get("/sl/").content.decode()
    assert "Fablab Přerov" in slovene and "Delavnica digitalne izdelave." in slovene
    assert "Coworking Patro" not in slovene and "Dílna digitální výroby." not in slovene  # no Czech texts
    czech = client.get("/cs/").content.decode()
    assert "Fab-lab Přerov" in czech and "Coworking Patro" in czech


def test_a_registration_on_the_gorenjska_site_is_confirmed_with_links_to_it(client, academies):
    _olomouc_course, course = academies
    response = client.post(
        course.url, {"jmeno": "Maja", "e_mail": "maja@drustvo.example"}, HTTP_HOST=f"{GORENJSKA_HOST}:8001"
    )
    assert response.status_code == 200
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["maja@drustvo.example"]
    assert confirmation.subject.startswith("Kreativ Gorenjska: ")
    links = re.findall(r"https?://[^\s<>\"]+", confirmation.body)
    assert "http://gorenjska.localhost:8001/sl/akademija/lasersko-rezanje/" in links
    assert all(link.startswith("http://gorenjska.localhost:8001/") for link in links), links
    [(_name, calendar, _type)] = confirmation.attachments
    assert "gorenjska.localhost:8001/sl/akademija/lasersko-rezanje/" in calendar.replace("\r\n ", "")
