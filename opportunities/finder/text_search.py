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
The way of it is the foundation's, which every faceted listing shares (``kreativ.facets.text``);
this module says what the finder searches and which facets a term can name.
"""

from __future__ import annotations

from modelsearch.query import SearchQuery

from kreativ.facets import text
from kreativ.facets.text import NamedValue
from kreativ.search.expansion import Expansion
from opportunities.finder import facet_index
from opportunities.models import FundingCall

# The vocabulary's keys that name a finder facet, and the facet they name.
FACET_KEYS = {"sector": "sector", "applicant": "applicant"}


def searched_calls():
    """What the search backend searches: the live calls not merged into another."""
    return FundingCall.objects.filter(live=True, merged_into__isnull=True)


def named_values(expansion: Expansion, index: facet_index.FacetIndex) -> list[NamedValue]:
    """The sectors and applicant types the text names (those the facet index knows), in order."""
    return text.named_values(expansion, index, FACET_KEYS)


def ranked_keys(query: SearchQuery) -> list[int]:
    """Primary keys of the public calls matching a query, best first (Wagtail's search API)."""
    return text.ranked_keys(searched_calls(), query)


def matching_calls(words: str, index: facet_index.FacetIndex) -> list[int]:
    """Primary keys of the calls a text finds: text matches first, then those found through a tag."""
    return text.matching(words, index, searched_calls(), FACET_KEYS, default_order="deadline")
