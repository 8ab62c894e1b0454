"""Profiles nobody keeps have the moderators for their keepers.

An organisation imported from a mapping study and published by a moderator has no members: nobody
would ever be asked to confirm it, and it would leave public view 13 months later, unnoticed. So:

- publishing a profile that has no members confirms it (``on_published``, on Wagtail's
  ``published`` signal: only moderators, and the office's own code on their behalf, publish a
  profile; an owner's edit waits for them). A profile with members is confirmed by its owners only;
- the daily ``catalogue:confirmation-requests`` schedule (``catalogue.owners.confirmation``) sends
  the moderators one digest of the unkept live profiles due (confirmed ``ASK_AFTER_MONTHS`` ago, not
  asked since), with their admin links, and marks them asked (``ask_moderators``);
- a moderator confirms one in a click on its edit form (``ProfileViewSet.confirm_view``); the
  dashboard panel counts those due or already hidden and links to the listing's filter (``to_confirm``).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.signals import published

from catalogue.models import Profile
from catalogue.public import facet_index
from kreativ.mails import message
from kreativ.sites import absolute

logger = logging.getLogger(__name__)
# Who keeps the profiles nobody keeps: whoever may publish a profile.
MODERATION_PERMISSION = "catalogue.publish_profile"


def to_confirm(now: dt.datetime | None = None):
    """Live profiles nobody keeps, confirmed ``ASK_AFTER_MONTHS`` ago or longer: due, or already
    hidden (``Profile.objects.unconfirmed``) for want of a confirmation."""
    return Profile.objects.unkept().filter(live=True).confirmation_due(now)


def due(now: dt.datetime | None = None):
    """The unkept profiles to tell the moderators of: to confirm, and not asked about since."""
    return to_confirm(now).not_asked_since_confirmed()


def moderators() -> list[str]:
    """The addresses of the active users who may publish profiles (the digest's recipients)."""
    users = get_user_model().objects.with_perm(MODERATION_PERMISSION, is_active=True)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def ask_moderators(now: dt.datetime | None = None) -> int:
    """One e-mail to the moderators listing the unkept profiles due, each marked asked; returns
    how many profiles it listed (none due, or no moderator with an address: nothing is sent nor
    marked, so the next run tries again)."""
    now = now or timezone.now()
    profiles = list(due(now).order_by("confirmed_at", "name"))
    recipients = moderators()
    if not profiles or not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "profiles": [(profile, _edit_url(profile)) for profile in profiles],
            "hidden": set(Profile.objects.unconfirmed(now).filter(pk__in=[p.pk for p in profiles])),
            "listing_url": absolute(reverse("wagtailsnippets_catalogue_profile:list") + "?moderation=to_confirm"),
        }
        subject = _("Profiles nobody keeps wait for your confirmation")
        try:
            message(recipients, subject, "catalogue/email/unkept_digest", context, None).send()
        except Exception as error:  # the SMTP server refused or could not be reached: try again tomorrow
            logger.warning("The digest of unkept profiles failed: %s", error)
            return 0
    Profile.objects.filter(pk__in=[profile.pk for profile in profiles]).update(confirmation_requested_at=now)
    return len(profiles)


def _edit_url(profile: Profile) -> str:
    return absolute(reverse("wagtailsnippets_catalogue_profile:edit", args=[profile.pk]))


def on_published(sender, instance: Profile, **kwargs) -> None:
    """A profile nobody keeps, published, is confirmed by that (the moderator vouches for it)."""
    if not instance.members.exists():
        instance.confirmed_at = Profile.objects.filter(pk=instance.pk).confirm()


class Kept(Exception):
    """The profile has members: only they confirm it."""


def confirm(profile: Profile, user) -> None:
    """A moderator confirms a profile nobody keeps (the admin's one click), logged on the profile."""
    if profile.members.exists():
        raise Kept
    profile.confirmed_at = Profile.objects.filter(pk=profile.pk).confirm()
    log(profile, "catalogue.confirmed_by_moderator", user=user)
    facet_index.invalidate()  # a hidden profile is back in the public catalogue at once


def connect() -> None:
    published.connect(on_published, sender=Profile, dispatch_uid="catalogue-unkept-published")
