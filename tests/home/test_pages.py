"""Page creation rules and the public rendering of the site's own pages."""

from __future__ import annotations

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from hubs.models import AcademyPage, HubIndexPage
from kreativ.templatetags.kreativ_tags import language_links
from news.models import NewsArticlePage, NewsIndexPage
from opportunities.models import FundingFinderPage
from tests.conftest import translate
from tests.factories import HomePageFactory, NewsArticlePageFactory, NewsIndexPageFactory, StandardPageFactory


class CreationRulesTests(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_home_page_goes_under_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, NewsIndexPage, HubIndexPage, AcademyPage, FundingFinderPage}
        )

    def test_news_articles_live_in_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanCreateAt(NewsIndexPage, NewsArticlePage)

    def test_standard_pages_nest(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_one_news_index_per_home(self):
        root = Page.get_first_root_node()
        home = HomePageFactory(parent=root)
        self.assertCanCreate(home, NewsIndexPage, {"title": "Aktuality", "slug": "aktuality"})
        home.refresh_from_db()
        self.assertFalse(NewsIndexPage.can_create_at(home))


@pytest.mark.django_db
def test_home_page_renders_in_its_language(client, home):
    response = client.get("/cs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="cs">' in html
    assert "Zázemí pro kreativní lidi" in html
    english = client.get("/en/")
    assert english.status_code == 200
    assert '<html lang="en">' in english.content.decode()


@pytest.mark.django_db
def test_root_redirects_to_a_language(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/cs/"


@pytest.mark.django_db
def test_hreflang_links_name_every_live_translation(client, home):
    page = StandardPageFactory(parent=home, slug="o-nas", title="O nás")
    translate(page, "en", title="About us", slug="about-us")
    html = client.get("/cs/o-nas/").content.decode()
    links = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))
    assert links == {
        "cs": "http://testserver/cs/o-nas/",
        "en": "http://testserver/en/about-us/",
        "x-default": "http://testserver/cs/o-nas/",
    }


@pytest.mark.django_db
def test_language_switcher_leads_to_the_not_translated_page_not_to_the_home_page(client, home):
    page = StandardPageFactory(parent=home, slug="jen-cesky", title="Jen česky")
    html = client.get("/cs/jen-cesky/").content.decode()
    assert f'href="/en/untranslated/{page.pk}/" lang="en"' in html
    assert f'href="/sl/untranslated/{page.pk}/" lang="sl"' in html
    search = client.get("/cs/search/").content.decode()  # not a page: the language's home
    assert 'href="/en/" lang="en"' in search


@pytest.mark.django_db
def test_news_article_json_ld_and_open_graph(client, home):
    index = NewsIndexPageFactory(parent=home, slug="aktuality")
    article = NewsArticlePageFactory(parent=index, slug="clanek", title="Dílna </script><script>alert(1)</script>")
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["datePublished"] == "2026-10-01"
    assert data["author"] == {"@type": "Person", "name": "Tereza Vlčková"}
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:locale" content="cs_CZ">' in html


@pytest.mark.django_db
def test_news_index_lists_newest_first_and_paginates(client, home):
    import datetime as dt

    index = NewsIndexPageFactory(parent=home, slug="aktuality")
    for day in range(1, 13):
        NewsArticlePageFactory(parent=index, title=f"Zpráva {day:02d}", date=dt.date(2026, 10, day))
    first = client.get("/cs/aktuality/").content.decode()
    assert first.index("Zpráva 12") < first.index("Zpráva 03")
    assert "Zpráva 02" not in first
    second = client.get("/cs/aktuality/?page=2").content.decode()
    assert "Zpráva 02" in second and "Zpráva 01" in second


@pytest.mark.django_db
def test_sitemap_lists_all_languages_with_alternates(client, home):
    page = StandardPageFactory(parent=home, slug="o-nas", title="O nás")
    translate(page, "en", title="About us", slug="about-us")
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/cs/o-nas/</loc>" in xml
    assert "<loc>http://testserver/en/about-us/</loc>" in xml
    assert "<loc>http://testserver/sl/</loc>" in xml
    assert '<xhtml:link rel="alternate" hreflang="en" href="http://testserver/en/about-us/"/>' in xml


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
def test_navigation_follows_the_reader_into_their_language(client, home):
    from wagtail.models import Site

    from kreativ.models import NavigationSettings

    about = StandardPageFactory(parent=home, slug="o-nas", title="O nás")
    translate(about, "en", title="About us", slug="about-us")
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    navigation.main_links.set([navigation.main_links.model(page=about)])
    navigation.save()
    assert '<a href="/cs/o-nas/">O nás</a>' in client.get("/cs/").content.decode()
    assert '<a href="/en/about-us/">About us</a>' in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_unknown_page_is_a_translated_404(client, home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_the_language_switcher_offers_a_translation_else_that_it_is_missing(client, home):
    page = StandardPageFactory(parent=home, slug="o-nas", title="O nás")
    translate(page, "en", title="About us", slug="about-us")
    slovene_home = home.get_translation(Locale.objects.get(language_code="sl"))
    html = client.get("/cs/o-nas/").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    links = dict(re.findall(r'<a href="([^"]+)" lang="([\w-]+)"', switcher[: switcher.index("</nav>")]))
    assert links == {"/cs/o-nas/": "cs", "/en/about-us/": "en", f"/sl/untranslated/{page.pk}/": "sl"}
    assert 'lang="cs" hreflang="cs" aria-current="true"' in switcher

    slovene_home.unpublish()  # a language whose home is not live is not offered
    switcher = client.get("/cs/o-nas/").content.decode().split('class="language-switcher"')[1]
    assert 'lang="sl"' not in switcher.split("</nav>")[0]


@pytest.mark.django_db
def test_the_language_switcher_reads_two_queries_however_many_languages_are_missing(rf, home):
    page = StandardPageFactory(parent=home, slug="o-nas", title="O nás")  # in Czech only
    request = rf.get("/cs/o-nas/")
    Site.find_for_request(request)  # as in a real request, the site is found before the template
    home.get_url(request)  # and the site's root paths are known
    with CaptureQueriesContext(connection) as queries:
        links = language_links({"request": request}, page)
    assert [(link["code"], link["exact"]) for link in links] == [("cs", True), ("sl", False), ("en", False)]
    assert len(queries) == 2


def test_a_page_made_from_a_title_with_accents_gets_an_ascii_slug(home):
    page = StandardPage(title="Kreativní hub Kranj – řemesla a ďábelské nápady")
    home.add_child(instance=page)
    assert page.slug == "kreativni-hub-kranj-remesla-a-dabelske-napady"
    assert page.url.endswith("/kreativni-hub-kranj-remesla-a-dabelske-napady/")


def test_a_typed_slug_with_accents_is_refused_with_the_ascii_one_to_use(home):
    page = StandardPage(title="Kreativní hub", slug="kreativní-hub")
    with pytest.raises(ValidationError) as refused:
        home.add_child(instance=page)
    assert "kreativni-hub" in str(refused.value.message_dict["slug"])
