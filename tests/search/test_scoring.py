"""The bulk scorer gives every match whoosh's own BM25F score, on indexes shaped like ours.

Whoosh's ``searcher.search`` is the reference: same documents, scores equal to the last few bits
(additions may run in another order). The indexes have several segments, deleted documents, words
from rare to common (postings over many blocks and inlined ones), boosts, and filters.
"""

from __future__ import annotations

import math
import random
import uuid

import pytest
from whoosh import fields
from whoosh import query as wq
from whoosh.filedb.filestore import RamStorage
from whoosh.idsets import BitSet

from kreativ.search import scoring

pytestmark = pytest.mark.accelerated  # of the accelerated path's own parts

WORDS = ["common", "often", "sometimes", "seldom", "rare", "unique"]
CHANCES = [0.6, 0.35, 0.15, 0.05, 0.01, 0.0005]


def _ram_index(schema):
    """An index in memory. whoosh names a writer's temporary folder after the index
    (``/tmp/<name>.tmp``), so every test process uses a name of its own: with the default
    ("MAIN") parallel runs on one machine deleted each other's files."""
    return RamStorage().create_index(schema, indexname=f"scoring-{uuid.uuid4().hex}")


def _documents(rng: random.Random, count: int) -> list[str]:
    documents = []
    for _ in range(count):
        words = [word for word, chance in zip(WORDS, CHANCES, strict=True) if rng.random() < chance]
        filler = ["filler"] * rng.randint(0, 40)  # field lengths vary, as the scores depend on them
        repeated = words * rng.randint(1, 3)  # term frequencies (weights) vary too
        documents.append(" ".join(repeated + filler) or "empty")
    return documents


@pytest.fixture(scope="module")
def index():
    rng = random.Random(11)
    schema = fields.Schema(
        body=fields.TEXT(phrase=True),
        title=fields.TEXT,
        tag=fields.KEYWORD(scorable=False),
    )
    ix = _ram_index(schema)
    for _segment in range(3):  # three segments, not merged
        writer = ix.writer()
        for text in _documents(rng, 1500):
            writer.add_document(body=text, title=" ".join(text.split()[:2]), tag=rng.choice(["a", "b"]))
        writer.commit(merge=False)
    writer = ix.writer()
    for docnum in rng.sample(range(4500), 300):
        writer.delete_document(docnum)
    writer.commit(merge=False)
    return ix


def _term(field: str, text: str, boost: float = 1.0) -> wq.Term:
    return wq.Term(field, text, boost=boost)


QUERIES = [
    _term("body", "common"),
    _term("body", "unique"),
    _term("body", "absent"),
    _term("tag", "a"),  # a field without lengths: scored by weight
    wq.And([_term("body", "common"), _term("body", "often")]),
    wq.And([_term("body", "common"), _term("body", "rare")]),  # a rare word skips most blocks
    wq.And([_term("body", "often"), _term("body", "sometimes"), _term("body", "seldom")]),
    wq.And([_term("body", "common"), _term("body", "absent")]),
    wq.Or([_term("body", "rare"), _term("body", "seldom"), _term("title", "common", boost=2.0)]),
    wq.Or([wq.And([_term("body", "common"), _term("body", "often")]), _term("title", "often")], boost=1.5),
    wq.Or([_term("body", "sometimes")], boost=3.0),  # one part: whoosh does not apply the boost
    wq.Or(
        [
            wq.And([_term("body", "often"), _term("body", "sometimes")]).with_boost(2.0),
            wq.And([_term("title", "often"), _term("title", "sometimes")]),
            wq.And([_term("nofield", "often"), _term("body", "sometimes")]),
        ]
    ),
    # Phrases. A document repeats its words in the order of WORDS ("common often common often
    # filler"), so "often common" is a phrase only where nothing came between two repetitions.
    wq.Sequence([_term("body", "often"), _term("body", "common")]),
    wq.Sequence([_term("body", "common"), _term("body", "sometimes")]),  # only where "often" is missing
    wq.Sequence([_term("body", "common"), _term("body", "sometimes")], slop=2),
    wq.Sequence([_term("body", "common"), _term("body", "often"), _term("body", "sometimes")], boost=2.0),
    wq.Sequence([wq.Or([_term("body", "rare"), _term("body", "often")]), _term("body", "sometimes")]),
    wq.Sequence([_term("body", "common"), _term("body", "absent")]),
    wq.Or(
        [
            wq.Sequence([_term("body", "often"), _term("body", "common")]),
            wq.And([_term("body", "seldom"), _term("body", "rare")]),
        ],
        boost=1.5,
    ),
]


def _whoosh(searcher, query, allowed):
    return {docnum: score for score, docnum in searcher.search(query, filter=allowed, limit=None, terms=False).top_n}


@pytest.mark.parametrize("query", QUERIES, ids=str)
def test_every_match_and_its_score_are_whooshs(index, query):
    rng = random.Random(str(query))
    with index.searcher() as searcher:
        assert len(searcher.leaf_searchers()) >= 3 and searcher.reader().has_deletions()
        some = BitSet(rng.sample(range(searcher.doc_count_all()), 2000), size=searcher.doc_count_all())
        for allowed in (None, some):
            expected = _whoosh(searcher, query, allowed)
            found = scoring.scores(searcher, query, allowed)
            assert found is not None
            assert found.keys() == expected.keys()
            for docnum, score in expected.items():
                assert math.isclose(found[docnum], score, rel_tol=1e-9), (docnum, found[docnum], score)


