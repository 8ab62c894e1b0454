"""What one e-mail address holds: its alerts, the calls it watches, and everything kept about it.

An address may hold several alerts (subscriptions), each with its own filters, frequency, language,
reminder days, pause, feeds and unsubscribe link, and each sent and logged on its own. The rules
that concern the address as a whole live here:

- two alerts of one address never have the same filters (sectors, regions, applicant types,
  programmes, keywords, minimum amount): confirming the filters of an existing alert changes that
  alert's frequency and language and turns it on again, and creates nothing;
- an address watches a call under one of its alerts at most, so a deadline is reminded once. A
  watch asked for from a digest goes to the alert that sent it; one asked for from a call's page
  to the address's oldest alert, or to a new reminders-only alert when the address has none;
- the address's page lists, and its export holds, all its alerts with their watches and digests.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from wagtail.models import Site

from opportunities.alerts.matching import fold
from opportunities.models import FundingCall, Subscription, Watch

FiltersKey = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[int, ...], tuple[str, ...], str | None]


def alerts_of(email: str) -> QuerySet[Subscription]:
    """The address's alerts, oldest first, with what their page shows."""
    return (
        Subscription.objects.filter(email=email)
        .order_by("pk")
        .select_related("site")
        .prefetch_related(
            "sectors",
            "regions",
            "applicant_types",
            "programmes",
            Prefetch("watches", queryset=Watch.objects.select_related("call").order_by("created_at")),
        )
    )


def filters_key(
    sectors: list[str],
    regions: list[str],
    applicant_types: list[str],
    programmes: list[int],
    keywords: str,
    min_amount: Decimal | str | None,
) -> FiltersKey:
    """Filters in a form that compares equal when they select the same calls the same way."""
    words = sorted({fold(word.strip()) for word in (keywords or "").split(",") if word.strip()})
    amount = str(int(Decimal(min_amount))) if min_amount not in (None, "") else None
    return (
        tuple(sorted(sectors)),
        tuple(sorted(regions)),
        tuple(sorted(applicant_types)),
        tuple(sorted(int(pk) for pk in programmes)),
        tuple(words),
        amount,
    )


def key_of(subscription: Subscription) -> FiltersKey:
    return filters_key(
        [s.slug for s in subscription.sectors.all()],
        [r.slug for r in subscription.regions.all()],
        [a.slug for a in subscription.applicant_types.all()],
        [p.pk for p in subscription.programmes.all()],
        subscription.keywords,
        subscription.min_amount,
    )


def key_of_wish(wish: dict[str, Any]) -> FiltersKey:
    return filters_key(
        wish.get("sectors", []),
        wish.get("regions", []),
        wish.get("applicant_types", []),
        wish.get("programmes", []),
        wish.get("keywords", ""),
        wish.get("min_amount"),
    )


def alert_with_filters(email: str, key: FiltersKey, exclude_pk: int | None = None) -> Subscription | None:
    """The address's alert with these filters, if it has one."""
    for alert in alerts_of(email):
        if alert.pk != exclude_pk and key_of(alert) == key:
            return alert
    return None


def subscribe_confirmed(email: str, wish: dict[str, Any], site: Site | None) -> tuple[Subscription, bool]:
    """The alert of a wish whose address is confirmed (by the confirmation link, or by a link the
    address already holds: a catalogue profile's member), and whether the address had it already.

    An alert with the same filters changes its frequency and language and is turned on again;
    otherwise a new one starts now. The caller holds a transaction and sends the welcome.
    """
    from opportunities.alerts.forms import apply_wish

    subscription = alert_with_filters(email, key_of_wish(wish))
    already = subscription is not None
    if subscription is None:
        now = timezone.now()
        subscription = Subscription(email=email, site=site, confirmed_at=now, new_calls_since=now)
        subscription.closing_until = subscription.reminders_until = now
    else:
        subscription.paused = False
        subscription.site = subscription.site or site
    apply_wish(subscription, wish)  # saves
    return subscription, already


def home_for_watches(email: str, language: str, site: Site | None = None) -> Subscription:
    """The alert that takes a watch asked for from a call's page: the address's oldest alert, or a
    new reminders-only one (of the office's ``site`` it was asked on). The caller holds a transaction."""
    alert = Subscription.objects.filter(email=email).order_by("pk").first()
    if alert is not None:
        return alert
    now = timezone.now()
    return Subscription.objects.create(
        email=email,
        site=site,
        language=language,
        frequency=Subscription.Frequency.REMINDERS,
        confirmed_at=now,
        new_calls_since=now,
        closing_until=now,
        reminders_until=now,
    )


def watches(email: str, call: FundingCall) -> bool:
    """Whether the address watches ``call`` already, under any of its alerts."""
    return Watch.objects.filter(subscription__email=email, call=call).exists()


def watch(subscription: Subscription, call: FundingCall) -> Watch:
    """Adds ``call`` to the alert's reminders, unless the address already watches it (under any of
    its alerts): then that watch is returned, and reminders stay with the alert that has it."""
    existing = (
        Watch.objects.filter(subscription__email=subscription.email, call=call)
        .select_related("subscription")
        .order_by("pk")
        .first()
    )
    if existing is not None:
        return existing
    watch, _created = Watch.objects.get_or_create(subscription=subscription, call=call)
    return watch


def export(email: str) -> dict[str, Any]:
    """Everything the portal keeps about the address (its right of access, as JSON)."""
    return {"email": email, "alerts": [alert.export() for alert in alerts_of(email)]}
