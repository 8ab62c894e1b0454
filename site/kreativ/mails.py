"""The site's e-mails to one person, composed one way: in the active language, the subject after
the office's name, a plain-text body and (when its template exists) an HTML alternative, marked as
sent by a machine unless a person wrote it (a message passed on by the relay contact form,
``kreativ.relay``).

The alerts' confirmation and welcome, the catalogue's links to profile owners and its relayed
messages use it; the task queue sends most of them later, so the office's site is passed in, not
taken from a request.
"""

from __future__ import annotations

from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation
from wagtail.models import Site

from kreativ.sites import name_of


def message(
    to: str | list[str],
    subject: str,
    template: str,
    context: dict[str, Any],
    site: Site | None,
    *,
    reply_to: list[str] | None = None,
    automatic: bool = True,
) -> EmailMultiAlternatives:
    """The e-mail of ``template`` (a path without ``.txt``/``.html``), rendered in the active
    language with the site's name in its context."""
    context = {**context, "language": translation.get_language(), "site_name": name_of(site)}
    email = EmailMultiAlternatives(
        subject=f"{name_of(site)}: {subject}",
        body=render_to_string(f"{template}.txt", context),
        to=[to] if isinstance(to, str) else list(to),
        reply_to=reply_to,
        headers={"Auto-Submitted": "auto-generated"} if automatic else {},
    )
    try:
        html = get_template(f"{template}.html")
    except TemplateDoesNotExist:
        return email
    email.attach_alternative(html.render(context), "text/html")
    return email
