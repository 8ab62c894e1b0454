"""The pages the exchange's e-mailed links open: renew or close a listing (the reminders' links),
confirm a poster's address. Each opens a page that says what its button does, and only the button
(a POST) acts: mail scanners follow links. An expired (400), altered (400), used (410) or orphaned
link (its listing or poster is gone, 410) gets a page saying which, in the reader's language; a
renewal that cannot be made (the listing was closed, its deadline passed) says why (409) and
spends nothing."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from exchange import lifecycle, posters, tokens
from kreativ.signed_links import EXPIRED, INVALID, BadLink

STATUS = {EXPIRED: 400, INVALID: 400}


def _invalid(request: HttpRequest, error: BadLink) -> HttpResponse:
    return render(request, "exchange/link_invalid.html", {"reason": error.reason}, status=STATUS.get(error.reason, 410))


def link(request: HttpRequest, purpose: str, token: str) -> HttpResponse:
    """The page an e-mailed link opens: what its button does; the button does it."""
    if purpose not in tokens.PURPOSES:
        raise Http404
    try:
        found = tokens.read(token, purpose)
    except BadLink as error:
        return _invalid(request, error)
    if request.method != "POST":
        return render(request, "exchange/link.html", {"purpose": purpose, "target": found.target})
    try:
        with transaction.atomic():
            target = tokens.spend(found)
            if purpose == "confirm":
                posters.confirm(target)
                notice = _("Thank you: your address is confirmed. A moderator now reviews your listing.")
            elif purpose == "close":
                lifecycle.close(target)
                notice = _("Your listing is closed and no longer shown in the exchange.")
            else:
                end = lifecycle.renew(target)
                notice = _("Your listing is renewed: it runs until %(date)s.") % {
                    "date": formats.date_format(timezone.localtime(end), "DATE_FORMAT")
                }
    except BadLink as error:
        return _invalid(request, error)
    except lifecycle.CannotRenew as error:
        return render(request, "exchange/link_done.html", {"notice": str(error), "refused": True}, status=409)
    return render(request, "exchange/link_done.html", {"notice": notice, "refused": False})
