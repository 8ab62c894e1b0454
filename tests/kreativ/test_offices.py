"""Several regional offices in one installation: each a site with its host name, language and region.

An address without a language goes to the reader's language or else the site's; sitemap, robots.txt,
hreflang and canonical links are the site's, on the address the reader used; a page without a
translation says so in the language asked for.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from wagtail.models import Locale

from kreativ import sites
from kreativ.site_language import READING_LANGUAGE_COOKIE
from tests.conftest import GORENJSKA_HOST, translate
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_each_sites_root_goes_to_its_own_language(client, offices):
    assert client.get("/")["Location"] == "/cs/"
    response = client.get("/", HTTP_HOST=GORENJSKA_HOST)
    assert response.status_code == 302 and response["Location"] == "/sl/"
    assert "Cookie" in response["Vary"]
    # The browser's languages do not move an office's site into another language …
    assert client.get("/", HTTP_HOST=GORENJSKA_HOST, HTTP_ACCEPT_LANGUAGE="cs,en;q=0.8")["Location"] == "/sl/"
    # … and the address without a language is the same home page on both hosts, in its own language.
    assert "Kreativna Gorenjska" in client.get("/sl/", HTTP_HOST=GORENJSKA_HOST).content.decode()
    assert "Zázemí pro kreativní lidi" in client.get("/cs/").content.decode()


def test_a_reader_who_reads_another_language_is_sent_there_next_time(client, offices):
    first = client.get("/sl/", HTTP_HOST=GORENJSKA_HOST)
    assert READING_LANGUAGE_COOKIE not in first.cookies  # the site's own language: nothing to remember
    english = client.get("/en/", HTTP_HOST=GORENJSKA_HOST)
    assert english.status_code == 200
    assert english.cookies[READING_LANGUAGE_COOKIE].value == "en"
    assert client.get("/", HTTP_HOST=GORENJSKA_HOST)["Location"] == "/en/"
    back = client.get("/sl/", HTTP_HOST=GORENJSKA_HOST)
    assert back.cookies[READING_LANGUAGE_COOKIE].value == "sl"
    assert client.get("/", HTTP_HOST=GORENJSKA_HOST)["Location"] == "/sl/"


def test_reading_the_site_in_another_language_leaves_the_admin_in_its_own(client, offices, admin_user):
    client.force_login(admin_user)
    assert client.get("/en/", HTTP_HOST=GORENJSKA_HOST).cookies[READING_LANGUAGE_COOKIE].value == "en"
    admin = client.get("/admin/", HTTP_HOST=GORENJSKA_HOST)
    assert admin.status_code == 200
    assert '<html lang="cs"' in admin.content.decode()  # LANGUAGE_CODE: no preference, no browser language
    assert '<html lang="sl"' in client.get("/admin/", HTTP_ACCEPT_LANGUAGE="sl").content.decode()


def test_a_cookie_that_names_no_language_of_the_site_is_ignored(client, offices):
    client.cookies[READING_LANGUAGE_COOKIE] = "de"
    assert client.get("/", HTTP_HOST=GORENJSKA_HOST)["Location"] == "/sl/"
    client.cookies[READING_LANGUAGE_COOKIE] = "cs"  # chosen on the Olomouc site: Gorenjska has no Czech
    assert client.get("/", HTTP_HOST=GORENJSKA_HOST)["Location"] == "/sl/"
    assert client.get("/")["Location"] == "/cs/"


def test_the_sites_language_name_and_region(offices, rf):
    request = rf.get("/", HTTP_HOST=GORENJSKA_HOST)
    site = sites.site_for(request)
    assert site == offices.gorenjska_site
    assert sites.language_of(site) == "sl"
    assert sites.region_of(site).slug == "gorenjska"
    assert sites.name_of(site) == "Kreativ Gorenjska"
    assert sites.name_of(offices.olomouc_site) == settings.WAGTAIL_SITE_NAME  # no name of its own
    assert sites.region_of(offices.olomouc_site).slug == "olomoucky-kraj"
    assert sites.root_url(site) == "http://gorenjska.localhost"
    assert sites.root_url(None) == settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def test_links_are_on_the_address_the_reader_used(client, offices):
    page = StandardPageFactory(parent=offices.gorenjska, slug="o-nas", title="O nas")
    translate(page, "en", title="About us", slug="about-us")
    # The site's record says port 80; the reader came on port 8001 (say, `make demo PORT=8001`).
    html = client.get("/sl/o-nas/", HTTP_HOST=f"{GORENJSKA_HOST}:8001").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))
    assert alternates == {
        "sl": "http://gorenjska.localhost:8001/sl/o-nas/",
        "en": "http://gorenjska.localhost:8001/en/about-us/",
        "x-default": "http://gorenjska.localhost:8001/en/about-us/",
    }
    assert '<link rel="canonical" href="http://gorenjska.localhost:8001/sl/o-nas/">' in html
    assert '<meta property="og:url" content="http://gorenjska.localhost:8001/sl/o-nas/">' in html
    # Without a request (an e-mail), a page's address is its site's record.
    assert sites.page_url(page) == "http://gorenjska.localhost/sl/o-nas/"


def test_each_site_has_its_own_sitemap_and_robots_txt(client, offices):
    StandardPageFactory(parent=offices.gorenjska, slug="o-nas", title="O nas")
    StandardPageFactory(parent=offices.olomouc, slug="o-nas", title="O nás")
    gorenjska = client.get("/sitemap.xml", HTTP_HOST=GORENJSKA_HOST).content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", gorenjska)
    assert sorted(locations) == [
        "http://gorenjska.localhost/en/",
        "http://gorenjska.localhost/sl/",
        "http://gorenjska.localhost/sl/o-nas/",
    ]
    olomouc = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode())
    assert "http://testserver/cs/o-nas/" in olomouc
    assert not [url for url in olomouc if "gorenjska" in url]
    robots = client.get("/robots.txt", HTTP_HOST=GORENJSKA_HOST).content.decode()
    assert "Sitemap: http://gorenjska.localhost/sitemap.xml" in robots


def _switcher(html: str) -> dict[str, str]:
    switcher = html[html.index('class="language-switcher"') :].split("</nav>")[0]
    return dict(re.findall(r'<a href="([^"]+)" lang="([\w-]+)"', switcher))


def test_the_language_switcher_leads_to_a_page_that_says_the_page_is_not_translated(client, home):
    page = StandardPageFactory(parent=home, slug="o-nas", title="O nás")
    translate(page, "en", title="About us", slug="about-us")
    links = _switcher(client.get("/cs/o-nas/").content.decode())
    missing = f"/sl/untranslated/{page.pk}/"
    assert links == {"/cs/o-nas/": "cs", "/en/about-us/": "en", missing: "sl"}

    response = client.get(missing)
    assert response.status_code == 404
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Content-Language"] == "sl"
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert '<link rel="canonical"' not in html  # not the page's own address
    assert '<html lang="sl">' in html
    assert "Ta stran še ni na voljo v slovenščini." in html
    assert '<a href="/cs/o-nas/" hreflang="cs" lang="cs">O nás (Čeština)</a>' in html
    assert '<a href="/en/about-us/" hreflang="en" lang="en">About us (English)</a>' in html
    # Its own language switcher still leads to the translations, and marks Slovenian as current.
    assert _switcher(html) == {"/cs/o-nas/": "cs", "/en/about-us/": "en", missing: "sl"}
    assert 'lang="sl" hreflang="sl" aria-current="true"' in html


def test_the_not_translated_page_says_it_in_each_language(client, home):
    page = StandardPageFactory(parent=home, slug="jen-cesky", title="Jen česky")
    assert "This page is not available in English yet." in client.get(f"/en/untranslated/{page.pk}/").content.decode()
    slovene = translate(page, "sl", title="Samo slovensko", slug="samo-slovensko")
    slovene.unpublish()  # a translation that is not live is not offered
    html = client.get(f"/en/untranslated/{page.pk}/").content.decode()
    assert "Samo slovensko" not in html and "Jen česky (Čeština)" in html


def test_once_translated_the_address_leads_to_the_translation(client, home):
    page = StandardPageFactory(parent=home, slug="o-nas", title="O nás")
    translate(page, "sl", title="O nas", slug="o-nas")
    response = client.get(f"/sl/untranslated/{page.pk}/")
    assert response.status_code == 302 and response["Location"] == "/sl/o-nas/"


def test_a_draft_or_unknown_page_is_simply_not_found(client, home):
    page = StandardPageFactory(parent=home, slug="navrh", title="Návrh")
    page.unpublish()
    assert client.get(f"/sl/untranslated/{page.pk}/").status_code == 404
    assert "O nás" not in client.get("/sl/untranslated/999999/").content.decode()
    assert Locale.objects.filter(language_code="sl").exists()
