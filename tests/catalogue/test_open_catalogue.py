"""What the catalogue gives machines: profiles in each office's sitemap with hreflang alternates, the
feed of new profiles, and the open data (CC BY 4.0) without unconsented people or any e-mail."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from catalogue.models import ActorKind, Profile, ProfileMember
from tests.catalogue.public import KRANJ, OLOMOUC, catalogues, publish
from tests.conftest import GORENJSKA_HOST

__all__ = ["catalogues"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def profiles(catalogues):
    studio = publish(
        "Ateliér Čtverec",
        sectors=["design"],
        regions=["olomoucky-kraj"],
        registry_number="25596641",
        short_cs="Grafické studio, pište na studio@ctverec.example.",
        **OLOMOUC,
    )
    ProfileMember.objects.create(profile=studio, email="owner@ctverec.example", role=ProfileMember.Role.OWNER)
    kranj = publish("Studio Kranj", sectors=["software-games"], regions=["gorenjska"], **KRANJ)
    open_person = publish("Jana Nováková", ActorKind.FREELANCER, open_data_consent=True, registry_number="")
    closed_person = publish("Eva Dvořáková", ActorKind.FREELANCER, regions=["olomoucky-kraj"])
    unconsented = publish("Petr Svoboda", ActorKind.FREELANCER, consent=False, open_data_consent=True)
    return {"studio": studio, "kranj": kranj, "open": open_person, "closed": closed_person, "unconsented": unconsented}


def locations(xml: str) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", xml)


def test_each_sites_sitemap_lists_the_public_profiles_under_its_catalogue(client, profiles, catalogues):
    xml = client.get("/sitemap.xml").content.decode()
    found = locations(xml)
    studio = profiles["studio"].slug
    for path in (f"cs/katalog/{studio}/", f"en/catalogue/{studio}/", f"sl/katalog/{studio}/"):
        assert f"http://testserver/{path}" in found
    assert not any(profiles["unconsented"].slug in url for url in found)
    # Each entry names the profile's page in the catalogue's other languages.
    root = ElementTree.fromstring(xml)
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entry = next(
        url
        for url in root.findall("s:url", namespaces)
        if url.findtext("s:loc", namespaces=namespaces).endswith(f"/cs/katalog/{studio}/")
    )
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", namespaces)}
    assert alternates["en"] == f"http://testserver/en/catalogue/{studio}/"
    gorenjska = locations(client.get("/sitemap.xml", HTTP_HOST=GORENJSKA_HOST).content.decode())
    assert f"http://{GORENJSKA_HOST}/sl/katalog/{studio}/" in gorenjska
    assert not any("testserver" in url for url in gorenjska)


def test_the_feed_of_new_profiles_is_announced_and_newest_first(client, profiles, catalogues):
    Profile.objects.filter(pk=profiles["studio"].pk).update(first_published_at=timezone.now() - dt.timedelta(days=3))
    html = client.get(catalogues.olomouc.url).content.decode()
    rss_url = re.search(r'<link rel="alternate" type="application/rss\+xml" title="[^"]*" href="([^"]+)">', html)[1]
    rss = client.get(rss_url.replace("&amp;", "&"))
    assert rss["Content-Type"].startswith("application/rss+xml")
    titles = re.findall(r"<title>([^<]+)</title>", rss.content.decode())[1:]
    assert titles == ["Eva Dvořáková", "Ateliér Čtverec"]  # the office's region, newest first
    assert "@" not in rss.content.decode().split("<item>", 1)[1]
    everywhere = client.get(catalogues.olomouc.url + "feed/atom/?region=all&sector=software-games").content.decode()
    assert re.findall(r"<entry><title>([^<]+)</title>", everywhere) == ["Studio Kranj"]
    assert f"/cs/katalog/{profiles['kranj'].slug}/" in everywhere


def test_open_data_as_csv_under_cc_by(client, profiles):
    response = client.get("/catalogue/open-data/profiles.csv")
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    body = response.content.decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert sorted(row["name"] for row in rows) == ["Ateliér Čtverec", "Jana Nováková", "Studio Kranj"]
    studio = next(row for row in rows if row["name"] == "Ateliér Čtverec")
    assert studio["registry_number"] == "25596641" and studio["regions"] == "CZ071" and studio["sectors"] == "design"
    assert studio["url"] == f"http://testserver/cs/katalog/{profiles['studio'].slug}/"
    assert studio["short_cs"] == "Grafické studio, pište na […]."
    assert "@" not in body  # no member's address, none written into a text


def test_open_data_as_json_states_its_licence_and_fields(client, profiles):
    data = json.loads(client.get("/catalogue/open-data/profiles.json").content)
    assert data["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert set(data["fields"]) >= {"name", "kind", "municipality", "sectors", "url"}
    people = [profile for profile in data["profiles"] if profile["kind"] == ActorKind.FREELANCER]
    assert [person["name"] for person in people] == ["Jana Nováková"]  # consented to publication and open data
    assert people[0]["registry_number"] == ""
    assert "@" not in json.dumps(data, ensure_ascii=False)


def test_open_data_follow_a_published_profile_at_once(client, profiles):
    assert "Nové studio" not in client.get("/catalogue/open-data/profiles.json").content.decode()
    publish("Nové studio")
    assert "Nové studio" in client.get("/catalogue/open-data/profiles.json").content.decode()


def test_the_open_data_page_describes_the_files_and_their_licence(client, catalogues):
    html = client.get(catalogues.olomouc.url + "open-data/").content.decode()
    assert 'href="/catalogue/open-data/profiles.csv"' in html and 'href="/catalogue/open-data/profiles.json"' in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html
    assert "<code>registry_number</code>" in html
