"""A listing's full text: a query in any of the three languages, and taxonomy values named in it.

The text is expanded with the search vocabulary (``kreativ.search.expansion``): ``hudba`` also
looks for *glasba* and *music*, so a Czech reader finds English texts. A term that stands for a
value of one of the listing's facets (a CCI sector: ``design``, ``glasba``; the finder's applicant
types: ``nevladne organizacije``) also matches, in place of its words, every object tagged with that
value, as the facet would: an object tagged *design* is found by ``design`` even if its text never
says it, and ``hudba festival`` finds the music objects that say *festival*. So a named value widens
that part of the query, never the others; the listing can offer to narrow to the facet instead.

Objects matched by the text come first, best first; then those found through a tag, with the text
left once the named parts are taken out (best first again, or in the listing's default order when
nothing is left). With several named values each combination is asked, up to ``MAX_NAMED`` values
(at most ``2 ** MAX_NAMED - 1`` more searches; a text's matches are remembered by the facet index).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from django.db.models import QuerySet
from modelsearch.query import SearchQuery

from kreativ.facets.index import FacetIndex
from kreativ.search import keys_of
from kreativ.search.expansion import Expansion, Part, expand

# How many best matches of a full-text query a listing considers; beyond that, refine the query.
MAX_TEXT_HITS = 2000
# How many taxonomy values named in one text match like their facet.
MAX_NAMED = 3


@dataclass(frozen=True)
class NamedValue:
    """A part of the text that names a facet's value: ``hudba`` names the sector ``music``."""

    index: int
    part: Part
    facet: str
    value: str


def named_values(expansion: Expansion, index: FacetIndex, facet_keys: Mapping[str, str]) -> list[NamedValue]:
    """The values the text names that the index knows, in order.

    ``facet_keys`` maps a vocabulary concept's key (``sector``, ``applicant``) to the facet it
    names; the index's ``taxonomies`` say which values exist.
    """
    known = {facet: {entry.slug for entry in index.taxonomies.get(facet, [])} for facet in facet_keys.values()}
    found: list[NamedValue] = []
    for position, part in enumerate(expansion.parts):
        if part.concept is None:
            continue
        for key, facet in facet_keys.items():
            value = getattr(part.concept, key)
            if value and value in known[facet]:
                found.append(NamedValue(position, part, facet, value))
                break
    return found[:MAX_NAMED]


def ranked_keys(queryset: QuerySet, query: SearchQuery, limit: int = MAX_TEXT_HITS) -> list[int]:
    """Primary keys of the objects of ``queryset`` matching a query, best first (Wagtail's search API)."""
    # Only the keys: the page of results is loaded afterwards, in its own order.
    results = queryset.only("pk").search(query, order_by_relevance=True)
    return [int(pk) for pk in keys_of(results, limit)]


def matching(
    text: str, index: FacetIndex, queryset: QuerySet, facet_keys: Mapping[str, str], default_order: str
) -> list[int]:
    """Primary keys of the objects a text finds: text matches first, then those found through a tag.

    ``queryset`` is what the search backend may search (filtered on indexed fields only); objects
    it finds that the index does not hold (not public) are dropped by the index.
    """
    expansion = expand(text)
    query = expansion.query()
    found = ranked_keys(queryset, query) if query is not None else []
    seen = set(found)
    named = named_values(expansion, index, facet_keys)
    for size in range(1, len(named) + 1):
        for chosen in combinations(named, size):
            tagged = index.everything
            for value in chosen:
                tagged &= index.bits(value.facet, value.value)
            if not tagged:
                continue
            rest = expansion.query(without={value.index for value in chosen})
            if rest is None:
                more = index.ordered(tagged, default_order)[:]
            else:
                more = [pk for pk in ranked_keys(queryset, rest) if _in(index, tagged, pk)]
            for pk in more:
                if pk not in seen:
                    seen.add(pk)
                    found.append(pk)
    return found


def _in(index: FacetIndex, mask: int, pk: int) -> bool:
    positions = index.positions_of((pk,))
    return bool(positions) and bool(mask >> positions[0] & 1)
