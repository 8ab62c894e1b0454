"""A message relayed: e-mailed to each recipient in their language, answerable to the sender
(``Reply-To``), and logged by the target under the sender's pseudonym when at least one went."""

from __future__ import annotations

import hashlib
import hmac
import logging

from django.conf import settings
from django.utils import translation
from wagtail.models import Site

from kreativ.mails import message
from kreativ.relay.targets import RelayTarget

logger = logging.getLogger(__name__)


def pseudonym(email: str, namespace: str) -> str:
    """The sender as a log keeps them: a keyed hash, the same for the same address (in any case)
    within ``namespace``, unrelated across namespaces."""
    key = hashlib.sha256(f"{namespace}:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def send(target: RelayTarget, name: str, email: str, text: str, site: Site | None) -> int:
    """E-mails the message to each recipient, in their language; returns how many went (a refused
    or unreachable mail server is logged, not raised: the others still go)."""
    sent = 0
    for recipient in target.recipients():
        with translation.override(recipient.language):
            context = {
                **target.context(),
                "relay_target": target,
                "label": target.label,
                "sender_name": name,
                "sender_email": email,
                "text": text,
            }
            subject, template = target.subject(), target.mail_template
            mail = message(recipient.email, subject, template, context, site, reply_to=[email], automatic=False)
            try:
                sent += mail.send()
            except Exception as error:  # the SMTP server refused or could not be reached
                logger.warning("Relay to a recipient of %s %s failed: %s", target.kind, target.key, error)
    return sent


def relay(target: RelayTarget, name: str, email: str, text: str, language: str, site: Site | None) -> int:
    """Sends the message and, when any recipient got it, logs it; returns how many went."""
    sent = send(target, name, email, text, site)
    if sent:
        target.log(language, pseudonym(email, target.namespace))
    return sent
