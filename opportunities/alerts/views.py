"""The subscriber's pages: subscribe, confirm, the address's page (each alert to change, pause or
delete; export; delete all), unsubscribe from one alert, watch a call, and the private feeds. No
account: each page is reached by a signed link.

Deleting asks first, on a page of its own whose button sends a POST; a GET never deletes (mail
scanners and link checkers follow links). A link whose alert is gone answers with a page that
says so and offers to subscribe again (``_gone``), never a bare "not found"."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from kreativ import personal_data
from kreativ.public_forms import ratelimit
from kreativ.sites import site_for
from opportunities.alerts import addresses, links, mails, tokens
from opportunities.alerts.forms import SettingsForm, SubscribeForm, WatchForm
from opportunities.alerts.matching import calls_for
from opportunities.models import FundingCall, Subscription, Watch


def _limited(request: HttpRequest, email: str) -> bool:
    """True when this address or this client asked too often (same answer for known and unknown addresses)."""
    return not ratelimit.allow_client_and_target(
        request, "alerts", email.lower(), settings.ALERTS_RATE_PER_ADDRESS, settings.ALERTS_RATE_PER_CLIENT
    )


def _send_confirmation(email: str, wish: dict, request: HttpRequest) -> None:
    """The confirmation link, on the address the reader used; the wish names the office's site it
    was made on, for the alert to remember (its e-mails link to that site)."""
    site = site_for(request)
    wish = {**wish, "site": site.pk if site is not None else None}
    token = tokens.confirm_token({"email": email, **wish})
    mails.send_confirmation(email, wish, request.build_absolute_uri(reverse("alerts:confirm", args=[token])), site)


def _site_of_wish(wish: dict, request: HttpRequest) -> Site | None:
    """The site a confirmed wish was made on (links made before sites were recorded: this one)."""
    return Site.objects.filter(pk=wish.get("site")).first() if wish.get("site") else site_for(request)


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    """Subscribe; the form starts from the finder's filters when it links here."""
    language = translation.get_language()
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"].strip().lower()
            if _limited(request, email):
                return render(request, "opportunities/alerts/limited.html", status=429)
            if not form.filled_by_bot():
                _send_confirmation(email, form.wish(), request)
            return render(request, "opportunities/alerts/sent.html", {"email": email})
    else:
        from opportunities.finder.search import default_regions

        initial = SubscribeForm.initial_from_finder(request.GET, language, default_regions(request))
        form = SubscribeForm(initial=initial)
    return render(request, "opportunities/alerts/subscribe.html", {"form": form})


@require_http_methods(["POST"])
def watch_request(request: HttpRequest, call_pk: int) -> HttpResponse:
    """From a call's page: e-mail a link that, once clicked, adds the call to the reader's reminders."""
    call = get_object_or_404(FundingCall.objects.public(), pk=call_pk)
    form = WatchForm(request.POST)
    if not form.is_valid():
        return _call_page_with(request, call, form)
    email = form.cleaned_data["email"].strip().lower()
    if _limited(request, email):
        return render(request, "opportunities/alerts/limited.html", status=429)
    if not form.filled_by_bot():
        wish = {"language": translation.get_language(), "frequency": Subscription.Frequency.REMINDERS, "watch": call.pk}
        _send_confirmation(email, wish, request)
    return render(request, "opportunities/alerts/sent.html", {"email": email, "call": call})


def _call_page_with(request: HttpRequest, call: FundingCall, form: WatchForm) -> HttpResponse:
    """The call's page again, its reminders form showing what was wrong next to the field; the
    form is sent without JavaScript, so the whole page comes back, not the form alone."""
    from opportunities.finder.upcoming import finder_for

    finder = finder_for(site_for(request))
    if finder is None:  # no finder page to show the call in: the form on a page of its own
        return render(request, "opportunities/alerts/watch_request.html", {"call": call, "form": form})
    return finder.render_call(request, call, watch_form=form)


