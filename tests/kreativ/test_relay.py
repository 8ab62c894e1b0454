"""The foundation's relay contact form (``kreativ.relay``) on a small test recipient: no address
shown, each recipient in their language with ``Reply-To`` the sender, a count per contact under a
pseudonym, the honeypot and the limits per client and per target; the first-time confirmation of
the sender's address by a signed link (held, released once, expired or altered links refused);
retention; the registry of targets and the form tag."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from kreativ.models import ConfirmedSender, HeldMessage
from kreativ.relay import retention
from kreativ.relay.forms import RelayForm
from kreativ.relay.targets import Recipient, RelayTarget, target_class
from kreativ.templatetags.relay_tags import relay_form
from tests.conftest import t
from tests.kreativ import relay_support
from tests.kreativ.relay_support import LOG, NOTES, ConfirmedNote, Note

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.kreativ.relay_support")]

NOTE = "/cs/notes/harfa/"
CONFIRMED = "/cs/confirmed-notes/harfa/"
MESSAGE = {"name": "Petr", "email": "Petr@Example.org", "message": "Dobrý den, máte volný termín?"}
LINK = re.compile(r"https?://\S+/relay/confirm/\S+/")


@pytest.fixture(autouse=True)
def notes(settings, home):
    settings.TEST_NOTE_RATE_PER_NOTE = 10
    settings.TEST_NOTE_RATE_PER_CLIENT = 5
    NOTES.clear()
    LOG.clear()
    NOTES["harfa"] = [Recipient("hidden.one@example.org", "cs"), Recipient("hidden.two@example.org", "sl")]
    cache.clear()
    yield
    cache.clear()
    NOTES.clear()
    LOG.clear()


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


# --- the relay ---------------------------------------------------------------------------------


def test_a_message_goes_to_each_recipient_in_their_language_answerable_to_the_sender(client):
    page = client.get(NOTE)
    assert page.status_code == 200 and b"hidden." not in page.content
    assert b'action="/cs/notes/harfa/"' in page.content and b'name="website"' in page.content
    response = client.post(NOTE, MESSAGE)
    assert response.status_code == 200 and b"hidden." not in response.content
    assert t("Your message is sent") in response.content.decode()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"hidden.one@example.org", "hidden.two@example.org"}
    for address, language in (("hidden.one@example.org", "cs"), ("hidden.two@example.org", "sl")):
        message = by_address[address]
        assert message.reply_to == ["Petr@Example.org"] and "Auto-Submitted" not in message.extra_headers
        assert t("A message through “%(name)s”", language, name="Note harfa") in message.subject
        assert "máte volný termín" in message.body
    # One contact counted, the sender as a keyed hash that is the same in any case.
    (logged,) = LOG
    assert logged[:2] == ("harfa", "cs") and "petr" not in logged[2].lower()
    client.post(NOTE, {**MESSAGE, "email": "petr@example.org"})
    assert LOG[1][2] == logged[2]


def test_bad_input_comes_back_kept_and_sends_nothing(client):
    response = client.post(NOTE, {**MESSAGE, "email": "not an address"})
    assert response.status_code == 400 and "máte volný termín" in response.content.decode()
    assert client.get("/cs/notes/nobody/").status_code == 404
    NOTES["empty"] = []
    response = client.post("/cs/notes/empty/", MESSAGE)
    assert response.status_code == 409 and t("Nobody can be written to here yet.") in response.content.decode()
    assert mail.outbox == [] and LOG == []


def test_a_bots_message_is_answered_as_sent_and_goes_nowhere(client):
    response = client.post(NOTE, {**MESSAGE, "website": "http://spam.example"})
    assert response.status_code == 200 and t("Your message is sent") in response.content.decode()
    assert mail.outbox == [] and LOG == []


def test_limits_per_client_and_per_target_keep_the_message(client, settings):
    settings.TEST_NOTE_RATE_PER_CLIENT = 1
    assert client.post(NOTE, MESSAGE).status_code == 200
    refused = client.post(NOTE, MESSAGE)
    assert refused.status_code == 429 and "máte volný termín" in refused.content.decode()
    assert len(LOG) == 1
    settings.TEST_NOTE_RATE_PER_CLIENT = 100
    settings.TEST_NOTE_RATE_PER_NOTE = 1
    cache.clear()
    assert client.post(NOTE, MESSAGE, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.post(NOTE, MESSAGE, REMOTE_ADDR="10.0.0.2").status_code == 429
    assert len(LOG) == 2


# --- the sender confirms their address the first time ------------------------------------------


def _held_link() -> str:
    (message,) = [m for m in mail.outbox if m.to == ["Petr@Example.org"]]
    (link,) = LINK.findall(message.body)
    return _path(link)


def test_a_first_message_waits_for_the_senders_link_and_later_ones_go_at_once(client):
    response = client.post(CONFIRMED, MESSAGE)
    assert response.status_code == 200 and t("Confirm your address") in response.content.decode()
    assert [m.to for m in mail.outbox] == [["Petr@Example.org"]]  # only the link to the sender
    assert LOG == [] and HeldMessage.objects.count() == 1
    link = _held_link()
    assert t("Confirm your message to “%(name)s”", name="Note harfa") in mail.outbox[0].subject
    mail.outbox.clear()
    # Opening the link (a mail scanner does) sends nothing; its button does.
    page = client.get(link)
    assert page.status_code == 200 and mail.outbox == []
    sent = client.post(link)
    assert sent.status_code == 200 and t("Your message is sent") in sent.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == ["hidden.one@example.org", "hidden.two@example.org"]
    assert all(m.reply_to == ["Petr@Example.org"] and "máte volný termín" in m.body for m in mail.outbox)
    assert len(LOG) == 1 and not HeldMessage.objects.exists() and ConfirmedSender.objects.count() == 1
    # The link works once.
    again = client.post(link)
    assert again.status_code == 410 and again.context["reason"] == "used"
    assert len(LOG) == 1
    # Later messages of the same address (in any case) go at once.
    mail.outbox.clear()
    assert client.post(CONFIRMED, {**MESSAGE, "email": "petr@example.org"}).status_code == 200
    assert sorted(m.to[0] for m in mail.outbox) == ["hidden.one@example.org", "hidden.two@example.org"]
    assert len(LOG) == 2 and not HeldMessage.objects.exists()


def test_two_messages_held_before_confirming_each_go_with_their_own_link(client):
    client.post(CONFIRMED, MESSAGE)
    client.post(CONFIRMED, {**MESSAGE, "message": "A ještě jedna otázka."})
    first, second = (_path(LINK.findall(m.body)[0]) for m in mail.outbox)
    assert client.post(first).status_code == 200 and client.post(second).status_code == 200
    assert len(LOG) == 2


def test_an_expired_link_is_refused_with_a_message_and_sends_nothing(client):
    client.post(CONFIRMED, MESSAGE)
    link = _held_link()
    mail.outbox.clear()
    with override_settings(KREATIV_RELAY_CONFIRM_MAX_AGE=-1):
        response = client.post(link)
    assert response.status_code == 400 and response.context["reason"] == "expired"
    expired = "The link has expired, and your message was not sent. Please write it again: you get a new link."
    assert t(expired) in response.content.decode()
    assert mail.outbox == [] and LOG == [] and not ConfirmedSender.objects.exists()


def test_an_altered_link_or_a_target_gone_is_refused(client):
    client.post(CONFIRMED, MESSAGE)
    link = _held_link()
    altered = client.get(link[:-3] + "xx/")
    assert altered.status_code == 400 and altered.context["reason"] == "invalid"
    del NOTES["harfa"]
    gone = client.post(link)
    assert gone.status_code == 410 and gone.context["reason"] == "gone"
    assert LOG == [] and HeldMessage.objects.count() == 1  # kept until its link expires


def test_confirmation_links_to_one_address_are_limited(client, settings):
    settings.KREATIV_RELAY_CONFIRM_RATE_PER_ADDRESS = 1
    assert client.post(CONFIRMED, MESSAGE).status_code == 200
    refused = client.post(CONFIRMED, MESSAGE, REMOTE_ADDR="10.0.0.9")
    assert refused.status_code == 429 and "máte volný termín" in refused.content.decode()
    assert len(mail.outbox) == 1 and HeldMessage.objects.count() == 1


def test_the_catalogue_style_target_without_confirmation_holds_nothing(client):
    client.post(NOTE, MESSAGE)
    assert not HeldMessage.objects.exists() and not ConfirmedSender.objects.exists()


# --- retention, registry, form tag -------------------------------------------------------------


def test_held_messages_go_when_their_link_has_expired_and_senders_are_forgotten_after_24_months(client):
    now = timezone.now()
    client.post(CONFIRMED, MESSAGE)
    client.post(CONFIRMED, {**MESSAGE, "email": "other@example.org"})
    old, new = HeldMessage.objects.order_by("pk")
    HeldMessage.objects.filter(pk=old.pk).update(created_at=now - dt.timedelta(days=5))
    ConfirmedSender.objects.create(sender="a" * 64, last_sent_at=now - dt.timedelta(days=740))
    recent = ConfirmedSender.objects.create(sender="b" * 64, last_sent_at=now - dt.timedelta(days=700))
    assert retention.apply_retention(now) == {"held_messages_deleted": 1, "senders_forgotten": 1}
    assert list(HeldMessage.objects.all()) == [new]
    assert list(ConfirmedSender.objects.all()) == [recent]


def test_targets_are_registered_by_kind_and_a_kind_is_unique():
    assert target_class("test-note") is Note and target_class("test-confirmed-note") is ConfirmedNote
    assert target_class("no-such-kind") is None
    with pytest.raises(ValueError, match="test-note"):
        type("Impostor", (Note,), {"kind": "test-note", "__qualname__": "Impostor"})


class _OwnForm(RelayForm):
    pass


def test_the_form_tag_keeps_a_bound_form_of_the_targets_class_else_gives_a_new_one():
    target = Note("harfa")
    bound = RelayForm({"name": "x"})
    assert relay_form(bound, target) is bound
    assert type(relay_form("", target)) is RelayForm and not relay_form("", target).is_bound
    own = type("OwnNote", (Note,), {"kind": "test-own-note", "form_class": _OwnForm})("harfa")
    assert type(relay_form(bound, own)) is _OwnForm  # a form of another class is not reused
    assert isinstance(relay_support.Note.find("harfa"), RelayTarget)
