"""The patched ``skip_to`` and block decoding find what whoosh's own find, across many blocks of postings;
the patches come off again, and whoosh's own code reads what the patched code wrote."""

from __future__ import annotations

import pickle
import random
import zlib

import pytest
from whoosh import fields, query
from whoosh.codec import whoosh3
from whoosh.filedb.filestore import RamStorage

from kreativ.search import whoosh_fixes

pytestmark = pytest.mark.accelerated  # of the accelerated path's own parts


@pytest.fixture(autouse=True)
def patched():
    """These tests are of the patches: applied, whichever path an earlier test left the process on."""
    was_applied = whoosh_fixes.is_applied()
    whoosh_fixes.apply()
    yield
    if not was_applied:
        whoosh_fixes.revert()


def _index(documents: list[str]):
    schema = fields.Schema(body=fields.TEXT)
    index = RamStorage().create_index(schema)
    with index.writer() as writer:
        for text in documents:
            writer.add_document(body=text)
    return index


def test_intersections_and_skips_match_a_set_computation():
    rng = random.Random(7)
    # 3,000 documents: each word's postings span many blocks (whoosh writes 128 per block).
    words = ("alpha", "beta", "gamma")
    documents = [" ".join(word for word in words if rng.random() < 0.4) or "delta" for _ in range(3000)]
    index = _index(documents)
    expected = {
        (a, b): {n for n, text in enumerate(documents) if a in text.split() and b in text.split()}
        for a, b in (("alpha", "beta"), ("beta", "gamma"), ("alpha", "gamma"))
    }
    assert whoosh3.W3LeafMatcher.skip_to is whoosh_fixes._skip_to
    with index.searcher() as searcher:
        for (a, b), docs in expected.items():
            found = set(searcher.docs_for_query(query.And([query.Term("body", a), query.Term("body", b)])))
            assert found == docs and len(docs) > 300

        # Direct skips: to every target, forwards, the first posting at or after it.
        alpha = sorted(n for n, text in enumerate(documents) if "alpha" in text.split())
        matcher = searcher.postings("body", "alpha")
        for target in range(0, 3000, 37):
            if not matcher.is_active():
                break
            matcher.skip_to(target)
            following = [n for n in alpha if n >= target]
            if following:
                assert matcher.is_active() and matcher.id() == following[0]
            else:
                assert not matcher.is_active()


def test_decoded_blocks_give_every_posting_with_its_weight():
    """Ids (summed gaps) and weights: stored ones, a block's one constant, or none kept (1.0)."""
    rng = random.Random(11)
    words = ("alpha", "beta", "gamma")
    documents = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(2000)]
    schema = fields.Schema(body=fields.TEXT, first=fields.ID, flags=fields.KEYWORD)
    index = RamStorage().create_index(schema)
    with index.writer() as writer:
        for text in documents:
            writer.add_document(body=text, first=text.split()[0], flags="twice twice")
    assert whoosh3.W3LeafMatcher._read_ids is whoosh_fixes._read_ids
    assert whoosh3.W3LeafMatcher._read_weights is whoosh_fixes._read_weights

    def postings(searcher, fieldname, word):
        matcher, found = searcher.postings(fieldname, word), {}
        while matcher.is_active():
            found[matcher.id()] = matcher.weight()
            matcher.next()
        return found

    with index.searcher() as searcher:
        for word in words:
            expected = {n: text.split().count(word) for n, text in enumerate(documents) if word in text.split()}
            assert len(expected) > 500  # several blocks of 128
            found = postings(searcher, "body", word)
            assert found == expected and any(weight > 1 for weight in found.values())
            first = {n: 1.0 for n, text in enumerate(documents) if text.split()[0] == word}
            assert postings(searcher, "first", word) == first
        assert postings(searcher, "flags", "twice") == dict.fromkeys(range(len(documents)), 2.0)


def test_blocks_are_written_with_bytes_as_bytes_and_old_blocks_still_read():
    documents = [f"alpha beta {'gamma ' * (n % 5)}delta" for n in range(600)]
    phrase = {n for n, text in enumerate(documents) if "beta gamma" in text}

    def write_and_search():
        index = _index(documents)
        with index.searcher() as searcher:
            matcher = searcher.postings("body", "alpha")
            matcher._read_data()
            block = matcher._postfile.get(matcher._dataoffset, matcher._nextoffset - matcher._dataoffset)
            found = set(searcher.docs_for_query(query.Phrase("body", ["beta", "gamma"])))
        return block, found

    assert whoosh3.dumps is whoosh_fixes._dumps
    data, found = write_and_search()
    assert zlib.decompress(data)[:2] == b"\x80\x03" and found == phrase and 400 < len(found) < 600
    # A segment written by whoosh itself (protocol 2) reads the same, positions included.
    whoosh3.dumps = pickle.dumps
    try:
        data, found = write_and_search()
    finally:
        whoosh3.dumps = whoosh_fixes._dumps
    assert zlib.decompress(data)[:2] == b"\x80\x02" and found == phrase


def test_reverting_puts_whooshs_own_code_back_and_it_reads_a_patched_index():
    documents = [f"alpha beta {'gamma ' * (n % 5)}delta" for n in range(600)]
    patched_index = _index(documents)  # written with protocol 3
    patched = {
        name: vars(owner)[name]
        for owner, name in [
            (whoosh3.W3PerDocReader, "_cached_reader"),
            (whoosh3.W3LeafMatcher, "skip_to"),
            (whoosh3.W3LeafMatcher, "_read_ids"),
            (whoosh3.W3LeafMatcher, "_read_weights"),
            (whoosh3, "dumps"),
        ]
    }
    assert all(function.__module__ == whoosh_fixes.__name__ for function in patched.values())
    whoosh_fixes.revert()
    try:
        assert not whoosh_fixes.is_applied()
        assert whoosh3.dumps is pickle.dumps
        for owner in (whoosh3.W3PerDocReader, whoosh3.W3LeafMatcher):
            for name, function in vars(owner).items():
                if name in patched:
                    assert function.__module__ == whoosh3.__name__, name
        with patched_index.searcher() as searcher:
            found = set(searcher.docs_for_query(query.Phrase("body", ["beta", "gamma"])))
            both = set(searcher.docs_for_query(query.And([query.Term("body", "alpha"), query.Term("body", "gamma")])))
        assert found == {n for n, text in enumerate(documents) if "beta gamma" in text}
        assert both == {n for n, text in enumerate(documents) if "gamma" in text} and len(both) == 480
    finally:
        whoosh_fixes.apply()
    assert {name: vars(whoosh3.W3LeafMatcher).get(name) for name in ("skip_to", "_read_ids", "_read_weights")} == {
        name: patched[name] for name in ("skip_to", "_read_ids", "_read_weights")
    }
