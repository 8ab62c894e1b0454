"""The exchange's e-mailed links in a real browser: a poster reminded before their listing ends
follows the renew link, sees what its button does, renews, and meets the used link's page; a new
poster confirms their address. Every page checked with axe."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from exchange import lifecycle, posters
from exchange.models import Listing
from tests.browser.conftest import serious_violations
from tests.conftest import t
from tests.exchange.builders import listing, poster

pytestmark = pytest.mark.django_db(transaction=True)


def _link(body: str, purpose: str) -> str:
    return re.search(rf"https?://\S+/exchange/link/{purpose}/\S+/", body).group(0)


def test_a_poster_renews_a_listing_from_the_reminder(live_server, page, czech_home):
    offer = listing(title="Zkušebna pro kapely")
    Listing.objects.filter(pk=offer.pk).update(valid_until=timezone.now() + dt.timedelta(days=5))
    assert lifecycle.send_reminders() == 1
    renew = _link(mail.outbox[0].body, "renew")

    page.goto(renew)
    page.locator("h1", has_text=t("Renew your listing")).wait_for()
    assert serious_violations(page) == []
    assert Listing.objects.get(pk=offer.pk).reminded_before_at is not None
    with page.expect_navigation():
        page.get_by_role("button", name=t("Renew the listing")).click()
    renewed = t("Your listing is renewed: it runs until %(date)s.", date="").rstrip(". ")
    assert renewed in page.locator("[role=status]").inner_text()
    assert serious_violations(page) == []
    assert Listing.objects.get(pk=offer.pk).valid_until > timezone.now() + dt.timedelta(days=90)

    page.goto(renew)
    assert t("The link was used already: each link works once.") in page.locator("main").inner_text()
    assert serious_violations(page) == []


def test_a_new_poster_confirms_their_address(live_server, page, czech_home):
    firm = poster(confirmed=False, email="nakup@example.org")
    listing(poster=firm)
    posters.send_confirmation(firm)
    page.goto(_link(mail.outbox[0].body, "confirm"))
    page.locator("h1", has_text=t("Confirm your address")).wait_for()
    assert serious_violations(page) == []
    with page.expect_navigation():
        page.get_by_role("button", name=t("Confirm my address")).click()
    assert serious_violations(page) == []
    firm.refresh_from_db()
    assert firm.confirmed_at is not None
