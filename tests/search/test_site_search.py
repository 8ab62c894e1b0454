"""The site's search box: pages of the reader's language, the matched words marked, typing errors."""

from __future__ import annotations

import pytest

from news.models import NewsIndexPage
from tests.factories import HubIndexPageFactory, HubPageFactory, NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("whoosh_path")]  # both whoosh paths


@pytest.fixture
def pages(home, locales):
    places = HubIndexPageFactory(parent=home, title="Kreativní místa", slug="mista")
    HubPageFactory(
        parent=places, title="Fablab Šumperk", slug="fablab", city="Šumperk", intro="Laserová řezačka a 3D tiskárny."
    )
    news = NewsIndexPageFactory(parent=home, title="Magazín", slug="magazin")
    NewsArticlePageFactory(parent=news, title="Textilní dílna otevírá v září", slug="dilna", intro="Tkalcovské stavy.")
    english = home.get_translation(locales["en"])
    HubPageFactory(parent=HubIndexPageFactory(parent=english, title="Places", slug="places"), title="Fablab Sumperk EN")


def titles(response) -> list[str]:
    return [result["page"].title for result in response.context["results"].object_list]


def test_finds_pages_of_the_readers_language_without_diacritics(client, pages):
    response = client.get("/cs/search/", {"q": "laserova rezacka"})
    assert response.status_code == 200
    assert titles(response) == ["Fablab Šumperk"]
    assert "<mark>Laserová</mark> <mark>řezačka</mark>" in response.content.decode()

    assert titles(client.get("/en/search/", {"q": "fablab"})) == ["Fablab Sumperk EN"]
    assert titles(client.get("/cs/search/", {"q": "zari"})) == ["Textilní dílna otevírá v září"]


def test_an_empty_query_shows_the_form_and_a_hostile_one_is_escaped(client, pages):
    empty = client.get("/cs/search/")
    assert empty.status_code == 200 and empty.context["results"] is None
    hostile = client.get("/cs/search/", {"q": '<script>alert("x")</script>' + "a" * 500})
    assert hostile.status_code == 200
    html = hostile.content.decode()
    assert '<script>alert("x")' not in html
    assert len(hostile.context["query"]) == 200


def test_a_typing_error_gets_a_suggestion(client, pages):
    response = client.get("/cs/search/", {"q": "fablba"})
    assert titles(response) == []
    assert response.context["suggestion"]["text"] == "fablab"
    assert "q=fablab" in response.content.decode()


def test_the_header_has_a_search_box(client, home):
    html = client.get(home.url).content.decode()
    assert 'role="search"' in html and 'action="/cs/search/"' in html


def test_a_term_in_another_language_finds_the_readers_pages(client, pages):
    """The vocabulary works in the site search too: "crafts" is no Czech word, but a term whose
    Czech equivalents include "řemesla"; the Czech page is found and its word marked."""
    magazine = NewsIndexPage.objects.get(slug="magazin")
    NewsArticlePageFactory(
        parent=magazine, title="Umělecká řemesla v Olomouci", slug="remesla", intro="Řemesla a dílny."
    )
    response = client.get("/cs/search/", {"q": "crafts"})
    assert titles(response) == ["Umělecká řemesla v Olomouci"]
    assert "<mark>Řemesla</mark>" in response.content.decode()
    assert titles(client.get("/cs/search/", {"q": "rokodelstvo"})) == ["Umělecká řemesla v Olomouci"]


def test_each_office_searches_its_own_pages(client, offices):
    from tests.conftest import GORENJSKA_HOST, translate

    places = HubIndexPageFactory(parent=offices.gorenjska, title="Kreativni prostori", slug="prostori")
    HubPageFactory(parent=places, title="Fablab Kranj", slug="fablab-kranj", city="Kranj", intro="Laserski rezalnik.")
    olomouc_places = HubIndexPageFactory(parent=offices.olomouc, title="Kreativní místa", slug="mista")
    fablab = HubPageFactory(parent=olomouc_places, title="Fablab Šumperk", slug="fablab", city="Šumperk")
    translate(fablab, "sl", title="Fablab Šumperk SL", slug="fablab")
    assert titles(client.get("/sl/search/", {"q": "fablab"}, HTTP_HOST=GORENJSKA_HOST)) == ["Fablab Kranj"]
    assert titles(client.get("/sl/search/", {"q": "fablab"})) == ["Fablab Šumperk SL"]
    assert titles(client.get("/cs/search/", {"q": "kranj"})) == []
