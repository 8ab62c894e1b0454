"""The alert e-mails speak their subscriber's language from top to bottom, whatever language the
process sending them has active."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone, translation

from kreativ.models import Sector
from opportunities.alerts.digests import send_alerts
from opportunities.models import Subscription
from tests.conftest import t
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db

FOOTER = ["Change or pause your alert", "Unsubscribe", "Your private feeds"]


def alert(email: str, language: str) -> Subscription:
    subscription = Subscription.objects.create(
        email=email, frequency="daily", language=language, new_calls_since=timezone.now() - dt.timedelta(hours=1)
    )
    subscription.sectors.set([Sector.objects.get(slug="music")])
    return subscription


@pytest.mark.parametrize("active", ["cs", "en"])
def test_a_slovenian_digest_is_slovenian_down_to_its_footer(finder, publish, active):
    publish(make_item("music", title="Music export support", sectors=["music"]))
    alert("cs@example.com", "cs")  # a Czech e-mail of the same run comes first and is rendered first
    alert("sl@example.com", "sl")
    with translation.override(active):  # the scheduled task runs in the default language, a shell in any
        send_alerts("daily")
    by_address = {message.to[0]: message for message in mail.outbox}
    slovenian, czech = by_address["sl@example.com"], by_address["cs@example.com"]
    html = slovenian.alternatives[0][0]
    for text in FOOTER:
        assert t(text, "sl") in slovenian.body
        assert t(text, "sl") != t(text, "cs") and t(text, "cs") not in slovenian.body
        assert t(text, "cs") in czech.body
    assert t("Change or pause your alert", "sl") in html and t("Unsubscribe", "sl") in html
    assert t("Remind me before the deadline", "sl") in slovenian.body
    assert t("New calls for you", "sl") in slovenian.body
