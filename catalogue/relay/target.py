"""A profile as the foundation's relay (``kreativ.relay``) sees it: its members are the
recipients, each in their language; each message is logged in ``ContactLog``; limits per client
and per profile (``CATALOGUE_CONTACT_RATE_PER_CLIENT``, ``CATALOGUE_CONTACT_RATE_PER_PROFILE``).
Senders do not confirm their address first (the relay's ``confirm_sender`` stays off)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from catalogue.models import ContactLog, Profile
from catalogue.relay.forms import ContactForm
from catalogue.urls_for import profile_url
from kreativ.relay.targets import Recipient, RelayTarget


class ProfileRelay(RelayTarget):
    kind = "catalogue-contact"
    namespace = "catalogue.relay"
    per_target_setting = "CATALOGUE_CONTACT_RATE_PER_PROFILE"
    per_client_setting = "CATALOGUE_CONTACT_RATE_PER_CLIENT"
    form_class = ContactForm
    contact_template = "catalogue/relay/contact.html"
    form_template = "catalogue/includes/contact_form.html"
    mail_template = "catalogue/email/relay"

    def __init__(self, profile: Profile) -> None:
        self.profile = profile

    @classmethod
    def find(cls, key: str) -> ProfileRelay | None:
        profile = Profile.objects.public().filter(slug=key).first()
        return cls(profile) if profile is not None else None

    @property
    def key(self) -> str:
        return self.profile.slug

    @property
    def rate_key(self) -> str:
        return str(self.profile.pk)

    @property
    def label(self) -> str:
        return self.profile.name

    def recipients(self) -> list[Recipient]:
        return [Recipient(member.email, member.language) for member in self.profile.members.all()]

    def public_url(self, request: HttpRequest | None = None) -> str:
        return profile_url(self.profile, request) or ""

    def contact_url(self) -> str:
        return reverse("catalogue:contact", args=[self.profile.slug])

    def log(self, language: str, sender: str) -> None:
        ContactLog.objects.create(profile=self.profile, language=language, sender=sender)

    def subject(self) -> str:
        return _("A message through your profile “%(name)s”") % {"name": self.profile.name}

    def context(self) -> dict[str, Any]:
        return {"profile": self.profile}
