"""A segment's fixed-width columns read whole, once, and kept on its reader.

Whoosh reads a column value per document through a file object, a ``struct`` unpack and (for
numbers) a translation: a few microseconds each, which a search that ranks 2,000 matches pays
2,000 times per column. A segment's files never change once written, and whoosh reuses the
readers of unchanged segments when a searcher is refreshed, so a column read whole is read once
per segment for the life of the index.
"""

from __future__ import annotations

import struct
import sys
from array import array
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.columns import EmptyColumnReader, NumericColumn
from whoosh.fields import NUMERIC
from whoosh.searching import Searcher


class Unreadable(Exception):
    """The column is not stored the way this module reads (whoosh's own reader must answer)."""


def _cache(reader: Any) -> dict[tuple[str, str], Any]:
    return reader.__dict__.setdefault("_kreativ_columns", {})


def length_bytes(reader: Any, fieldname: str) -> bytes | None:
    """A segment's stored length bytes of a field (whoosh reads one per scored match).

    ``None`` when the segment keeps no lengths for the field; ``Unreadable`` when they are not
    one byte per document.
    """
    cache = _cache(reader)
    key = ("lengths", fieldname)
    if key in cache:
        return cache[key]
    perdoc = reader._perdoc
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:
        lengths = None
    elif not isinstance(column, NumericColumn.Reader) or column._fixedlen != 1:
        raise Unreadable(fieldname)
    else:
        count = column._count
        stored = column._dbfile.get(column._basepos, count) if count else b""
        # Documents after the last one written have the column's default, 0.
        lengths = bytes(stored) + bytes(max(perdoc._doccount - count, 0) + 1)
    cache[key] = lengths
    return lengths


def integers(searcher: Searcher, fieldname: str) -> list[int]:
    """Top-level docnum → the value of a sortable 64-bit signed integer ``NUMERIC`` column.

    The values whoosh's own column reader gives, the column's default included for a document
    without one. Raises ``Unreadable`` for any other kind of column.
    """
    try:
        field = searcher.schema[fieldname]
    except KeyError:
        raise Unreadable(fieldname) from None
    if not isinstance(field, NUMERIC) or field.numtype is not int or field.bits != 64 or not field.signed:
        raise Unreadable(fieldname)
    if field.decimal_places or not field.column_type:
        raise Unreadable(fieldname)
    values: list[int] = []
    for leaf, _offset in searcher.leaf_searchers():
        values.extend(_segment_integers(leaf.reader(), fieldname, field))
    return values


def _segment_integers(reader: Any, fieldname: str, field: NUMERIC) -> list[int]:
    cache = _cache(reader)
    key = ("integers", fieldname)
    found = cache.get(key)
    if found is not None:
        return found
    doccount = reader.doc_count_all()
    column = reader.column_reader(fieldname, translate=False)
    if isinstance(column, EmptyColumnReader):  # the segment has no such column
        found = [field.from_column_value(column[0])] * doccount
    elif isinstance(column, NumericColumn.Reader) and column._typecode == "Q":
        raw = array("Q")
        raw.frombytes(bytes(column._dbfile.get(column._basepos, column._count * 8)))
        if sys.byteorder == "little":  # whoosh packs big-endian ("!Q")
            raw.byteswap()
        shift = 1 << 63  # stored as sortable unsigned numbers: value + 2**63
        found = [value - shift for value in raw]
        if doccount > len(found):  # documents after the last value written have the default
            try:
                default = field.from_column_value(column._unpack(column._defaultbytes)[0])
            except struct.error:
                raise Unreadable(fieldname) from None
            found.extend([default] * (doccount - len(found)))
    else:
        raise Unreadable(fieldname)
    cache[key] = found
    return found
