"""The demo's funding radar tells the truth: Czech, regional and Slovenian calls beside the EU's,
design calls, programme names instead of numbers, amount buckets that count, days shown as days."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import translation

from crawler.parsers import eu_ft
from crawler.snapshots import snapshot_results
from kreativ.demo_data import read
from opportunities.demo.calls import EU_SNAPSHOT, MODERATION, SAVED_PAGES
from opportunities.finder.search import Finder
from opportunities.models import FundingCall, SourceRecord

pytestmark = pytest.mark.django_db

EVERY_STATUS = ["open", "forthcoming", "closed"]


def test_the_demo_radar(db):
    """One demo load (a minute of the suite's time), then what a reader of the finder meets."""
    call_command("load_demo", "--no-index", "--no-admin", "--calls", "60", verbosity=0)
    check_every_saved_page_is_a_live_call_slovenian_and_regional_ones_too()
    check_some_demo_calls_are_design_calls_and_a_moderators_tag_is_a_moderators_edit()
    check_the_facets_name_programmes_and_the_amount_buckets_count()
    check_the_regional_calls_keep_what_their_pages_say_about_time()


def live_from(source: str):
    return FundingCall.objects.public().filter(records__source__slug=source)


def check_every_saved_page_is_a_live_call_slovenian_and_regional_ones_too():
    sources = [page["source"] for page in read(SAVED_PAGES)]
    assert {"si_podjetniski", "cz_dotaceeu", "olkraj", "kr_ustecky"} <= set(sources)
    for source in set(sources):
        assert live_from(source).count() == sources.count(source), source
    hrastnik = live_from("si_podjetniski").get()
    assert hrastnik.language == "sl" and [r.code for r in hrastnik.regions.all()] == ["SI"]
    assert [r.code for r in live_from("olkraj").get().regions.all()] == ["CZ071"]


def check_some_demo_calls_are_design_calls_and_a_moderators_tag_is_a_moderators_edit():
    design = FundingCall.objects.public().filter(sectors__slug="design")
    assert design.filter(records__source__slug="cz_mkcr").exists()  # Kreativní Evropa – kultura
    hrastnik = design.get(records__source__slug="si_podjetniski")
    assert "design" not in hrastnik.crawled_values["sectors"]  # the demo moderator added it


def test_the_demo_moderators_calls_exist_in_the_saved_data():
    from crawler.items import complete

    references = {row["reference"] for row in snapshot_results(EU_SNAPSHOT)}
    for entry in read(MODERATION):
        if entry["source"] == "eu_ft":
            assert entry["external_id"] in references, entry
    eic = next(r for r in snapshot_results(EU_SNAPSHOT) if r["reference"] == "49662897TOPICSen")
    assert complete(eu_ft.parse_result(eic))["deadlines"] == [dt.date(2026, 12, 17)]  # a day


def check_the_facets_name_programmes_and_the_amount_buckets_count():
    with translation.override("cs"):
        facets = {facet.name: facet for facet in Finder({"status": EVERY_STATUS}).facets()}
    programmes = [option.label for option in facets["programme"].options]
    assert programmes and not [label for label in programmes if label.strip().isdigit()]
    amounts = {option.value: option.count for option in facets["amount"].options}
    assert amounts["medium"] >= 1  # Hrastnik: "Vrednost razpisa: 48.825,00 €"
    assert amounts["large"] >= 1  # Ústí: "Finanční alokace: 15 000 000 Kč"


def check_the_regional_calls_keep_what_their_pages_say_about_time():
    [olomouc] = live_from("olkraj").get().deadline_list()  # "7.4. - 17.4.2026 do 12:00"
    assert (olomouc.date, olomouc.time, olomouc.timezone) == (dt.date(2026, 4, 17), dt.time(12, 0), "Europe/Prague")
    [usti] = live_from("kr_ustecky").get().deadline_list()  # "30. 6. 2026"
    assert (usti.date, usti.time, usti.timezone) == (dt.date(2026, 6, 30), None, "Europe/Prague")
    record = SourceRecord.objects.get(source__slug="kr_ustecky")
    assert record.data["budget_total"] == "15000000" and record.data["currency"] == "CZK"
