"""The corrected ``skip_to`` finds what whoosh's own finds, across many blocks of postings."""

from __future__ import annotations

import random

from whoosh import fields, query
from whoosh.codec import whoosh3
from whoosh.filedb.filestore import RamStorage

import kreativ.search.backend  # noqa: F401  (loading the backend applies the corrections)
from kreativ.search import whoosh_fixes


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
    assert whoosh3.W3LeafMatcher.skip_to is whoosh_fixes._skip_to  # the backend applied it
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
