"""The bitmap index of one listing: every facet value as a bitset of the public objects, a few orders.

Every facet value is a bitset (a Python int, one bit per public object, ``kreativ.bitsets``), so a
filter is an AND or an OR of a few ints and a facet count is a popcount: microseconds, whatever the
database. The orders a listing offers besides relevance are precomputed as positions. The index also
remembers the matches of the latest texts (``text_matches``), so narrowing a search by a facet,
sorting it or turning its page does not ask the search backend again.

What goes into an index is the listing's (``opportunities.finder.facet_index``,
``catalogue.public.facet_index``); when it is rebuilt is ``kreativ.facets.holder``'s.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kreativ import bitsets

# How many texts' matches an index remembers (about 20 KB each at 50,000 objects).
TEXT_MATCHES_KEPT = 128


def with_parents(slugs: Iterable[str], parents: dict[str, str | None]) -> set[str]:
    """The regions and every region containing them (``parents``: a region's slug → its parent's)."""
    wanted: set[str] = set()
    for slug in slugs:
        node: str | None = slug
        while node is not None and node not in wanted:
            wanted.add(node)
            node = parents.get(node)
    return wanted


@dataclass
class TextMatches:
    """The objects a text matched: their positions, best first, and the same as a bitset."""

    positions: Sequence[int]
    mask: int


@dataclass
class FacetIndex:
    """A listing's public objects' facet values as bitsets, and its orders as positions.

    The long sequences are ``array``s, not lists: the garbage collector walks every item of a
    list at each full collection, three lists of 50,000 calls doubled that pause.
    """

    built_at: dt.datetime
    version: int
    pks: Sequence[int]
    values: dict[str, dict[str, int]]
    # Each order the listing offers besides relevance, as positions (``"deadline"``, ``"name"``).
    orders: dict[str, Sequence[int]] = field(default_factory=dict)
    region_parents: dict[str, str | None] = field(default_factory=dict)
    # The taxonomies' entries in the listing's order, read with the objects: a view asks no query.
    taxonomies: dict[str, list] = field(default_factory=dict)
    # Anything else a listing reads with its objects (the catalogue's places on the map).
    extra: dict[str, Any] = field(default_factory=dict)
    built_monotonic: float = field(default_factory=time.monotonic)
    _texts: OrderedDict[str, TextMatches] = field(default_factory=OrderedDict, repr=False)
    _texts_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def size(self) -> int:
        return len(self.pks)

    @property
    def everything(self) -> int:
        return (1 << self.size) - 1

    def bits(self, facet: str, value: str) -> int:
        return self.values.get(facet, {}).get(value, 0)

    def any_of(self, facet: str, values: Iterable[str]) -> int:
        result = 0
        for value in values:
            result |= self.bits(facet, value)
        return result

    def all_of(self, facet: str, values: Iterable[str]) -> int:
        result = self.everything
        for value in values:
            result &= self.bits(facet, value)
        return result

    def regions_with_wider_scopes(self, slugs: Iterable[str]) -> set[str]:
        """A region and every region containing it: a call for all of Czechia serves Olomoucký kraj."""
        return with_parents(slugs, self.region_parents)

    def positions_of(self, pks: Iterable[int]) -> list[int]:
        lookup = self._lookup
        return [lookup[pk] for pk in pks if pk in lookup]

    @property
    def _lookup(self) -> dict[int, int]:
        if not hasattr(self, "_pk_positions"):
            self._pk_positions = {pk: position for position, pk in enumerate(self.pks)}
        return self._pk_positions

    def text_matches(self, text: str, search: Callable[[], Iterable[int]]) -> TextMatches:
        """The objects matching ``text``, from ``search`` (primary keys, best first) or remembered.

        A reader who searched, then narrows by a facet, sorts or turns a page asks for the same
        text again; the search backend answers it once for this index. The matches live as long as
        the index, which is rebuilt when an object is published or withdrawn and every ``MAX_AGE``.
        """
        with self._texts_lock:
            found = self._texts.get(text)
            if found is not None:
                self._texts.move_to_end(text)
                return found
        positions = array("q", self.positions_of(search()))
        found = TextMatches(positions, bitsets.from_positions(positions, self.size))
        with self._texts_lock:
            self._texts[text] = found
            while len(self._texts) > TEXT_MATCHES_KEPT:
                self._texts.popitem(last=False)
        return found

    def forget_texts(self) -> None:
        """Drops the remembered matches (the benchmarks time a text's first search)."""
        with self._texts_lock:
            self._texts.clear()

    def ordered(self, mask: int, order: Sequence[int] | str) -> OrderedMatches:
        """The primary keys of the objects in ``mask``, in the given order (positions, or the name
        of one of ``orders``), read lazily page by page."""
        return OrderedMatches(self, mask, self.orders[order] if isinstance(order, str) else order)


class OrderedMatches(Sequence):
    """A sequence a Paginator can slice: it scans the order only as far as the page asked for."""

    def __init__(self, index: FacetIndex, mask: int, order: Sequence[int]) -> None:
        self.index = index
        self.order = order
        self.count = mask.bit_count()
        self.data = mask.to_bytes(index.size // 8 + 1, "little")

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        start, stop, _step = item.indices(self.count)
        found: list[int] = []
        seen = 0
        data = self.data
        for position in self.order:
            if data[position >> 3] >> (position & 7) & 1:
                if seen >= start:
                    found.append(self.index.pks[position])
                    if len(found) >= stop - start:
                        break
                seen += 1
        return found
