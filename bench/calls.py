"""Synthetic funding calls shaped like the real EU snapshot (titles, summaries, identifiers, dates).

Shared by the finder and search benchmarks. Calls are written with bulk inserts as published rows:
the benchmarks measure reading, not moderation.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

SNAPSHOT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "eu_ft" / "eu_calls_snapshot_2026-08-22.csv"
FALLBACK = Path("/work/shared/funding-samples/eu-ft-snapshots/eu_calls_snapshot_2026-08-22.csv")


def snapshot_path() -> Path:
    return SNAPSHOT if SNAPSHOT.exists() else FALLBACK


def snapshot_rows() -> list[dict[str, str]]:
    """The snapshot's rows as the texts the synthetic calls borrow (programme names: the crawler's)."""
    from crawler.parsers.eu_ft import first
    from crawler.snapshots import snapshot_results
    from crawler.vocabulary import EU_PROGRAMMES

    rows = []
    for result in snapshot_results(snapshot_path()):
        metadata = result["metadata"]
        rows.append(
            {
                "title": first(metadata, "title") or result["summary"],
                "summary": result["content"] or result["summary"],
                "identifier": str(first(metadata, "identifier") or ""),
                "programme": EU_PROGRAMMES.get(str(first(metadata, "frameworkProgramme")), "Other EU programme"),
            }
        )
    return rows


@transaction.atomic
def create_calls(count: int, seed: int = 2026) -> int:
    """Inserts ``count`` live calls with deadlines, sectors, regions and applicant types."""
    from kreativ.models import Region, Sector
    from opportunities.models import ApplicantType, Deadline, FundingCall, Programme
    from opportunities.models.calls import to_eur

    rng = random.Random(seed)
    rows = snapshot_rows()
    programmes = {name: Programme.objects.get_or_create(name=name)[0] for name in {r["programme"] for r in rows}}
    sectors = list(Sector.objects.values_list("pk", flat=True))
    regions = {r.code: r.pk for r in Region.objects.all()}
    applicants = list(ApplicantType.objects.values_list("pk", flat=True))
    region_choices = ["EU"] * 6 + ["CZ", "SI", "CZ071", "CZ042", "SI042", "SI041"]
    words = ["culture", "heritage", "digital", "music", "design", "film", "audience", "skills", "cooperation", "games"]
    now = timezone.now()
    start = FundingCall.objects.count()
    batch = 2000
    for offset in range(0, count, batch):
        calls = []
        for number in range(offset, min(offset + batch, count)):
            row = rng.choice(rows)
            currency = rng.choice(["EUR", "EUR", "EUR", "CZK"])
            amount = Decimal(int(rng.lognormvariate(11, 1.6))) if rng.random() < 0.8 else None
            opening = now + dt.timedelta(days=rng.randint(-300, 60))
            call = FundingCall(
                title=f"{row['title']} {rng.choice(words)} {number}"[:400],
                slug=f"bench-{start + number}",
                summary=row["summary"][:2000],
                call_identifier=f"{row['identifier']}-{number}",
                programme=programmes[row["programme"]],
                funder="European Commission",
                currency=currency,
                amount_max=amount,
                max_amount_eur=to_eur(amount, currency),
                opening_date=opening,
                live=True,
                has_unpublished_changes=False,
                first_published_at=opening,
                language="en",
            )
            call._bench_deadlines = sorted(
                opening + dt.timedelta(days=rng.randint(20, 420)) for _ in range(rng.choice([1, 1, 1, 2]))
            )
            call.final_deadline = call._bench_deadlines[-1]
            calls.append(call)
        FundingCall.objects.bulk_create(calls)
        Deadline.objects.bulk_create(
            [Deadline.of(at, call=call, sort_order=i) for call in calls for i, at in enumerate(call._bench_deadlines)]
        )
        FundingCall.sectors.through.objects.bulk_create(
            [
                FundingCall.sectors.through(fundingcall_id=call.pk, sector_id=sector)
                for call in calls
                for sector in rng.sample(sectors, rng.choice([0, 1, 1, 2, 3]))
            ]
        )
        FundingCall.regions.through.objects.bulk_create(
            [
                FundingCall.regions.through(fundingcall_id=call.pk, region_id=regions[code])
                for call in calls
                for code in {rng.choice(region_choices) for _ in range(rng.choice([1, 1, 2]))}
            ]
        )
        FundingCall.applicant_types.through.objects.bulk_create(
            [
                FundingCall.applicant_types.through(fundingcall_id=call.pk, applicanttype_id=applicant)
                for call in calls
                for applicant in rng.sample(applicants, rng.choice([1, 2, 3, 4]))
            ]
        )
    return count


@transaction.atomic
def create_snapshot_calls(count: int, published_at=None) -> int:
    """Inserts up to ``count`` real calls of the EU snapshot, parsed by the crawler, as published and open.

    Their sectors, regions, applicant types and amounts are the ones the crawler derives from the
    real data; only the dates are moved so that every call is newly approved and still open.
    """
    from crawler.items import complete
    from crawler.parsers.eu_ft import parse_result
    from crawler.snapshots import snapshot_results
    from kreativ.models import Region, Sector
    from opportunities.models import ApplicantType, Deadline, FundingCall, Programme
    from opportunities.models.calls import to_eur

    items: dict[str, dict] = {}
    for result in snapshot_results(snapshot_path()):
        item = complete(parse_result(result))
        items.setdefault(item["external_id"], item)
    chosen = list(items.values())[:count]
    now = published_at or timezone.now()
    sectors = dict(Sector.objects.values_list("slug", "pk"))
    regions = dict(Region.objects.values_list("code", "pk"))
    applicants = dict(ApplicantType.objects.values_list("slug", "pk"))
    calls = []
    for number, item in enumerate(chosen):
        programme = Programme.objects.get_or_create(name=item["programme"] or "Other EU programme")[0]
        amount = item["amount_max"]
        call = FundingCall(
            title=item["title"][:400],
            slug=f"snapshot-{number}-{FundingCall.objects.count() + number}",
            summary=item["summary"][:2000],
            call_identifier=item["call_identifier"] or "",
            programme=programme,
            funder=item["funder"] or "",
            currency=item["currency"] or "EUR",
            amount_max=amount,
            max_amount_eur=to_eur(amount, item["currency"] or "EUR"),
            opening_date=now - dt.timedelta(days=1),
            final_deadline=now + dt.timedelta(days=30 + number % 300),
            live=True,
            first_published_at=now - dt.timedelta(minutes=number),
            language=item["language"] or "en",
        )
        call._item = item
        calls.append(call)
    FundingCall.objects.bulk_create(calls)
    Deadline.objects.bulk_create([Deadline.of(call.final_deadline, call=call) for call in calls])
    for field, lookup, key in (
        ("sectors", sectors, "sectors"),
        ("regions", regions, "regions"),
        ("applicant_types", applicants, "applicant_types"),
    ):
        through = getattr(FundingCall, field).through
        column = {"sectors": "sector_id", "regions": "region_id", "applicant_types": "applicanttype_id"}[field]
        through.objects.bulk_create(
            [
                through(fundingcall_id=call.pk, **{column: lookup[v]})
                for call in calls
                for v in set(call._item[key])
                if v in lookup
            ]
        )
    return len(calls)
