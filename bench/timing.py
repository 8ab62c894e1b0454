"""What the benchmarks share to report their timings: percentiles, and how fast the machine was."""

from __future__ import annotations

import math
import statistics
import time


def percentiles(ordered: list[float]) -> dict[str, float]:
    """p50 and the nearest-rank p95 (of 30 samples, the second slowest)."""
    return {
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)], 1),
    }


def yardstick() -> float:
    """Seconds for ten million additions in a Python loop (best of three): how fast the machine is
    at the time of the run, since a virtual machine's speed varies from one hour to the next."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for number in range(10_000_000):
            total += number
        best = min(best, time.perf_counter() - started)
    return round(best, 2)
