"""How people come to keep a profile, without an account: the public form that asks for a link
(create a profile, claim one, or open the profiles one keeps), and the pages its links open.

The form (``kreativ.public_forms``: the trusted client address, limits per client and per address,
a honeypot) always answers the same, so it never tells whether an address keeps a profile, nor
whether a profile is kept. What each request does:

- create: e-mails a link carrying the wished profile; following it creates the profile (a draft
  its owner fills in and submits) with the address as its owner, and opens the owner's page;
- claim a profile that has members: they are e-mailed a link that admits the claimant;
- claim a profile nobody keeps (an imported one): the claimant confirms their address by a link,
  then a moderator confirms the claim in the admin (Catalogue › Profile claims);
- claim by a registry number nobody has: the claimant is told so, with the way to create one;
- open: e-mails a link to each profile the address keeps.

A link opens a page with one button; the button (a POST) uses the link, which is single-use and
expires. An expired, used or broken link gets a page saying which, in the reader's language, with
the form to ask for a new one.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from catalogue.models import ClaimRequest, Profile, ProfileMember
from catalogue.owners import confirmation, mails, session, tokens
from catalogue.owners.editing import save_draft
from catalogue.owners.forms import JoinForm
from kreativ.public_forms import ratelimit
from kreativ.signed_links import BadLink
from kreativ.sites import site_for

PURPOSES = (*tokens.WISH_PURPOSES, *tokens.MEMBER_PURPOSES)


def _limited(request: HttpRequest, email: str) -> bool:
    return not ratelimit.allow_client_and_target(
        request, "catalogue-join", email, settings.CATALOGUE_RATE_PER_ADDRESS, settings.CATALOGUE_RATE_PER_CLIENT
    )


def _claimed_profile(form: JoinForm) -> Profile | None:
    data = form.cleaned_data
    profiles = Profile.objects.filter(merged_into__isnull=True)
    if data.get("profile"):
        return profiles.filter(slug=data["profile"]).first()
    return profiles.filter(country=data.get("country") or "CZ", registry_number=data["registry_number"]).first()


def _act(request: HttpRequest, form: JoinForm, email: str) -> None:
    """What a valid request does (its answer is the same whatever happens here)."""
    data = form.cleaned_data
    language = translation.get_language() or "cs"
    site = site_for(request)
    base = {"e": email, "l": language, "s": site.pk if site is not None else None}
    if data["intent"] == JoinForm.CREATE:
        mails.send_create_link(email, {**base, "n": data["name"].strip(), "k": data["kind"]}, request, site)
    elif data["intent"] == JoinForm.SIGN_IN:
        mails.send_sign_in_links(email, language, request, site)
    else:
        profile = _claimed_profile(form)
        if profile is None:
            mails.send_no_match(email, language, request, site)
        elif profile.members.filter(email=email).exists():
            mails.send_sign_in_links(email, language, request, site)
        elif profile.members.exists():
            mails.send_claim_to_members(email, profile, request, data.get("message", ""))
        else:
            wish = {**base, "p": profile.pk, "m": data.get("message", "")}
            mails.send_claim_confirmation(email, wish, profile, request, site)


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    """The form that asks for a link; ``?claim=<slug>`` (from a profile's page) starts a claim."""
    if request.method == "POST":
        form = JoinForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"].strip().lower()
            if _limited(request, email):
                notice = _(
                    "We have sent several links to this address or from this connection in the last hour. "
                    "Please check your inbox (and the spam folder), or try again in an hour."
                )
                context = {"form": form, "title": _("Too many requests"), "notice": notice}
                return render(request, "catalogue/owners/notice.html", context, status=429)
            if not form.filled_by_bot():
                _act(request, form, email)
            return render(
                request, "catalogue/owners/sent.html", {"email": email, "intent": form.cleaned_data["intent"]}
            )
    else:
        claim = Profile.objects.filter(slug=request.GET.get("claim", ""), merged_into__isnull=True).first()
        initial = {"intent": request.GET.get("intent", JoinForm.CREATE)}
        if claim is not None:
            initial.update(intent=JoinForm.CLAIM, profile=claim.slug)
        form = JoinForm(initial=initial)
        return render(request, "catalogue/owners/join.html", {"form": form, "claimed": claim})
    return render(request, "catalogue/owners/join.html", {"form": form, "claimed": None}, status=400)


def _invalid(request: HttpRequest, error: BadLink) -> HttpResponse:
    form = JoinForm(initial={"intent": JoinForm.SIGN_IN})
    status = 410 if error.reason in ("used", tokens.GONE) else 400
    return render(request, "catalogue/owners/link_invalid.html", {"reason": error.reason, "form": form}, status=status)


def _site(pk: int | None, request: HttpRequest) -> Site | None:
    return Site.objects.filter(pk=pk).first() if pk else site_for(request)


def _to_owner_page(request: HttpRequest, member: ProfileMember, message: str | None = None) -> HttpResponse:
    if message:
        messages.success(request, message)
    response = redirect(reverse("catalogue:owner", args=[member.profile_id]))
    return session.sign_in(request, response, member)


@require_http_methods(["GET", "POST"])
def link(request: HttpRequest, purpose: str, token: str) -> HttpResponse:
    """The page an e-mailed link opens: what its button does; the button does it."""
    if purpose not in PURPOSES:
        raise Http404
    try:
        if purpose in tokens.WISH_PURPOSES:
            wish, member_link = tokens.read_wish(token, purpose), None
        else:
            member_link = tokens.read_member_link(token, purpose)
            wish = member_link.data
    except BadLink as error:
        return _invalid(request, error)
    profile = member_link.member.profile if member_link else Profile.objects.filter(pk=wish.get("p")).first()
    if purpose == "claim" and profile is None:
        return _invalid(request, BadLink(tokens.GONE))
    if request.method != "POST":
        context = {"purpose": purpose, "wish": wish, "profile": profile, "token": token}
        return render(request, "catalogue/owners/link.html", context)
    try:
        with transaction.atomic():
            if member_link is None:
                tokens.spend_wish(wish)
                return _use_wish(request, purpose, wish, profile)
            return _use_member_link(request, purpose, tokens.spend_member_link(member_link), wish)
    except BadLink as error:
        return _invalid(request, error)


def _use_wish(request: HttpRequest, purpose: str, wish: dict, profile: Profile | None) -> HttpResponse:
    site = _site(wish.get("s"), request)
    if purpose == "create":
        profile = Profile.objects.create(name=wish["n"][:200], kind=wish["k"], live=False)
        save_draft(profile)
        member = ProfileMember.objects.create(
            profile=profile,
            email=wish["e"],
            role=ProfileMember.Role.OWNER,
            language=wish.get("l", "cs"),
            site=site,
            last_link_used_at=timezone.now(),
        )
        return _to_owner_page(request, member, _("Your profile is created. Fill it in and submit it for review."))
    # A claim: a profile nobody kept when it was asked for waits for a moderator; one that has
    # members meanwhile is passed to them.
    if profile.members.exists():
        mails.send_claim_to_members(wish["e"], profile, request, wish.get("m", ""))
        return render(request, "catalogue/owners/claim_waiting.html", {"profile": profile, "by_members": True})
    ClaimRequest.objects.get_or_create(
        profile=profile,
        email=wish["e"],
        status=ClaimRequest.Status.WAITING,
        defaults={"language": wish.get("l", "cs"), "site": site, "message": wish.get("m", "")},
    )
    return render(request, "catalogue/owners/claim_waiting.html", {"profile": profile, "by_members": False})


def _use_member_link(request: HttpRequest, purpose: str, member: ProfileMember, data: dict) -> HttpResponse:
    if purpose == "confirm":
        confirmation.confirm(member.profile)
        return _to_owner_page(request, member, _("Thank you: your profile is confirmed for another year."))
    if purpose == "admit":
        admitted, created = ProfileMember.objects.get_or_create(
            profile=member.profile,
            email=str(data.get("e", "")).lower(),
            defaults={"language": member.language, "site": member.site},
        )
        if created:
            mails.send_welcome_member(admitted, request)
        return _to_owner_page(
            request, member, _("%(email)s now keeps the profile with you.") % {"email": admitted.email}
        )
    return _to_owner_page(request, member)
