"""The e-mail that confirms a course registration to the person who registered.

Written in the language of the page they registered on, with links to the office's site they
registered on (on the address they used, ``kreativ.sites``): the course, its sessions with dates and
places (and the same as an iCalendar attachment, ``hubs.ical``), whether they hold a seat or a
place on the waiting list, and whom to tell if they cannot come. There is no cancellation by link
yet, so the e-mail names the course's organisers (the addresses that receive the registrations),
or the office's contact address, and replies go there.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from kreativ.models import FooterSettings
from kreativ.sites import name_of, page_url

if TYPE_CHECKING:
    from hubs.models import CoursePage, CourseRegistration

logger = logging.getLogger(__name__)


def contacts(course: CoursePage, site: Site | None) -> list[str]:
    """Who hears about a cancellation: the course's organisers, or else the office's contact."""
    organisers = [address.strip() for address in (course.to_address or "").split(",") if address.strip()]
    if organisers or site is None:
        return organisers
    footer = FooterSettings.for_site(site)
    return [footer.email] if footer.email else []


def registration_confirmation(registration: CourseRegistration, request: HttpRequest | None = None):
    """The confirmation of ``registration``, with the course's sessions attached as iCalendar."""
    from hubs.ical import course_calendar

    course = registration.page.specific
    site = course.get_site()
    replies_to = contacts(course, site)
    language = course.locale.language_code
    with translation.override(language):
        waiting_position = course.waiting_position(registration)
        context = {
            "language": language,
            "site_name": name_of(site),
            "course": course,
            "course_url": page_url(course, request),
            "home_url": page_url(site.root_page.localized, request) if site is not None else "",
            "sessions": course.ordered_sessions(),
            "waiting_position": waiting_position,
            "contact": ", ".join(replies_to),
        }
        if waiting_position is None:
            subject = _("Your seat on “%(course)s”") % {"course": course.title}
        else:
            subject = _("Waiting list for “%(course)s”") % {"course": course.title}
        message = EmailMultiAlternatives(
            subject=f"{name_of(site)}: {subject}",
            body=render_to_string("hubs/email/registration.txt", context),
            to=[registration.email],
            reply_to=replies_to,
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(render_to_string("hubs/email/registration.html", context), "text/html")
    if context["sessions"]:
        message.attach(f"{course.slug}.ics", course_calendar(course, request), "text/calendar")
    return message


def send_registration_confirmation(registration: CourseRegistration, request: HttpRequest | None = None) -> bool:
    """Sends the confirmation; the registration stands either way, so a refusal is logged."""
    if not registration.email:
        return False
    try:
        return registration_confirmation(registration, request).send() == 1
    except Exception as error:  # the SMTP server refused or could not be reached
        logger.warning("Registration %s: the confirmation e-mail failed: %s", registration.pk, error)
        return False
