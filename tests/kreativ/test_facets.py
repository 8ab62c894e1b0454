"""The foundation's faceted listings (``kreativ.facets``), on a listing made up for the test: bitsets
from rows, counts with every other filter applied, values that must all hold, orders read page by
page, a text searched once per index, an index rebuilt when its version changes, and the form that
reads a listing's filters from its URL."""

from __future__ import annotations

import pytest
from django import forms
from django.core.cache import cache
from django.http import QueryDict

from kreativ.facets.builder import Positions
from kreativ.facets.forms import ListingForm
from kreativ.facets.holder import IndexHolder, version_keys
from kreativ.facets.index import FacetIndex, with_parents
from kreativ.facets.listing import EVERY_REGION, FacetedSearch, listing_query

# Five objects: (pk, colour, sizes, flags)
ROWS = [
    (10, "red", ["s"], ["cheap"]),
    (11, "red", ["m", "l"], ["cheap", "local"]),
    (12, "blue", ["m"], ["local"]),
    (13, "blue", ["l"], []),
    (14, "green", ["s", "m"], ["cheap", "local"]),
]


def build(version: int = 0) -> FacetIndex:
    found = Positions(pk for pk, *_rest in ROWS)
    for pk, colour, sizes, flags in ROWS:
        found.add("colour", colour, (pk,))
        found.add_pairs("size", ((pk, size) for size in sizes))
        for flag in flags:
            found.add("flag", flag, (pk,))
    found.add("colour", "red", (99,))  # an object the index does not hold is skipped
    return FacetIndex(
        built_at=None,
        version=version,
        pks=found.pks,
        values=found.values(),
        orders={"name": found.order([14, 12, 10, 13, 11]), "newest": found.order([13, 99, 12, 11, 10, 14])},
    )


class Listing(FacetedSearch):
    FILTERS = ("colour", "size", "flag")
    ALL_OF = frozenset({"flag"})
    DEFAULT_ORDER = "name"

    def search(self) -> list[int]:
        self.searched = getattr(self, "searched", 0) + 1
        return [12, 14, 404]  # best first; 404 is not in the index

    def objects(self, pks):
        return [type("Obj", (), {"pk": pk})() for pk in pks]


def counts(listing: Listing, name: str) -> dict[str, int]:
    facet = listing.facet(name, name, [(value, value) for value in sorted(listing.index.values.get(name, {}))])
    return {option.value: option.count for option in facet.options}


def test_facet_values_are_bitsets_of_the_objects_positions():
    index = build()
    assert list(index.pks) == [10, 11, 12, 13, 14]
    assert index.bits("colour", "red") == 0b00011
    assert index.any_of("size", ["s", "l"]) == 0b11011
    assert index.all_of("flag", ["cheap", "local"]) == 0b10010
    assert index.bits("colour", "purple") == 0


def test_each_facet_counts_with_every_other_filter_applied_but_its_own():
    listing = Listing({"colour": ["red", "blue"], "size": ["m"]}, build())
    assert len(listing.ordered_pks()) == 2  # 11 and 12: red or blue, and medium
    assert counts(listing, "colour") == {"blue": 1, "green": 1, "red": 1}  # sized m, any colour
    assert counts(listing, "size") == {"l": 2, "m": 2, "s": 1}  # red or blue, any size


def test_values_that_must_all_hold_count_with_their_own_facet_applied():
    listing = Listing({"flag": ["cheap"]}, build())
    assert sorted(listing.ordered_pks()[:]) == [10, 11, 14]
    # Ticking "local" as well would leave two of them; "cheap" is what is left now.
    assert counts(listing, "flag") == {"cheap": 3, "local": 2}
    both = Listing({"flag": ["cheap", "local"]}, build())
    assert both.ordered_pks()[:] == [14, 11]


def test_results_come_in_the_chosen_order_and_pages_are_read_lazily():
    listing = Listing({"sort": "newest"}, build())
    assert listing.ordered_pks()[:] == [13, 12, 11, 10, 14]
    page, total = listing.results(2, per_page=2)
    assert total == 5 and [obj.pk for obj in page.object_list] == [11, 10]
    assert Listing({"sort": "unknown"}, build()).ordered_pks()[:] == [14, 12, 10, 13, 11]  # the default


def test_a_text_ranks_its_matches_and_is_searched_once_per_index():
    index = build()
    listing = Listing({"q": "anything", "size": ["m"]}, index)
    assert listing.sort_key() == "relevance"
    assert listing.ordered_pks()[:] == [12, 14]
    again = Listing({"q": "anything", "sort": "name"}, index)
    assert again.ordered_pks()[:] == [14, 12]
    assert getattr(again, "searched", 0) == 0  # the first listing's search was remembered
    index.forget_texts()
    assert Listing({"q": "anything"}, index).ordered_pks()[:] == [12, 14]


def test_a_listing_starts_from_the_default_regions_unless_the_url_names_one():
    found = Positions([1, 2, 3])
    found.add_pairs("region", [(1, "olomoucky-kraj"), (2, "cz"), (3, "gorenjska")])
    index = FacetIndex(
        built_at=None, version=0, pks=found.pks, values=found.values(), orders={"name": found.order([1, 2, 3])}
    )

    class Regions(Listing):
        FILTERS = ("region",)

    assert Regions({}, index, default_regions=["olomoucky-kraj"]).ordered_pks()[:] == [1]
    assert Regions({"region": ["all"]}, index, default_regions=["olomoucky-kraj"]).ordered_pks()[:] == [1, 2, 3]
    parents = {"olomoucky-kraj": "cz", "cz": "eu", "eu": None}
    assert with_parents(["olomoucky-kraj"], parents) == {"olomoucky-kraj", "cz", "eu"}


def test_a_query_string_keeps_the_filters_with_some_changed():
    assert listing_query({"q": "a b", "size": ["m", "l"], "page": 3}, page=1) == "q=a+b&size=m&size=l"


@pytest.mark.django_db
def test_an_index_is_rebuilt_when_its_version_changes_in_the_shared_cache():
    builds = []

    def counting_build(version: int) -> FacetIndex:
        builds.append(version)
        return build(version)

    holder = IndexHolder("tests:facet-version", counting_build)
    assert "tests:facet-version" in version_keys()
    first = holder.current()
    assert holder.current() is first and len(builds) == 1
    cache.set("tests:facet-version", 42, None)  # another process published something
    assert holder.current().version == 42 and len(builds) == 2
    holder.invalidate()
    assert holder.current() is not first and len(builds) == 3


class ColourForm(ListingForm):
    TAXONOMY_FACETS = ("colour",)

    q = forms.CharField(required=False, max_length=20)
    colour = forms.MultipleChoiceField(required=False)
    region = forms.MultipleChoiceField(required=False)
    page = forms.IntegerField(required=False, min_value=1)


def test_a_listing_form_reads_the_filters_its_url_gives_and_leaves_out_a_bad_value():
    choices = {"colour": [("red", "Red"), ("blue", "Blue")], "region": [("cz", "Czechia")]}
    form = ColourForm(QueryDict("colour=red&colour=pink&region=all&region=cz&q=+&page=2"), choices=choices)
    # The taxonomy's choices are the listing's; the regions also offer "every region", sent beside those ticked.
    assert form.fields["colour"].choices == choices["colour"]
    assert [value for value, _label in form.fields["region"].choices] == [EVERY_REGION, "cz"]
    # A colour that is not one is left out (its error shown); empty values are no filters.
    assert form.filters() == {"region": [EVERY_REGION, "cz"], "page": 2}
    assert "colour" in form.errors
    assert ColourForm(choices=choices).filters() == {}
