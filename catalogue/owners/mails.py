"""The e-mails to people who keep, or want to keep, a profile: each carries a signed link
(``tokens``) to the office's site it was asked on, in the reader's language (``kreativ.mails``).

Sent at once (a request): the link that creates a profile, the links that open an address's
profiles, a claim's confirmation, a claim passed to a profile's members. Sent later, with no
request (the yearly confirmation, a moderator's decision): on the member's own site and language.
Each says how long its link works from ``CATALOGUE_LINK_MAX_AGE`` itself (``link_lifetime``).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from catalogue.models import ClaimRequest, Profile, ProfileMember
from catalogue.owners import tokens
from kreativ.mails import message
from kreativ.signed_links import lifetime
from kreativ.sites import absolute

logger = logging.getLogger(__name__)
TEMPLATES = "catalogue/email"


def url(name: str, args: list[Any], language: str, site: Site | None, request: HttpRequest | None = None) -> str:
    """The absolute address of a catalogue view, in ``language``, on the reader's or the office's site."""
    with translation.override(language):
        return absolute(reverse(name, args=args), site, request)


def link_url(purpose: str, token: str, language: str, site: Site | None, request: HttpRequest | None = None) -> str:
    return url("catalogue:link", [purpose, token], language, site, request)


def link_lifetime() -> str:
    """How long a create, claim, sign-in or admit link works, in the active language ("3 days")."""
    return lifetime(settings.CATALOGUE_LINK_MAX_AGE)


def _send(to: str, subject: str, template: str, context: dict[str, Any], site: Site | None) -> bool:
    """Sends one e-mail, its context with ``link_lifetime``; a refusing mail server is logged, not
    shown (the reader's answer is the same either way, and nothing is lost: they can ask again)."""
    context = {"link_lifetime": link_lifetime(), **context}
    try:
        return message(to, subject, f"{TEMPLATES}/{template}", context, site).send() == 1
    except Exception as error:  # the SMTP server refused or could not be reached
        logger.warning("Catalogue e-mail %s failed: %s", template, error)
        return False


def member_link(member: ProfileMember, purpose: str, request: HttpRequest | None = None, **extra: Any) -> str:
    token = tokens.member_token(member, purpose, member.language, **extra)
    return link_url(purpose, token, member.language, member.site, request)


def send_create_link(email: str, wish: dict[str, Any], request: HttpRequest, site: Site | None) -> bool:
    """The link that creates the wished profile once followed (nothing is stored before)."""
    language = wish["l"]
    with translation.override(language):
        context = {"url": link_url("create", tokens.wish_token("create", wish), language, site, request), "wish": wish}
        return _send(email, _("Confirm your address to create your profile"), "create", context, site)


def send_sign_in_links(email: str, language: str, request: HttpRequest, site: Site | None) -> bool:
    """A link to each profile the address keeps; to an address that keeps none, how to create one."""
    members = list(ProfileMember.objects.filter(email=email).select_related("profile").order_by("profile__name"))
    with translation.override(language):
        links = [(member.profile, member_link(member, "open", request)) for member in members]
        join_url = url("catalogue:join", [], language, site, request)
        return _send(
            email, _("Your profiles in the catalogue"), "sign_in", {"links": links, "join_url": join_url}, site
        )


def send_claim_confirmation(email: str, wish: dict[str, Any], profile: Profile, request: HttpRequest, site) -> bool:
    """To someone claiming a profile nobody keeps: confirm the address, then a moderator decides."""
    language = wish["l"]
    with translation.override(language):
        context = {
            "url": link_url("claim", tokens.wish_token("claim", wish), language, site, request),
            "profile": profile,
        }
        return _send(email, _("Confirm your claim of a profile"), "claim_confirm", context, site)


def send_claim_to_members(email: str, profile: Profile, request: HttpRequest, message_text: str = "") -> int:
    """To every member of a kept profile: someone asks to keep it too; a link admits them."""
    sent = 0
    for member in profile.members.all():
        with translation.override(member.language):
            context = {
                "profile": profile,
                "claimant": email,
                "message": message_text,
                "url": member_link(member, "admit", request, e=email),
            }
            sent += _send(
                member.email, _("Someone asks to keep your profile with you"), "claim_to_members", context, member.site
            )
    return sent


def send_no_match(email: str, language: str, request: HttpRequest, site: Site | None) -> bool:
    """To someone whose claim named no profile (a registry number nobody has): how to create one."""
    with translation.override(language):
        context = {"join_url": url("catalogue:join", [], language, site, request)}
        return _send(email, _("We found no profile to claim"), "claim_no_match", context, site)


def send_welcome_member(member: ProfileMember, request: HttpRequest | None = None) -> bool:
    """To a new member (invited by another, admitted, or a claim a moderator approved): their link."""
    with translation.override(member.language):
        context = {"profile": member.profile, "url": member_link(member, "open", request)}
        return _send(member.email, _("You now keep a profile in the catalogue"), "welcome_member", context, member.site)


def send_claim_refused(claim: ClaimRequest) -> bool:
    with translation.override(claim.language):
        return _send(
            claim.email, _("Your claim of a profile was not confirmed"), "claim_refused", {"claim": claim}, claim.site
        )


def send_confirmation_request(member: ProfileMember) -> bool:
    """The yearly question: is the profile still right? One click confirms it."""
    with translation.override(member.language):
        context = {
            "profile": member.profile,
            "url": member_link(member, "confirm"),
            "owner_url": url("catalogue:join", [], member.language, member.site),
        }
        return _send(member.email, _("Is your profile still up to date?"), "confirm_yearly", context, member.site)


def send_decision(profile: Profile, approved: bool, comment: str = "") -> int:
    """To every member: a moderator published their profile's new version, or rejected it."""
    sent = 0
    for member in profile.members.all():
        with translation.override(member.language):
            context = {
                "profile": profile,
                "approved": approved,
                "comment": comment,
                "url": member_link(member, "open"),
            }
            subject = _("Your profile is published") if approved else _("Your profile's changes were not accepted")
            sent += _send(member.email, subject, "decision", context, member.site)
    return sent
