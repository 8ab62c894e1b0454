"""Once a year the owners confirm their profile is still right: the django-q2 schedule
``catalogue:confirmation-requests`` (daily, created by the migration ``0005_owners_and_moderation``)
e-mails every member of a profile confirmed ``ASK_AFTER_MONTHS`` ago a link that confirms it in one
click. A profile not confirmed for ``CONFIRMATION_MONTHS`` (13) leaves public view
(``Profile.objects.public()``), kept, until an owner confirms it: by that link, by the button on
their page, or by any edit.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q
from django.utils import timezone

from catalogue.models import Profile
from catalogue.owners import mails
from kreativ.personal_data import retention_cutoff

ASK_AFTER_MONTHS = 12


def due(now: dt.datetime | None = None):
    """Profiles with members, confirmed ``ASK_AFTER_MONTHS`` ago or longer, not asked since."""
    cutoff = retention_cutoff(ASK_AFTER_MONTHS, now)
    return (
        Profile.objects.filter(confirmed_at__lte=cutoff, merged_into__isnull=True, members__isnull=False)
        .filter(Q(confirmation_requested_at__isnull=True) | Q(confirmation_requested_at__lt=F("confirmed_at")))
        .distinct()
    )


def request_confirmations(now: dt.datetime | None = None) -> int:
    """E-mails the confirmation link to the members of every profile due; returns how many profiles."""
    now = now or timezone.now()
    count = 0
    for profile in due(now).prefetch_related("members"):
        for member in profile.members.all():
            mails.send_confirmation_request(member)
        Profile.objects.filter(pk=profile.pk).update(confirmation_requested_at=now)
        count += 1
    return count


def confirm(profile: Profile, now: dt.datetime | None = None) -> None:
    """The owners say the profile is still right: public again (if it was live) for 13 months."""
    profile.confirmed_at = now or timezone.now()
    Profile.objects.filter(pk=profile.pk).update(confirmed_at=profile.confirmed_at)
