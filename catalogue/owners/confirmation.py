"""Once a year the owners confirm their profile is still right: the django-q2 schedule
``catalogue:confirmation-requests`` (daily, created by the migration ``0005_owners_and_moderation``)
e-mails every member of a profile confirmed ``ASK_AFTER_MONTHS`` ago a link that confirms it in one
click. A profile not confirmed for ``CONFIRMATION_MONTHS`` (13) leaves public view
(``Profile.objects.public()``), kept, until an owner confirms it: by that link, by the button on
their page, or by any edit.

A profile nobody keeps has the moderators for its keepers: the same schedule tells them of those
due, in one digest (``catalogue.moderation.unkept``).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from catalogue.models import Profile
from catalogue.models.profiles import ASK_AFTER_MONTHS
from catalogue.moderation import unkept
from catalogue.owners import mails
from catalogue.public import facet_index

__all__ = ["ASK_AFTER_MONTHS", "confirm", "due", "request_confirmations"]


def due(now: dt.datetime | None = None):
    """Profiles with members, confirmed ``ASK_AFTER_MONTHS`` ago or longer, not asked since."""
    return Profile.objects.confirmation_due(now).not_asked_since_confirmed().filter(members__isnull=False).distinct()


def request_confirmations(now: dt.datetime | None = None) -> int:
    """E-mails the confirmation link to the members of every profile due, and the moderators the
    digest of the unkept ones due; returns how many profiles were asked about."""
    now = now or timezone.now()
    count = 0
    for profile in due(now).prefetch_related("members"):
        for member in profile.members.all():
            mails.send_confirmation_request(member)
        Profile.objects.filter(pk=profile.pk).update(confirmation_requested_at=now)
        count += 1
    return count + unkept.ask_moderators(now)


def confirm(profile: Profile, now: dt.datetime | None = None) -> None:
    """The owners say the profile is still right: public again (if it was live) for 13 months."""
    profile.confirmed_at = Profile.objects.filter(pk=profile.pk).confirm(now)
    facet_index.invalidate()  # a hidden profile is back in the public catalogue at once
