"""A digest through a real SMTP server on loopback (aiosmtpd), read back with Python's ``email``."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re
import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings
from django.utils import timezone

from kreativ.models import Sector
from opportunities.alerts.digests import send_alerts
from opportunities.models import FundingCall, Subscription
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            DEFAULT_FROM_EMAIL="Kreativní Olomoucko <radar@kreativ.example>",
        ):
            yield inbox
    finally:
        controller.stop()


def test_digest_over_smtp(client, finder, publish, smtp_server):
    subscription = Subscription.objects.create(
        email="jana@example.com",
        frequency="daily",
        language="cs",
        new_calls_since=timezone.now() - dt.timedelta(hours=1),
    )
    subscription.sectors.set([Sector.objects.get(slug="music")])
    call = publish(make_item("music", title="Podpora exportu hudby – Česko", sectors=["music"]))

    assert send_alerts("daily").sent == 1
    [(sender, recipients, raw)] = smtp_server.messages
    assert sender == "radar@kreativ.example" and recipients == ["jana@example.com"]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["To"] == "jana@example.com"
    assert "Kreativ" in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<(https?://[^>]+)>", message["List-Unsubscribe"].strip()).group(1)
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Podpora exportu hudby – Česko" in text and "Podpora exportu hudby – Česko" in html
    call_link = f"/cs/dotace/calls/{FundingCall.objects.get(pk=call.pk).slug}/"
    assert call_link in text and call_link in html
    assert unsubscribe in text and unsubscribe.replace("&", "&amp;") in html
    assert "/alerts/manage/" in text

    # One click from the header: a POST without cookies or CSRF token, as mail clients send it.
    path = unsubscribe.split("://", 1)[1].split("/", 1)[1]
    client.handler.enforce_csrf_checks = True
    assert (
        client.post(
            "/" + path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 200
    )
    assert not Subscription.objects.exists()
