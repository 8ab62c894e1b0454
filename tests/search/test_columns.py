"""Columns read whole give what whoosh's own column readers give, document by document."""

from __future__ import annotations

import pytest
from whoosh import fields
from whoosh.filedb.filestore import RamStorage

from kreativ.search import columns

pytestmark = pytest.mark.accelerated  # of the accelerated path's own parts


def _schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        pk=fields.NUMERIC(numtype=int, bits=64, signed=True, sortable=True, shift_step=0),
        small=fields.NUMERIC(numtype=int, bits=32, sortable=True),
        body=fields.TEXT,
    )


def test_integers_of_every_segment_with_unset_values_and_deletions():
    index = RamStorage().create_index(_schema())
    segments = [
        [(1, "a"), (-5, "b"), (2**62, "c")],
        [(7, "d"), (None, "e"), (0, "f")],  # a document without the column's value
        [(None, "g")],  # a segment without the column at all
    ]
    for documents in segments:
        writer = index.writer()
        for pk, name in documents:
            writer.add_document(id=name, body=name, **({} if pk is None else {"pk": pk}))
        writer.commit(merge=False)
    with index.writer() as writer:
        writer.delete_by_term("id", "b")
        writer.mergetype = lambda w, s: s  # keep the segments apart
    with index.searcher() as searcher:
        assert len(searcher.leaf_searchers()) == 3
        found = columns.integers(searcher, "pk")
        whoosh_reader = searcher.reader().column_reader("pk")
        assert found == [whoosh_reader[docnum] for docnum in range(searcher.doc_count_all())]
        assert [found[n] for n in (0, 1, 2, 3, 5)] == [1, -5, 2**62, 7, 0]
        # Read once per segment: the same list comes back from the reader's cache.
        leaf = searcher.leaf_searchers()[0][0].reader()
        field = searcher.schema["pk"]
        assert columns._segment_integers(leaf, "pk", field) is columns._segment_integers(leaf, "pk", field)


def test_other_columns_are_left_to_whoosh():
    index = RamStorage().create_index(_schema())
    with index.writer() as writer:
        writer.add_document(id="a", pk=1, small=3, body="a")
    with index.searcher() as searcher:
        for fieldname in ("small", "body", "missing"):
            with pytest.raises(columns.Unreadable):
                columns.integers(searcher, fieldname)
