"""A Czech designer's journey in Chromium (issue 14, "Done when"): she searches the finder in Czech,
finds a design call, sees its deadline as a date, subscribes from the finder, confirms by the
e-mailed link, gets a welcome e-mail, manages and deletes her alert from it. On a phone the results
come right after the folded filters. Every page is checked with axe."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import formats, timezone, translation

from kreativ.models import Sector
from opportunities.models import Subscription
from tests.browser.conftest import serious_violations
from tests.browser.test_funding import confirm_last_mail, subscribe_from_the_finder
from tests.conftest import t
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db(transaction=True)

BRUSSELS = "Europe/Brussels"


def day_in(days: int) -> dt.date:
    return (timezone.now() + dt.timedelta(days=days)).date()


def czech(day: dt.date) -> str:
    with translation.override("cs"):
        return formats.date_format(day, "DATE_FORMAT")


@pytest.fixture
def radar(radar_of):
    """A Czech finder with an EU design call whose deadline the API gives as a day, and two others."""
    calls = [
        ("SMP-COSME-2026-DESIGN", "Design-driven innovation in SMEs", ["design"], day_in(30)),
        ("CREA-MUSIC-2026", "Music moves Europe", ["music"], day_in(20)),
        ("HORIZON-2026-RAIL", "Rail freight corridors", [], day_in(40)),
    ]
    return radar_of(
        [
            make_item(external_id, title=title, summary=title, sectors=sectors, deadlines=[day], timezone=BRUSSELS)
            for external_id, title, sectors, day in calls
        ]
    )


def mailed_link(label: str) -> str:
    return re.search(re.escape(t(label)) + r": (\S+)", mail.outbox[-1].body).group(1)


def test_a_czech_designer_finds_a_design_call_subscribes_and_deletes_her_alert(live_server, page, radar):
    deadline = day_in(30)
    page.goto(f"{live_server.url}{radar.url}")
    page.fill("#id_q", "designéři")
    page.locator(".finder__search button[type=submit]").click()
    page.wait_for_url(re.compile(r"q=design"))
    cards = page.locator(".card--call")
    assert cards.locator(".card__title").all_inner_texts() == ["Design-driven innovation in SMEs"]
    shown = cards.first.locator(".card__deadline time").inner_text()
    assert shown == czech(deadline) and not re.search(r"\d:\d\d", shown)  # a day: no "1:00" at night
    assert serious_violations(page) == []

    # The word named a sector: she narrows the search to it, as the finder offers.
    design = Sector.objects.get(slug="design").name_cs
    page.get_by_role("link", name=t("Show only the sector %(label)s", label=design)).click()
    page.wait_for_url(re.compile(r"sector=design"))
    assert page.locator("#f-sector-design").is_checked()

    page.locator(".card--call .card__title a").first.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Design-driven innovation in SMEs"
    cell = page.locator("dd.deadline time")
    assert (cell.inner_text(), cell.get_attribute("datetime")) == (czech(deadline), deadline.isoformat())
    assert page.locator("dd.deadline .deadline__passed").count() == 0
    assert serious_violations(page) == []
    page.go_back()

    subscribe_from_the_finder(page, "design", "eliska@example.com")
    assert not Subscription.objects.exists()  # nothing is kept before she confirms
    confirm = next(word for word in mail.outbox[-1].body.split() if "/alerts/confirm/" in word)
    assert confirm.startswith(live_server.url)
    confirm_last_mail(page, live_server)
    alert = Subscription.objects.get(email="eliska@example.com")
    assert [s.slug for s in alert.sectors.all()] == ["design"]

    welcome = mail.outbox[-1]
    assert welcome.to == ["eliska@example.com"] and welcome.subject.endswith(t("Your funding alert is on"))
    page.goto(mailed_link("Manage your alerts (change, pause, delete, or add another)"))
    page.locator(".alert-card").first.wait_for()
    assert page.locator(".alert-card").count() == 1
    assert serious_violations(page) == []
    page.get_by_role("link", name=t("Delete this alert"), exact=True).click()
    page.get_by_role("heading", name=t("Delete this alert?")).wait_for()
    assert serious_violations(page) == []
    page.get_by_role("button", name=t("Delete this alert"), exact=True).click()
    page.get_by_role("status").filter(has_text=t("The alert is deleted.")).wait_for()
    assert not Subscription.objects.filter(email="eliska@example.com").exists()
    assert page.js_errors == []


def test_on_a_phone_the_results_come_right_after_the_folded_filters(live_server, browser, radar):
    context = browser.new_context(locale="cs-CZ", viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    try:
        phone.goto(f"{live_server.url}{radar.url}?sector=design")
        filters = phone.locator("details#filters")
        assert filters.evaluate("e => e.open") is False
        results = phone.locator(".finder__results h2").first
        assert results.bounding_box()["y"] < 900  # it was about 1,850 px down under open facets
        assert phone.locator(".finder__facets summary").inner_text().strip() == f"{t('Filters')} (1)"
        assert serious_violations(phone) == []
        phone.locator(".finder__facets summary").click()
        assert filters.evaluate("e => e.open") is True
        assert phone.locator("#f-sector-design").is_checked()
        assert serious_violations(phone) == []
    finally:
        context.close()


def test_a_moment_is_shown_in_the_readers_own_zone(live_server, browser, radar):
    """A deadline whose time is known, read in New York: the script shows it there, zone named."""
    from zoneinfo import ZoneInfo

    from opportunities.models import Deadline, FundingCall

    moment = dt.datetime.combine(day_in(50), dt.time(17, 0), tzinfo=dt.UTC)
    call = FundingCall.objects.get(call_identifier="HORIZON-2026-RAIL")
    draft = call.get_latest_revision_as_object()
    draft.deadlines.set([Deadline.of(moment)])
    draft.save_revision().publish()
    context = browser.new_context(locale="en-US", timezone_id="America/New_York")
    reader = context.new_page()
    try:
        reader.goto(f"{live_server.url}{radar.call_url(call)}")
        shown = reader.locator("dd.deadline time")
        shown.and_(reader.locator("[title]")).wait_for()
        in_new_york = moment.astimezone(ZoneInfo("America/New_York"))
        in_prague = moment.astimezone(ZoneInfo("Europe/Prague"))
        assert f"{in_new_york:%H:%M}" in shown.inner_text()  # the page is Czech: a 24-hour clock
        assert f"{in_prague:%H:%M} {in_prague.tzname()}" in shown.get_attribute("title")  # what the site wrote
        assert shown.get_attribute("data-zone") == "Europe/Prague"
    finally:
        context.close()
