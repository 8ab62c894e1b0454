"""Every match of a plain text query scored at once, as whoosh's BM25F would score it one by one.

Ranking all matches (the finder ranks up to 2,000 of them, then counts facets on them) ran whoosh's
matcher tree: per match, a dozen method calls to intersect the words' postings and then, per word,
the scorer and a field-length lookup, all in Python. ``digital skills`` on 50,000 calls spent
60 ms there. Here each word's postings are read a block at a time into a dict (docnum → score,
each score computed once per weight and length byte, since whoosh stores a length as one byte),
AND and OR become set intersections and dict unions, and the words of an AND are read rarest
first, later ones only in the blocks that can hold a candidate.

Only the shapes the search compiler builds for plain text and phrases are handled: terms, ``And``,
``Or``, ``Sequence`` (a phrase: its words' AND, then the positions of the survivors checked, where
whoosh's span matchers build span objects for every candidate; ``grafický design`` expands to four
phrases and spent 150 ms there on 20,000 profiles) and boosts. Anything else (fuzzy or prefix
terms, ``Not``, a coordination ``scale``, a scorer that is not a weight-and-length one) returns
``None`` and the caller asks whoosh itself.
``tests/search/test_scoring.py`` checks the scores against whoosh's on the same index.
"""

from __future__ import annotations

import pickle
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Any

from whoosh import formats
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.idsets import BitSet
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query.compound import DefaultOr, PreloadedOr, SplitOr
from whoosh.scoring import WeightLengthScorer, WeightScorer
from whoosh.searching import Searcher
from whoosh.system import _INT_SIZE
from whoosh.util.numeric import byte_to_length

from . import columns

_ORS = (wq.Or, DefaultOr, SplitOr, PreloadedOr)

# Where a phrase holds, per segment (``_phrase_docnums``): (segment id, words, slop) → docnums.
PHRASES_REMEMBERED = 2048
_PHRASES: OrderedDict[tuple, frozenset[int]] = OrderedDict()
_PHRASES_LOCK = threading.Lock()


class Unsupported(Exception):
    """The query has a shape this module does not score; whoosh's own search must answer it."""


def scores(searcher: Searcher, query: wq.Query, allowed: Any = None) -> dict[int, float] | None:
    """Top-level docnum → score of every live match of ``query`` that ``allowed`` lets through.

    ``None`` when the query is not one of the shapes handled here. An empty ``allowed`` allows
    nothing (whoosh would read it as "no filter").
    """
    found: dict[int, float] = {}
    try:
        for leaf, offset in searcher.leaf_searchers():
            part = _evaluate(leaf, searcher.weighting, query, None)
            if offset:
                part = {docnum + offset: score for docnum, score in part.items()}
            found.update(part)
    except Unsupported:
        return None
    if isinstance(allowed, BitSet):  # the membership test inlined: a method call per match costs more
        bits, size = allowed.bits, len(allowed.bits)
        return {d: score for d, score in found.items() if d >> 3 < size and bits[d >> 3] & (1 << (d & 7))}
    if allowed is not None:
        return {docnum: score for docnum, score in found.items() if docnum in allowed}
    return found


def _evaluate(leaf: Searcher, weighting: Any, query: wq.Query, within: set[int] | None) -> dict[int, float]:
    """Segment docnum → score of the query's matches (among ``within``, when given)."""
    kind = type(query)
    if kind is wq.Term:
        if query.minquality:
            raise Unsupported
        return _boosted(_term(leaf, weighting, query.fieldname, query.text, within), query.boost)
    if query is wq.NullQuery:
        return {}
    if kind is wq.And or kind in _ORS:
        if kind is not wq.And and (query.scale or query.minmatch):
            raise Unsupported
        subs = query.subqueries
        if not subs:
            return {}
        if len(subs) == 1:  # whoosh uses the one part's matcher as it is: the boost is not applied
            return _evaluate(leaf, weighting, subs[0], within)
        if kind is wq.And:
            combined = _intersection(leaf, weighting, subs, within)
        else:
            combined = _union([_evaluate(leaf, weighting, sub, within) for sub in subs])
        return _boosted(combined, query.boost)
    if kind is wq.Sequence:
        return _boosted(_sequence(leaf, weighting, query, within), query.boost)
    raise Unsupported


