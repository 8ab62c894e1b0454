"""Sets of small integers as Python ints, one bit each: AND, OR and popcount run in C."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def from_positions(positions: Iterable[int], size: int) -> int:
    buffer = bytearray(size // 8 + 1)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def positions(bits: int) -> Iterator[int]:
    """The set bits, lowest first."""
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for byte_index, byte in enumerate(data):
        while byte:
            low = byte & -byte
            yield (byte_index << 3) + low.bit_length() - 1
            byte ^= low