def test_the_queries_match_enough_to_mean_something(index):
    with index.searcher() as searcher:
        sizes = [len(_whoosh(searcher, query, None)) for query in QUERIES]
    assert sizes[0] > 2000 and 0 < sizes[1] < 10 and sizes[2] == 0 and sizes[5] > 10 and sizes[7] == 0


def test_a_phrase_is_more_than_its_words(index):
    """The phrases above keep only some of the documents holding all their words."""
    with index.searcher() as searcher:

        def size(query):
            return len(_whoosh(searcher, query, None))

        common, often, sometimes = _term("body", "common"), _term("body", "often"), _term("body", "sometimes")
        assert 10 < size(wq.Sequence([often, common])) < size(wq.And([often, common]))
        adjacent = size(wq.Sequence([common, sometimes]))
        assert 10 < adjacent < size(wq.Sequence([common, sometimes], slop=2)) <= size(wq.And([common, sometimes]))


def test_an_empty_filter_lets_nothing_through(index):
    with index.searcher() as searcher:
        assert scoring.scores(searcher, _term("body", "common"), BitSet(size=searcher.doc_count_all())) == {}


@pytest.mark.parametrize(
    "query",
    [
        wq.Phrase("body", ["common", "often"]),
        wq.Sequence([_term("body", "common"), _term("body", "often")], ordered=False),
        wq.Sequence([_term("body", "common"), wq.Prefix("body", "oft")]),
        wq.FuzzyTerm("body", "comon"),
        wq.Prefix("body", "comm"),
        wq.Not(_term("body", "common")),
        wq.Or([_term("body", "common"), _term("body", "often")], scale=0.5),
        wq.And([_term("body", "common"), wq.Not(_term("body", "often"))]),
    ],
    ids=str,
)
def test_other_shapes_are_left_to_whoosh(index, query):
    with index.searcher() as searcher:
        assert scoring.scores(searcher, query) is None


def test_a_terms_documents_are_whooshs_among_any_candidates(index):
    with index.searcher() as searcher:
        expected = set(searcher.docs_for_query(_term("body", "often")))
        assert scoring.matching_docnums(searcher, "body", "often") == expected
        within = set(range(0, searcher.doc_count_all(), 3))
        among = scoring.Candidates(within)
        assert scoring.matching_docnums(searcher, "body", "often", among) == expected & within
        assert scoring.matching_docnums(searcher, "body", "seldom", among) == (
            set(searcher.docs_for_query(_term("body", "seldom"))) & within
        )
        assert scoring.matching_docnums(searcher, "body", "absent") == set()
        assert scoring.matching_docnums(searcher, "nofield", "often") == set()


@pytest.mark.django_db
def test_a_filter_that_matches_nothing_finds_nothing(real_calls):
    """Whoosh reads an empty filter as none: the backend must not return the unfiltered matches."""
    calls = real_calls.values()
    assert all(call.live for call in calls)
    live = type(next(iter(calls))).objects.filter(live=True)
    assert live.search("creative", operator="and").keys()  # the word is there
    drafts = type(next(iter(calls))).objects.filter(live=False)
    results = drafts.search("creative", operator="and")
    assert results.keys() == [] and list(results) == []


def test_a_candidate_at_the_end_of_a_block_is_found():
    """Blocks are skipped by their last docnum: a candidate equal to it is in that block."""
    ix = _ram_index(fields.Schema(body=fields.TEXT))
    with ix.writer() as writer:
        for _ in range(1000):
            writer.add_document(body="word")
    with ix.searcher() as searcher:
        last_of_each_block = {127, 255, 383, 999}  # whoosh writes 128 postings per block
        last = scoring.Candidates(last_of_each_block)
        assert scoring.matching_docnums(searcher, "body", "word", last) == last_of_each_block
        within = {0, 128, 500}
        found = scoring.scores(searcher, wq.And([wq.Term("body", "word"), wq.Term("body", "word")]), None)
        assert len(found) == 1000
        assert scoring.matching_docnums(searcher, "body", "word", scoring.Candidates(within)) == within


def test_a_phrase_remembered_per_segment_follows_deletions_and_new_segments():
    """Where a phrase holds is remembered per segment: a document deleted afterwards is not found,
    one added in a new segment is, and every score stays whoosh's."""
    ix = _ram_index(fields.Schema(key=fields.ID(stored=True, unique=True), body=fields.TEXT(phrase=True)))
    with ix.writer() as writer:
        for number in range(40):
            writer.add_document(key=str(number), body="graphic design" if number % 2 else "design graphic")
    phrase = wq.Sequence([_term("body", "graphic"), _term("body", "design")])

    def found():
        with ix.searcher() as searcher:
            mine, theirs = scoring.scores(searcher, phrase), _whoosh(searcher, phrase, None)
            assert mine.keys() == theirs.keys()
            assert all(math.isclose(mine[d], theirs[d], rel_tol=1e-9) for d in theirs)
            return {searcher.stored_fields(docnum)["key"] for docnum in mine}

    assert found() == {str(number) for number in range(1, 40, 2)}
    assert found() == {str(number) for number in range(1, 40, 2)}  # now remembered
    with ix.writer() as writer:
        writer.delete_by_term("key", "1")
    writer = ix.writer()
    writer.add_document(key="new", body="the graphic design of a poster")
    writer.commit(merge=False)  # a segment of its own
    assert found() == {str(number) for number in range(3, 40, 2)} | {"new"}
    assert len(ix.searcher().leaf_searchers()) == 2
