"""The public catalogue page: facets with counts, text in the three languages, each office's region
first, sorting and paging, the map's places, the page cache."""

from __future__ import annotations

import json
import re

import pytest
from django.core.cache import cache
from wagtail.models import Page

from catalogue.models import ActorKind
from catalogue.public import facet_index
from catalogue.public.search import Catalogue
from tests.catalogue.public import KRANJ, OLOMOUC, catalogues, publish
from tests.conftest import GORENJSKA_HOST

__all__ = ["catalogues"]
pytestmark = pytest.mark.django_db


def names(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a></h3>', html)


def counts(html: str, facet: str) -> dict[str, int]:
    found = re.findall(rf'id="f-{facet}-([\w-]+)"[^>]*>\s*<label[^>]*>[^<]*<span class="facet__count">\((\d+)\)', html)
    return {value: int(count) for value, count in found}


@pytest.fixture
def actors(catalogues):
    return {
        "studio": publish(
            "Ateliér Čtverec",
            sectors=["design"],
            regions=["olomoucky-kraj"],
            services=["graphic-design"],
            languages=["cs", "en"],
            open_to_commissions=True,
            short_cs="Grafické studio v Olomouci.",
            **OLOMOUC,
        ),
        "band": publish(
            "Hudební spolek Haná",
            ActorKind.NGO,
            sectors=["music"],
            regions=["olomoucky-kraj"],
            languages=["cs"],
            seeks_partners=True,
            open_to_commissions=True,
            short_en="A music association: concerts and festivals.",
            **OLOMOUC,
        ),
        "kranj": publish(
            "Studio Kranj",
            sectors=["design", "software-games"],
            regions=["gorenjska"],
            services=["game-development"],
            languages=["sl", "en"],
            voucher_provider=True,
            short_sl="Razvoj iger in oblikovanje.",
            **KRANJ,
        ),
        "designer": publish(
            "Jana Nováková",
            ActorKind.FREELANCER,
            sectors=["design"],
            regions=["olomoucky-kraj"],
            municipality="Prostějov",
            short_cs="Ilustrace a knižní grafika.",
        ),
        "hidden": publish("Petr bez souhlasu", ActorKind.FREELANCER, consent=False, regions=["olomoucky-kraj"]),
    }


def test_each_office_starts_from_its_own_region(client, actors, catalogues):
    olomouc = client.get(catalogues.olomouc.url).content.decode()
    assert names(olomouc) == ["Ateliér Čtverec", "Hudební spolek Haná", "Jana Nováková"]  # by name, accents folded
    assert "Aktéři se sídlem v regionu Olomoucký kraj." in olomouc and "Zobrazit aktéry ze všech regionů" in olomouc
    gorenjska = client.get(catalogues.gorenjska.url, HTTP_HOST=GORENJSKA_HOST).content.decode()
    assert names(gorenjska) == ["Studio Kranj"]
    everywhere = client.get(catalogues.olomouc.url + "?region=all").content.decode()
    assert names(everywhere) == ["Ateliér Čtverec", "Hudební spolek Haná", "Jana Nováková", "Studio Kranj"]
    # A person without consent is never shown, whatever the filters.
    assert "Petr bez souhlasu" not in everywhere


def test_a_region_counts_the_actors_of_the_regions_within_it(client, actors, catalogues):
    html = client.get(catalogues.olomouc.url + "?region=cz").content.decode()
    assert names(html) == ["Ateliér Čtverec", "Hudební spolek Haná", "Jana Nováková"]
    assert counts(html, "region") == {"eu": 4, "cz": 3, "olomoucky-kraj": 3, "si": 1, "gorenjska": 1}


def test_facets_count_with_every_other_filter_applied(client, actors, catalogues):
    html = client.get(catalogues.olomouc.url + "?region=all&sector=design").content.decode()
    assert names(html) == ["Ateliér Čtverec", "Jana Nováková", "Studio Kranj"]
    assert counts(html, "kind") == {"studio": 2, "freelancer": 1}
    # The sector facet counts without its own filter: every sector of the whole catalogue.
    assert counts(html, "sector") == {"design": 3, "music": 1, "software-games": 1}
    assert counts(html, "service") == {"graphic-design": 1, "game-development": 1}
    assert counts(html, "language") == {"en": 2, "cs": 1, "sl": 1}


def test_flags_must_all_hold(client, actors, catalogues):
    url = catalogues.olomouc.url + "?region=all"
    html = client.get(url + "&flag=open_to_commissions").content.decode()
    assert names(html) == ["Ateliér Čtverec", "Hudební spolek Haná"]
    # Each flag's count says how many would be left with it ticked as well.
    assert counts(html, "flag") == {
        "open_to_commissions": 2,
        "seeks_partners": 1,
        "voucher_provider": 0,
        "forum_member": 0,
    }
    both = client.get(url + "&flag=open_to_commissions&flag=seeks_partners").content.decode()
    assert names(both) == ["Hudební spolek Haná"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("grafické", ["Ateliér Čtverec"]),  # Czech, as written
        ("graficke studio", ["Ateliér Čtverec"]),  # without accents, every word required
        ("festivals", ["Hudební spolek Haná"]),  # English
        ("razvoj iger", ["Studio Kranj"]),  # Slovenian
        ("hudba", ["Hudební spolek Haná"]),  # a sector named in Czech finds the music actors
        ("glasba", ["Hudební spolek Haná"]),  # and in Slovenian
        ("Kranj", ["Studio Kranj"]),  # a municipality
    ],
)
def test_text_in_any_of_the_three_languages(client, actors, catalogues, text, found):
    html = client.get(catalogues.olomouc.url, {"q": text, "region": "all"}).content.decode()
    assert names(html) == found