def _boosted(found: dict[int, float], boost: float) -> dict[int, float]:
    if boost == 1.0:
        return found
    return {docnum: score * boost for docnum, score in found.items()}


def _intersection(leaf: Searcher, weighting: Any, subs: Sequence[wq.Query], within: set[int] | None) -> dict:
    """The rarest part first; each next part reads only the blocks that hold a candidate."""
    reader = leaf.reader()
    parts: list[dict[int, float]] = []
    for sub in sorted(subs, key=lambda sub: sub.estimate_size(reader)):
        part = _evaluate(leaf, weighting, sub, within)
        if not part:
            return {}
        parts.append(part)
        within = set(part) if within is None else within.intersection(part)
        if not within:
            return {}
    if len(parts) == 2:  # the common case (two words, a phrase of two), without a generator per match
        first, second = parts
        return {docnum: first[docnum] + second[docnum] for docnum in within}
    return {docnum: sum(part[docnum] for part in parts) for docnum in within}


def _sequence(leaf: Searcher, weighting: Any, query: wq.Sequence, within: set[int] | None) -> dict:
    """A phrase scored as whoosh scores it (the sum of its words' scores), where its words are in order.

    Whoosh's ``SpanNear`` keeps a document when each next word starts ``1..slop`` positions after
    the previous one ends; a word is a term or an ``Or`` of terms (its stems), at any of their positions.
    Where a phrase holds in a segment is remembered (``_phrase_docnums``); the scores never are.
    """
    subs = query.subqueries
    if len(subs) < 2 or not query.ordered:
        raise Unsupported
    words = [_word_terms(sub) for sub in subs]
    holding = _phrase_docnums(leaf, words, query.slop, within)
    if within is not None:
        holding = holding & within
    if not holding:
        return {}
    return _intersection(leaf, weighting, subs, set(holding))


def _phrase_docnums(
    leaf: Searcher, words: list[list[tuple[str, str]]], slop: int, within: set[int] | None
) -> frozenset[int] | set[int]:
    """The segment's documents where the words follow each other, remembered per segment.

    A segment never changes once written (deleting marks documents, which the postings then skip,
    and a deleted document never comes back), so where a phrase holds in it stays true until the
    segment is merged away. The phrases searched are mostly the vocabulary's terms of several words,
    a few hundred, asked again by every query that names them: decoding their positions once per
    segment, not once per query, is what keeps ``grafický design`` on 20,000 profiles fast. Asked
    among a few documents (``within``: a rarer word of an AND came first) and not remembered yet,
    only those are checked, and nothing is remembered.
    """
    segment = leaf.reader().segment() if hasattr(leaf.reader(), "segment") else None
    key = (segment.segment_id(), tuple(map(tuple, words)), slop) if segment is not None else None
    if key is not None:
        with _PHRASES_LOCK:
            found = _PHRASES.get(key)
            if found is not None:
                _PHRASES.move_to_end(key)
                return found
    candidates = _word_docnums(leaf, words[0], within)
    for terms in words[1:]:
        if not candidates:
            break
        candidates &= _word_docnums(leaf, terms, candidates)
    wanted = sorted(candidates)
    positions = [_positions(leaf, terms, wanted) for terms in words] if wanted else []
    holding = frozenset(docnum for docnum in wanted if _in_order(positions, docnum, slop))
    if key is not None and within is None:
        with _PHRASES_LOCK:
            _PHRASES[key] = holding
            while len(_PHRASES) > PHRASES_REMEMBERED:
                _PHRASES.popitem(last=False)
    return holding


def forget_phrases() -> None:
    """Forgets where every phrase holds (a benchmark measures the first query naming a phrase)."""
    with _PHRASES_LOCK:
        _PHRASES.clear()


def _word_docnums(leaf: Searcher, terms: list[tuple[str, str]], within: set[int] | None) -> set[int]:
    """Segment docnums of the live documents holding a word (any of its terms), among ``within``."""
    reader = leaf.reader()
    wanted = sorted(within) if within is not None else None
    found: set[int] = set()
    for fieldname, text in terms:
        btext = _indexed_term(leaf, fieldname, text)
        if btext is not None:
            found |= _docnums(reader.postings(fieldname, btext), within, wanted)
    return found


