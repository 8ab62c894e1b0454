"""Partners on a call's page: the catalogue's actors open to partnering, on a call that needs a
consortium, in its sectors and within its scope, the office's own region first, always current."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from catalogue import partners as partners_module
from catalogue.models import ActorKind, CatalogueIndexPage, Profile
from catalogue.partners import partners_for
from catalogue.urls_for import profile_url
from kreativ.merging import final_target
from tests.catalogue.builders import published_profile
from tests.conftest import GORENJSKA_HOST
from tests.opportunities import conftest as radar
from tests.opportunities.conftest import make_item

# The funding radar's fixtures: a finder page, a moderator, and calls published as a moderator would.
finder, moderator, publish = radar.finder, radar.moderator, radar.publish

pytestmark = pytest.mark.django_db


def names(html: str) -> list[str]:
    section = re.search(r'<section class="call-partners".*?</section>', html, re.S)
    assert section, "no partners section on the page"
    return re.findall(r'<li class="call-partners__item">\s*(?:<a href="[^"]*">|<span>)([^<]+)<', section.group(0))


@pytest.fixture
def actors(db):
    return {
        "kres": published_profile(
            name="Zavod Kres", seeks_partners=True, sectors=["performing-arts"], regions=["gorenjska"], country="SI"
        ),
        "hudba": published_profile(
            name="Hudební spolek Olomouc",
            seeks_partners=True,
            sectors=["music", "design"],
            regions=["olomoucky-kraj"],
            short_cs="Spolek pro novou hudbu.",
        ),
        "praha": published_profile(
            name="Pražské studio", seeks_partners=True, sectors=["music"], regions=["praha"], municipality="Praha"
        ),
        "busy": published_profile(name="Bez partnerů", seeks_partners=False, sectors=["music"], regions=["praha"]),
        "film": published_profile(name="Filmaři", seeks_partners=True, sectors=["film-audiovisual"], regions=["praha"]),
        "person": published_profile(
            name="Eva Tichá", kind=ActorKind.FREELANCER, seeks_partners=True, sectors=["music"], consent_given_at=None
        ),
    }


@pytest.fixture
def coop(publish):
    """A Creative Europe cooperation call for the EU, in performing arts and music (make_item's)."""
    return publish(make_item(deadlines=[timezone.now() + dt.timedelta(days=30)]))


def test_a_consortium_call_lists_the_actors_open_to_partnering_in_its_sectors(client, finder, coop, actors):
    html = client.get(finder.call_url(coop)).content.decode()
    # The office's region (Olomouc, the default site's) first, then the others by name; not those
    # who look for no partner, work in other sectors, or (a person) gave no consent.
    assert names(html) == ["Hudební spolek Olomouc", "Pražské studio", "Zavod Kres"]
    assert "Spolek pro novou hudbu." in html and "Hudba" in html
    assert 'aria-labelledby="partners-heading"' in html


def test_another_office_sees_its_own_region_first(client, offices, coop, actors):
    from opportunities.models import FundingFinderPage

    finder_page = FundingFinderPage(title="Razpisi", slug="razpisi")
    offices.gorenjska.add_child(instance=finder_page)
    finder_page.save_revision().publish()
    html = client.get(finder_page.call_url(coop), HTTP_HOST=GORENJSKA_HOST).content.decode()
    assert names(html) == ["Zavod Kres", "Hudební spolek Olomouc", "Pražské studio"]


def test_a_call_for_two_regions_across_a_border_lists_only_the_actors_there(client, finder, publish, actors):
    interreg = publish(
        make_item("ir", programme="Interreg Česko – Slovinsko", call_identifier="", regions=["CZ071", "SI042"])
    )
    assert names(client.get(finder.call_url(interreg)).content.decode()) == ["Hudební spolek Olomouc", "Zavod Kres"]


@pytest.mark.parametrize(
    "changes",
    [
        {"call_identifier": "ERC-2027-STG", "programme": "Horizon Europe (HORIZON)"},  # one applicant
        {"regions": ["CZ"]},  # one country's scope
        {"sectors": []},  # no sector to look for partners in
        {"deadlines": [timezone.now() - dt.timedelta(days=2)]},  # closed: too late to look
    ],
)
def test_calls_that_need_no_consortium_show_no_partners(client, finder, publish, actors, changes):
    call = publish(make_item("other", **changes))
    html = client.get(finder.call_url(call)).content.decode()
    assert "call-partners" not in html


def test_a_consortium_call_with_no_partner_yet_says_so(client, finder, coop):
    html = client.get(finder.call_url(coop)).content.decode()
    assert names(html) == [] and "Zatím partnery nehledá žádný subjekt katalogu" in html  # the Czech office


def test_a_profile_published_or_withdrawn_shows_at_once_even_with_the_caches_on(
    client, finder, coop, actors, settings, cached_fragments
):
    settings.FINDER_CACHE_SECONDS = 60
    cache.clear()
    url = finder.call_url(coop)
    assert "Nový soubor" not in client.get(url).content.decode()
    new = published_profile(name="Nový soubor", seeks_partners=True, sectors=["music"], regions=["olomoucky-kraj"])
    assert "Nový soubor" in names(client.get(url).content.decode())
    new.unpublish()
    assert "Nový soubor" not in names(client.get(url).content.decode())


def test_at_most_twenty_are_listed_and_the_rest_counted(finder, coop):
    for number in range(partners_module.LIMIT + 3):
        published_profile(name=f"Soubor {number:02d}", seeks_partners=True, sectors=["music"], regions=["praha"])
    found = partners_for(coop)
    assert found.total == 23 and len(found.partners) == partners_module.LIMIT == 20


def test_partners_link_to_their_profile_on_the_offices_catalogue_page(rf, finder, coop, actors, monkeypatch):
    """The catalogue page makes the address: an unsaved one here, at a fixed address."""

    def katalog() -> CatalogueIndexPage:
        page = CatalogueIndexPage(title="Katalog", slug="katalog")
        page.get_url = lambda request=None: "/cs/katalog/"
        return page

    monkeypatch.setattr(partners_module, "catalogue_page", lambda site=None: katalog())
    found = partners_for(coop, rf.get("/"))
    hudba = actors["hudba"]
    assert found.partners[0].url == f"/cs/katalog/{hudba.slug}/"
    # A merged profile's address is the one it was merged into.
    Profile.objects.filter(pk=actors["praha"].pk).update(merged_into=hudba)
    merged = Profile.objects.get(pk=actors["praha"].pk)
    assert final_target(merged) == hudba
    assert profile_url(merged, page=katalog()) == f"/cs/katalog/{hudba.slug}/"


def test_without_a_catalogue_page_partners_are_named_without_a_link(finder, coop, actors):
    assert {partner.url for partner in partners_for(coop).partners} == {None}
