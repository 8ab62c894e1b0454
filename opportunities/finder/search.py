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
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _

from kreativ.models import Region, Sector
from kreativ.search.expansion import expand
from kreativ.sites import region_of, site_for
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
# Sent by the finder's form with the regions ticked: the reader chose the regions (none: all of them).
EVERY_REGION = "all"


def default_regions(request: HttpRequest | None) -> list[str]:
    """The region of the office whose site the request came to: where its finder starts."""
    region = region_of(site_for(request))
    return [region.slug] if region is not None else []


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


class FinderForm(forms.Form):
    """The finder's filters as they appear in a shareable URL."""

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

    def __init__(self, *args: Any, choices: dict[str, list[tuple[str, str]]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = choices or taxonomy_choices()
        for name in TAXONOMY_FACETS:
            self.fields[name].choices = choices[name]
        self.fields["region"].choices = [(EVERY_REGION, _("Every region")), *choices["region"]]

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
class NamedFacet:
    """A sector or applicant type the text names, and the address that narrows the search to it."""

    facet: str
    value: str
    label: str
    words: str
    query: str


@dataclass
class FinderResult:
    page: Page
    total: int
    facets: list[Facet]
    filters: dict[str, Any]
    sort: str
    named: list[NamedFacet] = field(default_factory=list)
    default_regions: list[str] = field(default_factory=list)  # the site's, applied as no region was named

    @property
    def chosen(self) -> int:
        """How many filter values the reader chose (shown beside the folded "Filters")."""
        values = [self.filters.get(name) for name in Finder.FILTERS]
        return sum(len(value) if isinstance(value, list) else 1 for value in values if value)


class Finder:
    """Applies finder filters to the public calls and counts the facets (on the bitmap index)."""

    FILTERS = ("sector", "region", "applicant", "programme", "status", "deadline", "amount")

    def __init__(
        self,
        filters: dict[str, Any],
        index: facet_index.FacetIndex | None = None,
        choices: dict[str, list[tuple[str, str]]] | None = None,
        default_regions: Sequence[str] = (),
    ) -> None:
        self.filters = filters
        self.index = index or facet_index.current()
        self._choices = choices
        self.text = (filters.get("q") or "").strip()
        # The site's region, when the URL names none (see the module's docstring).
        self.default_regions = [] if "region" in filters else list(default_regions)

    def text_matches(self) -> facet_index.TextMatches:
        """The calls matching the text, best first; searched once per text and facet index."""
        return self.index.text_matches(self.text, self.search)

    def search(self) -> list[int]:
        """Primary keys of the public calls the text finds, best first (``text_search``)."""
        return text_search.matching_calls(self.text, self.index)

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

    def _selected(self, name: str) -> list[str]:
        if name == "region" and self.default_regions:
            return self.default_regions
        value = self.filters.get(name) or []
        values = [value] if isinstance(value, str) else [str(v) for v in value]
        return [v for v in values if v != EVERY_REGION] if name == "region" else values

    def _mask(self, name: str) -> int:
        """The calls one filter lets through (all calls when the filter is not set)."""
        index = self.index
        if name == "status":
            return index.any_of("status", self._selected("status") or DEFAULT_STATUSES)
        selected = self._selected(name)
        if not selected:
            return index.everything
        if name == "region":
            return index.any_of("region", index.regions_with_wider_scopes(selected))  # see _mask_of_region
        return index.any_of(name, selected)

    def _mask_of_region(self, slug: str) -> int:
        return self.index.any_of("region", self.index.regions_with_wider_scopes([slug]))

    @property
    def base_mask(self) -> int:
        """The calls the text matched (all calls without a text)."""
        return self.text_matches().mask if self.text else self.index.everything

    def mask(self, without: str | None = None) -> int:
        result = self.base_mask
        for name in self.FILTERS:
            if name != without:
                result &= self._mask(name)
        return result

    # --- results -------------------------------------------------------------------------------

    def sort_key(self) -> str:
        sort = self.filters.get("sort")
        if sort == "relevance" and not self.text:
            sort = None
        return sort or ("relevance" if self.text else "deadline")

    def ordered_pks(self) -> Sequence[int]:
        """The matching calls' primary keys in the chosen order (a lazy sequence for pagination)."""
        mask = self.mask()
        index = self.index
        sort = self.sort_key()
        if sort == "relevance":
            return index.ordered(mask, self.text_matches().positions)
        return index.ordered(mask, index.order_newest if sort == "newest" else index.order_deadline)

    def results(self, page_number: int = 1, per_page: int | None = None) -> tuple[Page, int]:
        paginator = Paginator(self.ordered_pks(), per_page or settings.FUNDING_PAGE_SIZE)
        page = paginator.get_page(page_number)
        calls = {call.pk: call for call in _for_listing(FundingCall.objects.filter(pk__in=list(page.object_list)))}
        page.object_list = [calls[pk] for pk in page.object_list if pk in calls]
        return page, paginator.count

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
        )

    # --- facets --------------------------------------------------------------------------------

    def facets(self) -> list[Facet]:
        choices = self._choices or taxonomy_choices(self.index)
        return [
            self._facet("status", _("Status"), [(value, label) for value, label in CallStatus.choices], keep_all=True),
            self._facet("sector", _("Sector"), choices["sector"]),
            self._facet("region", _("Region"), choices["region"]),
            self._facet("applicant", _("Who can apply"), choices["applicant"]),
            self._facet("programme", _("Programme"), choices["programme"]),
            self._facet("deadline", _("Deadline"), [ANY_DEADLINE, *DEADLINE_WINDOWS], keep_all=True),
            self._amount_facet(),
        ]

    def _amount_facet(self) -> Facet:
        """The amount buckets, all of them (an empty one says so), unless no call in view gives an
        amount at all: four "(0)" would only say that its sources name no money."""
        facet = self._facet("amount", _("Amount per project"), AMOUNTS, keep_all=True)
        if not any(option.count or option.selected for option in facet.options):
            facet.options = []
        return facet

    def _facet(self, name: str, label: str, choices: list[tuple[str, Any]], keep_all: bool = False) -> Facet:
        """Counts each choice with every other filter applied; hides unused choices unless selected."""
        mask = self.mask(without=name)
        selected = set(self._selected(name)) or (set(DEFAULT_STATUSES) if name == "status" else set())
        if name == "deadline" and not selected:
            selected = {ANY_DEADLINE[0]}
        options = []
        for value, choice_label in choices:
            bits = mask if value == "" else mask & self.index.bits(name, value)  # "any": all of them
            count = bits.bit_count()
            if count or keep_all or value in selected:
                if name == "region":
                    # What ticking the region shows: its calls and those of the wider scopes (a
                    # call for all of Czechia serves Olomoucký kraj), not only the ones tagged with it.
                    count = (mask & self._mask_of_region(value)).bit_count()
                options.append(FacetOption(value, str(choice_label), count, value in selected))
        if not keep_all:
            options.sort(key=lambda option: (-option.count, option.label))
        return Facet(name, str(label), options)


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
