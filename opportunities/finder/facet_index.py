"""An in-memory bitmap index of the public calls, for the finder's filters, facet counts and sorts.

Counting seven facets with SQL on 50,000 calls took most of a second on SQLite. Here every facet
value is a bitset (a Python int, one bit per public call), so a filter is an AND or an OR of a few
ints and a facet count is a popcount: microseconds, whatever the database. The two orders the
finder offers besides relevance are precomputed.

The index belongs to one process and is rebuilt when a call is published, unpublished, deleted or
merged, or a taxonomy entry is edited (a version number in the shared cache tells every process),
and at least every
``MAX_AGE`` seconds, because a call's status and deadline window depend on the time.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from array import array
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.utils import timezone

from kreativ import bitsets

MAX_AGE = 60.0
# How many texts' matches an index remembers (about 20 KB each at 50,000 calls).
TEXT_MATCHES_KEPT = 128
VERSION_KEY = "opportunities:facet-index-version"
DEADLINE_WINDOWS = (7, 30, 90)
AMOUNT_BUCKETS = {
    "small": (None, Decimal("10000")),
    "medium": (Decimal("10000"), Decimal("100000")),
    "large": (Decimal("100000"), Decimal("1000000")),
    "xlarge": (Decimal("1000000"), None),
}


@dataclass
class TextMatches:
    """The calls a text matched: their positions, best first, and the same as a bitset."""

    positions: Sequence[int]
    mask: int


@dataclass
class FacetIndex:
    """The public calls' facet values as bitsets, and the finder's two orders as positions.

    The long sequences are ``array``s, not lists: the garbage collector walks every item of a
    list at each full collection, three lists of 50,000 calls doubled that pause.
    """

    built_at: dt.datetime
    version: int
    pks: Sequence[int]
    values: dict[str, dict[str, int]]
    region_parents: dict[str, str | None]
    order_deadline: Sequence[int]
    order_newest: Sequence[int]
    # The four taxonomies' entries in the finder's order, read with the calls: a view asks no query.
    taxonomies: dict[str, list] = field(default_factory=dict)
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

    def regions_with_wider_scopes(self, slugs: Iterable[str]) -> set[str]:
        """A region and every region containing it: a call for all of Czechia serves Olomoucký kraj."""
        wanted: set[str] = set()
        for slug in slugs:
            node: str | None = slug
            while node is not None and node not in wanted:
                wanted.add(node)
                node = self.region_parents.get(node)
        return wanted

    def positions_of(self, pks: Iterable[int]) -> list[int]:
        lookup = self._lookup
        return [lookup[pk] for pk in pks if pk in lookup]

    @property
    def _lookup(self) -> dict[int, int]:
        if not hasattr(self, "_pk_positions"):
            self._pk_positions = {pk: position for position, pk in enumerate(self.pks)}
        return self._pk_positions

    def text_matches(self, text: str, search: Callable[[], Iterable[int]]) -> TextMatches:
        """The calls matching ``text``, from ``search`` (primary keys, best first) or remembered.

        A reader who searched, then narrows by a facet, sorts or turns a page asks for the same
        text again; the search backend answers it once for this index. The matches live as long as
        the index, which is rebuilt when a call is published or withdrawn and every minute.
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
        """Drops the remembered matches (the benchmark times a text's first search)."""
        with self._texts_lock:
            self._texts.clear()

    def ordered(self, mask: int, order: Sequence[int]) -> OrderedMatches:
        """The primary keys of the calls in ``mask``, in the given order, read lazily page by page."""
        return OrderedMatches(self, mask, order)


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


