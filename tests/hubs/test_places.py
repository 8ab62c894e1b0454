"""Hubs: creation rules, what a hub page shows, the index's filters and map data."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from hubs.models import HubIndexPage, HubPage
from kreativ.models import Region, Sector
from tests.conftest import t
from tests.factories import EquipmentFactory, HubIndexPageFactory, HubPageFactory, OpeningHoursFactory


class HubCreationRulesTests(WagtailPageTestCase):
    def test_hubs_live_in_the_hub_index(self):
        self.assertAllowedParentPageTypes(HubPage, {HubIndexPage})
        self.assertAllowedParentPageTypes(HubIndexPage, {HomePage})
        self.assertCanCreateAt(HubIndexPage, HubPage)
        self.assertCanNotCreateAt(HomePage, HubPage)
        self.assertAllowedSubpageTypes(HubPage, set())


@pytest.fixture
def hub_index(home):
    return HubIndexPageFactory(parent=home, slug="mista")


def json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


@pytest.mark.django_db
def test_fablab_page_shows_equipment_hours_and_local_business_data(client, hub_index):
    region = Region.objects.get(code="CZ071")
    hub = HubPageFactory(
        parent=hub_index, slug="fablab", title="Fab-lab Přerov", kind="fablab", region=region, city="Přerov"
    )
    EquipmentFactory(page=hub, name="CO₂ laser", quantity=1, training="course", booking="online kalendář")
    OpeningHoursFactory(page=hub, weekday=1, opens=dt.time(14), closes=dt.time(21))
    OpeningHoursFactory(page=hub, weekday=5, opens=dt.time(10), closes=dt.time(16))
    hub.save_revision().publish()

    html = client.get(hub.url).content.decode()
    assert "CO₂ laser" in html
    assert "online kalendář" in html
    assert "14:00–21:00" in html
    data = json_ld(html)
    assert data["@type"] == "LocalBusiness"
    assert data["address"]["addressLocality"] == "Přerov"
    assert data["address"]["addressRegion"] == "Olomoucký kraj"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 49.5938, "longitude": 17.2509}
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Tuesday",
        "opens": "14:00",
        "closes": "21:00",
    } in data["openingHoursSpecification"]
    assert len(data["openingHoursSpecification"]) == 2


@pytest.mark.django_db
def test_hub_page_carries_its_map_marker(client, hub_index):
    hub = HubPageFactory(parent=hub_index, slug="centrum", title="Kreativní centrum")
    html = client.get(hub.url).content.decode()
    points = json.loads(re.search(r'<script id="hub-map" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert points == [
        {
            "title": "Kreativní centrum",
            "url": hub.url,
            "kind": t("Creative hub"),
            "address": "Horní náměstí 5, 779 00 Olomouc",
            "lat": 49.5938,
            "lng": 17.2509,
        }
    ]
    assert 'src="/static/vendor/leaflet/leaflet.js"' in html


@pytest.mark.django_db
def test_hub_without_coordinates_has_no_map(client, hub_index):
    hub = HubPageFactory(parent=hub_index, slug="bez-mapy", latitude=None, longitude=None)
    html = client.get(hub.url).content.decode()
    assert "leaflet.js" not in html
    assert 'class="map"' not in html


@pytest.mark.django_db
def test_coordinates_come_in_pairs(hub_index):
    hub = HubPageFactory.build(title="Půl souřadnice", slug="pul", latitude=Decimal("49.1"), longitude=None)
    with pytest.raises(ValidationError) as error:
        hub.clean()
    assert "longitude" in error.value.message_dict


@pytest.mark.django_db
def test_index_filters_by_kind_region_and_sector(client, hub_index):
    olomoucky = Region.objects.get(code="CZ071")
    ustecky = Region.objects.get(code="CZ042")
    design = Sector.objects.get(slug="design")
    music = Sector.objects.get(slug="music")
    lab = HubPageFactory(parent=hub_index, title="Dílna A", kind="fablab", region=olomoucky)
    lab.sectors.set([design])
    lab.save_revision().publish()
    cowork = HubPageFactory(parent=hub_index, title="Coworking B", kind="coworking", region=ustecky)
    cowork.sectors.set([music])
    cowork.save_revision().publish()

    def titles(query: str) -> set[str]:
        html = client.get(f"/cs/mista/{query}").content.decode()
        return set(re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', html))

    assert titles("") == {"Dílna A", "Coworking B"}
    assert titles("?kind=fablab") == {"Dílna A"}
    assert titles("?region=ustecky-kraj") == {"Coworking B"}
    assert titles("?sector=design") == {"Dílna A"}
    assert titles("?kind=coworking&sector=design") == set()


@pytest.mark.django_db
def test_index_ignores_a_bad_filter_value_and_shows_the_error(client, hub_index):
    HubPageFactory(parent=hub_index, title="Dílna A", kind="fablab")
    response = client.get("/cs/mista/?region=atlantis")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dílna A" in html
    assert 'class="form-field__error"' in html


@pytest.mark.django_db
def test_index_map_lists_only_hubs_with_coordinates(client, hub_index):
    HubPageFactory(parent=hub_index, title="Na mapě")
    HubPageFactory(parent=hub_index, title="Mimo mapu", latitude=None, longitude=None)
    html = client.get("/cs/mista/").content.decode()
    points = json.loads(re.search(r'<script id="hub-map" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert [p["title"] for p in points] == ["Na mapě"]
    assert "Mimo mapu" in html  # still in the list


@pytest.mark.django_db
def test_drafts_are_not_listed(client, hub_index):
    draft = HubPageFactory(parent=hub_index, title="Rozpracované")
    draft.unpublish()
    assert "Rozpracované" not in client.get("/cs/mista/").content.decode()
