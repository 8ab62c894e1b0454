"""The cached header and footer: fewer queries, and every change a reader could see shows at once."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from kreativ.models import FooterSettings, NavigationSettings
from tests.conftest import translate
from tests.factories import StandardPageFactory


@pytest.fixture
def about(home):
    about = StandardPageFactory(parent=home, slug="o-nas", title="O nás")
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    navigation.main_links.set([navigation.main_links.model(page=about)])
    navigation.save()
    return about


def _menu(html: str) -> str:
    return html[html.index('class="site-nav"') :].split("</nav>")[0]


def _languages(html: str) -> dict[str, str]:
    switcher = html[html.index('class="language-switcher"') :].split("</nav>")[0]
    return dict(re.findall(r'<a href="([^"]+)" lang="([\w-]+)"', switcher))


@pytest.mark.django_db
def test_a_repeated_page_reads_its_header_and_footer_from_the_cache(client, home, about, cached_fragments):
    first = client.get("/cs/o-nas/").content.decode()
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/cs/o-nas/").content.decode()
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "kreativ_navigationlink" not in tables and "kreativ_footerlink" not in tables
    assert second == first
    assert 'href="/cs/o-nas/" aria-current="page">O nás</a>' in _menu(second)


@pytest.mark.django_db
def test_the_header_follows_the_page_the_language_and_the_search_text(client, home, about, cached_fragments):
    client.get("/cs/o-nas/")
    home_html = client.get("/cs/").content.decode()
    assert "aria-current" not in _menu(home_html)  # not the About page's cached menu
    assert _languages(home_html) == {"/cs/": "cs", "/en/": "en", "/sl/": "sl"}
    assert 'lang="en" hreflang="en" aria-current="true"' in client.get("/en/").content.decode()
    # The site search's text is outside the cached fragments.
    first = client.get("/cs/search/", {"q": "grafika"}).content.decode()
    second = client.get("/cs/search/", {"q": "keramika"}).content.decode()
    assert 'id="site-search-q" name="q" value="grafika"' in first
    assert 'id="site-search-q" name="q" value="keramika"' in second


@pytest.mark.django_db
def test_published_renamed_and_moved_pages_and_saved_settings_show_at_once(client, home, about, cached_fragments):
    no_english_yet = f"/en/untranslated/{about.pk}/"
    assert _languages(client.get("/cs/o-nas/").content.decode())[no_english_yet] == "en"

    translate(about, "en", title="About us", slug="about-us")  # a translation published
    assert _languages(client.get("/cs/o-nas/").content.decode())["/en/about-us/"] == "en"

    about.title = "O našem centru"
    about.save_revision().publish()  # a menu page renamed
    assert "O našem centru" in _menu(client.get("/cs/").content.decode())

    parent = StandardPageFactory(parent=home, slug="centrum", title="Centrum")
    about.move(parent, pos="last-child")  # a menu page moved
    assert 'href="/cs/centrum/o-nas/"' in _menu(client.get("/cs/").content.decode())

    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.organisation = "Krajské kreativní centrum"
    footer.save()  # the site's settings saved
    assert "Krajské kreativní centrum" in client.get("/cs/").content.decode()

    site = Site.objects.get(is_default_site=True)
    site.site_name = "KKC Olomouc"
    site.save()  # the site renamed
    assert "KKC Olomouc</a>" in client.get("/cs/").content.decode()

    about.unpublish()  # a menu page withdrawn
    assert "O našem centru" not in _menu(client.get("/cs/").content.decode())


@pytest.mark.django_db
def test_each_office_has_its_own_cached_header_and_footer(client, offices, about, cached_fragments):
    from tests.conftest import GORENJSKA_HOST

    page = StandardPageFactory(parent=offices.gorenjska, slug="o-nas", title="O nas")
    site = offices.gorenjska_site
    navigation = NavigationSettings.for_site(site)
    navigation.main_links.set([navigation.main_links.model(page=page)])
    navigation.save()
    footer = FooterSettings.for_site(site)
    footer.organisation = "Kreativna Gorenjska, zavod"
    footer.save()
    olomouc = client.get("/sl/").content.decode()  # the Olomouc office's Slovenian home, cached first
    gorenjska = client.get("/sl/", HTTP_HOST=GORENJSKA_HOST).content.decode()
    assert "Kreativna Gorenjska, zavod" in gorenjska and "Kreativna Gorenjska, zavod" not in olomouc
    assert '<a href="/sl/o-nas/">O nas</a>' in _menu(gorenjska)
    assert "O nas" not in _menu(client.get("/sl/").content.decode())
    assert _languages(gorenjska) == {"/sl/": "sl", "/en/": "en"}  # Gorenjska's home has no Czech
