"""The funding radar in a real browser: the finder's facets, a call's page, subscribing to alerts
(two on one address, managed from its page)."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone

from tests.browser.conftest import serious_violations
from tests.conftest import t
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def radar(radar_of):
    now = timezone.now()
    return radar_of(
        [
            make_item(external_id, title=title, sectors=[sector], deadlines=[now + dt.timedelta(days=days)])
            for external_id, title, sector, days in [
                ("m", "Podpora exportu hudby", "music", 20),
                ("d", "Designové vouchery", "design", 8),
                ("f", "Filmové koprodukce", "film-audiovisual", 40),
            ]
        ]
    )


def test_finder_facets_and_a_call_page(live_server, page, radar):
    page.goto(f"{live_server.url}{radar.url}")
    titles = page.locator(".card--call .card__title").all_inner_texts()
    assert titles == ["Designové vouchery", "Podpora exportu hudby", "Filmové koprodukce"]
    assert serious_violations(page) == []
    page.check("#f-sector-music")
    page.locator(".finder__facets button[type=submit]").click()
    page.wait_for_url("**sector=music**")
    assert page.locator(".card--call .card__title").all_inner_texts() == ["Podpora exportu hudby"]
    page.locator(".card--call .card__title a").click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Podpora exportu hudby"
    assert page.locator('script[type="application/ld+json"]').count() == 1
    assert serious_violations(page) == []
    assert page.js_errors == []


def test_the_call_pages_reminders_form_answers_a_refused_address_on_the_page(live_server, page, radar):
    page.goto(f"{live_server.url}{radar.url}")
    page.locator(".card--call .card__title a").first.click()
    page.wait_for_selector("#reminders")
    title = page.locator("h1").inner_text()
    reminders = page.locator("#reminders")
    reminders.get_by_label(t("Your e-mail")).fill("jana@example")
    reminders.get_by_role("button", name=t("Remind me before the deadlines"), exact=True).click()
    page.wait_for_selector("#reminders .form-field__error")
    # The call's page again, styled, the error next to the field; the trap field stays out of sight.
    assert page.locator("h1").inner_text() == title
    field = page.locator("#reminders .form-field--error")
    assert field.locator("input").input_value() == "jana@example"
    assert field.get_by_role("alert").inner_text() == "Zadejte platnou e-mailovou adresu."
    trap = page.locator("#id_website").locator("..")  # shown through a 1-pixel window that hides overflow
    assert trap.evaluate("e => [e.getBoundingClientRect().width, getComputedStyle(e).overflow]") == [1, "hidden"]
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert serious_violations(page) == []
    assert not mail.outbox

    reminders = page.locator("#reminders")
    reminders.get_by_label(t("Your e-mail")).fill("jana@example.com")
    reminders.get_by_role("button", name=t("Remind me before the deadlines"), exact=True).click()
    page.wait_for_selector(".notice--success")
    assert [message.to for message in mail.outbox] == [["jana@example.com"]]
    assert page.js_errors == []


def confirm_last_mail(page, live_server) -> None:
    link = next(word for word in mail.outbox[-1].body.split() if "/alerts/confirm/" in word)
    page.goto(live_server.url + "/alerts/" + link.split("/alerts/", 1)[1])
    assert serious_violations(page) == []
    page.get_by_role("button", name=t("Confirm"), exact=True).click()
    page.wait_for_selector(".notice--success")


def subscribe_from_the_finder(page, sector: str, email: str) -> None:
    """From a finder showing one sector: "E-mail me about calls like these", then the form."""
    page.locator(".finder__feeds a.button").click()
    # Every page has a form (the header's search box; the finder is one too): wait for the
    # subscription page itself and press its buttons by name.
    page.wait_for_url(re.compile(rf"/alerts/\?sector={sector}(&region=all)?$"))  # all: the finder showed every region
    assert page.locator(f'main input[name="sectors"][value="{sector}"]').is_checked()
    assert serious_violations(page) == []
    page.fill("#id_email", email)
    page.get_by_role("button", name=t("Send me a confirmation e-mail"), exact=True).click()
    page.wait_for_selector(".notice--success")


def test_subscribe_from_the_finder_and_confirm(live_server, page, radar):
    page.goto(f"{live_server.url}{radar.url}?sector=design")
    subscribe_from_the_finder(page, "design", "jana@example.com")
    assert len(mail.outbox) == 1
    confirm_last_mail(page, live_server)
    from opportunities.models import Subscription

    assert [s.slug for s in Subscription.objects.get(email="jana@example.com").sectors.all()] == ["design"]

    # A second alert on the same address, with other filters, added from the address's page.
    page.get_by_role("link", name=t("Manage your alerts"), exact=True).click()
    page.wait_for_selector(".alert-card")
    page.get_by_role("link", name=t("Add another alert"), exact=True).click()
    page.wait_for_url(re.compile(r"/alerts/$"))
    page.check('main input[value="music"]')
    page.fill("#id_email", "jana@example.com")
    page.get_by_role("button", name=t("Send me a confirmation e-mail"), exact=True).click()
    page.wait_for_selector(".notice--success")
    confirm_last_mail(page, live_server)
    alerts = Subscription.objects.filter(email="jana@example.com").order_by("pk")
    assert [[s.slug for s in a.sectors.all()] for a in alerts] == [["design"], ["music"]]

    # The page lists both; each is paused on its own.
    page.get_by_role("link", name=t("Manage your alerts"), exact=True).click()
    cards = page.locator(".alert-card")
    cards.first.wait_for()
    assert cards.count() == 2
    assert serious_violations(page) == []
    cards.nth(1).get_by_role("button", name=t("Pause"), exact=True).click()
    page.locator(".alert-card").nth(1).get_by_role("button", name=t("Resume"), exact=True).wait_for()
    assert [a.paused for a in alerts.all()] == [False, True]
    assert page.js_errors == []


def welcome_link(label: str) -> str:
    """A link of the last welcome e-mail, as a path (e-mails name the public address, not the test server)."""
    body = mail.outbox[-1].body
    return urlsplit(re.search(re.escape(t(label)) + r": (\S+)", body).group(1)).path


def test_the_welcome_mail_manages_and_deletes_the_alerts(live_server, page, radar):
    """A Czech designer subscribes twice, then follows the welcome e-mail's link to delete one alert,
    then everything; every page asks first and a deleted alert's link says it is gone."""
    from opportunities.models import Subscription

    for sector in ("design", "music"):
        page.goto(f"{live_server.url}/cs/alerts/?sector={sector}")
        page.fill("#id_email", "eliska@example.com")
        page.get_by_role("button", name=t("Send me a confirmation e-mail"), exact=True).click()
        page.wait_for_selector(".notice--success")
        confirm_last_mail(page, live_server)
    assert mail.outbox[-1].subject.endswith(t("Your funding alert is on"))
    music = Subscription.objects.get(email="eliska@example.com", sectors__slug="music")

    manage = welcome_link("Manage your alerts (change, pause, delete, or add another)")
    page.goto(live_server.url + manage)
    page.locator(".alert-card").nth(1).get_by_role("link", name=t("Delete this alert"), exact=True).click()
    page.get_by_role("heading", name=t("Delete this alert?")).wait_for()
    assert serious_violations(page) == []
    assert Subscription.objects.filter(email="eliska@example.com").count() == 2
    page.get_by_role("button", name=t("Delete this alert"), exact=True).click()
    page.get_by_role("status").filter(has_text=t("The alert is deleted.")).wait_for()
    assert page.locator(".alert-card").count() == 1
    assert not Subscription.objects.filter(pk=music.pk).exists()

    page.goto(live_server.url + manage)
    page.get_by_role("link", name=t("Delete all my alerts and my data"), exact=True).click()
    page.get_by_role("heading", name=t("Delete all your alerts and your data?")).wait_for()
    assert serious_violations(page) == []
    page.get_by_role("button", name=t("Delete all my alerts and my data"), exact=True).click()
    done = t("Your alerts and everything we kept about you are deleted.")
    page.get_by_role("status").filter(has_text=done).wait_for()
    assert not Subscription.objects.filter(email="eliska@example.com").exists()

    # The deleted alert's own links answer with the site's page, in Czech, offering to subscribe again.
    response = page.goto(f"{live_server.url}{manage}alert/{music.pk}/")
    assert response.status == 410
    assert page.locator("h1").inner_text() == t("This alert no longer exists")
    assert serious_violations(page) == []
    page.get_by_role("link", name=t("Subscribe to funding alerts"), exact=True).click()
    page.wait_for_url(re.compile(r"/cs/alerts/$"))
    assert page.js_errors == []
