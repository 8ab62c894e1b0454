"""The e-mails a reader's own action brings, one at a time: the link that confirms a subscription,
and once it is confirmed, the welcome that keeps the links to manage and stop it.

Digests and reminders, sent to many at once, are composed in ``digests``. Both kinds are written
in the subscriber's language (``translation.override``), as plain text with an HTML alternative,
and carry the name of the office's site the alert was made on, whose address their links are on.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from kreativ.mails import message as compose
from opportunities.alerts import links
from opportunities.models import FundingCall, Subscription

logger = logging.getLogger(__name__)

SUMMARY = "opportunities/alerts/email/_summary.txt"  # what an alert sends, one line per filter


def _message(
    to: str, subject: str, template: str, context: dict[str, Any], site: Site | None
) -> EmailMultiAlternatives:
    """A plain-text e-mail with its HTML alternative, rendered in the active language (``kreativ.mails``)."""
    return compose(to, subject, f"opportunities/alerts/email/{template}", context, site)


def send_confirmation(email: str, wish: dict[str, Any], url: str, site: Site | None = None) -> None:
    """The double opt-in: ``url`` (on the site the reader asked on) carries the signed wish;
    nothing is stored until it is followed."""
    call = FundingCall.objects.filter(pk=wish.get("watch"), live=True).first() if wish.get("watch") else None
    with translation.override(wish["language"]):
        subject = _("Please confirm your funding alert") if not call else _("Please confirm the reminders for a call")
        _message(email, subject, "confirm", {"url": url, "wish": wish, "call": call}, site).send()


def welcome(subscription: Subscription, call: FundingCall | None = None) -> EmailMultiAlternatives:
    """The e-mail that confirms a new alert (or, with ``call``, a call newly watched under it).

    It holds the link to the address's page (valid ``ALERTS_MANAGE_LINK_MAX_AGE``; every later
    e-mail brings a fresh one) and the link that stops this alert. For a call watched under an
    alert that also sends digests, stopping that alert would stop the digests too, so the e-mail
    then points to the address's page, where the reminders of one call are stopped.
    """
    site = subscription.site
    with translation.override(subscription.language):
        reminders_only = subscription.frequency == Subscription.Frequency.REMINDERS
        context = {
            "subscription": subscription,
            "call": call,
            "call_url": links.call_url(call, subscription.language, site=site) if call is not None else None,
            "finder_url": None if reminders_only else links.finder_url(subscription),
            "manage_url": links.manage_url(subscription),
            "manage_days": settings.ALERTS_MANAGE_LINK_MAX_AGE // (24 * 3600),
            "unsubscribe_url": links.unsubscribe_url(subscription) if call is None or reminders_only else None,
            "summary": None if call is not None else render_to_string(SUMMARY, {"subscription": subscription}).strip(),
        }
        if call is None:
            subject = _("Your funding alert is on")
        else:
            subject = _("Reminders for “%(title)s” are on") % {"title": call.title}
        return _message(subscription.email, subject, "welcome", context, site)


def send_welcome(subscription: Subscription, call: FundingCall | None = None) -> bool:
    """Sends ``welcome``; the alert is confirmed either way, so a mail server's refusal is logged,
    not shown (the confirmation page links to the address's page too)."""
    try:
        return welcome(subscription, call).send() == 1
    except Exception as error:  # the SMTP server refused or could not be reached
        logger.warning("Welcome e-mail to subscription %s failed: %s", subscription.pk, error)
        return False
