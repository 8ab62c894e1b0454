"""What the relay contact form (``kreativ.relay``) keeps: the log each domain counts its contacts
in, the messages that wait for their sender to confirm the address, and the senders who did.

- ``ContactLogBase``: abstract; each domain's log (the catalogue's ``ContactLog``, the exchange's)
  adds the foreign key to what was contacted, so that its counts and its erasure stay its own. A
  row is one relayed message: the moment and the language, never the message; the sender only as
  a keyed hash (to tell one sender from many), anonymised after ``CONTACT_RETENTION_MONTHS``.
- ``HeldMessage``: a sender's first message, when the target asks for confirmed senders; it goes
  once they open the link e-mailed to them, and is deleted then, or when the link has expired.
- ``ConfirmedSender``: an address (as a keyed hash) that confirmed once; its later messages go at
  once. Forgotten after ``CONTACT_RETENTION_MONTHS`` without a message.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CONTACT_RETENTION_MONTHS = 24


class ContactLogBase(models.Model):
    """One relayed message: when, in which language, from which pseudonymous sender."""

    sent_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    language = models.CharField(_("language"), max_length=5, blank=True)
    # A keyed hash of the sender's address: one sender writing often is visible, the address is not.
    sender = models.CharField(_("sender (pseudonymous)"), max_length=64, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-sent_at"]


class HeldMessage(models.Model):
    """A message waiting until its sender confirms their address (the link carries ``token``)."""

    kind = models.CharField(max_length=60)
    key = models.CharField(max_length=255)
    name = models.CharField(max_length=120)
    email = models.EmailField()
    message = models.TextField()
    language = models.CharField(max_length=5, choices=settings.LANGUAGES)
    site = models.ForeignKey("wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    token = models.CharField(max_length=43, unique=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("message waiting for its sender")
        verbose_name_plural = _("messages waiting for their senders")

    def __str__(self) -> str:
        return f"{self.kind} {self.key} {self.created_at:%Y-%m-%d %H:%M}"


class ConfirmedSender(models.Model):
    """An address that confirmed it can be answered (a keyed hash of it, nothing else)."""

    sender = models.CharField(max_length=64, unique=True)
    confirmed_at = models.DateTimeField(default=timezone.now)
    last_sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("confirmed sender")
        verbose_name_plural = _("confirmed senders")

    def __str__(self) -> str:
        return f"{self.sender[:12]}… {self.confirmed_at:%Y-%m-%d}"
