"""The catalogue's retention periods, run daily by the django-q2 schedule ``catalogue:retention``
(created by the migration ``0005_owners_and_moderation``):

- relayed contacts: the sender's pseudonym goes after ``CONTACT_RETENTION_MONTHS`` (24; the
  foundation's ``kreativ.relay.retention``); the row (profile, moment) stays for the action plan's counts;
- claims a moderator decided on go after ``CLAIM_RETENTION_DAYS``;
- records of spent links go once the link would have expired anyway.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from catalogue.models import ClaimRequest, ContactLog, UsedLink
from kreativ.relay.retention import anonymise_contacts

CLAIM_RETENTION_DAYS = 90


def apply_retention(now: dt.datetime | None = None) -> dict[str, int]:
    """Anonymises and deletes what is past its period; returns how many of each."""
    now = now or timezone.now()
    anonymised = anonymise_contacts(ContactLog, now)
    claims, _ = (
        ClaimRequest.objects.filter(decided_at__lt=now - dt.timedelta(days=CLAIM_RETENTION_DAYS))
        .exclude(status=ClaimRequest.Status.WAITING)
        .delete()
    )
    links, _ = UsedLink.objects.filter(
        used_at__lt=now - dt.timedelta(seconds=settings.CATALOGUE_LINK_MAX_AGE) - dt.timedelta(days=1)
    ).delete()
    return {"contacts_anonymised": anonymised, "claims_deleted": claims, "links_forgotten": links}
