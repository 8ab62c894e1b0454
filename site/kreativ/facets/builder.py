"""What a listing's ``build`` uses to turn the rows it reads into a ``FacetIndex``'s bitsets and orders.

A build reads primary keys only, filtered and ordered by the database (converting tens of thousands
of dates in Python would cost more than all the counting), and hands them here: the public objects'
keys first, which fix each object's position (its bit), then the keys of each facet value and each
order.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable

from kreativ import bitsets


class Positions:
    """The public objects' positions, and the positions gathered for each facet value."""

    def __init__(self, pks: Iterable[int]) -> None:
        self.pks = array("q", pks)
        self.position = {pk: index for index, pk in enumerate(self.pks)}
        self.members: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))

    def add(self, facet: str, value: str, pks: Iterable[int]) -> None:
        """The objects ``pks`` have ``value`` in ``facet`` (keys of objects not in the index are skipped)."""
        position = self.position
        self.members[facet][value].extend(position[pk] for pk in pks if pk in position)

    def add_pairs(self, facet: str, pairs: Iterable[tuple[int, object]]) -> None:
        """``(pk, value)`` pairs of ``facet``, as a many-to-many table gives them."""
        position = self.position
        members = self.members[facet]
        for pk, value in pairs:
            if pk in position and value is not None:
                members[str(value)].append(position[pk])

    def order(self, pks: Iterable[int]) -> array:
        """The positions of ``pks`` in their order (an order of the listing)."""
        position = self.position
        return array("q", (position[pk] for pk in pks if pk in position))

    def values(self) -> dict[str, dict[str, int]]:
        """Every facet value's bitset."""
        size = len(self.pks)
        return {
            facet: {value: bitsets.from_positions(positions, size) for value, positions in by_value.items()}
            for facet, by_value in self.members.items()
        }
