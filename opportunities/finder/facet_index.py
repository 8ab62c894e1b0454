"""What the public calls contribute to the finder's bitmap index (``kreativ.facets``).

Counting seven facets with SQL on 50,000 calls took most of a second on SQLite; the foundation's
facet index makes a filter an AND or an OR of a few ints and a count a popcount. This module says
what goes in: each call's status, deadline window, amount bucket, programme, sectors, regions and
applicant types, the finder's two orders besides relevance (nearest deadline, newest), the region
tree and the four taxonomies. The index is rebuilt when a call is published, unpublished, deleted
or merged, or a taxonomy entry is edited (``invalidate``, connected in ``opportunities.apps``), and
at least every ``MAX_AGE`` seconds, because a call's status and deadline window depend on the time.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from kreativ.facets.builder import Positions
from kreativ.facets.holder import MAX_AGE, IndexHolder
from kreativ.facets.index import FacetIndex, OrderedMatches, TextMatches

__all__ = ["MAX_AGE", "FacetIndex", "OrderedMatches", "TextMatches", "build", "current", "invalidate"]

VERSION_KEY = "opportunities:facet-index-version"
DEADLINE_WINDOWS = (7, 30, 90)
AMOUNT_BUCKETS = {
    "small": (None, Decimal("10000")),
    "medium": (Decimal("10000"), Decimal("100000")),
    "large": (Decimal("100000"), Decimal("1000000")),
    "xlarge": (Decimal("1000000"), None),
}


def build(version: int) -> FacetIndex:
    """Reads the public calls' facet values from the database.

    Every query returns primary keys only, filtered and ordered by the database: converting
    tens of thousands of dates in Python would cost more than all the counting.
    """
    from django.db.models import F, Min

    from kreativ.models import Region, Sector
    from opportunities.models import ApplicantType, CallStatus, Deadline, FundingCall, Programme, status_q

    now = timezone.now()
    public = FundingCall.objects.public()
    found = Positions(public.order_by("pk").values_list("pk", flat=True))

    for status in CallStatus.values:
        found.add("status", status, public.filter(status_q([status], now)).values_list("pk", flat=True))
    public_deadlines = Deadline.objects.filter(call__live=True, call__merged_into__isnull=True, at__gte=now)
    for days in DEADLINE_WINDOWS:
        window = public_deadlines.filter(at__lte=now + dt.timedelta(days=days))
        found.add("deadline", str(days), window.order_by().values_list("call_id", flat=True).distinct())
    for key, (low, high) in AMOUNT_BUCKETS.items():
        bucket = public.filter(max_amount_eur__isnull=False)
        if low is not None:
            bucket = bucket.filter(max_amount_eur__gt=low)
        if high is not None:
            bucket = bucket.filter(max_amount_eur__lte=high)
        found.add("amount", key, bucket.values_list("pk", flat=True))
    found.add_pairs("programme", public.filter(programme__isnull=False).values_list("pk", "programme_id"))
    live = {"fundingcall__live": True, "fundingcall__merged_into__isnull": True}
    for facet, through, column in (
        ("sector", FundingCall.sectors.through, "sector__slug"),
        ("region", FundingCall.regions.through, "region__slug"),
        ("applicant", FundingCall.applicant_types.through, "applicanttype__slug"),
    ):
        found.add_pairs(facet, through.objects.filter(**live).values_list("fundingcall_id", column))

    # Nearest deadline still ahead first; then calls with none ahead, most recently closed first.
    upcoming = list(
        public_deadlines.values("call_id")
        .annotate(next=Min("at"))
        .order_by("next", "call_id")
        .values_list("call_id", flat=True)
    )
    rest = public.order_by(F("final_deadline").desc(nulls_last=True), "pk").values_list("pk", flat=True)
    ahead = set(upcoming)
    order_deadline = found.order(upcoming)
    order_deadline.extend(found.order(pk for pk in rest if pk not in ahead))
    newest = public.order_by(F("first_published_at").desc(nulls_last=True), "-pk").values_list("pk", flat=True)
    return FacetIndex(
        built_at=now,
        version=version,
        pks=found.pks,
        values=found.values(),
        orders={"deadline": order_deadline, "newest": found.order(newest)},
        region_parents=dict(Region.objects.values_list("slug", "parent__slug")),
        taxonomies={
            "sector": list(Sector.objects.all()),
            "region": list(Region.objects.all()),
            "applicant": list(ApplicantType.objects.all()),
            "programme": list(Programme.objects.all()),
        },
    )


_holder = IndexHolder(VERSION_KEY, build)
current = _holder.current
invalidate = _holder.invalidate
