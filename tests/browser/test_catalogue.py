"""The catalogue of creatives in a real browser: its facets and the map of its results, on a wide
screen and on a phone, and a profile's page; every page checked with axe."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.browser.conftest import serious_violations
from tests.conftest import t

pytestmark = pytest.mark.django_db(transaction=True)

PLACES = {
    "Olomouc": (Decimal("49.593778"), Decimal("17.250879")),
    "Přerov": (Decimal("49.455110"), Decimal("17.450920")),
    "Kranj": (Decimal("46.239180"), Decimal("14.355540")),
}


@pytest.fixture
def catalogue(czech_home):
    from wagtail.models import Collection

    from catalogue.models import ActorKind, CatalogueIndexPage, ProfileImage
    from kreativ.demo_tools import demo_image
    from tests.catalogue.public import publish

    if not Collection.objects.exists():  # what Wagtail's migrations make, gone with a committed test's flush
        Collection.add_root(name="Root")

    page = CatalogueIndexPage(title="Katalog kreativců", slug="katalog", intro="Najděte, s kým spolupracovat.")
    czech_home.add_child(instance=page)
    page.save_revision().publish()
    actors = [
        ("Ateliér Čtverec", ActorKind.STUDIO, ["design"], "Olomouc", "Grafické studio: identity, plakáty, knihy."),
        ("Hudební spolek Haná", ActorKind.NGO, ["music"], "Olomouc", "Koncerty a festival na Hané."),
        ("Jana Nováková", ActorKind.FREELANCER, ["design", "crafts"], "Přerov", "Ilustrace a keramika."),
        ("Studio Kranj", ActorKind.STUDIO, ["software-games"], "Kranj", "Razvoj iger."),
    ]
    for name, kind, sectors, place, text in actors:
        latitude, longitude = PLACES[place]
        profile = publish(
            name,
            kind,
            sectors=sectors,
            municipality=place,
            latitude=latitude,
            longitude=longitude,
            country="SI" if place == "Kranj" else "CZ",
            short_cs=text,
            open_to_commissions=kind != ActorKind.NGO,
            website="https://example.org/" + name.split()[0].lower(),
        )
        if name == "Ateliér Čtverec":
            ProfileImage.objects.create(
                profile=profile, image=demo_image("Plakát pro festival", "poster"), caption="Plakát"
            )
            profile.save_revision().publish()
    return page


def test_the_catalogues_facets_and_the_map_of_its_results(live_server, page, catalogue):
    page.goto(f"{live_server.url}{catalogue.url}")
    page.wait_for_selector(".map.map--ready")
    titles = page.locator(".card--profile .card__title").all_inner_texts()
    assert titles == ["Ateliér Čtverec", "Hudební spolek Haná", "Jana Nováková", "Studio Kranj"]
    markers = page.locator("#catalogue-map-canvas .leaflet-marker-icon")
    assert sorted(markers.evaluate_all("icons => icons.map(icon => icon.alt)")) == ["Kranj", "Olomouc", "Přerov"]
    assert serious_violations(page) == []

    page.check("#f-sector-design")
    page.locator(".finder__facets button[type=submit]").click()
    page.wait_for_url("**sector=design**")
    page.wait_for_selector(".map.map--ready")
    assert page.locator(".card--profile .card__title").all_inner_texts() == ["Ateliér Čtverec", "Jana Nováková"]
    assert sorted(markers.evaluate_all("icons => icons.map(icon => icon.alt)")) == ["Olomouc", "Přerov"]
    # A marker's popup says how many of the results are there and narrows the list to them.
    page.locator("#catalogue-map-canvas .leaflet-marker-icon[alt='Olomouc']").click()
    popup = page.locator(".leaflet-popup-content")
    assert "1 aktér" in popup.inner_text()  # "%(count)d actor" in Czech
    popup.get_by_role("link", name="Olomouc").click()
    page.wait_for_url("**place=cz-olomouc**")
    assert page.locator(".card--profile .card__title").all_inner_texts() == ["Ateliér Čtverec"]
    assert t("In %(place)s only.", place="Olomouc") in page.locator(".finder__results").inner_text()
    assert serious_violations(page) == []
    assert page.js_errors == []


def test_on_a_phone_the_filters_fold_and_the_results_come_first(live_server, browser, catalogue):
    context = browser.new_context(locale="cs-CZ", viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    try:
        phone.goto(f"{live_server.url}{catalogue.url}?sector=design&flag=open_to_commissions")
        filters = phone.locator("details#filters")
        assert filters.evaluate("e => e.open") is False
        assert phone.locator(".finder__results h2").first.bounding_box()["y"] < 900
        assert phone.locator(".finder__facets summary").inner_text().strip() == f"{t('Filters')} (2)"
        assert serious_violations(phone) == []
        phone.locator(".finder__facets summary").click()
        assert filters.evaluate("e => e.open") is True
        assert phone.locator("#f-flag-open_to_commissions").is_checked()
        assert serious_violations(phone) == []
    finally:
        context.close()


def test_a_profiles_page(live_server, page, catalogue):
    page.goto(f"{live_server.url}{catalogue.url}")
    page.get_by_role("link", name="Ateliér Čtverec").click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Ateliér Čtverec"
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert page.locator(".gallery img").get_attribute("alt") == "Plakát"
    assert page.locator('a[rel="nofollow ugc noopener"]').first.get_attribute("href") == "https://example.org/ateliér"
    page.wait_for_selector(".map.map--ready")
    assert "@" not in page.locator("main").inner_text()
    assert serious_violations(page) == []
    assert page.locator("link[rel=canonical]").get_attribute("href") == page.url
    assert page.js_errors == []
