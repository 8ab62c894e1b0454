"""A listing's life cycle: it runs, its poster is reminded before it ends, it is renewed or closed,
it ends and leaves public view (docs/exchange.md, "Life cycle").

- A new listing runs ``EXCHANGE_LISTING_DAYS`` (90) from its first publication (``on_published``);
  a partner search no later than its call's next deadline; a challenge until its own deadline
  (``Listing.initial_end``).
- ``renew`` adds ``EXCHANGE_LISTING_DAYS`` from the later of now and its end, never past its limit
  (``Listing.end_limit``: a partner search's call deadline, a challenge's deadline); ``close`` ends
  it at once. Both act beside the revisions (no moderation: the text does not change) and are
  logged on the listing.
- The daily django-q2 schedule ``exchange:reminders`` (``send_reminders``, created by the
  migration ``0001_initial``) first brings a partner search's end forward when its call's next
  deadline moved earlier, then e-mails the poster ``EXCHANGE_REMINDER_DAYS`` (7) days before the
  end and on the last day, each once (``reminded_before_at``, ``reminded_on_day_at``; a renewal
  makes both due again), with the signed links that renew or close it (``exchange.tokens``).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import Site

from exchange import tokens
from exchange.models import Listing, ListingKind
from exchange.models.listings import listing_days
from kreativ.mails import message
from kreativ.signed_links import lifetime
from kreativ.sites import absolute, default_site

logger = logging.getLogger(__name__)
NOT_RUNNING = gettext_lazy("This listing was closed or taken down: it cannot be renewed.")
LIMIT_PASSED = gettext_lazy("The deadline this listing runs to has passed: it cannot be renewed.")
AT_LIMIT = gettext_lazy("This listing already runs until its deadline, the latest it can.")


class CannotRenew(Exception):
    """Why a listing cannot be renewed, in the reader's language (``str(error)``)."""


# --- the first publication -----------------------------------------------------------------


def on_published(sender, instance: Listing, **kwargs) -> None:
    """A listing's days count from its first publication, not from the day it was posted: the
    time it waited for a moderator is not taken from it (Wagtail's ``published`` signal)."""
    if instance.first_published_at is None or instance.first_published_at != instance.last_published_at:
        return  # published before: a later version keeps the end it has
    end = instance.initial_end(instance.first_published_at)
    if end != instance.valid_until:
        Listing.objects.filter(pk=instance.pk).update(valid_until=end)
        instance.valid_until = end


def connect() -> None:
    from wagtail.signals import published

    published.connect(on_published, sender=Listing, dispatch_uid="exchange-first-publication")


# --- renew and close -----------------------------------------------------------------------------


def renewed_end(listing: Listing, now: dt.datetime | None = None) -> dt.datetime:
    """Where a renewal would move the listing's end; CannotRenew when it cannot move it."""
    now = now or timezone.now()
    if listing.closed_at or listing.taken_down_at:
        raise CannotRenew(str(NOT_RUNNING))
    if listing.limit_passed(now):
        raise CannotRenew(str(LIMIT_PASSED))
    limit = listing.end_limit(now)
    end = max(now, listing.valid_until or now) + listing_days()
    if limit is not None:
        end = min(end, limit)
    if listing.valid_until is not None and end <= listing.valid_until:
        raise CannotRenew(str(AT_LIMIT))
    return end


def renew(listing: Listing, now: dt.datetime | None = None, user=None) -> dt.datetime:
    """Renews the listing (see ``renewed_end``); its reminders are due again before the new end."""
    end = renewed_end(listing, now)
    Listing.objects.filter(pk=listing.pk).update(valid_until=end, reminded_before_at=None, reminded_on_day_at=None)
    listing.valid_until, listing.reminded_before_at, listing.reminded_on_day_at = end, None, None
    log(listing, "exchange.renewed", user=user)
    return end


def close(listing: Listing, now: dt.datetime | None = None, user=None) -> None:
    """The poster ends the listing at once: it leaves public view (kept, with its history)."""
    if listing.closed_at:
        return
    listing.closed_at = now or timezone.now()
    Listing.objects.filter(pk=listing.pk).update(closed_at=listing.closed_at)
    log(listing, "exchange.closed", user=user)


# --- the daily schedule ----------------------------------------------------------------------


