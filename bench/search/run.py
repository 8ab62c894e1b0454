"""Search benchmark: the whoosh backend beside modelsearch's SQLite full-text backend, same data.

    python -m bench.search.run [--calls 50000] [--runs 30] [--budget 60] [--keep]

50,000 published calls shaped like the EU snapshot (``bench/calls.py``) in one SQLite database;
both backends index all of them (a full ``update_index`` each, timed), then answer the same
queries, as the finder and the admin ask them: the keys of the best 2,000 matches (what the
finder's full text does), and a first page of 20 objects with the total (an admin listing).
p50/p95 of each, per backend, and the ratio SQLite / whoosh (above 1: whoosh is faster).

Data lives in bench/results/search-var/; ``--keep`` reuses the calls (the indexes are always
rebuilt: their build time is one of the figures).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
VAR = RESULTS / "search-var"
BACKENDS = {
    "whoosh": {"BACKEND": "kreativ.search.backend"},
    "sqlite": {"BACKEND": "modelsearch.backends.database.sqlite.sqlite"},
}
# Words of the snapshot's own texts: common and rare, one or several, an identifier, no match.
QUERIES = [
    ("one common word", "culture"),
    ("one rare word", "hydrogen"),
    ("two words", "digital skills"),
    ("three words", "cultural heritage cooperation"),
    ("inflected words", "innovating communities"),
    ("call identifier", "CREA-CULT-2025-COOP"),
    ("no match", "xylophonic"),
]


MIN_SAMPLES = 2


def setup_django(fresh: bool) -> None:
    if fresh and VAR.exists():
        shutil.rmtree(VAR)
    VAR.mkdir(parents=True, exist_ok=True)
    os.environ["KREATIV_VAR_DIR"] = str(VAR)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("SEARCH_BACKEND", "whoosh")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    whoosh = {**settings.WAGTAILSEARCH_BACKENDS["default"], **BACKENDS["whoosh"]}
    settings.WAGTAILSEARCH_BACKENDS = {"default": whoosh, "whoosh": whoosh, "sqlite": BACKENDS["sqlite"]}


def build(calls: int) -> dict[str, float]:
    from django.core.management import call_command

    from bench.calls import create_calls
    from opportunities.models import FundingCall

    call_command("migrate", verbosity=0)
    timings: dict[str, float] = {}
    missing = calls - FundingCall.objects.count()
    if missing > 0:
        started = time.perf_counter()
        create_calls(missing)
        timings["insert_s"] = round(time.perf_counter() - started, 1)
    for name in ("whoosh", "sqlite"):
        started = time.perf_counter()
        call_command("update_index", backend_name=name, verbosity=0)
        timings[f"{name}_rebuild_s"] = round(time.perf_counter() - started, 1)
    timings["whoosh_index_mb"] = round(_size(Path(os.environ["KREATIV_VAR_DIR"]) / "search-index") / 2**20, 1)
    return timings


def _size(path: Path) -> int:
    """Bytes of the generations searches read (the previous one, kept for open readers, is not counted)."""
    total = 0
    for pointer in path.glob("*/CURRENT"):
        generation = pointer.parent / pointer.read_text().strip()
        total += sum(item.stat().st_size for item in generation.rglob("*") if item.is_file())
    return total


def operations(backend: str) -> dict[str, Callable[[str], int]]:
    from kreativ.search import keys_of
    from opportunities.models import FundingCall

    def public():
        return FundingCall.objects.filter(live=True, merged_into__isnull=True)

    def finder_keys(text: str) -> int:
        # As the finder asks: the whoosh backend reads keys from its index, others load the objects.
        results = public().only("pk").search(text, operator="and", backend=backend)
        return len(keys_of(results, 2000))

    def first_page(text: str) -> int:
        results = public().search(text, operator="and", backend=backend)
        page = list(results[:20])
        return results.count() if page else 0

    return {"finder: best 2,000 keys": finder_keys, "listing: 20 objects + count": first_page}


def measure(runs: int, budget: float) -> dict:
    report: dict = {}
    for backend in ("whoosh", "sqlite"):
        for op_name, op in operations(backend).items():
            for label, text in QUERIES:
                matches = op(text)  # warm up, and the number of matches to compare
                samples: list[float] = []
                spent = 0.0
                # Up to ``runs`` samples, fewer when a query is so slow that the budget runs out.
                while len(samples) < runs and (len(samples) < MIN_SAMPLES or spent < budget):
                    started = time.perf_counter()
                    op(text)
                    samples.append((time.perf_counter() - started) * 1000)
                    spent += samples[-1] / 1000
                samples.sort()
                entry = report.setdefault(op_name, {}).setdefault(label, {"query": text})
                entry[backend] = {
                    "matches": matches,
                    "samples": len(samples),
                    "p50_ms": round(statistics.median(samples), 1),
                    "p95_ms": round(_nearest_rank(samples, 0.95), 1),
                }
    for queries in report.values():
        for entry in queries.values():
            entry["sqlite_over_whoosh_p95"] = round(entry["sqlite"]["p95_ms"] / max(entry["whoosh"]["p95_ms"], 0.1), 2)
    return report


def _nearest_rank(ordered: list[float], fraction: float) -> float:
    """The nearest-rank percentile: of two samples, p95 is the slower one."""
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="reuse the calls of the previous run")
    parser.add_argument(
        "--budget", type=float, default=60, help="seconds per query and backend; a slower one gets fewer samples"
    )
    args = parser.parse_args()

    setup_django(fresh=not args.keep)
    build_figures = build(args.calls)
    print(f"built: {build_figures}", flush=True)
    queries = measure(args.runs, args.budget)
    result = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "calls": args.calls,
        "runs": args.runs,
        "build": build_figures,
        "queries": queries,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "search.json").write_text(json.dumps(result, indent=2), encoding="utf-8")

    print(
        f"\n{args.calls} calls; rebuild: whoosh {build_figures['whoosh_rebuild_s']} s, "
        f"SQLite FTS {build_figures['sqlite_rebuild_s']} s; whoosh index {build_figures['whoosh_index_mb']} MB"
    )
    for op_name, per_query in queries.items():
        print(f"\n{op_name}")
        print(f"{'query':<22} {'matches':>8} {'whoosh p50/p95 ms':>18} {'SQLite p50/p95 ms':>18} {'ratio':>6}")
        for label, entry in per_query.items():
            w, s = entry["whoosh"], entry["sqlite"]
            print(
                f"{label:<22} {w['matches']:>8} {w['p50_ms']:>8} / {w['p95_ms']:<7} {s['p50_ms']:>8} / {s['p95_ms']:<7}"
                f" {entry['sqlite_over_whoosh_p95']:>6}"
            )


if __name__ == "__main__":
    main()