def _word_terms(query: wq.Query) -> list[tuple[str, str]]:
    """The ``(field, text)`` terms one word of a phrase stands for: a term, or an ``Or`` of terms."""
    if type(query) is wq.Term and not query.minquality:
        return [(query.fieldname, query.text)]
    if type(query) in _ORS and not (query.scale or query.minmatch):
        return [term for sub in query.subqueries for term in _word_terms(sub)]
    raise Unsupported


def _positions(leaf: Searcher, terms: list[tuple[str, str]], wanted: list[int]) -> dict[int, set[int]]:
    """Segment docnum → the positions of a word (any of its terms) in each ``wanted`` document that has it.

    Read a block of postings at a time, as ``_postings`` reads weights; only the wanted documents'
    positions are decoded.
    """
    reader = leaf.reader()
    wanted_set = set(wanted)
    found: dict[int, set[int]] = {}
    for fieldname, text in terms:
        btext = _indexed_term(leaf, fieldname, text)
        if btext is None:
            continue
        matcher, _excluded = _unwrapped(reader.postings(fieldname, btext))
        if not matcher.supports("positions"):
            raise Unsupported
        decode = _position_decoder(matcher.format)
        if isinstance(matcher, W3LeafMatcher):
            for block in _blocks(matcher, wanted):
                ids, start = block._ids, block._i
                here = wanted_set.intersection(ids[start:])
                if not here:
                    continue
                if block._values is None:
                    block._read_values()
                values = block._values
                for docnum in sorted(here):
                    start = bisect_left(ids, docnum, start)
                    found.setdefault(docnum, set()).update(decode(values[start]))
            continue
        while matcher.is_active():
            docnum = matcher.id()
            if docnum in wanted_set:
                found.setdefault(docnum, set()).update(decode(matcher.value()))
            matcher.next()
    return found


def _position_decoder(format: formats.Format) -> Callable[[bytes], Iterable[int]]:
    """A posting's positions from its value: whoosh's ``Positions`` decoding with the running sum in C."""
    if type(format) is not formats.Positions:
        return format.decoder("positions")

    def decode(value: bytes) -> Iterable[int]:
        if not value.endswith(b"."):
            value += b"."
        return accumulate(pickle.loads(value[_INT_SIZE:]))

    return decode


def _in_order(positions: list[dict[int, set[int]]], docnum: int, slop: int) -> bool:
    """Whether each word has a position ``1..slop`` after one of the previous word's (whoosh's ``SpanNear``)."""
    reached = positions[0].get(docnum)
    for word in positions[1:]:
        if not reached:
            return False
        here = word.get(docnum, ())
        if slop == 1:
            reached = {position for position in here if position - 1 in reached}
        else:
            steps = range(1, slop + 1)
            reached = {position for position in here if any(position - step in reached for step in steps)}
    return bool(reached)


def _union(parts: list[dict[int, float]]) -> dict[int, float]:
    found: dict[int, float] = {}
    for part in parts:
        if not found:
            found = dict(part)
            continue
        for docnum, score in part.items():
            previous = found.get(docnum)
            found[docnum] = score if previous is None else previous + score
    return found


def _term(leaf: Searcher, weighting: Any, fieldname: str, text: Any, within: set[int] | None) -> dict[int, float]:
    """docnum → score of one term in one segment, as ``Term.matcher`` and its scorer give them."""
    btext = _indexed_term(leaf, fieldname, text)
    if btext is None:
        return {}
    reader = leaf.reader()
    scorer = weighting.scorer(leaf, fieldname, btext)
    postings = _postings(reader.postings(fieldname, btext), within)
    if isinstance(scorer, WeightScorer):
        return dict(postings)
    if type(scorer).score is not WeightLengthScorer.score or not hasattr(scorer, "dfl"):
        raise Unsupported
    try:
        lengths = columns.length_bytes(reader, fieldname)
    except columns.Unreadable:
        raise Unsupported from None
    score = scorer._score
    if lengths is None:  # no lengths kept: whoosh scores with a length of 1
        return {docnum: score(weight, 1) for docnum, weight in postings}
    # A score depends on the weight and the length byte alone: each pair is computed once.
    memo: dict[tuple[float, int], float] = {}
    found: dict[int, float] = {}
    for docnum, weight in postings:
        key = (weight, lengths[docnum])
        value = memo.get(key)
        if value is None:
            value = memo[key] = score(weight, byte_to_length(key[1]))
        found[docnum] = value
    return found