def _day_start(now: dt.datetime) -> dt.datetime:
    local = timezone.localtime(now)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def remindable():
    """Live listings still open to their poster: not closed, not taken down, poster known."""
    return Listing.objects.filter(live=True, closed_at__isnull=True, taken_down_at__isnull=True).exclude(
        poster__isnull=False, poster__confirmed_at__isnull=True
    )


def due_on_day(now: dt.datetime | None = None):
    """Listings that end today (the site's time zone), not yet reminded on the day."""
    start = _day_start(now or timezone.now())
    return remindable().filter(
        valid_until__gte=start, valid_until__lt=start + dt.timedelta(days=1), reminded_on_day_at__isnull=True
    )


def due_before(now: dt.datetime | None = None):
    """Listings that end after today and within ``EXCHANGE_REMINDER_DAYS`` days, not yet reminded."""
    start = _day_start(now or timezone.now())
    tomorrow = start + dt.timedelta(days=1)
    last = start + dt.timedelta(days=settings.EXCHANGE_REMINDER_DAYS + 1)
    return remindable().filter(valid_until__gte=tomorrow, valid_until__lt=last, reminded_before_at__isnull=True)


def follow_call_deadlines(now: dt.datetime | None = None) -> int:
    """Running partner searches end no later than their call's next deadline, even when a crawl
    moved it earlier; returns how many ends moved."""
    now = now or timezone.now()
    moved = 0
    searches = Listing.objects.running(now).filter(kind=ListingKind.PARTNER_SEARCH, funding_call__isnull=False)
    for listing in searches.select_related("funding_call").prefetch_related("funding_call__deadlines"):
        limit = now if listing.limit_passed(now) else (listing.end_limit(now) or listing.valid_until)
        if limit < listing.valid_until:
            Listing.objects.filter(pk=listing.pk).update(valid_until=limit)
            moved += 1
    return moved


def send_reminders(now: dt.datetime | None = None) -> int:
    """The schedule's run: every reminder due, each once; returns how many listings were reminded.
    A listing whose e-mail the mail server refused is tried again on the next run."""
    now = now or timezone.now()
    follow_call_deadlines(now)
    count = 0
    for on_day, listings, field in (
        (True, due_on_day(now), "reminded_on_day_at"),
        (False, due_before(now), "reminded_before_at"),
    ):
        for listing in listings.select_related("poster", "profile"):
            if remind(listing, on_day=on_day):
                Listing.objects.filter(pk=listing.pk).update(**{field: now})
                count += 1
    return count


@dataclass
class Recipient:
    email: str
    language: str
    site: Site | None


def recipients(listing: Listing) -> list[Recipient]:
    """Who is told about a listing: its poster's confirmed address, or its profile's members, each
    with their language and office's site."""
    if listing.poster_id:
        poster = listing.poster
        found = [Recipient(poster.email, poster.language, poster.site)] if poster.is_confirmed else []
    elif listing.profile_id:
        found = [Recipient(m.email, m.language, m.site) for m in listing.profile.members.all()]
    else:
        found = []
    for recipient in found:  # one who chose no office hears from the default one
        recipient.site = recipient.site or default_site()
    return found


def link_url(listing: Listing, purpose: str, recipient: Recipient) -> str:
    token = tokens.listing_token(listing, purpose, recipient.language)
    with translation.override(recipient.language):
        return absolute(reverse("exchange:link", args=[purpose, token]), recipient.site)


def remind(listing: Listing, *, on_day: bool) -> bool:
    """E-mails the listing's reminder to each recipient; True when it was sent (or there is nobody
    to tell), False when the mail server refused it."""
    sent = True
    for recipient in recipients(listing):
        with translation.override(recipient.language):
            ends = formats.date_format(timezone.localtime(listing.valid_until), "DATE_FORMAT")
            if on_day:
                subject = _("Your listing “%(title)s” ends today") % {"title": listing.title}
            else:
                subject = _("Your listing “%(title)s” ends on %(date)s") % {"title": listing.title, "date": ends}
            context = {
                "listing": listing,
                "ends": ends,
                "on_day": on_day,
                "renew_url": link_url(listing, "renew", recipient),
                "close_url": link_url(listing, "close", recipient),
                "link_lifetime": lifetime(settings.EXCHANGE_LINK_MAX_AGE),
            }
            try:
                message(recipient.email, subject, "exchange/email/reminder", context, recipient.site).send()
            except Exception as error:  # the SMTP server refused or could not be reached: next run
                logger.warning("Reminder of listing %s failed: %s", listing.pk, error)
                sent = False
    return sent
