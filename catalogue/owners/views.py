"""The owner's private page: where the profile stands (live, waiting, rejected with the moderator's
comment), every public field to edit, the portfolio's images, the consents, the members, the
calls that fit and the alert they make, the yearly confirmation, the export and the deletion.

Reached only by a browser that a link signed in as one of the profile's members
(``session``); any other gets a page that offers to e-mail a link. Every change is a POST that
comes back to the page (a form with errors comes back filled in: nothing typed is lost). Edits
become a revision under moderation (``editing``); consents, members and confirmations are the
owners' own and apply at once. Deleting asks first on a page of its own.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from catalogue.models import ProfileLink, ProfileMember
from catalogue.owners import confirmation, editing, funding, images, mails, session
from catalogue.owners.forms import ImageForm, InviteForm, JoinForm, LinkFormSet, ProfileForm
from catalogue.privacy import consent
from catalogue.privacy.erasure import erase_profile
from catalogue.privacy.export import export_profile
from kreativ.personal_data import erase, json_download
from kreativ.sites import site_for


def owner_only(view):
    """The view for the member this browser is signed in as on profile ``pk``, or the page that
    offers a new link."""

    @wraps(view)
    def wrapper(request: HttpRequest, pk: int, *args, **kwargs) -> HttpResponse:
        member = session.member_of(request, pk)
        if member is None:
            form = JoinForm(initial={"intent": JoinForm.SIGN_IN})
            notice = _(
                "This page opens only from a link we e-mailed you, for a few hours after you used it. "
                "Ask for a new link: nothing you saved is lost."
            )
            context = {"form": form, "title": _("Open your profile"), "notice": notice}
            return render(request, "catalogue/owners/notice.html", context, status=403)
        return view(request, member, *args, **kwargs)

    return wrapper


def _owner_url(member: ProfileMember, anchor: str = "") -> str:
    return reverse("catalogue:owner", args=[member.profile_id]) + (f"#{anchor}" if anchor else "")


def _link_initial(draft) -> list[dict]:
    return [{"url": link.url, "title": link.title} for link in draft.portfolio_links.all()]


def _render(request: HttpRequest, member: ProfileMember, status: int = 200, **forms) -> HttpResponse:
    profile = member.profile
    draft = editing.draft_of(profile)
    calls = funding.calls_that_fit(draft)
    context = {
        "member": member,
        "profile": profile,
        "draft": draft,
        "state": editing.state_of(profile),
        "locked": editing.is_locked(profile),
        "form": forms.get("form") or ProfileForm(instance=draft, prefix="profile"),
        "links": forms.get("links") or LinkFormSet(initial=_link_initial(draft), prefix="links"),
        "image_form": forms.get("image_form") or ImageForm(),
        "invite_form": forms.get("invite_form") or InviteForm(),
        "images": list(draft.portfolio_images.select_related("image")) if draft.pk else [],
        "members": list(profile.members.order_by("added_at")),
        "publication_text": consent.current(consent.PUBLICATION),
        "open_data_text": consent.current(consent.OPEN_DATA),
        "calls": funding.call_links(calls, site_for(request)),
        "confirmation_months": confirmation.ASK_AFTER_MONTHS,
    }
    return render(request, "catalogue/owners/page.html", context, status=status)


@require_http_methods(["GET", "POST"])
@owner_only
def owner(request: HttpRequest, member: ProfileMember) -> HttpResponse:
    """The page; its POST saves the profile's fields and links as a revision for moderation."""
    if request.method != "POST":
        return _render(request, member)
    draft = editing.draft_of(member.profile)
    form = ProfileForm(request.POST, instance=draft, prefix="profile")
    links = LinkFormSet(request.POST, initial=_link_initial(draft), prefix="links")
    if not (form.is_valid() and links.is_valid()):
        messages.error(request, _("Nothing was saved yet: please correct what is marked below."))
        return _render(request, member, status=400, form=form, links=links)
    draft = form.save(commit=False)
    form.save_m2m()
    draft.portfolio_links = [
        ProfileLink(url=data["url"], title=data.get("title", ""), sort_order=order)
        for order, data in enumerate(item for item in links.cleaned_data if item and not item.get("DELETE"))
    ]
    return _submit(request, member, draft, form=form, links=links)


def _submit(request: HttpRequest, member: ProfileMember, draft, **forms) -> HttpResponse:
    try:
        with transaction.atomic():
            editing.submit(draft)
    except editing.Locked:
        messages.error(
            request,
            _("A moderator is reviewing your profile right now. Nothing was saved yet: please try again later."),
        )
        return _render(request, member, status=409, **forms)
    messages.success(
        request,
        _("Saved and sent for review. The public sees the approved version until a moderator approves this one."),
    )
    return redirect(_owner_url(member))


