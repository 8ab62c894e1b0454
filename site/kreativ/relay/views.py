"""The relay's pages: ``RelayView``, a target's form and its answer, and ``confirm``, the page a
held message's link opens.

``RelayView`` answers, in this order: a form with errors comes back (400); a target nobody can be
written to says so (409); over a limit per client or per target, the form comes back with the
message kept (429; both are counted either way, so the answer does not tell which); a bot's
message (the honeypot) is answered as sent and goes nowhere; an unconfirmed sender, where the
target asks for confirmation, is told to open the link just e-mailed; else the message goes.
A domain's URL names the view with its target: ``RelayView.as_view(target_class=ProfileRelay)``,
the target's key in the URL as ``key``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views import View
from django.views.decorators.http import require_http_methods

from kreativ.public_forms import ratelimit
from kreativ.relay import confirmation, sending
from kreativ.relay.targets import RelayTarget
from kreativ.signed_links import EXPIRED, INVALID, BadLink, lifetime
from kreativ.sites import site_for


def _context(target: RelayTarget, **extra: Any) -> dict[str, Any]:
    return {**target.context(), "relay_target": target, "label": target.label, **extra}


class RelayView(View):
    """The contact page of one target (GET) and the message sent to it (POST)."""

    target_class: type[RelayTarget] | None = None
    http_method_names = ["get", "post"]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.target_class is None:
            raise TypeError("RelayView needs a target_class")
        target = self.target_class.find(kwargs["key"])
        if target is None:
            raise Http404
        self.target = target
        return super().dispatch(request, *args, **kwargs)

    def page(self, request: HttpRequest, form: Any, status: int = 200, **extra: Any) -> HttpResponse:
        """The contact page: the form (bound with errors, or new) and what it says besides."""
        context = _context(self.target, contact_form=form, reachable=bool(self.target.recipients()), **extra)
        return render(request, self.target.contact_template, context, status=status)

    def get(self, request: HttpRequest, key: str) -> HttpResponse:
        return self.page(request, self.target.form_class())

    def post(self, request: HttpRequest, key: str) -> HttpResponse:
        target = self.target
        form = target.form_class(request.POST)
        if not form.is_valid():
            return self.page(request, form, status=400)
        if not target.recipients():
            return self.page(request, form, status=409)
        per_target, per_client = target.rate_limits()
        if not ratelimit.allow_client_and_target(request, target.kind, target.rate_key, per_target, per_client):
            return self.page(request, form, status=429, limited=True)
        if form.filled_by_bot():
            return render(request, target.sent_template, _context(target))
        data = form.cleaned_data
        site = site_for(request)
        if target.confirm_sender and not confirmation.is_confirmed(data["email"]):
            return self.hold(request, form, site)
        if target.confirm_sender:
            confirmation.note_sent(data["email"])
        language = translation.get_language() or ""
        sending.relay(target, data["name"], data["email"], data["message"], language, site)
        return render(request, target.sent_template, _context(target))

    def hold(self, request: HttpRequest, form: Any, site: Any) -> HttpResponse:
        """The first message of an unconfirmed sender waits for their link (at most
        ``KREATIV_RELAY_CONFIRM_RATE_PER_ADDRESS`` links an hour to one address)."""
        data = form.cleaned_data
        address = sending.pseudonym(data["email"], confirmation.NAMESPACE)
        per_address = settings.KREATIV_RELAY_CONFIRM_RATE_PER_ADDRESS
        if not ratelimit.allow(f"relay-confirm:{address}", per_address, ratelimit.HOUR):
            return self.page(request, form, status=429, limited=True)
        confirmation.hold(self.target, data["name"], data["email"], data["message"], request, site)
        link_lifetime = lifetime(settings.KREATIV_RELAY_CONFIRM_MAX_AGE)
        return render(request, "relay/held.html", _context(self.target, lifetime=link_lifetime))


def _refused(request: HttpRequest, error: BadLink) -> HttpResponse:
    status = 400 if error.reason in (EXPIRED, INVALID) else 410
    return render(request, "relay/link_invalid.html", {"reason": error.reason}, status=status)


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """A held message's link: a button (GET, so that a mail scanner opening links sends nothing),
    and the message relayed when it is pressed (POST)."""
    try:
        held = confirmation.held_message(token)
        target = confirmation.target_of(held)
        if request.method != "POST":
            return render(request, "relay/confirm.html", _context(target, held=held))
        confirmation.release(held, target)
    except BadLink as error:
        return _refused(request, error)
    return render(request, target.sent_template, _context(target))
