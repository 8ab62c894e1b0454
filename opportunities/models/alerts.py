"""Funding alerts: who wants to hear about which calls, what was sent, and which calls they watch.

A subscription is one alert: an e-mail address and the filters, frequency and language of the
e-mails it gets. An address may hold several, like the saved searches of the EU portal, each with
its own unsubscribe link and feeds; one link manages them all (``opportunities.alerts.addresses``).
A subscription exists only once its e-mail address is confirmed (the confirmation link carries
the wished filters, signed), so nothing is stored or sent for an address nobody confirmed. What has
been sent is kept as a log of digests; each subscription also keeps the moments up to which it
has been told about new calls, closing deadlines and reminders, so a repeated or interrupted run
never sends it a call twice. A subscription remembers the office's site it was made on, so that
its e-mails link back to that site.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Subscription(models.Model):
    """One alert of a confirmed e-mail address: the calls it wants to hear about, and how often."""

    class Frequency(models.TextChoices):
        INSTANT = "instant", _("As soon as a call is approved")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")
        REMINDERS = "reminders", _("Only reminders for calls I watch")

    email = models.EmailField(_("e-mail"), db_index=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="cs")
    frequency = models.CharField(_("how often"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY)
    sectors = models.ManyToManyField("kreativ.Sector", verbose_name=_("sectors"), blank=True, related_name="+")
    regions = models.ManyToManyField("kreativ.Region", verbose_name=_("regions"), blank=True, related_name="+")
    applicant_types = models.ManyToManyField(
        "opportunities.ApplicantType", verbose_name=_("applicant types"), blank=True, related_name="+"
    )
    programmes = models.ManyToManyField(
        "opportunities.Programme", verbose_name=_("programmes"), blank=True, related_name="+"
    )
    keywords = models.CharField(
        _("keywords"), max_length=300, blank=True, help_text=_("Words to look for in calls, separated by commas.")
    )
    min_amount = models.DecimalField(
        _("minimum amount per project (EUR)"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind me this many days before a deadline"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    paused = models.BooleanField(_("paused"), default=False)
    # The office's site it was made on: its e-mails, sent later by the task queue with no request,
    # link to that site (its root_url), in the subscriber's language.
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    feed_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    confirmed_at = models.DateTimeField(_("confirmed"), default=timezone.now)
    new_calls_since = models.DateTimeField(default=timezone.now, help_text="Calls published after this are new to it.")
    closing_until = models.DateTimeField(
        default=timezone.now, help_text="Deadlines up to this were announced as closing."
    )
    reminders_until = models.DateTimeField(
        default=timezone.now, help_text="Watched deadlines up to this were reminded."
    )

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")

    def __str__(self) -> str:
        return self.email

    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]

    def export(self) -> dict[str, Any]:
        """Everything the portal keeps about this alert (the address's export holds one per alert)."""
        return {
            "language": self.language,
            "frequency": self.frequency,
            "sectors": sorted(s.slug for s in self.sectors.all()),
            "regions": sorted(r.slug for r in self.regions.all()),
            "applicant_types": sorted(a.slug for a in self.applicant_types.all()),
            "programmes": sorted(p.name for p in self.programmes.all()),
            "keywords": self.keyword_list(),
            "min_amount_eur": str(self.min_amount) if self.min_amount is not None else None,
            "reminder_days": self.reminder_days,
            "paused": self.paused,
            "confirmed_at": self.confirmed_at.isoformat(),
            "watched_calls": [
                {"title": w.call.title, "since": w.created_at.isoformat()} for w in self.watches.select_related("call")
            ],
            "digests_sent": [
                {"sent_at": d.sent_at.isoformat(), "kind": d.kind, "calls": d.call_ids} for d in self.digests.all()
            ],
        }


class Watch(models.Model):
    """A call a subscriber wants reminders for, before each of its deadlines.

    A watch belongs to one of the address's alerts, whose reminder days, language and pause it
    follows, and which sends the reminders; an address watches a call under one alert at most
    (``opportunities.alerts.addresses.watch``), so a deadline is reminded once.
    """

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="watches")
    call = models.ForeignKey("opportunities.FundingCall", on_delete=models.CASCADE, related_name="watches")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("watched call")
        verbose_name_plural = _("watched calls")
        constraints = [models.UniqueConstraint(fields=["subscription", "call"], name="unique_watch")]

    def __str__(self) -> str:
        return f"{self.subscription} watches {self.call}"


class DigestLog(models.Model):
    """One e-mail sent to a subscriber, with the calls it held."""

    class Kind(models.TextChoices):
        DIGEST = "digest", _("Digest")
        REMINDER = "reminder", _("Reminder")

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="digests")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.DIGEST)
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)
    call_ids = models.JSONField(default=list)

    class Meta:
        verbose_name = _("sent alert")
        verbose_name_plural = _("sent alerts")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.subscription} on {self.sent_at:%Y-%m-%d %H:%M}"
