"""The relay contact form of a profile: a visitor writes to the people who keep it without seeing
their addresses, and they answer the visitor directly (the e-mail's ``Reply-To``).

``kreativ.public_forms``: limits per client and per recipient profile (a storm of messages to one
profile stops at its limit whoever sends it), a honeypot (a bot's message is answered as sent and
goes nowhere). A message that cannot go yet (a limit reached) comes back in the form, kept. Each
message relayed is logged for the action plan (``ContactLog``: the profile and the moment, the
sender as a keyed hash; never the message). A profile nobody keeps yet cannot be written to: the
page says so and offers to claim it.

The profile's page (``catalogue/includes/contact_form.html``) holds the form; it posts here, and
the answer is a page of its own.
"""

from __future__ import annotations

import hashlib
import hmac
import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from catalogue.models import ContactLog, Profile
from catalogue.relay.forms import ContactForm
from kreativ.mails import message
from kreativ.public_forms import ratelimit
from kreativ.sites import site_for

logger = logging.getLogger(__name__)


def pseudonym(email: str) -> str:
    """The sender as the log keeps them: a keyed hash, the same for the same address."""
    key = hashlib.sha256(f"catalogue.relay:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def relay(profile: Profile, name: str, email: str, text: str, request: HttpRequest) -> int:
    """E-mails the message to each member of the profile, in their language, answerable to the
    sender; returns how many went."""
    sent = 0
    site = site_for(request)
    for member in profile.members.all():
        with translation.override(member.language):
            subject = _("A message through your profile “%(name)s”") % {"name": profile.name}
            context = {"profile": profile, "sender_name": name, "sender_email": email, "text": text}
            mail = message(
                member.email, subject, "catalogue/email/relay", context, site, reply_to=[email], automatic=False
            )
            try:
                sent += mail.send()
            except Exception as error:  # the SMTP server refused or could not be reached
                logger.warning("Relay to a member of profile %s failed: %s", profile.pk, error)
    return sent


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest, slug: str) -> HttpResponse:
    profile = get_object_or_404(Profile.objects.public(), slug=slug)
    context = {"profile": profile, "kept": profile.members.exists()}
    if request.method != "POST":
        return render(request, "catalogue/relay/contact.html", {**context, "contact_form": ContactForm()})
    form = ContactForm(request.POST)
    if not form.is_valid():
        return render(request, "catalogue/relay/contact.html", {**context, "contact_form": form}, status=400)
    if not context["kept"]:
        return render(request, "catalogue/relay/contact.html", {**context, "contact_form": form}, status=409)
    allowed = ratelimit.allow_client_and_target(
        request,
        "catalogue-contact",
        str(profile.pk),
        settings.CATALOGUE_CONTACT_RATE_PER_PROFILE,
        settings.CATALOGUE_CONTACT_RATE_PER_CLIENT,
    )
    if not allowed:
        return render(
            request, "catalogue/relay/contact.html", {**context, "contact_form": form, "limited": True}, status=429
        )
    if not form.filled_by_bot():
        data = form.cleaned_data
        if relay(profile, data["name"], data["email"], data["message"], request):
            ContactLog.objects.create(
                profile=profile, language=translation.get_language() or "", sender=pseudonym(data["email"])
            )
    return render(request, "catalogue/relay/sent.html", {"profile": profile})
