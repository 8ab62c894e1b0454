"""A faceted listing's filters, counts and orders on its bitmap index, whatever the objects are.

Filters combine as AND across facets and OR within one (a facet named in ``ALL_OF`` wants every
value ticked: the catalogue's flags). Each facet's counts are computed with every other filter
applied but its own, so a reader sees how many objects each choice would give. Without a region in
the URL, a listing starts from the office's region (``default_regions``); its form always sends
``region=all`` beside the regions ticked (``EVERY_REGION``), so a reader who unticks them all sees
every region. The funding finder (``opportunities.finder.search``) and the catalogue
(``catalogue.public.search``) subclass ``FacetedSearch`` with their facets, text search and objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Model
from django.http import HttpRequest, QueryDict

from kreativ.facets.index import FacetIndex, TextMatches
from kreativ.sites import region_of, site_for

# Sent by a listing's form with the regions ticked: the reader chose the regions (none: all of them).
EVERY_REGION = "all"


def default_regions(request: HttpRequest | None) -> list[str]:
    """The region of the office whose site the request came to: where its listings start."""
    region = region_of(site_for(request))
    return [region.slug] if region is not None else []


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
    multiple: bool = True  # checkboxes; a facet of one choice (the finder's deadline) is radio buttons


@dataclass
class ListingResult:
    """What a listing's page shows: a page of its objects, how many there are, the facets and the
    filters read; a listing's own result adds what only it shows."""

    page: Page
    total: int
    facets: list[Facet]
    filters: dict[str, Any]
    sort: str
    default_regions: list[str] = field(default_factory=list)  # the site's, applied as no region was named
    chosen: int = 0  # how many filter values the reader chose (shown beside the folded "Filters")


class FacetedSearch:
    """Applies a listing's filters to its public objects and counts its facets, on its bitmap index."""

    FILTERS: tuple[str, ...] = ()
    ALL_OF: frozenset[str] = frozenset()
    # The order without a text (with a text: relevance), one of the index's ``orders``.
    DEFAULT_ORDER = ""

    def __init__(
        self,
        filters: dict[str, Any],
        index: FacetIndex,
        choices: dict[str, list[tuple[str, str]]] | None = None,
        default_regions: Sequence[str] = (),
    ) -> None:
        self.filters = filters
        self.index = index
        self._choices = choices
        self.text = (filters.get("q") or "").strip()
        # The site's region, when the URL names none (see the module's docstring).
        self.default_regions = [] if "region" in filters else list(default_regions)

    # --- what a listing says ------------------------------------------------------------------

    def search(self) -> list[int]:
        """Primary keys of the public objects the text finds, best first."""
        raise NotImplementedError

    def objects(self, pks: list[int]) -> Iterable[Model]:
        """The objects of a page of results, loaded for the listing (any order)."""
        raise NotImplementedError

    def default_values(self, name: str) -> list[str]:
        """What a filter lets through when the reader chose nothing in it (all objects: none)."""
        return []

    def region_values(self, selected: list[str]) -> Iterable[str]:
        """The region values the ticked regions stand for (the finder adds their wider scopes)."""
        return selected

    def shown_selected(self, name: str) -> set[str]:
        """The choices of a facet shown ticked."""
        return set(self._selected(name)) or set(self.default_values(name))

    # --- filters -------------------------------------------------------------------------------

    def text_matches(self) -> TextMatches:
        """The objects matching the text, best first; searched once per text and index."""
        return self.index.text_matches(self.text, self.search)

    def _selected(self, name: str) -> list[str]:
        if name == "region" and self.default_regions:
            return self.default_regions
        value = self.filters.get(name) or []
        values = [value] if isinstance(value, str) else [str(v) for v in value]
        return [v for v in values if v != EVERY_REGION] if name == "region" else values

    def _mask(self, name: str) -> int:
        """The objects one filter lets through (all of them when the filter is not set)."""
        index = self.index
        selected = self._selected(name) or self.default_values(name)
        if not selected:
            return index.everything
        if name == "region":
            return index.any_of("region", self.region_values(selected))
        if name in self.ALL_OF:
            return index.all_of(name, selected)
        return index.any_of(name, selected)

    @property
    def base_mask(self) -> int:
        """The objects the text matched (all of them without a text)."""
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
        return sort or ("relevance" if self.text else self.DEFAULT_ORDER)

    def ordered_pks(self) -> Sequence[int]:
        """The matching objects' primary keys in the chosen order (a lazy sequence for pagination)."""
        mask = self.mask()
        sort = self.sort_key()
        if sort == "relevance":
            return self.index.ordered(mask, self.text_matches().positions)
        return self.index.ordered(mask, sort if sort in self.index.orders else self.DEFAULT_ORDER)

    def results(self, page_number: int | str = 1, per_page: int = 20) -> tuple[Page, int]:
        """A page of the matching objects (loaded, in order) and how many match in all."""
        paginator = Paginator(self.ordered_pks(), per_page)
        page = paginator.get_page(page_number)
        loaded = {obj.pk: obj for obj in self.objects(list(page.object_list))}
        page.object_list = [loaded[pk] for pk in page.object_list if pk in loaded]
        return page, paginator.count

    # --- facets --------------------------------------------------------------------------------

    def facet(
        self, name: str, label: str, choices: list[tuple[str, Any]], keep_all: bool = False, multiple: bool = True
    ) -> Facet:
        """Counts each choice with every other filter applied; hides unused choices unless selected.

        A facet in ``ALL_OF`` counts with its own ticked values applied too: each count says how
        many would be left with that value ticked as well.
        """
        mask = self.mask() if name in self.ALL_OF else self.mask(without=name)
        selected = self.shown_selected(name)
        options = []
        for value, choice_label in choices:
            bits = mask if value == "" else mask & self.index.bits(name, value)  # "any": all of them
            count = bits.bit_count()
            if count or keep_all or value in selected:
                if name == "region" and value:
                    # What ticking the region shows (``region_values``: a call for all of Czechia
                    # serves Olomoucký kraj), not only the objects tagged with it.
                    count = (mask & self.index.any_of("region", self.region_values([value]))).bit_count()
                options.append(FacetOption(value, str(choice_label), count, value in selected))
        if not keep_all:
            options.sort(key=lambda option: (-option.count, option.label))
        return Facet(name, str(label), options, multiple=multiple)

    @property
    def chosen(self) -> int:
        """How many filter values the reader chose (shown beside the folded "Filters")."""
        values = [self.filters.get(name) for name in self.FILTERS]
        return sum(len(value) if isinstance(value, list) else 1 for value in values if value)


def language_suffix(request: HttpRequest, path: str = "") -> str:
    """What the language switcher keeps after a listing's URL in another language: a sub-path (a
    call's, a profile's) and the reader's filters (``kreativ_tags.language_links``)."""
    query = request.GET.urlencode()
    return path + (f"?{query}" if query else "")


def listing_query(filters: dict[str, Any], **changes: Any) -> str:
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