def _indexed_term(leaf: Searcher, fieldname: str, text: Any) -> bytes | None:
    """The term as the segment stores it, or ``None`` if the segment has no such field or term."""
    schema = leaf.schema
    if fieldname not in schema:
        return None
    try:
        btext = schema[fieldname].to_bytes(text)
    except ValueError:
        return None
    return btext if (fieldname, btext) in leaf.reader() else None


def _unwrapped(matcher: Any) -> tuple[Any, Any]:
    """A term's matcher without the wrapper that hides the segment's deleted documents, and those."""
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        return matcher.child, matcher._ids
    return matcher, None


def _blocks(matcher: W3LeafMatcher, wanted: list[int] | None) -> Iterator[W3LeafMatcher]:
    """The matcher at each block of postings that may hold a ``wanted`` docnum, its ids decoded.

    A block whose range holds no wanted docnum is skipped without being decoded.
    """
    position = 0  # the first wanted docnum not yet passed
    while matcher.is_active():
        last = matcher._maxid
        if wanted is not None:
            if position == len(wanted):
                return
            if wanted[position] > last:
                matcher._next_block()
                continue
            position = bisect_right(wanted, last, position)
        if matcher._ids is None:
            matcher._read_ids()
        yield matcher
        matcher._next_block()


def _postings(matcher: Any, within: set[int] | None, wanted: list[int] | None = None) -> list[tuple[int, float]]:
    """A term's (docnum, weight) pairs (only those in ``within``, when given; ``wanted`` is it sorted)."""
    matcher, excluded = _unwrapped(matcher)
    pairs: list[tuple[int, float]] = []
    if isinstance(matcher, W3LeafMatcher):
        if within is not None and wanted is None:
            wanted = sorted(within)
        for block in _blocks(matcher, wanted):
            if block._weights is None:
                block._read_weights()
            start = block._i
            found = zip(block._ids[start:], block._weights[start:], strict=True)
            if within is None:
                pairs.extend(found)
            else:
                pairs += [pair for pair in found if pair[0] in within]
    else:
        while matcher.is_active():
            docnum = matcher.id()
            if within is None or docnum in within:
                pairs.append((docnum, matcher.weight()))
            matcher.next()
    if excluded:
        pairs = [pair for pair in pairs if pair[0] not in excluded]
    return pairs


def _docnums(matcher: Any, within: set[int] | None, wanted: list[int] | None) -> set[int]:
    """A term's docnums (only those in ``within``): ``_postings`` without weights, set by set in C."""
    matcher, excluded = _unwrapped(matcher)
    found: set[int] = set()
    if isinstance(matcher, W3LeafMatcher):
        for block in _blocks(matcher, wanted):
            ids = block._ids[block._i :]
            found.update(ids if within is None else within.intersection(ids))
    else:
        while matcher.is_active():
            found.add(matcher.id())
            matcher.next()
        if within is not None:
            found &= within
    if excluded:
        found.difference_update(excluded)
    return found


class Candidates:
    """Top-level docnums that many terms' postings are read among (a match's boosted columns).

    Sorted once, and split per segment once, not once per term.
    """

    def __init__(self, docnums: set[int]) -> None:
        self._sorted = sorted(docnums)
        self._per_segment: dict[int, tuple[set[int], list[int]]] = {}

    def of_segment(self, offset: int, size: int) -> tuple[set[int], list[int]]:
        found = self._per_segment.get(offset)
        if found is None:
            ordered = self._sorted
            local = ordered[bisect_left(ordered, offset) : bisect_left(ordered, offset + size)]
            if offset:
                local = [docnum - offset for docnum in local]
            found = self._per_segment[offset] = (set(local), local)
        return found


def matching_docnums(searcher: Searcher, fieldname: str, text: str, among: Candidates | None = None) -> set[int]:
    """Top-level docnums of the live documents holding a term (only ``among`` them, when given)."""
    found: set[int] = set()
    for leaf, offset in searcher.leaf_searchers():
        btext = _indexed_term(leaf, fieldname, text)
        if btext is None:
            continue
        reader = leaf.reader()
        within, wanted = among.of_segment(offset, leaf.doc_count_all()) if among is not None else (None, None)
        docnums = _docnums(reader.postings(fieldname, btext), within, wanted)
        found.update(docnums if not offset else (docnum + offset for docnum in docnums))
    return found