def test_sorted_by_newest_and_paged(client, catalogues, monkeypatch):
    from catalogue.public import search

    monkeypatch.setattr(search, "PAGE_SIZE", 2)
    for number in range(5):
        publish(f"Studio {number}", regions=["olomoucky-kraj"])
    first = client.get(catalogues.olomouc.url + "?sort=newest").content.decode()
    assert names(first) == ["Studio 4", "Studio 3"]
    third = client.get(catalogues.olomouc.url + "?sort=newest&page=3").content.decode()
    assert names(third) == ["Studio 0"]
    assert 'href="?sort=newest&amp;page=2"' in third  # the previous page keeps the order


def test_the_map_shows_each_place_of_the_results_with_its_count(client, actors, catalogues):
    html = client.get(catalogues.olomouc.url + "?region=all").content.decode()
    points = json.loads(re.search(r'<script id="catalogue-map" type="application/json">(.*?)</script>', html, re.S)[1])
    assert [(point["title"], point["kind"]) for point in points] == [("Kranj", "1 aktér"), ("Olomouc", "2 aktéři")]
    olomouc = points[1]
    assert (olomouc["lat"], olomouc["lng"]) == (49.593778, 17.250879)
    narrowed = client.get(catalogues.olomouc.url + olomouc["url"]).content.decode()
    assert names(narrowed) == ["Ateliér Čtverec", "Hudební spolek Haná"]
    assert "Jen v místě Olomouc." in narrowed


def test_a_profile_published_or_withdrawn_shows_at_once_even_from_the_page_cache(client, actors, catalogues, settings):
    settings.LISTING_CACHE_SECONDS = 60
    cache.clear()
    url = catalogues.olomouc.url
    assert "Nové studio" not in client.get(url).content.decode()
    first = client.get(url)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Page, "route", lambda *args, **kwargs: pytest.fail("routed, not answered from the cache"))
        assert client.get(url).content == first.content
    publish("Nové studio", regions=["olomoucky-kraj"])
    assert "Nové studio" in client.get(url).content.decode()
    actors["studio"].unpublish()
    assert "Ateliér Čtverec" not in client.get(url).content.decode()
    cache.clear()


def test_the_index_leaves_out_what_the_public_may_not_see(actors, catalogues):
    from catalogue.models import Profile

    Profile.objects.create(name="Koncept", kind=ActorKind.STUDIO, live=False)
    facet_index.invalidate()
    result = Catalogue({"region": ["all"]}).run()
    assert result.total == 4
    assert {profile.name for profile in result.page.object_list} == {
        "Ateliér Čtverec",
        "Hudební spolek Haná",
        "Jana Nováková",
        "Studio Kranj",
    }
