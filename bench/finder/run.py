"""Finder benchmark: 50,000 published calls; finder queries timed in-process (p50/p95 of server
time, the page cache off), then throughput under gunicorn as a ratio to a trivial Django view in the
same run, with the finder's page cache as deployed and with it off.

    python -m bench.finder.run [--calls 50000] [--runs 30] [--seconds 10] [--keep]

Data lives in bench/results/finder-var/ (a separate SQLite database and search index); ``--keep``
reuses it on the next run instead of building it again.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

from bench.listing import as_a_server, report_head, time_queries
from bench.own_data import RESULTS, ROOT, office_home, setup_django
from crawler.parsers.eu_ft import CREATIVE_EUROPE as CREATIVE_EUROPE_CODE
from crawler.vocabulary import EU_PROGRAMMES

VAR = RESULTS / "finder-var"
# The programme of the last query: its name as the crawler (and bench/calls.py) writes it.
CREATIVE_EUROPE = EU_PROGRAMMES[CREATIVE_EUROPE_CODE]
QUERIES = [
    ("default (open, nearest deadline)", ""),
    ("two sectors", "?sector=music&sector=performing-arts"),
    ("region with its wider scopes + applicant", "?region=olomoucky-kraj&applicant=ngo"),
    ("text", "?q=culture"),
    ("text + sector, by relevance", "?q=digital+skills&sector=media&sort=relevance"),
    ("open and closed, newest, page 3", "?status=open&status=closed&sort=newest&page=3"),
    ("deadline within 30 days + amount", "?deadline=30&amount=medium"),
    ("text + programme + region", "?q=heritage&programme={programme}&region=cz"),
]
# A reader who searched narrows the results: the text's matches are remembered by the facet index.
REFINED = [
    ("`culture`, then a sector", "?q=culture", "?q=culture&sector=media"),
    (
        "`digital skills`, then page 2",
        "?q=digital+skills&sector=media&sort=relevance",
        "?q=digital+skills&sector=media&sort=relevance&page=2",
    ),
]


def build(calls: int) -> dict[str, float]:
    from django.core.management import call_command

    from bench.calls import create_calls
    from opportunities.models import FundingCall, FundingFinderPage

    timings = {}
    call_command("migrate", verbosity=0)
    if FundingFinderPage.objects.exists() and FundingCall.objects.count() >= calls:
        return timings
    home, _site = office_home()
    finder = FundingFinderPage(title="Dotace", slug="dotace")
    home.add_child(instance=finder)
    started = time.perf_counter()
    create_calls(calls)
    timings["insert_s"] = time.perf_counter() - started
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    timings["index_s"] = time.perf_counter() - started
    return timings


def measure_in_process(runs: int) -> dict:
    """Each query computed afresh (text searched every time), then the refinements of a search."""
    from opportunities.finder import facet_index
    from opportunities.models import FundingFinderPage, Programme

    base = FundingFinderPage.objects.get().url
    programme = Programme.objects.get(name=CREATIVE_EUROPE).pk
    return time_queries(
        [(label, base + query.format(programme=programme)) for label, query in QUERIES],
        [(label, base + first, base + then) for label, first, then in REFINED],
        runs,
        forget=lambda: facet_index.current().forget_texts(),
        total=_total,
    )


def _total(query: str) -> int:
    """How many calls a query string finds (the query timed, in numbers)."""
    from django.http import QueryDict

    from opportunities.finder.search import Finder, FinderForm

    return Finder(FinderForm(QueryDict(query) or None).filters()).run().total


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hammer(urls: list[str], seconds: float, concurrency: int) -> float:
    """Requests per second that ``concurrency`` clients get through, cycling over ``urls``."""
    deadline = time.perf_counter() + seconds
    counts = [0] * concurrency
    failures = []

    def worker(index: int) -> None:
        position = index
        while time.perf_counter() < deadline:
            url = urls[position % len(urls)]
            position += 1
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    response.read()
                counts[index] += 1
            except Exception as exc:
                failures.append(repr(exc))

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{len(failures)} requests failed, e.g. {failures[0]}")
    return sum(counts) / elapsed


def measure_throughput(seconds: float, workers: int, cache_seconds: int) -> dict:
    from opportunities.models import FundingFinderPage, Programme

    finder = FundingFinderPage.objects.get()
    programme = Programme.objects.get(name=CREATIVE_EUROPE).pk
    port = free_port()
    env = {
        **os.environ,
        "KREATIV_VAR_DIR": str(VAR),
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "KREATIV_LISTING_CACHE_SECONDS": str(cache_seconds),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bench.wsgi",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/bench/ping/", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        finder_urls = [base + finder.url + query.format(programme=programme) for _label, query in QUERIES]
        concurrency = workers * 2
        hammer(finder_urls, 2, concurrency)  # warm up every worker
        ping = hammer([base + "/bench/ping/"], seconds, concurrency)
        finder_rps = hammer(finder_urls, seconds, concurrency)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return {
        "finder_cache_seconds": cache_seconds,
        "workers": workers,
        "ping_rps": round(ping, 1),
        "finder_rps": round(finder_rps, 1),
        "ratio": round(finder_rps / ping, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--keep", action="store_true", help="reuse the data of the previous run")
    args = parser.parse_args()
    setup_django(VAR, fresh=not args.keep)
    report = report_head(calls=args.calls)
    report["build"] = build(args.calls)
    as_a_server()
    report["in_process"] = measure_in_process(args.runs)
    # Throughput as deployed (anonymous views cached) and with the cache off (every answer computed).
    report["throughput"] = measure_throughput(args.seconds, args.workers, cache_seconds=60)
    report["throughput_uncached"] = measure_throughput(args.seconds, args.workers, cache_seconds=0)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "finder.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
