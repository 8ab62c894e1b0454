"""The public funding finder: filters from a URL, full text through Wagtail's search API, facets.

Filters combine as AND across facets and OR within one. Each facet's counts are computed with every
other filter applied but its own, so a reader sees how many calls each choice would give. Full
text goes through the configured search backend (whoosh by default, OpenSearch on a bigger
deployment), expanded across the three languages, with sectors and applicant types named in it
matching like their facets (``text_search``). The filters, the counts and the two non-text sorts
run on the in-memory bitmap index of the public calls (``facet_index``), not in SQL: counting seven
facets in SQL on 50,000 calls took most of a second. The database is asked only for the calls of
the page shown.

Each office's site starts from its own region (``OfficeSettings``): without a region in the URL,
the finder shows the calls for the site's region and its wider scopes, as if that region were
ticked. The form always sends ``region=all`` beside the regions ticked (``EVERY_REGION``), so a
reader who unticks them all sees every region, and one who ticks others sees those.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.conf import settings
from django.core.paginator import Page
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kreativ.facets.forms import Choices, ListingForm
from kreativ.facets.listing import (
    EVERY_REGION,
    Facet,
    FacetedSearch,
    ListingResult,
    default_regions,
    listing_query,
)
from kreativ.models import Region, Sector
from kreativ.search.expansion import expand
from opportunities.finder import facet_index, text_search
from opportunities.models import ApplicantType, CallStatus, FundingCall, Programme

DEADLINE_WINDOWS = [("7", _("within 7 days")), ("30", _("within 30 days")), ("90", _("within 90 days"))]
# The deadline facet is one choice of several (radio buttons): its first choice clears it.
ANY_DEADLINE = ("", _("any time"))
# Labels of the amount buckets, whose limits (in euros) are in ``facet_index.AMOUNT_BUCKETS``.
AMOUNTS = [
    ("small", _("up to €10,000")),
    ("medium", _("€10,000 to €100,000")),
    ("large", _("€100,000 to €1 million")),
    ("xlarge", _("over €1 million")),
]
SORTS = [("relevance", _("Relevance")), ("deadline", _("Nearest deadline")), ("newest", _("Newest"))]
DEFAULT_STATUSES = [CallStatus.OPEN, CallStatus.FORTHCOMING]
TAXONOMY_FACETS = ("sector", "region", "applicant", "programme")
__all__ = ["EVERY_REGION", "Finder", "FinderForm", "default_regions", "finder_query", "taxonomy_choices"]
# The URL query string of the finder's filters with some changed (facet links, pagination, feeds).
finder_query = listing_query


def taxonomy_choices(index: facet_index.FacetIndex | None = None) -> dict[str, list[tuple[str, str]]]:
    """The four taxonomies' choices in the active language; the form and the facets share them.

    From the facet index's copy of the taxonomies when given (no query), else from the database.
    """
    entries = index.taxonomies if index is not None and index.taxonomies else None
    if entries is None:
        entries = {
            "sector": Sector.objects.all(),
            "region": Region.objects.all(),
            "applicant": ApplicantType.objects.all(),
            "programme": Programme.objects.all(),
        }
    return {
        "sector": [(s.slug, s.name) for s in entries["sector"]],
        "region": [(r.slug, r.name) for r in entries["region"]],
        "applicant": [(a.slug, a.name) for a in entries["applicant"]],
        "programme": [(str(p.pk), p.name) for p in entries["programme"]],
    }


class FinderForm(ListingForm):
    """The finder's filters as they appear in a shareable URL (the taxonomies' choices from the
    database when none are given)."""

    TAXONOMY_FACETS = TAXONOMY_FACETS

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    sector = forms.MultipleChoiceField(label=_("Sector"), required=False)
    region = forms.MultipleChoiceField(label=_("Region"), required=False)
    applicant = forms.MultipleChoiceField(label=_("Who can apply"), required=False)
    programme = forms.MultipleChoiceField(label=_("Programme"), required=False)
    status = forms.MultipleChoiceField(label=_("Status"), required=False, choices=CallStatus.choices)
    deadline = forms.ChoiceField(label=_("Deadline"), required=False, choices=[ANY_DEADLINE, *DEADLINE_WINDOWS])
    amount = forms.MultipleChoiceField(
        label=_("Amount per project"),
        required=False,
        choices=AMOUNTS,
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(self, *args: Any, choices: Choices | None = None, **kwargs: Any) -> None:
        super().__init__(*args, choices=choices or taxonomy_choices(), **kwargs)


@dataclass
class NamedFacet:
    """A sector or applicant type the text names, and the address that narrows the search to it."""

    facet: str
    value: str
    label: str
    words: str
    query: str


@dataclass
class FinderResult(ListingResult):
    named: list[NamedFacet] = field(default_factory=list)


class Finder(FacetedSearch):
    """Applies finder filters to the public calls and counts the facets (on the bitmap index)."""

    FILTERS = ("sector", "region", "applicant", "programme", "status", "deadline", "amount")
    DEFAULT_ORDER = "deadline"

    def __init__(
        self,
        filters: dict[str, Any],
        index: facet_index.FacetIndex | None = None,
        choices: dict[str, list[tuple[str, str]]] | None = None,
        default_regions: Sequence[str] = (),
    ) -> None:
        super().__init__(filters, index or facet_index.current(), choices, default_regions)

    def search(self) -> list[int]:
        """Primary keys of the public calls the text finds, best first (``text_search``)."""
        return text_search.matching_calls(self.text, self.index)

    def objects(self, pks: list[int]) -> QuerySet:
        return _for_listing(FundingCall.objects.filter(pk__in=pks))

    def default_values(self, name: str) -> list[str]:
        return list(DEFAULT_STATUSES) if name == "status" else []

    def region_values(self, selected: list[str]) -> set[str]:
        """A region's calls include those for its wider scopes (the country, the EU)."""
        return self.index.regions_with_wider_scopes(selected)

    def shown_selected(self, name: str) -> set[str]:
        return super().shown_selected(name) or ({ANY_DEADLINE[0]} if name == "deadline" else set())

    def named_facets(self) -> list[NamedFacet]:
        """The sectors and applicant types the text names and no filter selects, each with the
        address of the same search narrowed to it (the value ticked, its words out of the text)."""
        if not self.text:
            return []
        expansion = expand(self.text)
        labels = {name: dict(options) for name, options in (self._choices or taxonomy_choices(self.index)).items()}
        named = []
        for found in text_search.named_values(expansion, self.index):
            selected = self._selected(found.facet)
            if found.value in selected or found.value not in labels[found.facet]:
                continue
            narrowed = finder_query(
                self.filters,
                q=expansion.text_without({found.index}),
                page=None,
                **{found.facet: [*selected, found.value]},
            )
            named.append(
                NamedFacet(found.facet, found.value, labels[found.facet][found.value], found.part.text, narrowed)
            )
        return named

    def results(self, page_number: int | str = 1, per_page: int | None = None) -> tuple[Page, int]:
        return super().results(page_number, per_page or settings.FUNDING_PAGE_SIZE)

    def run(self, page_number: int | None = None) -> FinderResult:
        page, total = self.results(page_number or self.filters.get("page") or 1)
        return FinderResult(
            page=page,
            total=total,
            facets=self.facets(),
            filters=self.filters,
            sort=self.sort_key(),
            named=self.named_facets(),
            default_regions=self.default_regions,
            chosen=self.chosen,
        )

    # --- facets --------------------------------------------------------------------------------

    def facets(self) -> list[Facet]:
        choices = self._choices or taxonomy_choices(self.index)
        return [
            self.facet("status", _("Status"), [(value, label) for value, label in CallStatus.choices], keep_all=True),
            self.facet("sector", _("Sector"), choices["sector"]),
            self.facet("region", _("Region"), choices["region"]),
            self.facet("applicant", _("Who can apply"), choices["applicant"]),
            self.facet("programme", _("Programme"), choices["programme"]),
            self.facet("deadline", _("Deadline"), [ANY_DEADLINE, *DEADLINE_WINDOWS], keep_all=True, multiple=False),
            self._amount_facet(),
        ]

    def _amount_facet(self) -> Facet:
        """The amount buckets, all of them (an empty one says so), unless no call in view gives an
        amount at all: four "(0)" would only say that its sources name no money."""
        facet = self.facet("amount", _("Amount per project"), AMOUNTS, keep_all=True)
        if not any(option.count or option.selected for option in facet.options):
            facet.options = []
        return facet


def _for_listing(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("programme").prefetch_related("deadlines", "sectors")
