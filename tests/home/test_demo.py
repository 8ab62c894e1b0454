"""``load_demo`` builds a believable region from each app's data files, and running it again changes nothing.

It only adds what is missing: what an editor changed stays as the editor left it; a mistake in a
data file stops it with the file and the place, and nothing is loaded.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.utils import timezone
from wagtail.models import Locale, Site

from catalogue.models import CatalogueIndexPage
from home.models import HomePage, StandardPage
from hubs.models import CoursePage, HubPage
from kreativ.demo_loaders import Office, demo_packages
from kreativ.models import FooterSettings, NavigationSettings, OfficeSettings, Region
from news.models import NewsArticlePage
from opportunities.models import FundingCall, FundingFinderPage

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    from wagtail.models import Page, Revision

    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "calls": FundingCall.objects.count(),
        "live calls": FundingCall.objects.filter(live=True).count(),
    }


@pytest.fixture
def demo(db):
    """The demo loaded twice (with a smaller share of the EU snapshot, to keep the suite quick)."""
    call_command("load_demo", "--no-index", "--calls", "60", verbosity=0)
    first = counts()
    call_command("load_demo", "--no-index", "--calls", "60", verbosity=0)
    return first, counts()


def test_demo(demo, client):
    first, second = demo
    assert first == second, "a second run must not add or change anything"
    check_region()
    check_calls()
    check_every_section_answers(client)


def check_every_section_answers(client):
    """Each office's sections in each language its home has, on its own host: the menu's pages."""
    for site in Site.objects.all():
        host = site.hostname if site.port == 80 else f"{site.hostname}:{site.port}"
        navigation = NavigationSettings.for_site(site)
        for home in site.root_page.get_translations(inclusive=True).specific():
            language = home.locale.language_code
            assert client.get(f"/{language}/", HTTP_HOST=host).status_code == 200, (host, language)
            for link in navigation.main_links.select_related("page"):
                section = link.page.get_translation_or_none(home.locale)
                assert section is not None, (host, language, link.page.slug)
                response = client.get(section.get_url(), HTTP_HOST=host)
                assert response.status_code == 200, (host, section.url_path)


def check_region():
    site = Site.objects.get(is_default_site=True)
    czech_home = HomePage.objects.get(locale__language_code="cs", slug="kreativni-olomoucko")
    assert site.root_page.specific == czech_home
    assert set(czech_home.get_translations(inclusive=True).values_list("locale__language_code", flat=True)) == {
        "cs",
        "en",
        "sl",
    }
    czech_hubs = HubPage.objects.descendant_of(czech_home)
    assert czech_hubs.count() >= 8
    fablabs = czech_hubs.filter(kind="fablab").annotate(machines=Count("equipment"))
    assert fablabs.count() >= 3 and all(lab.machines > 0 for lab in fablabs)
    for language in ("en", "sl"):  # every Olomouc place is translated, so each map shows them all
        assert HubPage.objects.filter(locale__language_code=language, slug__in=czech_hubs.values("slug")).count() == (
            czech_hubs.count()
        )
    courses = CoursePage.objects.descendant_of(czech_home)
    assert courses.count() >= 6
    now = timezone.now()
    assert any(course.is_past for course in courses)
    assert any(course.is_full and course.sessions.filter(end__gte=now).exists() for course in courses)
    assert NewsArticlePage.objects.descendant_of(czech_home).count() >= 3
    assert FundingFinderPage.objects.count() == 6  # three languages of each office
    assert CatalogueIndexPage.objects.count() == 6
    menu = [link.page.slug for link in NavigationSettings.for_site(site).main_links.all()]
    assert menu == ["mista", "akademie", "dotace", "katalog", "aktuality", "o-nas"]
    assert [link.page.slug for link in FooterSettings.for_site(site).footer_links.all()] == ["o-nas"]
    featured = [item.hub.slug for item in site.root_page.specific.featured_hubs.all()]
    assert featured == ["fablab-prerov", "kreativni-centrum-stara-pradelna", "coworking-patro-prostejov"]
    assert OfficeSettings.for_site(site).region.slug == "olomoucky-kraj"
    assert site.site_name == "Kreativ Olomoucko"
    check_gorenjska()


def check_gorenjska():
    site = Site.objects.get(hostname="gorenjska.localhost")
    home = site.root_page.specific
    assert home.locale.language_code == "sl" and home.title == "Kreativna Gorenjska"
    assert site.site_name == "Kreativ Gorenjska" and not site.is_default_site
    assert OfficeSettings.for_site(site).region.slug == "gorenjska"
    hubs = HubPage.objects.descendant_of(home)
    assert hubs.count() >= 8 and {"fablab", "coworking", "creative_hub", "support_point"} <= set(
        hubs.values_list("kind", flat=True)
    )
    towns = set(hubs.values_list("city", flat=True))
    assert {"Kranj", "Jesenice", "Škofja Loka", "Radovljica", "Bled", "Tržič"} <= towns
    for hub in hubs:  # in Gorenjska (46.1–46.5° N, 13.7–14.5° E), in Slovenia
        assert 46.1 < hub.latitude < 46.6 and 13.7 < hub.longitude < 14.5, hub.title
        assert hub.country == "SI" and hub.region.slug == "gorenjska", hub.title
        assert hub.get_translation_or_none(Locale.objects.get(language_code="en")) is not None, hub.title
    courses = CoursePage.objects.descendant_of(home)
    upcoming = [course for course in courses if not course.is_past]
    assert len(upcoming) >= 4 and any(course.is_past for course in courses)
    assert all(course.language == "sl" and course.currency == "EUR" for course in courses)
    assert NewsArticlePage.objects.descendant_of(home).count() >= 3
    menu = [link.page.slug for link in NavigationSettings.for_site(site).main_links.all()]
    assert menu == ["prostori", "akademija", "razpisi", "katalog", "novice", "o-nas"]
    assert FooterSettings.for_site(site).organisation == "Kreativna Gorenjska, zavod"
    assert [item.hub.slug for item in home.featured_hubs.all()] == [
        "fablab-kranj",
        "kreativni-center-stara-posta",
        "rokodelski-center-radovljica",
    ]


def check_calls():
    assert FundingCall.objects.filter(records__source__slug="eu_ft").count() == 60
    live = FundingCall.objects.filter(live=True).count()
    assert 0 < live < FundingCall.objects.count()
    assert any(call.current_workflow_state for call in FundingCall.objects.filter(live=False))
    assert FundingCall.objects.filter(call_identifier__startswith="CREA").exists()
    assert FundingCall.objects.filter(records__source__slug="cz_mkcr").exists()
    assert FundingCall.objects.filter(records__source__slug="si_podjetniski").exists()


def test_the_apps_demo_packages_are_found_in_the_order_of_installed_apps():
    """The command names no app: the domains come before the home page that links their sections."""
    assert [package.__name__ for package in demo_packages()] == [
        "hubs.demo",
        "opportunities.demo",
        "news.demo",
        "catalogue.demo",
        "exchange.demo",
        "home.demo",
    ]


def test_what_an_editor_changed_survives_another_run():
    call_command("load_demo", "--no-index", "--no-admin", "--calls", "0", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    hub = HubPage.objects.get(slug="fablab-prerov", locale__language_code="cs")
    hub.intro = "Upraveno redakcí."
    hub.equipment.all().delete()
    hub.save_revision().publish()
    about = StandardPage.objects.get(locale__language_code="en", url_path__startswith="/kreativni-olomoucko")
    about.title = "Who we are"
    about.save_revision().publish()
    course = CoursePage.objects.get(slug="risograficky-tisk", locale__language_code="cs")
    course.sessions.all().delete()
    course.capacity = 3
    course.save_revision().publish()
    footer = FooterSettings.for_site(site)
    footer.phone = "+420 600 000 000"
    footer.save()
    navigation = NavigationSettings.for_site(site)
    navigation.main_links.filter(page__slug="aktuality").delete()
    home = HomePage.objects.get(locale__language_code="cs", slug="kreativni-olomoucko")
    home.hero_title = "Nový titulek"
    home.save_revision().publish()
    before = counts()

    call_command("load_demo", "--no-index", "--no-admin", "--calls", "0", verbosity=0)

    assert counts() == before
    hub = HubPage.objects.get(slug="fablab-prerov", locale__language_code="cs")
    assert hub.intro == "Upraveno redakcí." and not hub.equipment.exists()
    assert (
        StandardPage.objects.get(locale__language_code="en", url_path__startswith="/kreativni-olomoucko").title
        == "Who we are"
    )
    course = CoursePage.objects.get(slug="risograficky-tisk", locale__language_code="cs")
    assert course.capacity == 3 and not course.sessions.exists()
    assert FooterSettings.for_site(site).phone == "+420 600 000 000"
    menu = [link.page.slug for link in NavigationSettings.for_site(site).main_links.all()]
    assert menu == ["mista", "akademie", "dotace", "katalog", "o-nas"]
    assert HomePage.objects.get(locale__language_code="cs", slug="kreativni-olomoucko").hero_title == "Nový titulek"


def test_a_deleted_demo_page_comes_back_and_nothing_else_changes():
    call_command("load_demo", "--no-index", "--no-admin", "--calls", "0", verbosity=0)
    before = counts()
    HubPage.objects.get(slug="makerspace-sumperk", locale__language_code="en").delete()

    call_command("load_demo", "--no-index", "--no-admin", "--calls", "0", verbosity=0)

    restored = HubPage.objects.get(slug="makerspace-sumperk", locale__language_code="en")
    assert restored.title == "Šumperk Makerspace"
    assert (
        restored.translation_key
        == HubPage.objects.get(slug="makerspace-sumperk", locale__language_code="cs").translation_key
    )
    assert counts()["pages"] == before["pages"]


def test_a_mistake_in_a_data_file_stops_the_demo_and_loads_nothing(tmp_path, monkeypatch):
    import hubs.demo

    real = Path(hubs.demo.__file__).with_name("olomoucko") / "hubs.yaml"
    broken = tmp_path / "hubs.yaml"
    broken.write_text(real.read_text(encoding="utf-8").replace("[design, crafts,", "[desing, crafts,", 1))
    found = Office.data_file

    def data_file(office: Office, package_file: str, name: str) -> Path | None:
        return broken if name == "hubs.yaml" else found(office, package_file, name)

    monkeypatch.setattr(Office, "data_file", data_file)
    with pytest.raises(CommandError) as error:
        call_command("load_demo", "--no-index", "--no-admin", "--calls", "0", verbosity=0)
    assert re.search(r"hubs\.yaml, hubs\[\d+\], sectors\[0\]: no CCI sector with the slug 'desing'", str(error.value))
    assert not HomePage.objects.exists() and not HubPage.objects.exists()
    assert not FundingCall.objects.exists()


def test_the_address_moves_the_demos_sites_there_and_an_editors_region_stays():
    call_command("load_demo", "--no-index", "--no-admin", "--calls", "0", verbosity=0)
    gorenjska = Site.objects.get(hostname="gorenjska.localhost")
    office = OfficeSettings.for_site(gorenjska)
    office.region = Region.objects.get(slug="si")  # an editor widens the office's region
    office.save()
    options = ["--no-index", "--no-admin", "--calls", "0", "--address", "http://0.0.0.0:8001"]
    call_command("load_demo", *options, verbosity=0)
    default = Site.objects.get(is_default_site=True)
    assert (default.hostname, default.port) == ("localhost", 8001)  # 0.0.0.0 listens; readers use localhost
    gorenjska.refresh_from_db()
    assert (gorenjska.hostname, gorenjska.port) == ("gorenjska.localhost", 8001)
    assert OfficeSettings.for_site(gorenjska).region.slug == "si"
    before = (counts(), sorted(Site.objects.values_list("hostname", "port", "root_page", "site_name")))
    call_command("load_demo", *options, verbosity=0)
    assert (counts(), sorted(Site.objects.values_list("hostname", "port", "root_page", "site_name"))) == before
    with pytest.raises(CommandError):
        call_command("load_demo", "--no-index", "--address", "ftp://example.org", verbosity=0)
