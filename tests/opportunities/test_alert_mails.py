"""The alert e-mails speak their subscriber's language from top to bottom, whatever language the
process sending them has active; a confirmed subscription is welcomed by an e-mail whose links
manage and stop it."""

from __future__ import annotations

import datetime as dt
import re
from smtplib import SMTPRecipientsRefused
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone, translation

from kreativ.models import Sector
from opportunities.alerts import mails
from opportunities.alerts.digests import send_alerts
from opportunities.models import Subscription
from tests.conftest import t
from tests.opportunities.conftest import make_item
from tests.opportunities.test_alerts import alert_path, confirm_from_mail, links_in, subscribe

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_signing_second")]

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


# --- the welcome, once a subscription is confirmed ------------------------------------------------


@pytest.fixture(autouse=True)
def roomy_limits(settings):
    """Subscribing several times from one client; the limits have tests of their own."""
    settings.ALERTS_RATE_PER_ADDRESS = settings.ALERTS_RATE_PER_CLIENT = 10_000
    yield
    cache.clear()


def path_of(url: str) -> str:
    """An e-mailed absolute link as the test client follows it."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def link_after(label: str, body: str) -> str:
    """The link printed after ``label: `` in a plain-text e-mail."""
    return re.search(re.escape(label) + r": (\S+)", body).group(1)


def test_a_confirmed_alert_is_welcomed_with_links_that_work(client, finder):
    subscribe(client, email="eliska@example.com", language="cs", sectors=["design"])
    confirm_from_mail(client, mail.outbox[0])
    [confirmation, welcome] = mail.outbox
    alert = Subscription.objects.get(email="eliska@example.com")
    assert welcome.to == ["eliska@example.com"]
    assert welcome.subject.endswith(t("Your funding alert is on"))
    assert t("Design", "cs") in welcome.body and t("Daily") in welcome.body

    manage = link_after(t("Manage your alerts (change, pause, delete, or add another)"), welcome.body)
    page = client.get(path_of(manage))
    assert page.status_code == 200 and alert_path(alert) in page.content.decode()

    matching = link_after(t("The calls that match it today"), welcome.body)
    assert path_of(matching).startswith(finder.url + "?sector=design&")
    assert client.get(path_of(matching)).status_code == 200

    stop = link_after(t("Stop this alert"), welcome.body)
    assert t("Unsubscribe") in client.get(path_of(stop)).content.decode()
    html = welcome.alternatives[0][0]
    assert f'href="{manage}"' in html and f'href="{stop}"' in html and 'lang="cs"' in html

    # A second click on the confirmation's button changes nothing and sends nothing more.
    path = path_of(next(link for link in links_in(confirmation) if "/alerts/confirm/" in link))
    assert client.post(path).status_code == 200
    assert len(mail.outbox) == 2 and Subscription.objects.count() == 1


def test_the_welcome_speaks_the_language_chosen_for_the_emails(client, finder):
    subscribe(client, email="mojca@example.com", language="sl")
    confirm_from_mail(client, mail.outbox[0])
    welcome = mail.outbox[-1]
    assert welcome.subject.endswith(t("Your funding alert is on", "sl"))
    for text in ("Stop this alert", "The calls that match it today"):
        assert t(text, "sl") in welcome.body and t(text, "sl") != t(text, "cs")
    assert 'lang="sl"' in welcome.alternatives[0][0]


def test_a_call_watched_from_its_page_is_welcomed_with_the_call_and_the_address_page(client, finder, publish):
    call = publish(make_item("page", title="Call with a form"))
    client.post(f"/cs/alerts/watch-call/{call.pk}/", {"email": "petr@example.com"})
    confirm_from_mail(client, mail.outbox[-1])
    welcome = mail.outbox[-1]
    assert "Call with a form" in welcome.subject and "Call with a form" in welcome.body
    assert t("Manage your alerts (change, pause, delete, or add another)") in welcome.body
    # A reminders-only alert: stopping it stops the reminders, nothing else.
    assert client.get(path_of(link_after(t("Stop all reminders"), welcome.body))).status_code == 200

    # An address with digests: the welcome does not offer to stop them for the sake of one call.
    digests = Subscription.objects.create(email="jana@example.com", frequency="weekly")
    other = publish(make_item("other", title="Another call"))
    client.post(f"/cs/alerts/watch-call/{other.pk}/", {"email": "jana@example.com"})
    confirm_from_mail(client, mail.outbox[-1])
    welcome = mail.outbox[-1]
    assert welcome.to == ["jana@example.com"] and "Another call" in welcome.body
    assert "/alerts/unsubscribe/" not in welcome.body
    assert digests.watches.get().call == other


def test_a_mail_server_refusing_the_welcome_does_not_undo_the_confirmation(client, finder, monkeypatch):
    subscribe(client, email="eliska@example.com")
    monkeypatch.setattr(mails, "EmailMultiAlternatives", RefusedMessage)
    confirm_from_mail(client, mail.outbox[0])
    assert Subscription.objects.filter(email="eliska@example.com").exists()


class RefusedMessage(EmailMultiAlternatives):
    def send(self, fail_silently: bool = False) -> int:
        raise SMTPRecipientsRefused({self.to[0]: (550, b"no")})
