"""A moderator in a real browser: the dashboard's count is the queue's, the queue holds only calls to
decide (open or forthcoming; none rejected, closed or published), and the two decisions are named
and say what they did. axe checks the dashboard and the queue; the call's edit page is left out, as
Wagtail's own rich-text editor there has no accessible name (aria-input-field-name)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from opportunities.intake import ingest
from opportunities.models import FundingCall, SourceRecord
from tests.browser.conftest import serious_violations
from tests.conftest import t
from tests.opportunities.conftest import act, make_item

pytestmark = pytest.mark.django_db(transaction=True)

OPEN = ["Designové vouchery", "Podpora exportu hudby", "Rezidence pro překladatele"]


@pytest.fixture
def radar(finder_page):
    moderator = User.objects.create_user("moderator", "m@example.com", "heslo-moderatora", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    now = timezone.now()
    calls = [
        ("design", OPEN[0], now - dt.timedelta(days=5), 8),
        ("music", OPEN[1], now - dt.timedelta(days=5), 20),
        ("residency", OPEN[2], now + dt.timedelta(days=10), 60),  # forthcoming
        ("closed", "Uzavřená výzva z loňska", now - dt.timedelta(days=400), -300),
        ("rejected", "Zamítnutá výzva", now - dt.timedelta(days=5), 30),
        ("published", "Zveřejněná výzva", now - dt.timedelta(days=5), 30),
    ]
    for external_id, title, opening, days in calls:
        item = make_item(external_id, title=title, opening_date=opening, deadlines=[now + dt.timedelta(days=days)])
        ingest.ingest_item("eu_ft", item)
    act(SourceRecord.objects.get(external_id="rejected").call, moderator, "reject")
    act(SourceRecord.objects.get(external_id="published").call, moderator, "approve")
    return finder_page


def queue_titles(page) -> list[str]:
    return page.locator("table.listing tbody tr td.title a").all_inner_texts()


def test_a_moderator_decides_the_queue(live_server, page, radar):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "moderator")
    page.fill("#id_password", "heslo-moderatora")
    page.locator("form button[type=submit]").click()
    panel = page.locator("section[aria-labelledby=funding-radar-heading]")
    panel.wait_for()
    count = int(re.search(r"\d+", panel.locator("p").first.inner_text()).group())
    assert count == 3
    assert serious_violations(page) == []

    panel.get_by_role("link", name=t("Review them"), exact=True).click()
    page.wait_for_url("**moderation=waiting**")
    assert sorted(t.strip() for t in queue_titles(page)) == sorted(OPEN)
    assert len(queue_titles(page)) == count
    assert serious_violations(page) == []

    # Reject one: it leaves the queue, and the message says so.
    page.get_by_role("link", name="Podpora exportu hudby").first.click()
    footer = page.locator("footer")
    footer.locator("[data-w-dropdown-target=toggle]").click()
    reject = footer.get_by_role("button", name=t("Reject"), exact=True)
    approve = footer.get_by_role("button", name=t("Approve and publish"), exact=True)
    assert reject.is_visible() and approve.is_visible()
    assert footer.get_by_role("button", name=re.compile("Request changes|Požádat o změny")).count() == 0
    reject.click()
    dialog = page.get_by_role("dialog")
    dialog.locator("textarea").fill("Není pro kulturní a kreativní odvětví.")
    dialog.get_by_role("button", name=t("Reject"), exact=True).click()
    rejected = t("The funding call “%(title)s” was rejected: it stays off the public site.", title=OPEN[1])
    page.locator(".messages").filter(has_text=rejected).wait_for()

    page.goto(f"{live_server.url}/admin/snippets/opportunities/fundingcall/?moderation=waiting")
    assert sorted(t.strip() for t in queue_titles(page)) == sorted([OPEN[0], OPEN[2]])

    # Approve another: it is public in the finder, and the message says approved and published.
    page.get_by_role("link", name="Designové vouchery").first.click()
    footer = page.locator("footer")
    footer.locator("[data-w-dropdown-target=toggle]").click()
    footer.get_by_role("button", name=t("Approve and publish"), exact=True).click()
    approved = t("The funding call “%(title)s” was approved and published.", title=OPEN[0])
    page.locator(".messages").filter(has_text=approved).wait_for()
    assert FundingCall.objects.get(title=OPEN[0]).live

    page.goto(f"{live_server.url}{radar.url}")
    finder_titles = page.locator(".card--call .card__title").all_inner_texts()
    assert "Designové vouchery" in finder_titles and "Podpora exportu hudby" not in finder_titles
    assert page.js_errors == []