def _invalid_link(request: HttpRequest, error: tokens.BadLink) -> HttpResponse:
    return render(request, "opportunities/alerts/link_invalid.html", {"expired": str(error) == "expired"}, status=400)


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Double opt-in: the link shows a button (mail scanners follow links), the button confirms.

    Confirming adds an alert to the address, or a watched call to one of its alerts; confirming
    the filters of an alert the address already has changes that alert instead (see ``addresses``).
    What is new is welcomed by an e-mail with the links to manage and stop it (``mails.welcome``).
    """
    try:
        wish = tokens.read_confirm_token(token)
    except tokens.BadLink as error:
        return _invalid_link(request, error)
    translation.activate(wish["language"])
    if request.method != "POST":
        return render(request, "opportunities/alerts/confirm.html", {"wish": wish, "token": token})
    email = wish["email"]
    site = _site_of_wish(wish, request)
    already = False
    call = None
    with transaction.atomic():
        if wish.get("watch"):
            subscription = addresses.home_for_watches(email, wish["language"], site)
            call = FundingCall.objects.filter(pk=wish["watch"], live=True).first()
            news = call is not None and not addresses.watches(email, call)
            if call is not None:
                subscription = addresses.watch(subscription, call).subscription
        else:
            subscription, already = addresses.subscribe_confirmed(email, wish, site)
            news = not already
    if news:  # a new alert or a newly watched call; a second click on the button sends nothing more
        mails.send_welcome(subscription, call)
    return render(
        request,
        "opportunities/alerts/confirmed.html",
        {
            "subscription": subscription,
            "manage_url": _manage_path(subscription.email),
            "watching": bool(wish.get("watch")),
            "already": already,
        },
    )


def _manage_path(email: str) -> str:
    """The address's page, for a link on a page (e-mails use ``links.manage_url``, absolute)."""
    return reverse("alerts:manage", args=[tokens.manage_token(email)])


def _gone(request: HttpRequest) -> HttpResponse:
    """The answer to a link whose alert no longer exists (deleted, unsubscribed, or never this
    address's: the answer is the same, so a link tells nothing about other addresses)."""
    return render(request, "opportunities/alerts/gone.html", status=410)


def _address_for(link: tokens.ManageLink) -> str | None:
    """The address a manage link names (a link of before several alerts: its alert's address,
    None once that alert is deleted)."""
    if link.email is not None:
        return link.email
    return Subscription.objects.filter(pk=link.subscription_pk).values_list("email", flat=True).first()


def _read_manage_link(request: HttpRequest, token: str, view: str, *args: object) -> str | HttpResponse:
    """The address of a manage link, or the response to give instead: the page of an invalid link,
    the page of a deleted alert, or a redirect from a link of before several alerts to the same page
    under a link of the address."""
    try:
        link = tokens.read_manage_token(token)
    except tokens.BadLink as error:
        return _invalid_link(request, error)
    email = _address_for(link)
    if email is None:
        return _gone(request)
    if link.email is None:
        return redirect(reverse(view, args=[tokens.manage_token(email), *args]))
    return email


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """The address's page: all its alerts, each to change, pause, resume or delete, the calls it
    watches, its feeds, and everything kept about the address to export or delete."""
    email = _read_manage_link(request, token, "alerts:manage")
    if isinstance(email, HttpResponse):
        return email
    alerts = list(addresses.alerts_of(email))
    if alerts:
        translation.activate(alerts[-1].language)  # the newest alert's, the latest choice
    if request.method == "POST":
        mine = Subscription.objects.filter(email=email)
        # Deleting asks first: a form of an older page that still posts here is sent to the question.
        if "delete_all" in request.POST:
            return redirect(reverse("alerts:delete_all", args=[token]))
        if "delete" in request.POST and _number(request.POST["delete"]) is not None:
            return redirect(reverse("alerts:delete_alert", args=[token, _number(request.POST["delete"])]))
        for action, change in (("pause", {"paused": True}), ("resume", {"paused": False})):
            if action in request.POST:
                mine.filter(pk=_number(request.POST[action])).update(**change)
        if "unwatch" in request.POST:
            Watch.objects.filter(subscription__email=email, pk=_number(request.POST["unwatch"])).delete()
        return redirect(reverse("alerts:manage", args=[token]))
    return render(
        request,
        "opportunities/alerts/manage.html",
        {
            "deleted": request.GET.get("deleted") == "1",
            "email": email,
            "alerts": [
                {
                    "subscription": alert,
                    "rss_url": links.feed_url(alert, "rss"),
                    "ical_url": links.feed_url(alert, "ical"),
                }
                for alert in alerts
            ],
            "token": token,
        },
    )


def _number(value: str) -> int | None:
    return int(value) if value.isdigit() else None


