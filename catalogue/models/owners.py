"""What the catalogue keeps about people who keep profiles, besides ``ProfileMember``: claims that
wait for a moderator, spent links, and the log of relay contacts.

- ``ClaimRequest``: someone confirmed their address and asks to keep a profile nobody keeps yet
  (imported from a mapping study); a moderator confirms or refuses the claim in the admin. A
  profile that has members is claimed through them instead (they admit the claimant).
- ``UsedLink``: a link that names no member yet (the one that creates a profile) is single-use by
  a record of its spent nonce, hashed; records go once the link would have expired anyway.
- ``ContactLog``: one row per message relayed to a profile's members, for the action plan's
  counts: the profile and the moment, never the message; the sender only as a keyed hash (to tell
  one sender from many), anonymised after ``CONTACT_RETENTION_MONTHS`` (the foundation's relay
  log, ``kreativ.models.relay.ContactLogBase``, with the profile).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kreativ.models.relay import ContactLogBase


class ClaimRequest(models.Model):
    """A request, by a confirmed e-mail address, to keep a profile that has no members yet."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for a moderator")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    profile = models.ForeignKey(
        "catalogue.Profile", verbose_name=_("profile"), on_delete=models.CASCADE, related_name="claims"
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="cs")
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(
        _("who they are"), blank=True, help_text=_("What the claimant wrote about their tie to the profile.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("profile claim")
        verbose_name_plural = _("profile claims")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.profile} ({self.get_status_display()})"


class UsedLink(models.Model):
    """A spent single-use link that names no member (its nonce's SHA-256, nothing personal)."""

    digest = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.digest[:12]}… {self.used_at:%Y-%m-%d %H:%M}"


class ContactLog(ContactLogBase):
    """One relayed message: to which profile and when (no body, no address; ``kreativ.relay``)."""

    profile = models.ForeignKey(
        "catalogue.Profile",
        verbose_name=_("profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )

    class Meta(ContactLogBase.Meta):
        verbose_name = _("relayed contact")
        verbose_name_plural = _("relayed contacts")

    def __str__(self) -> str:
        return f"{self.profile or '—'} {self.sent_at:%Y-%m-%d %H:%M}"
