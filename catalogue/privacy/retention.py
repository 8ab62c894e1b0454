"""The catalogue's retention periods, run daily by the django-q2 schedule ``catalogue:retention``
(created by the migration ``0005_owners_and_moderation``):

- relayed contacts: the sender's pseudonym goes after ``CONTACT_RETENTION_MONTHS`` (24); the row
  (profile, moment) stays for the action plan's counts;
- claims a moderator decided on go after ``CLAIM_RETENTION_DAYS``;
- records of spent links go once the link would have expired anyway.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from catalogue.models import ClaimRequest, ContactLog, UsedLink
from catalogue.models.owners import CONTACT_RETENTION_MONTHS
from kreativ.personal_data import retention_cutoff

CLAIM_RETENTION_DAYS = 90


def apply_retention(now: dt.datetime | None = None) -> dict[str, int]:
    """Anonymises and deletes what is past its period; returns how many of each."""
    now = now or timezone.now()
    anonymised = ContactLog.objects.filter(
        sent_at__lt=retention_cutoff(CONTACT_RETENTION_MONTHS, now), anonymised_at__isnull=True
    ).update(sender="", anonymised_at=now)
    claims, _ = (
        ClaimRequest.objects.filter(decided_at__lt=now - dt.timedelta(days=CLAIM_RETENTION_DAYS))
        .exclude(status=ClaimRequest.Status.WAITING)
        .delete()
    )
    links, _ = UsedLink.objects.filter(
        used_at__lt=now - dt.timedelta(seconds=settings.CATALOGUE_LINK_MAX_AGE) - dt.timedelta(days=1)
    ).delete()
    return {"contacts_anonymised": anonymised, "claims_deleted": claims, "links_forgotten": links}
