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
from wagtail.models import Site

from home.models import HomePage, StandardPage
from hubs.models import CoursePage, HubPage
from kreativ.demo_loaders import Office, demo_packages
from kreativ.models import FooterSettings, NavigationSettings
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


def test_demo(demo):
    first, second = demo
    assert first == second, "a second run must not add or change anything"
    check_region()
    check_calls()


def check_region():
    homes = HomePage.objects.values_list("locale__language_code", flat=True)
    assert set(homes) == {"cs", "en", "sl"}
    czech_hubs = HubPage.objects.filter(locale__language_code="cs")
    assert czech_hubs.count() >= 8
    fablabs = czech_hubs.filter(kind="fablab").annotate(machines=Count("equipment"))
    assert fablabs.count() >= 3 and all(lab.machines > 0 for lab in fablabs)
    assert HubPage.objects.filter(locale__language_code="en").count() == czech_hubs.count()
    courses = CoursePage.objects.filter(locale__language_code="cs")
    assert courses.count() >= 6
    now = timezone.now()
    assert any(course.is_past for course in courses)
    assert any(course.is_full and course.sessions.filter(end__gte=now).exists() for course in courses)
    assert NewsArticlePage.objects.filter(locale__language_code="cs").count() >= 3
    assert NewsArticlePage.objects.filter(locale__language_code="en").count() >= 3
    assert FundingFinderPage.objects.count() == 3
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == HomePage.objects.get(locale__language_code="cs")
    menu = [link.page.slug for link in NavigationSettings.for_site(site).main_links.all()]
    assert menu == ["mista", "akademie", "dotace", "aktuality", "o-nas"]
    assert [link.page.slug for link in FooterSettings.for_site(site).footer_links.all()] == ["o-nas"]
    featured = [item.hub.slug for item in site.root_page.specific.featured_hubs.all()]
    assert featured == ["fablab-prerov", "kreativni-centrum-stara-pradelna", "coworking-patro-prostejov"]


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
        "home.demo",
    ]


def test_what_an_editor_changed_survives_another_run():
    call_command("load_demo", "--no-index", "--no-admin", "--calls", "0", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    hub = HubPage.objects.get(slug="fablab-prerov", locale__language_code="cs")
    hub.intro = "Upraveno redakcí."
    hub.equipment.all().delete()
    hub.save_revision().publish()
    about = StandardPage.objects.get(locale__language_code="en")
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
    home = HomePage.objects.get(locale__language_code="cs")
    home.hero_title = "Nový titulek"
    home.save_revision().publish()
    before = counts()

    call_command("load_demo", "--no-index", "--no-admin", "--calls", "0", verbosity=0)

    assert counts() == before
    hub = HubPage.objects.get(slug="fablab-prerov", locale__language_code="cs")
    assert hub.intro == "Upraveno redakcí." and not hub.equipment.exists()
    assert StandardPage.objects.get(locale__language_code="en").title == "Who we are"
    course = CoursePage.objects.get(slug="risograficky-tisk", locale__language_code="cs")
    assert course.capacity == 3 and not course.sessions.exists()
    assert FooterSettings.for_site(site).phone == "+420 600 000 000"
    menu = [link.page.slug for link in NavigationSettings.for_site(site).main_links.all()]
    assert menu == ["mista", "akademie", "dotace", "o-nas"]
    assert HomePage.objects.get(locale__language_code="cs").hero_title == "Nový titulek"


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
