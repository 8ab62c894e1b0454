"""A profile's public page: the live version in the reader's language, its portfolio and links, hubs,
JSON-LD (a person only with consent), hreflang and canonical; never an e-mail address."""

from __future__ import annotations

import json
import re

import pytest

from catalogue.models import ActorKind, ProfileLink, ProfileMember
from catalogue.public.jsonld import profile_json_ld
from tests.catalogue.public import OLOMOUC, catalogues, publish
from tests.factories import HubIndexPageFactory, HubPageFactory

__all__ = ["catalogues"]
pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict | None:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found[1]) if found else None


@pytest.fixture
def studio(catalogues):
    profile = publish(
        "Ateliér Čtverec",
        sectors=["design"],
        regions=["olomoucky-kraj"],
        services=["graphic-design"],
        registry_number="25596641",
        website="https://ctverec.example",
        short_cs="Grafické studio v Olomouci.",
        short_en="A graphic design studio in Olomouc.",
        description_cs='<p>Pište na <a href="mailto:studio@ctverec.example">studio@ctverec.example</a>.</p>',
        open_to_commissions=True,
        **OLOMOUC,
    )
    ProfileMember.objects.create(profile=profile, email="owner@ctverec.example", role=ProfileMember.Role.OWNER)
    ProfileLink.objects.create(profile=profile, url="https://portfolio.example/ctverec", title="Portfolio")
    return profile


def test_a_profile_page_in_the_readers_language_with_its_canonical_and_hreflang(client, catalogues, studio):
    czech = client.get(catalogues.olomouc.url + f"{studio.slug}/").content.decode()
    assert "Grafické studio v Olomouci." in czech
    assert f'<link rel="canonical" href="http://testserver/cs/katalog/{studio.slug}/">' in czech
    for code, path in (("cs", "cs/katalog"), ("en", "en/catalogue"), ("sl", "sl/katalog")):
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver/{path}/{studio.slug}/">' in czech
    english = client.get(f"/en/catalogue/{studio.slug}/").content.decode()
    assert "A graphic design studio in Olomouc." in english
    slovenian = client.get(f"/sl/katalog/{studio.slug}/").content.decode()
    assert "A graphic design studio in Olomouc." in slovenian  # no Slovenian text: English first
    # The language switcher keeps the profile.
    assert f'href="/en/catalogue/{studio.slug}/" lang="en"' in czech


def test_links_are_nofollow_and_no_email_address_is_ever_shown(client, catalogues, studio):
    html = client.get(catalogues.olomouc.url + f"{studio.slug}/").content.decode()
    assert '<a href="https://portfolio.example/ctverec" rel="nofollow ugc noopener">Portfolio</a>' in html
    assert 'href="https://ctverec.example" rel="nofollow ugc noopener"' in html
    assert "@" not in re.sub(r"<script.*?</script>", "", html, flags=re.S).replace("&#x27;", "")
    assert "ctverec.example</a>" not in html and "mailto:" not in html
    assert "owner@ctverec.example" not in html


def test_an_organisation_is_described_as_one(client, catalogues, studio):
    data = json_ld(client.get(catalogues.olomouc.url + f"{studio.slug}/").content.decode())
    assert data["@type"] == "Organization"
    assert data["url"] == f"http://testserver/cs/katalog/{studio.slug}/"
    assert data["address"] == {"@type": "PostalAddress", "addressLocality": "Olomouc", "addressCountry": "CZ"}
    assert data["identifier"]["value"] == "25596641"
    assert data["sameAs"] == ["https://ctverec.example"]
    assert "email" not in json.dumps(data)


def test_a_person_is_described_only_with_their_consent(catalogues):
    consented = publish("Jana Nováková", ActorKind.FREELANCER, registry_number="", **OLOMOUC)
    data = profile_json_ld(consented, catalogues.olomouc)
    assert data["@type"] == "Person" and "identifier" not in data
    without = publish("Petr Svoboda", ActorKind.FREELANCER, consent=False)
    assert profile_json_ld(without, catalogues.olomouc) is None


