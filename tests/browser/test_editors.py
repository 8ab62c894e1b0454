"""An editor in the admin, in a real browser: translating a news article into Slovenian.

The translation is a draft nobody can read until the editor publishes it; the translation editor
speaks Czech ("Publikovat ve slovinštině", not "PublikovatSlovenščina"); the article's Slovenian
address follows its translated title.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect
from wagtail.models import Page, Site

from tests.browser.conftest import serious_violations
from tests.conftest import translate
from tests.factories import HomePageFactory, NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "redakce-heslo-1"


@pytest.fixture
def magazine(base_data):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="domu")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    translate(home, "sl", title="Kreativna regija", hero_title="Dom za ustvarjalne ljudi")
    index = NewsIndexPageFactory(parent=home, slug="aktuality", title="Aktuality")
    translate(index, "sl", title="Novice", slug="novice")
    article = NewsArticlePageFactory(
        parent=index,
        slug="novy-laserovy-rezak",
        title="Nový laserový řezák v Přerově",
        intro="Dílna rozšířila vybavení o CO₂ laser.",
        author="Tereza Vlčková",
    )
    editor = User.objects.create_user("redaktorka", "redaktorka@example.com", PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    return {"article": article, "editor": editor}


def log_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")


def status(browser, url: str) -> int:
    """What a reader who is not logged in gets at ``url``."""
    reader = browser.new_context()
    try:
        return reader.request.get(url).status
    finally:
        reader.close()


def sitemap(browser, live_server) -> str:
    reader = browser.new_context()
    try:
        return reader.request.get(f"{live_server.url}/sitemap.xml").text()
    finally:
        reader.close()


def translate_segment(page, label: str, text: str) -> None:
    """Opens one string of the translation editor, types its translation and saves it."""
    segment = page.locator("li", has=page.locator("h3", has_text=label)).locator("visible=true").first
    segment.get_by_role("button", name="Přeložit").click()
    segment.locator("textarea").fill(text)
    segment.get_by_role("button", name="Uložit").click()
    segment.get_by_role("button", name="Upravit").wait_for()


def test_an_editor_translates_a_news_article_without_publishing_it_untranslated(live_server, browser, page, magazine):
    article = magazine["article"]
    log_in(page, live_server, "redaktorka")

    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    page.get_by_role("button", name="Akce", exact=True).click()
    page.get_by_role("link", name="Přeložit tuto stránku").click()
    page.wait_for_url(f"{live_server.url}/admin/localize/submit/page/{article.pk}/*")
    assert page.get_by_text("Jazyky").count() >= 1
    page.get_by_label("Slovenščina").check()
    page.locator("main form").get_by_role("button", name="Uložit").click()

    # The translation editor: a draft in Slovenian, labels in real Czech.
    page.wait_for_url(f"{live_server.url}/admin/pages/*/edit/")
    expect(page.get_by_text("Překlad z češtiny do slovinštiny").locator("visible=true")).to_have_count(1)
    publish = page.get_by_role("button", name="Publikovat ve slovinštině")
    expect(publish).to_be_visible()
    assert page.get_by_text("PublikovatSlovenščina").count() == 0
    assert page.get_by_text("Čeština to Slovenščina translation").count() == 0

    # Nobody reads the untranslated copy meanwhile.
    assert status(browser, f"{live_server.url}/sl/novice/novy-laserovy-rezak/") == 404
    assert "/sl/novice/" + "novy-laserovy-rezak" not in sitemap(browser, live_server)

    translate_segment(page, "Nadpis", "Nov laserski rezalnik v Přerovu")
    translate_segment(page, "Autor", "Tereza Vlčková")
    translate_segment(page, "Úvod", "Delavnica je opremo razširila s CO₂ laserjem.")
    assert status(browser, f"{live_server.url}/sl/novice/nov-laserski-rezalnik-v-prerovu/") == 404

    publish.click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("je publikováno (Slovenščina)").count() == 1
    assert page.get_by_text("zůstaly nepřeložené").count() == 0  # the slug followed the title
    assert page.js_errors == []

    reader = page.context.browser.new_context(locale="sl-SI")
    try:
        tab = reader.new_page()
        tab.goto(f"{live_server.url}/sl/novice/nov-laserski-rezalnik-v-prerovu/")
        assert tab.locator("h1").inner_text() == "Nov laserski rezalnik v Přerovu"
        assert tab.get_by_text("Delavnica je opremo razširila s CO₂ laserjem.").count() == 1
        assert tab.get_attribute("html", "lang") == "sl"
        assert serious_violations(tab) == []
    finally:
        reader.close()
    assert "/sl/novice/nov-laserski-rezalnik-v-prerovu/" in sitemap(browser, live_server)


@pytest.fixture
def call_to_moderate(base_data):
    from opportunities.intake import ingest
    from opportunities.models import SourceRecord
    from tests.opportunities.conftest import make_item

    ingest.ingest_item("eu_ft", make_item("regions-1", title="Podpora kreativních center", regions=["CZ071"]))
    moderator = User.objects.create_user("moderatorka", "moderatorka@example.com", PASSWORD)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return SourceRecord.objects.get(external_id="regions-1").call


def test_a_moderator_finds_regions_by_typing_and_adds_several(live_server, page, call_to_moderate):
    call = call_to_moderate
    log_in(page, live_server, "moderatorka")
    page.goto(f"{live_server.url}/admin/snippets/opportunities/fundingcall/edit/{call.pk}/")
    chooser = page.locator("[data-kreativ-regions-chooser]")
    expect(chooser.get_by_role("listitem").filter(has_text="Olomoucký kraj — Česko")).to_be_visible()

    chooser.get_by_role("button", name="Přidat regiony").click()
    modal = page.locator(".modal")
    modal.get_by_label("Hledaný výraz").fill("gorenj")
    expect(modal.get_by_text("Gorenjská — Slovinsko")).to_be_visible()
    expect(modal.get_by_text("Gorická")).to_have_count(0)
    modal.get_by_role("row", name="Gorenjská — Slovinsko").get_by_role("checkbox").check()
    modal.get_by_role("button", name="Potvrdit výběr").click()
    expect(chooser.get_by_role("listitem").filter(has_text="Gorenjská — Slovinsko")).to_be_visible()

    chooser.get_by_role("button", name="Odebrat Olomoucký kraj — Česko").click()
    expect(chooser.get_by_role("listitem").filter(has_text="Olomoucký kraj — Česko")).to_have_count(0)
    page.get_by_role("button", name="Uložit návrh").click()
    page.wait_for_load_state("networkidle")
    draft = type(call).objects.get(pk=call.pk).get_latest_revision_as_object()
    assert sorted(region.code for region in draft.regions.all()) == ["SI042"]
    assert page.js_errors == []


@pytest.fixture
def hub_without_coordinates(base_data):
    from tests.factories import HubIndexPageFactory, HubPageFactory

    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="domu")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    hub = HubPageFactory(
        parent=HubIndexPageFactory(parent=home, slug="mista"),
        slug="hub-na-namesti",
        title="Hub na náměstí",
        street_address="Staroměstské náměstí 1",
        postal_code="110 00",
        city="Praha",
        latitude=None,
        longitude=None,
    )
    editor = User.objects.create_user("redaktorka", "redaktorka@example.com", PASSWORD)
    editor.groups.add(Group.objects.get(name="Editors"))
    return hub


def test_an_editor_sets_a_hubs_coordinates_on_the_map_or_from_its_address(
    live_server, page, hub_without_coordinates, settings
):
    from tests.crawler.doubles import LoopbackServer, Route, nominatim_search

    hub = hub_without_coordinates
    found = {"Praha": ("50.087451", "14.420671", "Staroměstské náměstí 1, Praha, Česko")}
    broken = LoopbackServer({"/search": Route(b"Internal error", status=500)})
    geocoder = LoopbackServer({"/search": nominatim_search(found)})
    with broken, geocoder:
        settings.GEOCODER_URL = broken.base_url
        log_in(page, live_server, "redaktorka")
        page.goto(f"{live_server.url}/admin/pages/{hub.pk}/edit/")
        latitude, longitude = page.locator("#id_latitude"), page.locator("#id_longitude")
        map_ = page.locator(".kreativ-location__map.leaflet-container")
        expect(map_).to_be_visible()
        assert latitude.input_value() == ""

        map_.click()  # the map's centre, with no tiles (MAP_TILE_URL is empty in the tests)
        expect(latitude).not_to_have_value("")
        assert 45 < float(latitude.input_value()) < 53 and 10 < float(longitude.input_value()) < 20
        expect(page.locator(".kreativ-location .leaflet-marker-icon")).to_have_count(1)

        clicked = (latitude.input_value(), longitude.input_value())
        page.get_by_role("button", name="Najít podle adresy").click()
        expect(page.locator(".kreativ-location [role=status]")).to_have_text(
            "Hledání adresy neodpovědělo. Nic se nezměnilo; zkuste to později."
        )
        assert (latitude.input_value(), longitude.input_value()) == clicked  # nothing lost

        settings.GEOCODER_URL = geocoder.base_url
        page.get_by_role("button", name="Najít podle adresy").click()
        expect(page.locator(".kreativ-location [role=status]")).to_contain_text(
            "Nalezeno: Staroměstské náměstí 1, Praha, Česko"
        )
        expect(latitude).to_have_value("50.087451")
        expect(longitude).to_have_value("14.420671")
        assert "city=Praha" in geocoder.hits[-1].path

    page.get_by_role("button", name="Uložit návrh").click()
    page.wait_for_load_state("networkidle")
    draft = type(hub).objects.get(pk=hub.pk).get_latest_revision_as_object()
    assert (str(draft.latitude), str(draft.longitude)) == ("50.087451", "14.420671")
    assert page.js_errors == []
