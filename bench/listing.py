"""What the benchmarks of a faceted listing (the funding finder, the catalogue) share.

Each builds its own data (``bench.own_data``) on one office's site whose home page holds the
listing's page; each reports the same head (date, machine, yardstick) and times its queries
in-process the same way: every query computed afresh (the text's remembered matches dropped
first), then refinements of a search timed after their text was searched, as a reader asks them.
Server time is the listing computing each answer: the page cache is off and, as in a server
process, the garbage collector is tuned (``as_a_server``).
"""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable, Sequence
from typing import Any

from bench.timing import percentiles, yardstick


def report_head(**sizes: int) -> dict[str, Any]:
    """The date, the machine and how fast it is now, and the sizes the run was asked for."""
    return {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "yardstick_s": yardstick(),
        **sizes,
    }


def as_a_server() -> None:
    """Server time is the listing computing each answer: the cache emptied, the page cache off,
    and, as a server process starts (``kreativ.wsgi``), start-up objects frozen, fewer full
    collections."""
    from django.conf import settings
    from django.core.cache import cache

    from kreativ.wsgi import tune_garbage_collector

    cache.clear()
    settings.LISTING_CACHE_SECONDS = 0
    tune_garbage_collector()


def time_queries(
    queries: Sequence[tuple[str, str]],
    refined: Sequence[tuple[str, str, str]],
    runs: int,
    forget: Callable[[], None],
    total: Callable[[str], int],
) -> dict[str, Any]:
    """p50/p95 of each query (label, URL) computed afresh, with its number of results (``total`` of
    the URL's query string), of all of them together, and of each refinement (label, the URL
    searched first, the URL timed)."""
    from django.test import Client

    client = Client()

    def sample(url: str, before: Callable[[], None]) -> float:
        before()
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (url, response.status_code)
        return elapsed

    per_query = {}
    everything: list[float] = []
    for label, url in queries:
        client.get(url)  # warm up
        samples = sorted(sample(url, forget) for _ in range(runs))
        per_query[label] = {"url": url, "results": total(url.partition("?")[2])} | percentiles(samples)
        everything += samples
    refinements = {}
    for label, first, then in refined:

        def search_first(first: str = first) -> None:
            forget()
            client.get(first)

        samples = sorted(sample(then, search_first) for _ in range(runs))
        refinements[label] = {"url": then} | percentiles(samples)
    return {**percentiles(sorted(everything)), "queries": per_query, "refined": refinements}