def test_drafts_unconsented_people_and_unknown_profiles_have_no_page(client, catalogues):
    from catalogue.models import Profile

    draft = Profile.objects.create(name="Koncept", kind=ActorKind.STUDIO, live=False)
    person = publish("Petr Svoboda", ActorKind.FREELANCER, consent=False)
    for slug in (draft.slug, person.slug, "nobody-1"):
        assert client.get(catalogues.olomouc.url + f"{slug}/").status_code == 404


def test_a_live_profile_with_a_pending_edit_shows_its_published_version(client, catalogues, studio):
    studio.short_cs = "Neschválená změna."
    studio.save_revision()
    html = client.get(catalogues.olomouc.url + f"{studio.slug}/").content.decode()
    assert "Grafické studio v Olomouci." in html and "Neschválená změna." not in html


def test_a_merged_profile_redirects_to_the_one_it_was_merged_into(client, catalogues, studio):
    from catalogue.models import Profile

    old = publish("Ateliér Ctverec (duplicate)")
    Profile.objects.filter(pk=old.pk).update(merged_into=studio)
    response = client.get(catalogues.olomouc.url + f"{old.slug}/")
    assert response.status_code == 301 and response["Location"] == f"/cs/katalog/{studio.slug}/"


def test_a_profile_links_its_hubs_and_a_hub_lists_its_actors(client, catalogues, offices):
    index = HubIndexPageFactory(parent=offices.olomouc, slug="mista")
    hub = HubPageFactory(parent=index, title="Fablab Přerov", slug="fablab-prerov")
    studio = publish("Ateliér Čtverec", regions=["olomoucky-kraj"], hubs=[hub])
    publish("Jinde", regions=["olomoucky-kraj"])
    profile_page = client.get(catalogues.olomouc.url + f"{studio.slug}/").content.decode()
    assert '<a href="/cs/mista/fablab-prerov/">Fablab Přerov</a>' in profile_page
    hub_page = client.get("/cs/mista/fablab-prerov/").content.decode()
    section = re.search(r'<section aria-labelledby="hub-actors-heading".*?</section>', hub_page, re.S)[0]
    assert f'href="/cs/katalog/{studio.slug}/"' in section and "Jinde" not in section


def test_a_hub_without_actors_shows_no_section(client, offices):
    index = HubIndexPageFactory(parent=offices.olomouc, slug="mista")
    hub = HubPageFactory(parent=index, slug="prazdny")
    assert "hub-actors-heading" not in client.get(f"/cs/mista/{hub.slug}/").content.decode()


def test_a_kept_profiles_page_holds_the_relay_forms_fields(client, catalogues, studio):
    # The page has no ``contact_form`` of its own: the include must still render a new form's fields.
    html = client.get(catalogues.olomouc.url + f"{studio.slug}/").content.decode()
    section = html[html.index('class="section contact-form"') :]
    form = section[: section.index("</form>")]
    assert f'action="/cs/catalogue/contact/{studio.slug}/"' in form
    for field in ('<input type="text" name="name"', '<input type="email" name="email"', '<textarea name="message"'):
        assert field in form
    assert "owner@ctverec.example" not in html


def test_the_contact_forms_place_renders_the_form_once_it_exists(client, catalogues, studio, tmp_path, settings):
    html = client.get(catalogues.olomouc.url + f"{studio.slug}/").content.decode()
    assert "relay-form" not in html  # no form yet, and the page works
    folder = tmp_path / "catalogue" / "includes"
    folder.mkdir(parents=True)
    (folder / "contact_form.html").write_text('<form class="relay-form" data-profile="{{ profile.pk }}"></form>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    html = client.get(catalogues.olomouc.url + f"{studio.slug}/").content.decode()
    assert f'<form class="relay-form" data-profile="{studio.pk}"></form>' in html
