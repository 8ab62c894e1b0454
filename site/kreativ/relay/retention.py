"""The relay's retention periods: a domain's contact log anonymised after 24 months (the rows stay
for the action plan's counts), held messages forgotten once their link has expired, confirmed
senders forgotten after 24 months without a message (then their next message asks again).

``anonymise_contacts`` is called by each domain's own retention (the catalogue's
``catalogue:retention``); ``apply_retention`` runs daily as the django-q2 schedule
``kreativ:relay-retention`` (created by the migration ``0005_relay``).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from kreativ.models import ConfirmedSender, ContactLogBase, HeldMessage
from kreativ.models.relay import CONTACT_RETENTION_MONTHS
from kreativ.personal_data import retention_cutoff


def anonymise_contacts(log: type[ContactLogBase], now: dt.datetime | None = None) -> int:
    """Takes the sender's pseudonym out of the log's rows older than the period; returns how many."""
    now = now or timezone.now()
    return log.objects.filter(
        sent_at__lt=retention_cutoff(CONTACT_RETENTION_MONTHS, now), anonymised_at__isnull=True
    ).update(sender="", anonymised_at=now)


def apply_retention(now: dt.datetime | None = None) -> dict[str, int]:
    """Deletes what the relay itself keeps past its period; returns how many of each."""
    now = now or timezone.now()
    expired = now - dt.timedelta(seconds=settings.KREATIV_RELAY_CONFIRM_MAX_AGE) - dt.timedelta(days=1)
    held, _ = HeldMessage.objects.filter(created_at__lt=expired).delete()
    senders, _ = ConfirmedSender.objects.filter(
        last_sent_at__lt=retention_cutoff(CONTACT_RETENTION_MONTHS, now)
    ).delete()
    return {"held_messages_deleted": held, "senders_forgotten": senders}
