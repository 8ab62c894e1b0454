"""A poster without a catalogue profile (a firm, a municipality) proves their address the
no-account way: a signed link e-mailed to it (``exchange.tokens``, purpose ``confirm``), followed
and confirmed by a button. Until then their listings are not public (``Listing.objects.public``)
and they get no reminders. The posting form (a later part of the exchange) calls
``send_confirmation`` once it has saved the poster and their listing; the link's page
(``exchange.views.link``) calls ``confirm``.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from exchange import tokens
from exchange.models import Poster
from kreativ.mails import message
from kreativ.signed_links import lifetime
from kreativ.sites import absolute, default_site

logger = logging.getLogger(__name__)


def confirmation_url(poster: Poster, request: HttpRequest | None = None) -> str:
    """The absolute address of the poster's confirmation link, in their language, on their site."""
    with translation.override(poster.language):
        path = reverse("exchange:link", args=["confirm", tokens.poster_token(poster)])
    return absolute(path, poster.site or default_site(), request)


def send_confirmation(poster: Poster, request: HttpRequest | None = None) -> bool:
    """E-mails the poster the link that confirms their address; False when the mail server refused
    (logged; nothing is lost: the form can send it again)."""
    with translation.override(poster.language):
        context = {
            "poster": poster,
            "url": confirmation_url(poster, request),
            "link_lifetime": lifetime(settings.EXCHANGE_POSTER_LINK_MAX_AGE),
        }
        subject = _("Confirm your address to publish your listing")
        try:
            site = poster.site or default_site()
            return message(poster.email, subject, "exchange/email/confirm_poster", context, site).send() == 1
        except Exception as error:  # the SMTP server refused or could not be reached
            logger.warning("Poster confirmation e-mail failed: %s", error)
            return False


def confirm(poster: Poster) -> None:
    """The poster's address is confirmed (once: a second use of the link is refused as used)."""
    if poster.confirmed_at is None:
        poster.confirmed_at = timezone.now()
        Poster.objects.filter(pk=poster.pk).update(confirmed_at=poster.confirmed_at)
        for listing in poster.listings.all():
            log(listing, "exchange.poster_confirmed")
