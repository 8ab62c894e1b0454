"""The public catalogue: filters from a URL, full text through Wagtail's search API, facets, the map.

The catalogue is a faceted listing like the funding finder (``kreativ.facets``): filters combine
as AND across facets and OR within one, except the flags, each of which must hold (an actor open
to commissions *and* a voucher provider); each facet counts with every other filter applied. The
text goes through the search backend, expanded across the three languages, and a sector named in
it also finds the profiles tagged with it (``kreativ.facets.text``). Each office's catalogue starts
from its own region, as its finder does: without a region in the URL it shows the actors based in
the office's region (``default_regions``), and the form sends ``region=all`` beside the regions
ticked, so a reader who unticks them all sees the whole catalogue, across the border.

The map shows where the results are: a marker per municipality with its number of results, whose
link narrows the listing to it (the ``place`` filter), counted on the index like a facet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from catalogue.models import ActorKind, Profile
from catalogue.models.profiles import SPOKEN_LANGUAGES
from catalogue.public import facet_index
from kreativ.facets import text
from kreativ.facets.forms import ListingForm
from kreativ.facets.listing import Facet, FacetedSearch, ListingResult, listing_query

PAGE_SIZE = 24
SORTS = [("relevance", _("Relevance")), ("name", _("Name")), ("newest", _("Newest"))]
FLAG_CHOICES = [
    ("open_to_commissions", _("Open to commissions")),
    ("seeks_partners", _("Looking for partners for funding calls")),
    ("voucher_provider", _("Creative-voucher provider")),
    ("forum_member", _("Member of the regional forum")),
]
# The vocabulary's keys that name a catalogue facet (``kreativ.facets.text``).
FACET_KEYS = {"sector": "sector"}
TAXONOMY_FACETS = ("sector", "region", "service")


def taxonomy_choices(index: facet_index.FacetIndex) -> dict[str, list[tuple[str, str]]]:
    """The sectors', regions' and services' choices in the active language, from the index (no query)."""
    return {name: [(entry.slug, entry.name) for entry in index.taxonomies.get(name, [])] for name in TAXONOMY_FACETS}


class CatalogueForm(ListingForm):
    """The catalogue's filters as they appear in a shareable URL."""

    TAXONOMY_FACETS = TAXONOMY_FACETS

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.MultipleChoiceField(label=_("Kind"), required=False, choices=ActorKind.choices)
    sector = forms.MultipleChoiceField(label=_("Sector"), required=False)
    region = forms.MultipleChoiceField(label=_("Region"), required=False)
    service = forms.MultipleChoiceField(label=_("Services"), required=False)
    language = forms.MultipleChoiceField(label=_("Working language"), required=False, choices=SPOKEN_LANGUAGES)
    flag = forms.MultipleChoiceField(label=_("Good to know"), required=False, choices=FLAG_CHOICES)
    place = forms.CharField(required=False, max_length=130)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)


@dataclass
class CatalogueResult(ListingResult):
    map_points: list[dict[str, Any]] = field(default_factory=list)
    place: str = ""  # the municipality the results are narrowed to, by its name


class Catalogue(FacetedSearch):
    """Applies the catalogue's filters to the public profiles and counts the facets (on the index)."""

    FILTERS = ("kind", "sector", "region", "service", "language", "flag", "place")
    ALL_OF = frozenset({"flag"})
    DEFAULT_ORDER = "name"

    def __init__(
        self,
        filters: dict[str, Any],
        index: facet_index.FacetIndex | None = None,
        default_regions: list[str] | tuple[str, ...] = (),
    ) -> None:
        index = index or facet_index.current()
        super().__init__(filters, index, taxonomy_choices(index), default_regions)

    def search(self) -> list[int]:
        """Primary keys of the public profiles the text finds, best first; sectors named in it widen."""
        # The live profiles (an indexed filter); the index drops those the public may not see.
        return text.matching(self.text, self.index, Profile.objects.filter(live=True), FACET_KEYS, self.DEFAULT_ORDER)

    def objects(self, pks: list[int]) -> QuerySet:
        return Profile.objects.filter(pk__in=pks).prefetch_related("sectors", "services")

    def run(self, page_number: int | None = None) -> CatalogueResult:
        page, total = self.results(page_number or self.filters.get("page") or 1, PAGE_SIZE)
        place = self.filters.get("place", "")
        return CatalogueResult(
            page=page,
            total=total,
            facets=self.facets(),
            filters=self.filters,
            sort=self.sort_key(),
            map_points=self.map_points(),
            default_regions=self.default_regions,
            place=self.index.extra.get("places", {}).get(place, {}).get("name", place) if place else "",
            chosen=self.chosen,
        )

    def facets(self) -> list[Facet]:
        choices = self._choices or taxonomy_choices(self.index)
        return [
            self.facet("kind", _("Kind"), ActorKind.choices),
            self.facet("sector", _("Sector"), choices["sector"]),
            self.facet("region", _("Region"), choices["region"]),
            self.facet("service", _("Services"), choices["service"]),
            self.facet("language", _("Working language"), SPOKEN_LANGUAGES),
            self.facet("flag", _("Good to know"), FLAG_CHOICES, keep_all=True),
        ]

    def map_points(self) -> list[dict[str, Any]]:
        """The municipalities of the results (every filter but the place applied), each with its count
        and the link that narrows the listing to it."""
        mask = self.mask(without="place")
        points = []
        for key, place in self.index.extra.get("places", {}).items():
            if place["lat"] is None:
                continue
            count = (mask & self.index.bits("place", key)).bit_count()
            if not count:
                continue
            query = listing_query(self.filters, place=key, page=None)
            points.append(
                {
                    "title": place["name"],
                    "url": f"?{query}",
                    "kind": ngettext("%(count)d actor", "%(count)d actors", count) % {"count": count},
                    "lat": place["lat"],
                    "lng": place["lng"],
                }
            )
        points.sort(key=lambda point: point["title"])
        return points
