"""The finder's full text: a query in any of the three languages, and sectors named in it.

The text is expanded with the search vocabulary (``kreativ.search.expansion``): ``hudba`` also
looks for *glasba* and *music*, so a Czech reader finds the EU's English calls. A term that stands
for a CCI sector or an applicant type (``design``, ``glasba``, ``nevladne organizacije``) also
matches, in place of its words, every call tagged with that value, as the facet would: a call
tagged *design* is found by ``design`` even if its text never says it, and ``hudba festival``
finds the music calls that say *festival*. So a named value widens that part of the query, never
the others; the finder offers to narrow to the facet instead (``named_facets``).

Calls matched by the text come first, best first; then those found through a tag, with the text
left once the named parts are taken out (best first again, or by deadline when nothing is left).
With several named values each combination is asked, up to ``MAX_NAMED`` values (at most
``2 ** MAX_NAMED - 1`` more searches; a text's matches are remembered by the facet index).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from modelsearch.query import SearchQuery

from kreativ.search import keys_of
from kreativ.search.expansion import Expansion, Part, expand
from opportunities.finder import facet_index
from opportunities.models import FundingCall

# How many best matches of a full-text query the finder considers; beyond that, refine the query.
MAX_TEXT_HITS = 2000
# How many sectors or applicant types named in one text match like their facet.
MAX_NAMED = 3
# The vocabulary's keys that name a finder facet, and the facet they name.
FACET_KEYS = {"sector": "sector", "applicant": "applicant"}


@dataclass(frozen=True)
class NamedValue:
    """A part of the text that names a facet's value: ``hudba`` names the sector ``music``."""

    index: int
    part: Part
    facet: str
    value: str


def named_values(expansion: Expansion, index: facet_index.FacetIndex) -> list[NamedValue]:
    """The sectors and applicant types the text names (those the facet index knows), in order."""
    known = {facet: {entry.slug for entry in index.taxonomies.get(facet, [])} for facet in FACET_KEYS.values()}
    found: list[NamedValue] = []
    for position, part in enumerate(expansion.parts):
        if part.concept is None:
            continue
        for key, facet in FACET_KEYS.items():
            value = getattr(part.concept, key)
            if value and value in known[facet]:
                found.append(NamedValue(position, part, facet, value))
                break
    return found[:MAX_NAMED]


def ranked_keys(query: SearchQuery) -> list[int]:
    """Primary keys of the public calls matching a query, best first (Wagtail's search API)."""
    # Only the keys: the page of results is loaded afterwards, in its own order.
    calls = FundingCall.objects.filter(live=True, merged_into__isnull=True).only("pk")
    results = calls.search(query, order_by_relevance=True)
    return [int(pk) for pk in keys_of(results, MAX_TEXT_HITS)]


def matching_calls(text: str, index: facet_index.FacetIndex) -> list[int]:
    """Primary keys of the calls a text finds: text matches first, then those found through a tag."""
    expansion = expand(text)
    query = expansion.query()
    found = ranked_keys(query) if query is not None else []
    seen = set(found)
    named = named_values(expansion, index)
    for size in range(1, len(named) + 1):
        for chosen in combinations(named, size):
            tagged = index.everything
            for value in chosen:
                tagged &= index.bits(value.facet, value.value)
            if not tagged:
                continue
            rest = expansion.query(without={value.index for value in chosen})
            if rest is None:
                more = index.ordered(tagged, index.order_deadline)[:]
            else:
                more = [pk for pk in ranked_keys(rest) if _in(index, tagged, pk)]
            for pk in more:
                if pk not in seen:
                    seen.add(pk)
                    found.append(pk)
    return found


def _in(index: facet_index.FacetIndex, mask: int, pk: int) -> bool:
    positions = index.positions_of((pk,))
    return bool(positions) and bool(mask >> positions[0] & 1)
