"""A Slovenian NGO on the Gorenjska office's site, in a real browser: its hubs on the map, its academy,
a course registration, a confirmation e-mail whose links lead back to the Gorenjska site, and a
course page switched to a language it has no translation in.

The office's site has its own host name, gorenjska.localhost, on the live server's port: Chromium
resolves every *.localhost name to this machine, as it does for readers of `make demo`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from hubs.models import CourseFormField
from kreativ.models import NavigationSettings, OfficeSettings, Region
from tests.browser.conftest import serious_violations
from tests.conftest import GORENJSKA_HOST, t, translate
from tests.factories import (
    AcademyPageFactory,
    CoursePageFactory,
    CourseSessionFactory,
    HomePageFactory,
    HubIndexPageFactory,
    HubPageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

PLACES = [  # slug, title, kind, town, latitude, longitude
    ("fablab-kranj", "Fablab Kranj", "fablab", "Kranj", "46.242600", "14.356300"),
    ("coworking-trg", "Coworking Trg", "coworking", "Škofja Loka", "46.165200", "14.307000"),
    ("stara-valjarna", "Makerspace Stara valjarna", "fablab", "Jesenice", "46.436000", "14.062000"),
]


@pytest.fixture
def gorenjska(base_data, live_server) -> dict[str, Any]:
    """The Olomouc office on the default site, and the Gorenjska office on gorenjska.localhost."""
    root = Page.get_first_root_node()
    olomouc = HomePageFactory(parent=root, slug="domu")
    default = Site.objects.get(is_default_site=True)
    default.root_page = olomouc
    default.save()
    home = HomePageFactory(
        parent=root,
        slug="gorenjska",
        locale=Locale.objects.get(language_code="sl"),
        title="Kreativna Gorenjska",
        hero_title="Zaledje za ustvarjalce na Gorenjskem",
        intro="Regionalna pisarna za kulturne in kreativne industrije s sedežem v Kranju.",
    )
    translate(home, "en", title="Creative Gorenjska", hero_title="A home base for creators in Gorenjska")
    translate(home, "cs", title="Kreativní Gorenjsko", hero_title="Zázemí pro tvůrce v Gorenjsku")
    port = int(live_server.url.rsplit(":", 1)[1])
    site = Site.objects.create(hostname=GORENJSKA_HOST, port=port, root_page=home, site_name="Kreativ Gorenjska")
    office = OfficeSettings.for_site(site)
    office.region = Region.objects.get(slug="gorenjska")
    office.save()
    places = HubIndexPageFactory(parent=home, slug="prostori", title="Kreativni prostori")
    hubs = [
        HubPageFactory(
            parent=places,
            slug=slug,
            title=title,
            kind=kind,
            city=town,
            country="SI",
            latitude=latitude,
            longitude=longitude,
            intro=f"Prostor za ustvarjalce v kraju {town}.",
            street_address="Glavni trg 1",
            postal_code="4000",
            region=office.region,
        )
        for slug, title, kind, town, latitude, longitude in PLACES
    ]
    academy = AcademyPageFactory(parent=home, slug="akademija", title="Kreativna akademija")
    course = CoursePageFactory(
        parent=academy,
        slug="ustvarjalna-evropa",
        title="Prijava na razpis Ustvarjalna Evropa za nevladne organizacije",
        intro="Od ideje do oddane prijave.",
        language="sl",
        currency="EUR",
        capacity=20,
    )
    start = timezone.now() + dt.timedelta(days=9)
    CourseSessionFactory(course=course, start=start, venue_hub=hubs[0], venue_address="")
    for number, (label, kind) in enumerate([("Ime in priimek", "singleline"), ("E-pošta", "email")]):
        CourseFormField.objects.create(page=course, label=label, field_type=kind, required=True, sort_order=number)
    english = translate(course, "en", title="Applying to Creative Europe for NGOs", slug="creative-europe")
    navigation = NavigationSettings.for_site(site)
    navigation.main_links.set([navigation.main_links.model(page=places), navigation.main_links.model(page=academy)])
    navigation.save()
    return {"url": f"http://{GORENJSKA_HOST}:{port}", "course": course, "english": english, "hubs": hubs}


@pytest.fixture
def tab(browser) -> Iterator[Any]:
    """A Slovenian reader's browser."""
    context = browser.new_context(locale="sl-SI", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.js_errors = errors
    yield tab
    context.close()


def test_a_slovenian_ngo_finds_the_hubs_and_registers_for_a_course(tab, gorenjska):
    cache.clear()  # registrations of earlier tests from 127.0.0.1 count against the rate limit
    site = gorenjska["url"]
    tab.goto(f"{site}/")
    tab.wait_for_url(f"{site}/sl/")  # the office's own language, whatever the browser's
    assert tab.get_attribute("html", "lang") == "sl"
    assert tab.locator("h1").inner_text() == "Zaledje za ustvarjalce na Gorenjskem"
    assert serious_violations(tab) == []

    tab.get_by_role("navigation", name=t("Main navigation", "sl")).get_by_role(
        "link", name="Kreativni prostori"
    ).click()
    tab.wait_for_url(f"{site}/sl/prostori/")
    tab.wait_for_selector(".map.map--ready")
    markers = tab.locator(".leaflet-marker-icon")
    assert markers.count() == len(PLACES)
    assert sorted(markers.evaluate_all("icons => icons.map(icon => icon.alt)")) == sorted(p[1] for p in PLACES)
    assert sorted(tab.locator(".card__title").all_inner_texts()) == sorted(p[1] for p in PLACES)
    assert serious_violations(tab) == []

    tab.get_by_role("navigation", name=t("Main navigation", "sl")).get_by_role(
        "link", name="Kreativna akademija"
    ).click()
    tab.wait_for_url(f"{site}/sl/akademija/")
    assert serious_violations(tab) == []
    course = gorenjska["course"]
    tab.get_by_role("link", name=course.title).first.click()
    tab.wait_for_url(f"{site}/sl/akademija/ustvarjalna-evropa/")
    assert serious_violations(tab) == []
    tab.get_by_label("Ime in priimek").fill("Maja Novak")
    tab.get_by_label("E-pošta").fill("maja@drustvo-kranj.example")
    tab.locator("#registration button[type=submit]").click()
    tab.wait_for_load_state()
    assert tab.get_by_role("status").inner_text() == t("Thank you, your seat is booked.", "sl")
    assert serious_violations(tab) == []
    assert tab.js_errors == []

    [confirmation] = [message for message in mail.outbox if message.to == ["maja@drustvo-kranj.example"]]
    assert confirmation.subject == "Kreativ Gorenjska: " + t("Your seat on “%(course)s”", "sl", course=course.title)
    links = re.findall(r"https?://[^\s<>\"]+", confirmation.body)
    assert f"{site}/sl/akademija/ustvarjalna-evropa/" in links
    assert links and all(link.startswith(f"{site}/") for link in links), links
    html = confirmation.alternatives[0][0]
    assert f'href="{site}/sl/akademija/ustvarjalna-evropa/"' in html
    # The link in the e-mail opens the course on the Gorenjska site.
    tab.goto(f"{site}/sl/akademija/ustvarjalna-evropa/")
    assert tab.locator("h1").inner_text() == course.title


def test_a_course_without_a_czech_translation_says_so_in_czech(tab, gorenjska):
    site = gorenjska["url"]
    tab.goto(f"{site}/sl/akademija/ustvarjalna-evropa/")
    tab.get_by_role("navigation", name=t("Language", "sl")).get_by_role("link", name="Čeština").click()
    tab.wait_for_url(re.compile(r".*/cs/untranslated/\d+/$"))
    assert tab.get_attribute("html", "lang") == "cs"
    assert tab.locator("h1").inner_text() == t("This page is not available in English yet.", "cs")
    assert tab.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    assert serious_violations(tab) == []
    tab.get_by_role("link", name="Applying to Creative Europe for NGOs (English)").click()
    tab.wait_for_url(gorenjska["english"].full_url)  # its site's address, the live server's port
    assert tab.get_attribute("html", "lang") == "en"
    assert tab.js_errors == []
