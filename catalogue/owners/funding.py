"""Tied to the funding radar, on the owner's page: "calls that fit you", and one click that turns
them into a funding alert.

The profile is matched as an alert would be (``opportunities.alerts.matching``: the same rules for
sectors, for regions with their parents, for applicant types), its kind read as applicant types
through a mapping kept as data (``catalogue/data/applicant_types.yaml``). The alert it becomes has
the same filters and goes to the member's address, which the link that opened the page confirmed
already: no second confirmation, and the welcome e-mail is sent as for any new alert.

An alert is the address's own, kept apart from the profile (it has its own links to change or stop
it); deleting a profile offers to delete the member's alerts too (``alerts_of``, ``delete_alerts``),
so that nothing of theirs is left when they leave.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml
from django.db import transaction
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Site

from catalogue.models import ActorKind, Profile, ProfileMember
from catalogue.vocabulary import DATA
from kreativ import personal_data
from opportunities.alerts import addresses, links, mails
from opportunities.alerts.matching import Interest, calls_for_interest
from opportunities.models import FundingCall, Subscription

CALLS_SHOWN = 10


@lru_cache(maxsize=1)
def applicant_types() -> dict[str, list[str]]:
    """Each kind of actor's applicant types (slugs), from the data file; every kind must be named."""
    mapping = yaml.safe_load((DATA / "applicant_types.yaml").read_text(encoding="utf-8")) or {}
    missing = [kind for kind in ActorKind.values if kind not in mapping]
    if missing:
        raise ValueError(f"applicant_types.yaml names no applicant type for: {', '.join(missing)}")
    return {kind: [str(slug) for slug in slugs] for kind, slugs in mapping.items()}


def interest_of(profile: Profile) -> Interest:
    return Interest(
        sectors=[sector.slug for sector in profile.sectors.all()],
        regions=[region.slug for region in profile.regions.all()],
        applicants=applicant_types().get(profile.kind, []),
    )


def calls_that_fit(profile: Profile, limit: int = CALLS_SHOWN) -> list[FundingCall]:
    """Open and forthcoming published calls that fit the profile, soonest deadline first."""
    calls = (
        FundingCall.objects.public()
        .not_closed()
        .select_related("programme")
        .prefetch_related("deadlines")
        .order_by("final_deadline", "pk")
    )
    return calls_for_interest(interest_of(profile), calls)[:limit]


def call_links(calls: list[FundingCall], site: Site | None) -> list[tuple[FundingCall, str]]:
    language = translation.get_language() or "cs"
    finder = links.finder_in(language, site)
    return [(call, links.call_url(call, language, finder=finder, site=site)) for call in calls]


def wish_of(profile: Profile, language: str) -> dict[str, Any]:
    """The alert the profile's calls make: its filters, weekly, in the reader's language."""
    interest = interest_of(profile)
    return {
        "frequency": Subscription.Frequency.WEEKLY,
        "language": language,
        "sectors": interest.sectors,
        "regions": interest.regions,
        "applicant_types": interest.applicants,
        "programmes": [],
        "keywords": "",
        "min_amount": None,
    }


def subscribe(member: ProfileMember, profile: Profile, request: HttpRequest) -> tuple[Subscription, bool]:
    """The member's alert for the calls that fit (created, or the same one turned on again), and
    whether it is new; a new one is welcomed by e-mail."""
    from kreativ.sites import site_for

    with transaction.atomic():
        subscription, already = addresses.subscribe_confirmed(
            member.email, wish_of(profile, translation.get_language() or member.language), site_for(request)
        )
    if not already:
        mails.send_welcome(subscription)
    return subscription, not already


def alerts_count(member: ProfileMember) -> int:
    """How many funding alerts the member's address has (made here or on the finder)."""
    return Subscription.objects.filter(email=member.email).count()


def delete_alerts(member: ProfileMember) -> int:
    """Deletes the member's alerts and everything kept with them, as the alerts' own "delete all" does."""
    alerts = Subscription.objects.filter(email=member.email)
    count = alerts.count()
    personal_data.erase(alerts)
    return count