def build() -> FacetIndex:
    """Reads the public calls' facet values from the database.

    Every query returns primary keys only, filtered and ordered by the database: converting
    tens of thousands of dates in Python would cost more than all the counting.
    """
    from django.db.models import F, Min

    from kreativ.models import Region, Sector
    from opportunities.models import ApplicantType, CallStatus, Deadline, FundingCall, Programme, status_q

    now = timezone.now()
    version = cache.get(VERSION_KEY, 0)
    public = FundingCall.objects.public()
    pks = list(public.order_by("pk").values_list("pk", flat=True))
    position = {pk: index for index, pk in enumerate(pks)}
    size = len(pks)
    members: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))

    def add(facet: str, value: str, call_ids: Iterable[int]) -> None:
        members[facet][value].extend(position[pk] for pk in call_ids if pk in position)

    for status in CallStatus.values:
        add("status", status, public.filter(status_q([status], now)).values_list("pk", flat=True))
    public_deadlines = Deadline.objects.filter(call__live=True, call__merged_into__isnull=True, at__gte=now)
    for days in DEADLINE_WINDOWS:
        window = public_deadlines.filter(at__lte=now + dt.timedelta(days=days))
        add("deadline", str(days), window.order_by().values_list("call_id", flat=True).distinct())
    for key, (low, high) in AMOUNT_BUCKETS.items():
        bucket = public.filter(max_amount_eur__isnull=False)
        if low is not None:
            bucket = bucket.filter(max_amount_eur__gt=low)
        if high is not None:
            bucket = bucket.filter(max_amount_eur__lte=high)
        add("amount", key, bucket.values_list("pk", flat=True))
    for pk, programme_id in public.filter(programme__isnull=False).values_list("pk", "programme_id"):
        members["programme"][str(programme_id)].append(position[pk])
    live = {"fundingcall__live": True, "fundingcall__merged_into__isnull": True}
    for facet, through, column in (
        ("sector", FundingCall.sectors.through, "sector__slug"),
        ("region", FundingCall.regions.through, "region__slug"),
        ("applicant", FundingCall.applicant_types.through, "applicanttype__slug"),
    ):
        for call_id, slug in through.objects.filter(**live).values_list("fundingcall_id", column):
            members[facet][slug].append(position[call_id])

    values = {
        facet: {value: bitsets.from_positions(positions, size) for value, positions in by_value.items()}
        for facet, by_value in members.items()
    }
    # Nearest deadline still ahead first; then calls with none ahead, most recently closed first.
    upcoming = list(
        public_deadlines.values("call_id")
        .annotate(next=Min("at"))
        .order_by("next", "call_id")
        .values_list("call_id", flat=True)
    )
    rest = public.order_by(F("final_deadline").desc(nulls_last=True), "pk").values_list("pk", flat=True)
    ahead = set(upcoming)
    order_deadline = [position[pk] for pk in upcoming if pk in position]
    order_deadline += [position[pk] for pk in rest if pk not in ahead]
    newest = public.order_by(F("first_published_at").desc(nulls_last=True), "-pk").values_list("pk", flat=True)
    return FacetIndex(
        built_at=now,
        version=version,
        pks=array("q", pks),
        values=values,
        region_parents=dict(Region.objects.values_list("slug", "parent__slug")),
        order_deadline=array("q", order_deadline),
        order_newest=array("q", (position[pk] for pk in newest)),
        taxonomies={
            "sector": list(Sector.objects.all()),
            "region": list(Region.objects.all()),
            "applicant": list(ApplicantType.objects.all()),
            "programme": list(Programme.objects.all()),
        },
    )


_current: FacetIndex | None = None
_lock = threading.Lock()


_refreshing = threading.Event()


def current() -> FacetIndex:
    """This process's index.

    Rebuilt at once when calls were published, unpublished or merged since it was built; when it
    is only older than ``MAX_AGE`` (statuses move with the clock), it is rebuilt in a background
    thread and the previous one answers meanwhile, so no reader waits for the rebuild.
    """
    global _current
    index = _current
    version = cache.get(VERSION_KEY, 0)
    if index is None or index.version != version:
        with _lock:
            index = _current
            if index is None or index.version != version:
                index = _current = build()
    elif time.monotonic() - index.built_monotonic > MAX_AGE and not _refreshing.is_set():
        _refreshing.set()
        threading.Thread(target=_refresh, name="facet-index-refresh", daemon=True).start()
    return index


def _refresh() -> None:
    global _current
    from django.db import connection

    try:
        fresh = build()
        with _lock:
            if _current is None or fresh.version >= _current.version:
                _current = fresh
    finally:
        connection.close()
        _refreshing.clear()


def invalidate(**kwargs: object) -> None:
    """Tells every process that the public calls changed (connected to publish/unpublish/delete).

    The version is a fresh token (nanoseconds), not a counter: some cache backends' ``incr``
    gives the entry the default expiry, and a counter that expired and started again could match
    the version an old index was built at.
    """
    cache.set(VERSION_KEY, time.time_ns(), None)
    global _current
    _current = None
