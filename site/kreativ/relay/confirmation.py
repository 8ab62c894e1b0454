"""The sender confirms their address the first time (a target's ``confirm_sender``).

A first message from an address that never confirmed is held (``HeldMessage``) and the sender is
e-mailed a signed link (``kreativ.signed_links``, valid ``KREATIV_RELAY_CONFIRM_MAX_AGE``); opening
it and pressing its button relays the message, deletes the held copy and records the address as
confirmed (``ConfirmedSender``, a keyed hash), so that its later messages go at once. A link works
once (the held message is gone after it), expires, and is refused when altered. Whoever typed
somebody else's address in the form gets nothing relayed: only that address's owner can confirm.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from kreativ.mails import message
from kreativ.models import ConfirmedSender, HeldMessage
from kreativ.relay import sending
from kreativ.relay.targets import RelayTarget, target_class
from kreativ.signed_links import USED, BadLink, SignedLinks, lifetime
from kreativ.sites import absolute

LINKS = SignedLinks("kreativ.relay")
PURPOSE = "confirm"
NAMESPACE = "kreativ.relay.senders"  # the confirmed senders' pseudonyms, apart from every log's
GONE = "gone"  # the target was deleted or left public view since the message was held


def _sender(email: str) -> str:
    return sending.pseudonym(email, NAMESPACE)


def is_confirmed(email: str) -> bool:
    """Whether this address confirmed a message before (and is not forgotten yet)."""
    return ConfirmedSender.objects.filter(sender=_sender(email)).exists()


def note_sent(email: str) -> None:
    """A confirmed sender wrote again: they are remembered from now on."""
    ConfirmedSender.objects.filter(sender=_sender(email)).update(last_sent_at=timezone.now())


def link_for(held: HeldMessage, request: HttpRequest | None = None) -> str:
    """The absolute confirmation link of a held message, in the active language."""
    token = LINKS.dumps({"t": held.token}, PURPOSE)
    return absolute(reverse("relay:confirm", args=[token]), held.site, request)


def hold(target: RelayTarget, name: str, email: str, text: str, request: HttpRequest, site: Site | None) -> HeldMessage:
    """Keeps the message and e-mails its sender the link that releases it, in the active language."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    held = HeldMessage.objects.create(
        kind=target.kind,
        key=target.key,
        name=name,
        email=email,
        message=text,
        language=language,
        site=site,
        token=secrets.token_urlsafe(32),
    )
    subject = _("Confirm your message to “%(name)s”") % {"name": target.label}
    context = {
        "label": target.label,
        "sender_name": name,
        "text": text,
        "link": link_for(held, request),
        "lifetime": lifetime(settings.KREATIV_RELAY_CONFIRM_MAX_AGE),
    }
    message(email, subject, "relay/email/confirm", context, site).send()
    return held


def held_message(token: str) -> HeldMessage:
    """The message a link releases; ``BadLink`` when it was altered, expired or used."""
    data = LINKS.loads(token, PURPOSE, settings.KREATIV_RELAY_CONFIRM_MAX_AGE)
    held = HeldMessage.objects.filter(token=str(data.get("t", ""))).first() if isinstance(data, dict) else None
    if held is None:
        raise BadLink(USED)
    return held


def target_of(held: HeldMessage) -> RelayTarget:
    """What the held message was written to, still public; ``BadLink("gone")`` if no longer."""
    kind = target_class(held.kind)
    target = kind.find(held.key) if kind is not None else None
    if target is None or not target.recipients():
        raise BadLink(GONE)
    return target


def release(held: HeldMessage, target: RelayTarget) -> int:
    """Relays the held message once (a second click finds it gone), confirms its sender; returns
    how many recipients got it."""
    with transaction.atomic():
        taken, _counts = HeldMessage.objects.filter(pk=held.pk).delete()
        if not taken:
            raise BadLink(USED)
        ConfirmedSender.objects.update_or_create(sender=_sender(held.email), defaults={"last_sent_at": timezone.now()})
    return sending.relay(target, held.name, held.email, held.message, held.language, held.site)