@require_POST
@owner_only
def portfolio(request: HttpRequest, member: ProfileMember) -> HttpResponse:
    """Adds an uploaded image to the portfolio, or takes one out (a new revision either way)."""
    draft = editing.draft_of(member.profile)
    if "remove" in request.POST:
        pk = request.POST["remove"]
        if not (pk.isdigit() and images.remove_image(draft, int(pk))):
            return redirect(_owner_url(member, "images"))
        return _submit(request, member, draft)
    form = ImageForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("The image was not added: please see why below."))
        return _render(request, member, status=400, image_form=form)
    try:
        images.add_image(draft, form.cleaned_data["image"], form.cleaned_data["caption"])
    except images.TooManyImages:
        messages.error(request, _("The portfolio is full: take an image out before adding another."))
        return _render(request, member, status=400, image_form=form)
    return _submit(request, member, draft)


@require_POST
@owner_only
def consents(request: HttpRequest, member: ProfileMember) -> HttpResponse:
    kind = request.POST.get("consent")
    if kind not in consent.FIELDS:
        return redirect(_owner_url(member, "consent"))
    profile = member.profile
    if request.POST.get("give"):
        consent.give(profile, kind)
        messages.success(request, _("Thank you: your consent is recorded."))
    else:
        consent.withdraw(profile, kind)
        messages.success(request, _("Your consent is withdrawn."))
    return redirect(_owner_url(member, "consent"))


@require_POST
@owner_only
def members(request: HttpRequest, member: ProfileMember) -> HttpResponse:
    """Invites another person by e-mail (they get their own link), or removes a member."""
    profile = member.profile
    if "remove" in request.POST:
        others = profile.members.exclude(pk=member.pk)
        removed = others.filter(pk=request.POST["remove"]).first() if request.POST["remove"].isdigit() else None
        if removed is None and request.POST["remove"] == str(member.pk):
            if not others.exists():
                messages.error(request, _("You keep the profile alone: delete it instead, or invite someone first."))
                return redirect(_owner_url(member, "members"))
            removed = member
        leaving = removed is not None and removed.pk == member.pk
        if removed is not None:
            erase([removed])
            messages.success(request, _("%(email)s no longer keeps the profile.") % {"email": removed.email})
        if leaving:
            return session.sign_out(redirect(reverse("catalogue:join")))
        return redirect(_owner_url(member, "members"))
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _render(request, member, status=400, invite_form=form)
    email = form.cleaned_data["email"].strip().lower()
    invited, created = ProfileMember.objects.get_or_create(
        profile=profile, email=email, defaults={"language": member.language, "site": site_for(request)}
    )
    if created:
        mails.send_welcome_member(invited, request)
        messages.success(request, _("%(email)s is invited: they got an e-mail with their own link.") % {"email": email})
    else:
        messages.info(request, _("%(email)s keeps the profile already.") % {"email": email})
    return redirect(_owner_url(member, "members"))


@require_POST
@owner_only
def confirm(request: HttpRequest, member: ProfileMember) -> HttpResponse:
    confirmation.confirm(member.profile)
    messages.success(request, _("Thank you: your profile is confirmed for another year."))
    return redirect(_owner_url(member))


@require_POST
@owner_only
def alert(request: HttpRequest, member: ProfileMember) -> HttpResponse:
    """One click: the calls that fit become a funding alert for the member's address."""
    _subscription, created = funding.subscribe(member, editing.draft_of(member.profile), request)
    if created:
        messages.success(
            request, _("Your funding alert is on: we sent you an e-mail with the links to change or stop it.")
        )
    else:
        messages.info(request, _("You had this funding alert already; it is on."))
    return redirect(_owner_url(member, "calls"))


@owner_only
def preview(request: HttpRequest, member: ProfileMember) -> HttpResponse:
    """The profile as its latest version will look once approved."""
    draft = editing.draft_of(member.profile)
    return render(request, "catalogue/owners/preview.html", {"member": member, "profile": draft})


@owner_only
def export(request: HttpRequest, member: ProfileMember) -> HttpResponse:
    """Everything held about the profile and its members (JSON)."""
    return json_download(export_profile(member.profile), f"profile-{member.profile.slug}.json")


@require_http_methods(["GET", "POST"])
@owner_only
def delete(request: HttpRequest, member: ProfileMember) -> HttpResponse:
    """Asks first; the POST deletes the profile and everything held about it and its members."""
    profile = member.profile
    alerts = funding.alerts_count(member)
    if request.method != "POST":
        return render(request, "catalogue/owners/delete.html", {"member": member, "profile": profile, "alerts": alerts})
    erase_profile(profile)
    kept_alerts = alerts
    if alerts and request.POST.get("alerts") == "delete":
        funding.delete_alerts(member)
        kept_alerts = 0
    return session.sign_out(render(request, "catalogue/owners/deleted.html", {"kept_alerts": kept_alerts}))


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    return session.sign_out(redirect(reverse("catalogue:join")))
