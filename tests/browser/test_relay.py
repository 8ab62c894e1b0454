"""The foundation's relay contact form in a real browser, on the small test recipient of
``tests/kreativ/relay_support.py`` that asks senders to confirm their address the first time: the
contact page, the page that asks for the confirmation, the link's page and its button, the sent
page and the used link's page, each checked with axe; no recipient's address on any of them."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.cache import cache

from kreativ.relay.targets import Recipient
from tests.browser.conftest import serious_violations
from tests.conftest import t
from tests.kreativ.relay_support import LOG, NOTES

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.urls("tests.kreativ.relay_support")]

HIDDEN = "hidden.poster@example.org"
SENDER = "petr.odesilatel@example.org"
LINK = re.compile(r"https?://\S+/relay/confirm/\S+/")


@pytest.fixture
def note(settings, czech_home):
    settings.TEST_NOTE_RATE_PER_NOTE = 10
    settings.TEST_NOTE_RATE_PER_CLIENT = 10
    cache.clear()
    NOTES.clear()
    LOG.clear()
    NOTES["harfa"] = [Recipient(HIDDEN, "cs")]
    yield
    NOTES.clear()
    LOG.clear()
    cache.clear()


def _checked(tab) -> str:
    assert serious_violations(tab) == []
    assert HIDDEN not in tab.content() and "hidden.poster" not in tab.content()
    return tab.locator("h1").inner_text()


def test_a_first_message_waits_for_the_senders_confirmation_then_goes(page, live_server, note):
    assert page.goto(f"{live_server.url}/cs/confirmed-notes/harfa/").status == 200
    assert _checked(page) == "Note harfa"
    form = page.locator(".contact-form form")
    form.locator("input[name=name]").fill("Petr")
    form.locator("input[name=email]").fill(SENDER)
    form.locator("textarea[name=message]").fill("Dobrý den, máte ještě volno?")
    with page.expect_navigation():
        form.get_by_role("button", name=t("Send the message")).click()
    assert _checked(page) == t("Confirm your address")
    (asked,) = mail.outbox
    assert asked.to == [SENDER] and LOG == []
    (link,) = LINK.findall(asked.body)
    mail.outbox.clear()

    assert page.goto(link).status == 200
    assert _checked(page) == t("Confirm your address") and mail.outbox == []
    with page.expect_navigation():
        page.get_by_role("button", name=t("Confirm and send the message")).click()
    assert _checked(page) == t("Your message is sent")
    (relayed,) = mail.outbox
    assert relayed.to == [HIDDEN] and relayed.reply_to == [SENDER] and "máte ještě volno" in relayed.body

    assert page.goto(link).status == 410
    assert _checked(page) == t("This link does not work")
    assert t("The link was used already: your message was sent then.") in page.locator("main").inner_text()
    assert len(mail.outbox) == 1 and len(LOG) == 1
