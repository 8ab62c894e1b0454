"""Coordinates from an address (kreativ.geocoding, kreativ.location_panel), against a loopback geocoder."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from kreativ import geocoding
from tests.conftest import t
from tests.crawler.doubles import LoopbackServer, Route, nominatim_search
from tests.factories import HubIndexPageFactory, HubPageFactory

PRAGUE_HUB = ("50.087451", "14.420671", "Staroměstské náměstí 1, Praha, Česko")


@pytest.fixture
def geocoder(settings):
    with LoopbackServer({"/search": nominatim_search({"Praha": PRAGUE_HUB})}) as server:
        settings.GEOCODER_URL = server.base_url
        yield server


@pytest.fixture
def editor(client, db):
    user = User.objects.create_user("redaktor", "redaktor@example.com", "password")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_an_address_is_found_with_a_structured_query(geocoder, settings):
    place = geocoding.find(geocoding.Address("Staroměstské náměstí 1", "110 00", "Praha", "CZ"))

    assert place == geocoding.Place(Decimal("50.087451"), Decimal("14.420671"), PRAGUE_HUB[2])
    hit = geocoder.hits[-1]
    query = parse_qs(urlsplit(hit.path).query)
    assert urlsplit(hit.path).path == "/search"
    assert query["street"] == ["Staroměstské náměstí 1"] and query["postalcode"] == ["110 00"]
    assert query["countrycodes"] == ["cz"]
    assert hit.headers["User-Agent"] == settings.GEOCODER_USER_AGENT


def test_an_unknown_address_is_nothing_found(geocoder):
    assert geocoding.find(geocoding.Address(city="Nikde")) is None


@pytest.mark.parametrize(
    "route",
    [
        Route(b"Internal error", status=500, headers={"Content-Type": "text/plain"}),
        Route(b"<html>not json</html>"),
        Route(b'[{"lat": "north", "lon": "14.4"}]', headers={"Content-Type": "application/json"}),
        Route(b'[{"lat": "95.0", "lon": "14.4"}]', headers={"Content-Type": "application/json"}),
        Route(b"[]", delay=2.5, headers={"Content-Type": "application/json"}),  # beyond the timeout
    ],
)
def test_a_geocoder_that_fails_is_an_error_for_the_editor(settings, route):
    settings.GEOCODER_TIMEOUT = 1
    with LoopbackServer({"/search": route}) as server:
        settings.GEOCODER_URL = server.base_url
        with pytest.raises(geocoding.GeocodingError):
            geocoding.find(geocoding.Address(city="Praha"))


def test_the_lookup_is_off_without_a_geocoder_address(settings):
    settings.GEOCODER_URL = ""
    with pytest.raises(geocoding.GeocodingError):
        geocoding.find(geocoding.Address(city="Praha"))


@pytest.mark.django_db
def test_the_admin_view_answers_found_not_found_and_failed(client, editor, geocoder, settings):
    url = reverse("kreativ_geocode")
    found = client.get(url, {"street": "Staroměstské náměstí 1", "city": "Praha", "country": "CZ"})
    assert found.status_code == 200 and found.json()["found"] is True
    assert found.json()["latitude"] == "50.087451" and found.json()["longitude"] == "14.420671"

    missing = client.get(url, {"city": "Nikde"})
    assert missing.status_code == 200 and missing.json()["found"] is False and missing.json()["message"]
    assert client.get(url).status_code == 400  # no address at all

    settings.GEOCODER_URL = ""
    off = client.get(url, {"city": "Praha"})
    assert off.status_code == 503
    assert off.json()["message"] == t("Finding coordinates from an address is turned off on this site.")


@pytest.mark.django_db
def test_the_lookup_is_for_staff_only(client, geocoder):
    response = client.get(reverse("kreativ_geocode"), {"city": "Praha"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert geocoder.hits == []


@pytest.mark.django_db
def test_a_hubs_edit_form_has_the_map_picker(client, editor, home, geocoder, settings):
    hub = HubPageFactory(parent=HubIndexPageFactory(parent=home, slug="mista"), slug="hub")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[hub.pk])).content.decode()
    assert "data-kreativ-location" in html and 'data-latitude-input="id_latitude"' in html
    assert 'data-city-input="id_city"' in html and f'data-geocode-url="{reverse("kreativ_geocode")}"' in html
    assert "js/location-picker.js" in html and "vendor/leaflet/leaflet.js" in html

    settings.GEOCODER_URL = ""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[hub.pk])).content.decode()
    assert 'data-geocode-url=""' in html
    assert t("Finding coordinates from an address is turned off on this site.") in html