@require_http_methods(["GET", "POST"])
def manage_alert(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    """One alert of the address: its filters, frequency, language, reminder days and pause."""
    email = _read_manage_link(request, token, "alerts:manage_alert", pk)
    if isinstance(email, HttpResponse):
        return email
    subscription = Subscription.objects.filter(pk=pk, email=email).first()
    if subscription is None:
        return _gone(request)
    translation.activate(subscription.language)
    saved = False
    if request.method == "POST":
        form = SettingsForm(request.POST, instance=subscription)
        if form.is_valid():
            subscription = form.save()
            translation.activate(subscription.language)
            form = SettingsForm(instance=subscription)
            saved = True
    else:
        form = SettingsForm(instance=subscription)
    return render(
        request,
        "opportunities/alerts/manage_alert.html",
        {"form": form, "subscription": subscription, "saved": saved, "token": token},
    )


@require_http_methods(["GET", "POST"])
def delete_alert(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    """Asks before deleting one alert of the address (with the calls it watches); the POST deletes."""
    email = _read_manage_link(request, token, "alerts:delete_alert", pk)
    if isinstance(email, HttpResponse):
        return email
    subscription = addresses.alerts_of(email).filter(pk=pk).first()
    if subscription is None:  # deleted meanwhile (a second click), or not this address's
        return _gone(request)
    translation.activate(subscription.language)
    if request.method == "POST":
        subscription.delete()
        return redirect(reverse("alerts:manage", args=[token]) + "?deleted=1")
    return render(request, "opportunities/alerts/delete_alert.html", {"subscription": subscription, "token": token})


@require_http_methods(["GET", "POST"])
def delete_all(request: HttpRequest, token: str) -> HttpResponse:
    """Asks before deleting everything kept about the address; the POST deletes it."""
    email = _read_manage_link(request, token, "alerts:delete_all")
    if isinstance(email, HttpResponse):
        return email
    alerts = list(addresses.alerts_of(email))
    if alerts:
        translation.activate(alerts[-1].language)
    if request.method == "POST":
        personal_data.erase(Subscription.objects.filter(email=email))
        return render(request, "opportunities/alerts/unsubscribed.html", {"deleted": True})
    if not alerts:  # nothing left to delete: the address's page says so
        return redirect(reverse("alerts:manage", args=[token]))
    watched = sum(len(alert.watches.all()) for alert in alerts)
    return render(
        request,
        "opportunities/alerts/delete_all.html",
        {"email": email, "alerts": len(alerts), "watched": watched, "token": token},
    )


def export(request: HttpRequest, token: str) -> HttpResponse:
    """Everything kept about the address: all its alerts, watched calls and sent e-mails (JSON)."""
    email = _read_manage_link(request, token, "alerts:export")
    if isinstance(email, HttpResponse):
        return email
    return personal_data.json_download(addresses.export(email), "funding-alerts.json")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """RFC 8058 one-click: a POST stops this one alert at once (mail clients send it without
    cookies); the address's other alerts go on.

    A GET (a person following the link) shows one button, so that a link checker fetching the
    address cannot unsubscribe anybody.
    """
    try:
        pk, email = tokens.read_unsubscribe_token(token)
    except tokens.BadLink as error:
        return _invalid_link(request, error)
    subscription = Subscription.objects.filter(pk=pk, email=email).first()
    if subscription is not None:
        translation.activate(subscription.language)
    if request.method == "GET" and subscription is not None:
        return render(request, "opportunities/alerts/unsubscribe.html", {"subscription": subscription, "token": token})
    if request.method == "POST" and subscription is not None:
        subscription.delete()
    # No link to the address's page here: an unsubscribe link never expires, a manage link does.
    others = Subscription.objects.filter(email=email).exists()
    return render(request, "opportunities/alerts/unsubscribed.html", {"deleted": False, "others": others})


def watch(request: HttpRequest, token: str, call_pk: int) -> HttpResponse:
    """From a digest: add a call to the reminders of the alert that sent it (harmless if followed
    twice; a call the address already watches under another alert stays there)."""
    try:
        subscription_pk = tokens.read_watch_token(token)
    except tokens.BadLink as error:
        return _invalid_link(request, error)
    subscription = Subscription.objects.filter(pk=subscription_pk).first()
    if subscription is None:
        return _gone(request)
    call = get_object_or_404(FundingCall.objects.public(), pk=call_pk)
    holder = addresses.watch(subscription, call).subscription
    translation.activate(holder.language)
    return render(
        request,
        "opportunities/alerts/watched.html",
        {"subscription": holder, "call": call, "manage_url": _manage_path(holder.email)},
    )


def _feed_subscription(token: str) -> Subscription:
    subscription = Subscription.objects.filter(feed_token=token).first()
    if subscription is None:
        raise Http404
    translation.activate(subscription.language)
    return subscription


def _feed_calls(subscription: Subscription) -> list[FundingCall]:
    calls = (
        FundingCall.objects.public()
        .not_closed()
        .select_related("programme")
        .prefetch_related("deadlines", "sectors")
        .order_by("-first_published_at")
    )
    return calls_for(subscription, calls)[: settings.ALERTS_FEED_SIZE]


def feed_rss(request: HttpRequest, token: str) -> HttpResponse:
    from opportunities.finder.feeds import SubscriptionRssFeed

    subscription = _feed_subscription(token)
    return SubscriptionRssFeed(subscription, _feed_calls(subscription))(request)


def feed_ical(request: HttpRequest, token: str) -> HttpResponse:
    from opportunities.finder.ical import calendar_response
    from opportunities.finder.upcoming import finder_for

    subscription = _feed_subscription(token)
    finder = finder_for(subscription.site)
    if finder is None:
        raise Http404
    return calendar_response(_feed_calls(subscription), finder, request, filename="my-funding-deadlines")
