"""The public funding finder: filters from a URL, full text through Wagtail's search API, facets.

Filters combine as AND across facets and OR within one. Each facet's counts are computed with every
other filter applied but its own, so a reader sees how many calls each choice would give. Full
text goes through the configured search backend (whoosh by default, OpenSearch on a bigger
deployment); the structured filters, the facets and the sorting run in the database on the calls
the search matched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kreativ.models import Region, Sector
from opportunities.models import ApplicantType, CallStatus, Deadline, FundingCall, Programme, status_q

# How many best matches of a full-text query the finder considers; beyond that, refine the query.
MAX_TEXT_HITS = 2000
DEADLINE_WINDOWS = [("7", _("within 7 days")), ("30", _("within 30 days")), ("90", _("within 90 days"))]
AMOUNT_BUCKETS = [
    ("small", _("up to €10,000"), None, Decimal("10000")),
    ("medium", _("€10,000 to €100,000"), Decimal("10000"), Decimal("100000")),
    ("large", _("€100,000 to €1 million"), Decimal("100000"), Decimal("1000000")),
    ("xlarge", _("over €1 million"), Decimal("1000000"), None),
]
SORTS = [("relevance", _("Relevance")), ("deadline", _("Nearest deadline")), ("newest", _("Newest"))]
DEFAULT_STATUSES = [CallStatus.OPEN, CallStatus.FORTHCOMING]


class FinderForm(forms.Form):
    """The finder's filters as they appear in a shareable URL."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    sector = forms.MultipleChoiceField(label=_("Sector"), required=False)
    region = forms.MultipleChoiceField(label=_("Region"), required=False)
    applicant = forms.MultipleChoiceField(label=_("Who can apply"), required=False)
    programme = forms.MultipleChoiceField(label=_("Programme"), required=False)
    status = forms.MultipleChoiceField(label=_("Status"), required=False, choices=CallStatus.choices)
    deadline = forms.ChoiceField(label=_("Deadline"), required=False, choices=[("", _("any time")), *DEADLINE_WINDOWS])
    amount = forms.MultipleChoiceField(
        label=_("Amount per project"),
        required=False,
        choices=[(key, label) for key, label, _low, _high in AMOUNT_BUCKETS],
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [(s.slug, s.name) for s in Sector.objects.all()]
        self.fields["region"].choices = [(r.slug, r.name) for r in Region.objects.all()]
        self.fields["applicant"].choices = [(a.slug, a.name) for a in ApplicantType.objects.all()]
        self.fields["programme"].choices = [(str(p.pk), p.name) for p in Programme.objects.all()]

    def filters(self) -> dict[str, Any]:
        """The valid filters; a field with a bad value is left out (and its error shown)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "", [])}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)


@dataclass
class FinderResult:
    page: Page
    total: int
    facets: list[Facet]
    filters: dict[str, Any]
    sort: str


class Finder:
    """Applies finder filters to the public calls and counts the facets."""

    def __init__(self, filters: dict[str, Any], now: dt.datetime | None = None) -> None:
        self.filters = filters
        self.now = now or timezone.now()
        self.text = (filters.get("q") or "").strip()
        self._hits: list[int] | None = None

    # --- the building blocks -------------------------------------------------------------------

    def text_hits(self) -> list[int]:
        """Primary keys of the calls matching the text, best first (through the search backend)."""
        if self._hits is None:
            results = FundingCall.objects.filter(live=True, merged_into__isnull=True).search(
                self.text, operator="and", order_by_relevance=True
            )
            self._hits = [call.pk for call in results[:MAX_TEXT_HITS]]
        return self._hits

    def _condition(self, name: str) -> Q | None:
        value = self.filters.get(name)
        if not value:
            return None
        if name == "sector":
            through = FundingCall.sectors.through
            return Q(Exists(through.objects.filter(fundingcall_id=OuterRef("pk"), sector__slug__in=value)))
        if name == "region":
            wanted: set[int] = set()
            for region in Region.objects.filter(slug__in=value).select_related("parent__parent"):
                wanted.update(r.pk for r in region.ancestors())
            through = FundingCall.regions.through
            return Q(Exists(through.objects.filter(fundingcall_id=OuterRef("pk"), region_id__in=wanted)))
        if name == "applicant":
            through = FundingCall.applicant_types.through
            return Q(Exists(through.objects.filter(fundingcall_id=OuterRef("pk"), applicanttype__slug__in=value)))
        if name == "programme":
            return Q(programme_id__in=[int(pk) for pk in value])
        if name == "deadline":
            end = self.now + dt.timedelta(days=int(value))
            return Q(Exists(Deadline.objects.filter(call=OuterRef("pk"), at__gte=self.now, at__lte=end)))
        if name == "amount":
            condition = Q()
            for key, _label, low, high in AMOUNT_BUCKETS:
                if key in value:
                    condition |= _amount_range(low, high)
            return condition
        return None

    def _status_condition(self) -> Q:
        statuses = self.filters.get("status") or DEFAULT_STATUSES
        return status_q(statuses, self.now)

    def base(self) -> QuerySet:
        queryset = FundingCall.objects.public()
        if self.text:
            queryset = queryset.filter(pk__in=self.text_hits())
        return queryset

    def filtered(self, without: str | None = None) -> QuerySet:
        queryset = self.base()
        for name in ("sector", "region", "applicant", "programme", "deadline", "amount"):
            if name != without:
                condition = self._condition(name)
                if condition is not None:
                    queryset = queryset.filter(condition)
        if without != "status":
            queryset = queryset.filter(self._status_condition())
        return queryset

    # --- results -------------------------------------------------------------------------------

    def sort_key(self) -> str:
        sort = self.filters.get("sort")
        if sort == "relevance" and not self.text:
            sort = None
        return sort or ("relevance" if self.text else "deadline")

    def results(self, page_number: int = 1, per_page: int | None = None) -> tuple[Page, int]:
        per_page = per_page or settings.FUNDING_PAGE_SIZE
        queryset = self.filtered()
        sort = self.sort_key()
        if sort == "relevance":
            allowed = set(queryset.values_list("pk", flat=True))
            ordered = [pk for pk in self.text_hits() if pk in allowed]
            paginator = Paginator(ordered, per_page)
            page = paginator.get_page(page_number)
            calls = {c.pk: c for c in _for_listing(FundingCall.objects.filter(pk__in=list(page.object_list)))}
            page.object_list = [calls[pk] for pk in page.object_list if pk in calls]
            return page, paginator.count
        if sort == "newest":
            queryset = queryset.order_by(F("first_published_at").desc(nulls_last=True), "-pk")
        else:
            queryset = queryset.with_next_deadline(self.now).order_by(
                F("next_deadline").asc(nulls_last=True), F("final_deadline").desc(nulls_last=True), "pk"
            )
        paginator = Paginator(_for_listing(queryset), per_page)
        page = paginator.get_page(page_number)
        return page, paginator.count

    def run(self, page_number: int | None = None) -> FinderResult:
        page, total = self.results(page_number or self.filters.get("page") or 1)
        return FinderResult(page=page, total=total, facets=self.facets(), filters=self.filters, sort=self.sort_key())

    # --- facets --------------------------------------------------------------------------------

    def facets(self) -> list[Facet]:
        return [
            self._status_facet(),
            self._m2m_facet("sector", _("Sector"), FundingCall.sectors.through, "sector", Sector),
            self._m2m_facet("region", _("Region"), FundingCall.regions.through, "region", Region),
            self._m2m_facet(
                "applicant", _("Who can apply"), FundingCall.applicant_types.through, "applicanttype", ApplicantType
            ),
            self._programme_facet(),
            self._deadline_facet(),
            self._amount_facet(),
        ]

    def _selected(self, name: str) -> set[str]:
        value = self.filters.get(name) or []
        return {value} if isinstance(value, str) else set(value)

    def _m2m_facet(self, name: str, label: str, through, field_name: str, model) -> Facet:
        calls = self.filtered(without=name).values("pk")
        rows = (
            through.objects.filter(fundingcall_id__in=calls)
            .values(f"{field_name}_id")
            .annotate(n=Count("fundingcall_id"))
        )
        counts = {row[f"{field_name}_id"]: row["n"] for row in rows}
        selected = self._selected(name)
        options = [
            FacetOption(obj.slug, obj.name, counts.get(obj.pk, 0), obj.slug in selected)
            for obj in model.objects.filter(
                pk__in=counts.keys() | set(model.objects.filter(slug__in=selected).values_list("pk", flat=True))
            )
        ]
        options.sort(key=lambda o: (-o.count, o.label))
        return Facet(name, str(label), options)

    def _programme_facet(self) -> Facet:
        rows = (
            self.filtered(without="programme")
            .filter(programme__isnull=False)
            .values("programme_id", "programme__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "programme__name")
        )
        selected = self._selected("programme")
        options = [
            FacetOption(str(r["programme_id"]), r["programme__name"], r["n"], str(r["programme_id"]) in selected)
            for r in rows
        ]
        return Facet("programme", str(_("Programme")), options)

    def _status_facet(self) -> Facet:
        queryset = self.filtered(without="status")
        counts = queryset.aggregate(
            **{status: Count("pk", filter=status_q([status], self.now)) for status in CallStatus.values}
        )
        selected = self._selected("status") or set(DEFAULT_STATUSES)
        options = [
            FacetOption(value, str(label), counts[value], value in selected) for value, label in CallStatus.choices
        ]
        return Facet("status", str(_("Status")), options)

    def _deadline_facet(self) -> Facet:
        queryset = self.filtered(without="deadline")
        aggregates = {}
        for days, _label in DEADLINE_WINDOWS:
            end = self.now + dt.timedelta(days=int(days))
            window = Exists(Deadline.objects.filter(call=OuterRef("pk"), at__gte=self.now, at__lte=end))
            aggregates[f"d{days}"] = Count("pk", filter=Q(window))
        counts = queryset.aggregate(**aggregates)
        selected = self._selected("deadline")
        options = [
            FacetOption(days, str(label), counts[f"d{days}"], days in selected) for days, label in DEADLINE_WINDOWS
        ]
        return Facet("deadline", str(_("Deadline")), options)

    def _amount_facet(self) -> Facet:
        queryset = self.filtered(without="amount")
        counts = queryset.aggregate(
            **{key: Count("pk", filter=_amount_range(low, high)) for key, _label, low, high in AMOUNT_BUCKETS}
        )
        selected = self._selected("amount")
        options = [
            FacetOption(key, str(label), counts[key], key in selected) for key, label, _low, _high in AMOUNT_BUCKETS
        ]
        return Facet("amount", str(_("Amount per project")), options)


def _amount_range(low: Decimal | None, high: Decimal | None) -> Q:
    condition = Q(max_amount_eur__isnull=False)
    if low is not None:
        condition &= Q(max_amount_eur__gt=low)
    if high is not None:
        condition &= Q(max_amount_eur__lte=high)
    return condition


def _for_listing(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("programme").prefetch_related("deadlines", "sectors")


def finder_query(filters: dict[str, Any], **changes: Any) -> str:
    """The URL query string of these filters with some changed (for facet links and pagination)."""
    query = QueryDict(mutable=True)
    merged = {**filters, **changes}
    for name, value in merged.items():
        if value in (None, "", []) or (name == "page" and value == 1):
            continue
        if isinstance(value, list | tuple | set):
            query.setlist(name, [str(v) for v in value])
        else:
            query[name] = str(value)
    return query.urlencode()
