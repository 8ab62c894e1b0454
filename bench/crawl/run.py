"""Crawl benchmark: the EU snapshot (725 rows, 711 calls) crawled and ingested from a loopback
stand-in of the EU Funding & Tenders API, then crawled again unchanged, then the week after.

    python -m bench.crawl.run [--snapshot PATH] [--next-snapshot PATH | --no-next] [--runs N] [--keep] [--nagle]

Why: a nightly crawl of a source that changed nothing must be cheap and must write nothing (no
revision, no workflow restart, no re-indexing), or moderators drown in no-op revisions and the
database grows every night. The issue's targets: run 2 (the same data again) writes nothing and
takes at most a fifth of run 1 (everything new).

Every run is what users run: ``manage.py crawl eu_ft --url <stand-in> --fast`` (through
``call_command`` in this process, so Django's start-up is not counted, as in the django-q worker
that runs scheduled crawls), with its child process ``python -m crawler.run``. ``--fast`` (no
AutoThrottle, no delays, no HTTP cache) is on for every run: without it the politeness delays would
be most of the time. With the HTTP cache off, run 2 fetches and parses every page again: the cache
does not make it look cheap. That is also what a real re-crawl costs here: the cache (RFC 2616
policy) saves only the transfer, and only when the server sends validators (the stand-in sends
none), while a 304 still hands the spider the whole cached page to parse, and on loopback the
transfer is nearly free. The topic-detail requests are made too (one per topic); the stand-in
answers 404 to them because no snapshot holds detail answers, so each call is kept from its
search row. The stand-in's socket gets ``TCP_NODELAY`` (see ``crawl``; ``--nagle`` leaves it as
``tests/crawler/doubles.py`` has it).

Run 1 uses a fresh database, migrated (the data migrations create the sources, the taxonomy and
the moderation workflow); ``--keep`` reuses the migrated empty database of an earlier run instead of
migrating again. The search backend is whatever the settings configure, so indexing is measured.
Run 2 is repeated ``--runs`` times (the median is compared); each repetition must leave every table
(compared by a digest of all its rows) and every file in the data directory (the search index, if
on disk) unchanged, but for its own record: one ``CrawlRun`` row and its reference-index row.
Run 3 crawls the next snapshot in the same folder (a week later) to show a week's changes.

Data lives in bench/results/crawl-var/; the figures go to bench/results/crawl.json.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import platform
import shutil
import statistics
import sys
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
VAR = RESULTS / "crawl-var"
TEMPLATE = VAR / "migrated"  # the data directory right after migrating, for --keep
TEMPLATE_BACKEND = VAR / "migrated-backend.txt"  # the search backend the template was made with
WORK = VAR / "run"  # the data directory the runs use
SNAPSHOTS = ROOT / "tests" / "fixtures" / "eu_ft"
SNAPSHOT = SNAPSHOTS / "eu_calls_snapshot_2026-08-15.csv"
TARGET_RATIO = 0.2
SOURCE = "eu_ft"
# What every run writes by design: its own record, and that record's link to its source.
RUN_RECORD_TABLE = "opportunities_crawlrun"
RUN_RECORD_REFERENCES = "wagtailcore_referenceindex (crawl runs)"
RUN_RECORD = {RUN_RECORD_TABLE: 1, RUN_RECORD_REFERENCES: 1}
DB_SUFFIXES = ("", "-wal", "-shm", "-journal")
STATS = (
    "elapsed_time_seconds",
    "downloader/request_count",
    "downloader/response_status_count/200",
    "downloader/response_status_count/404",
    "item_scraped_count",
    "eu_ft/pages",
    "eu_ft/total_results",
    "eu_ft/repeated_rows",
    "eu_ft/details_missing",
)


# --- set-up ------------------------------------------------------------------------------------


def setup_django(keep: bool) -> float | None:
    """A data directory of the benchmark's own, migrated; returns the migration's seconds (None if reused)."""
    reuse = keep and (TEMPLATE / "db.sqlite3").exists()
    if reuse:
        shutil.rmtree(WORK, ignore_errors=True)
        shutil.copytree(TEMPLATE, WORK)
    else:
        shutil.rmtree(VAR, ignore_errors=True)
        WORK.mkdir(parents=True)
    # Its own database and index: nothing from the environment may point them elsewhere.
    for name in ("DATABASE_URL", "SEARCH_INDEX_PATH", "MEDIA_ROOT"):
        os.environ.pop(name, None)
    os.environ["KREATIV_VAR_DIR"] = str(WORK)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3" or Path(database["NAME"]).parent != WORK:
        raise SystemExit(f"bench.crawl needs its own SQLite database in {WORK}, not {database['NAME']}")
    if reuse and TEMPLATE_BACKEND.exists() and TEMPLATE_BACKEND.read_text() != backend():
        raise SystemExit(f"the kept database was made with {TEMPLATE_BACKEND.read_text()}; run without --keep")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    seconds = time.perf_counter() - started
    if reuse:
        return None
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    shutil.copytree(WORK, TEMPLATE)
    TEMPLATE_BACKEND.write_text(backend())
    return seconds


def point_crawler_at(server: Any) -> str:
    """Sets the stand-in's addresses for the child process (and drops any other crawler override)."""
    for name in list(os.environ):
        if name.startswith(("EU_FT_", "KREATIV_CRAWLER_")):
            del os.environ[name]
    api = server.url("/search-api/prod/rest/search")
    os.environ["EU_FT_API_URL"] = api
    os.environ["EU_FT_TOPIC_URL"] = server.url("/topicDetails")
    return api


# --- what is in the database and the data directory ----------------------------------------------


def table_digests() -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of its rows (in any order): any write changes one.

    The reference index is split: the rows of crawl runs (a run's record links to its source) are
    part of the run's own record; every other row there would be a write of the crawl.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import ReferenceIndex

    from opportunities.models import CrawlRun

    references = ReferenceIndex._meta.db_table
    crawl_runs = ContentType.objects.get_for_model(CrawlRun).pk
    queries = {}
    for table in connection.introspection.table_names():
        quoted = connection.ops.quote_name(table)
        if table == references:
            queries[table] = (f"SELECT * FROM {quoted} WHERE content_type_id <> %s", [crawl_runs])
            queries[RUN_RECORD_REFERENCES] = (f"SELECT * FROM {quoted} WHERE content_type_id = %s", [crawl_runs])
        else:
            queries[table] = (f"SELECT * FROM {quoted}", [])
    digests = {}
    with connection.cursor() as cursor:
        for name, (sql, params) in sorted(queries.items()):
            cursor.execute(sql, params)
            rows = sorted(repr(row) for row in cursor.fetchall())
            digests[name] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return digests


def data_files() -> dict[str, tuple[int, int]]:
    """Size and modification time of every file in the data directory but the database (a file index)."""
    from django.conf import settings

    database = Path(settings.DATABASES["default"]["NAME"])
    skip = {Path(f"{database}{suffix}") for suffix in DB_SUFFIXES}
    files = {}
    for path in Path(settings.VAR_DIR).rglob("*"):
        if path.is_file() and path not in skip:
            status = path.stat()
            files[str(path.relative_to(settings.VAR_DIR))] = (status.st_size, status.st_mtime_ns)
    return files


def summary() -> dict[str, Any]:
    """The figures a reader checks first: calls, revisions, workflow states, the newest writes."""
    from django.db.models import Count, Max
    from wagtail.models import ModelLogEntry, Revision, TaskState, WorkflowState

    from opportunities.models import CrawlRun, DuplicateSuggestion, FundingCall, SourceRecord

    calls = FundingCall.objects.aggregate(latest_revision=Max("latest_revision_id"))
    records = SourceRecord.objects.aggregate(last_changed=Max("last_changed"))
    states = dict(WorkflowState.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    return {
        "funding_calls": FundingCall.objects.count(),
        "live_calls": FundingCall.objects.filter(live=True).count(),
        "listed_calls": FundingCall.objects.filter(is_listed=True).count(),
        "revisions": Revision.objects.count(),
        "max_revision_id": Revision.objects.aggregate(m=Max("pk"))["m"],
        "max_latest_revision_id": calls["latest_revision"],
        "source_records": SourceRecord.objects.count(),
        "unlisted_records": SourceRecord.objects.filter(is_listed=False).count(),
        "max_record_last_changed": records["last_changed"].isoformat() if records["last_changed"] else None,
        "workflow_states": dict(sorted(states.items())),
        "task_states": TaskState.objects.count(),
        "log_entries": ModelLogEntry.objects.count(),
        "duplicate_suggestions": DuplicateSuggestion.objects.count(),
        "crawl_runs": CrawlRun.objects.count(),
    }


def state() -> dict[str, Any]:
    return {"summary": summary(), "tables": table_digests(), "files": data_files()}


def writes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """What a run wrote: tables whose rows changed (with the change in row count), files, figures."""
    tables = {
        table: after["tables"][table][0] - before["tables"].get(table, (0, ""))[0]
        for table in after["tables"]
        if after["tables"][table] != before["tables"].get(table)
    }
    files = sorted(
        name
        for name in set(before["files"]) | set(after["files"])
        if before["files"].get(name) != after["files"].get(name)
    )
    figures = {
        name: {"before": before["summary"][name], "after": after["summary"][name]}
        for name in after["summary"]
        if before["summary"][name] != after["summary"][name]
    }
    beyond_run_record = {table: n for table, n in tables.items() if RUN_RECORD.get(table) != n}
    return {
        "tables_changed": tables,
        "files_changed": files[:50],
        "files_changed_count": len(files),
        "figures_changed": figures,
        "beyond_run_record": beyond_run_record,
        "wrote_nothing": not beyond_run_record and not files,
    }


# --- one crawl -----------------------------------------------------------------------------------


@contextmanager
def phases() -> Iterator[dict[str, Any]]:
    """Times the child process and the ingest calls of ``opportunities.intake.crawl`` (nothing else changes).

    ``crawling`` reaches both through its module globals ``subprocess`` and ``ingest``; they are
    replaced by namespaces whose functions time the real ones, and put back afterwards.
    """
    from opportunities.intake import crawl as crawling

    real_subprocess, real_ingest = crawling.subprocess, crawling.ingest
    found: dict[str, Any] = {"spider_s": 0.0, "ingest_s": 0.0, "finish_run_s": 0.0, "stats": {}}

    def timed(key: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                found[key] += time.perf_counter() - started

        return wrapper

    def finish_run(slug: str, seen: Any, stats: dict[str, Any], errors: list[Any], **kwargs: Any) -> Any:
        found["stats"] = {name: stats[name] for name in STATS if name in stats}
        found["stats"].update({name: value for name, value in stats.items() if name.startswith("httpcache/")})
        found["errors"] = len(errors)
        return real_ingest.finish_run(slug, seen, stats, errors, **kwargs)

    crawling.subprocess = types.SimpleNamespace(
        run=timed("spider_s", real_subprocess.run), TimeoutExpired=real_subprocess.TimeoutExpired
    )
    crawling.ingest = types.SimpleNamespace(
        RunContext=real_ingest.RunContext,
        ingest_item=timed("ingest_s", real_ingest.ingest_item),
        finish_run=timed("finish_run_s", finish_run),
    )
    try:
        yield found
    finally:
        crawling.subprocess, crawling.ingest = real_subprocess, real_ingest


def crawl(label: str, snapshot: Path, nagle: bool = False) -> dict[str, Any]:
    """One ``manage.py crawl eu_ft --url <stand-in> --fast``, timed, with what it wrote.

    The stand-in writes each answer's headers and body in two sends; with Nagle's algorithm on its
    socket, the client's delayed ACK holds the body back, idling the crawl for milliseconds per
    request (about 2.5 s per crawl of this snapshot). A real server does not stall like that, so
    the benchmark turns Nagle off on its own server (``TCP_NODELAY``) unless ``nagle`` is set.
    """
    from django.core.management import call_command

    from opportunities.models import CrawlRun
    from tests.crawler.doubles import EuSearchDouble, LoopbackServer

    double = EuSearchDouble.from_snapshot_csv(snapshot)
    before = state()
    output = io.StringIO()
    server = LoopbackServer.for_eu_api(double)
    # The handler class is made per server: this changes the benchmark's server only.
    server.httpd.RequestHandlerClass.disable_nagle_algorithm = not nagle
    with server:
        api = point_crawler_at(server)
        with phases() as timing:
            started = time.perf_counter()
            call_command("crawl", SOURCE, url=[api], fast=True, stdout=output)
            wall = time.perf_counter() - started
        posts, gets = len(server.paths("POST")), len(server.paths("GET"))
    after = state()
    run = CrawlRun.objects.filter(source__slug=SOURCE).latest("started_at")
    items = run.items_new + run.items_changed + run.items_unchanged
    return {
        "label": label,
        "snapshot": snapshot.name,
        "rows_served": len(double.results),
        "wall_s": round(wall, 2),
        "calls_per_s": round(items / wall, 1),
        "spider_s": round(timing["spider_s"], 2),
        "ingest_s": round(timing["ingest_s"], 2),
        "ingest_ms_per_call": round(1000 * timing["ingest_s"] / items, 2) if items else None,
        "finish_run_s": round(timing["finish_run_s"], 2),
        "requests": {"search_posts": posts, "detail_gets": gets},
        "spider_stats": timing["stats"],
        "run": {
            "status": run.status,
            "seen": run.items_seen,
            "new": run.items_new,
            "changed": run.items_changed,
            "unchanged": run.items_unchanged,
            "no_longer_listed": run.items_unlisted,
            "errors": run.error_count,
        },
        "command_output": output.getvalue().strip(),
        "writes": writes(before, after),
        "after": after["summary"],
    }


# --- report --------------------------------------------------------------------------------------


def table(runs: list[dict[str, Any]]) -> str:
    head = (
        "run",
        "snapshot",
        "wall s",
        "calls/s",
        "spider s",
        "ingest s",
        "new",
        "chg",
        "same",
        "gone",
        "+revisions",
        "+calls",
        "tables written (beyond its run record)",
    )
    lines = []
    for run in runs:
        figures = run["writes"]["figures_changed"]
        grown = {
            name: figures[name]["after"] - figures[name]["before"] if name in figures else 0
            for name in ("revisions", "funding_calls")
        }
        written = run["writes"]["beyond_run_record"]
        lines.append(
            (
                run["label"],
                run["snapshot"].removeprefix("eu_calls_snapshot_").removesuffix(".csv"),
                f"{run['wall_s']:.2f}",
                f"{run['calls_per_s']:.1f}",
                f"{run['spider_s']:.2f}",
                f"{run['ingest_s']:.2f}",
                str(run["run"]["new"]),
                str(run["run"]["changed"]),
                str(run["run"]["unchanged"]),
                str(run["run"]["no_longer_listed"]),
                str(grown["revisions"]),
                str(grown["funding_calls"]),
                (", ".join(sorted(written)) or "none") if len(written) <= 2 else f"{len(written)} tables",
            )
        )
    widths = [max(len(row[i]) for row in [head, *lines]) for i in range(len(head))]
    rows = [head, tuple("-" * w for w in widths), *lines]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)


def next_snapshot(snapshot: Path) -> Path | None:
    """The snapshot after ``snapshot`` in its folder (names sort by date), if any."""
    later = sorted(p for p in snapshot.parent.glob("eu_calls_snapshot_*.csv") if p.name > snapshot.name)
    return later[0] if later else None


def backend() -> str:
    from django.conf import settings

    return settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT, help="the snapshot CSV of runs 1 and 2")
    parser.add_argument("--next-snapshot", type=Path, help="the snapshot of run 3 (default: the next one by date)")
    parser.add_argument("--no-next", action="store_true", help="skip run 3")
    parser.add_argument("--runs", type=int, default=3, help="how many unchanged re-crawls (run 2); the median counts")
    parser.add_argument("--keep", action="store_true", help="reuse the migrated empty database of an earlier run")
    parser.add_argument(
        "--nagle",
        action="store_true",
        help="leave Nagle's algorithm on in the stand-in, as tests/crawler/doubles.py does",
    )
    args = parser.parse_args()
    snapshot = args.snapshot.resolve()
    later = None if args.no_next else (args.next_snapshot or next_snapshot(snapshot))

    migrate_s = setup_django(keep=args.keep)
    from django.conf import settings

    import crawler.items  # noqa: F401  (imported by the first crawl only: not a cost of run 1)

    report: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "search_backend": backend(),
        "database": settings.DATABASES["default"]["ENGINE"],
        "command": f"manage.py crawl {SOURCE} --url <stand-in> --fast (call_command; child: python -m crawler.run)",
        "fast": True,
        "http_cache": "off in every run (--fast): every run fetches and parses every page again",
        "topic_details": "requested for every topic; the stand-in answers 404 (no snapshot holds detail answers)",
        "stand_in_tcp_nodelay": not args.nagle,
        "migrate_s": round(migrate_s, 1) if migrate_s is not None else "reused (--keep)",
        "runs": [],
    }
    runs = report["runs"]
    runs.append(crawl("1 new", snapshot, args.nagle))
    print(table(runs[-1:]), flush=True)
    for number in range(1, args.runs + 1):
        runs.append(crawl(f"2 same #{number}" if args.runs > 1 else "2 same", snapshot, args.nagle))
        print(table(runs[-1:]).splitlines()[-1], flush=True)
    if later is not None:
        runs.append(crawl("3 week after", later.resolve(), args.nagle))

    first, again = runs[0], [run for run in runs if run["label"].startswith("2")]
    median = statistics.median(run["wall_s"] for run in again) if again else None
    ratio = round(median / first["wall_s"], 3) if median is not None else None
    report["run2_median_wall_s"] = median
    report["ratio_run2_run1"] = ratio
    report["targets"] = {
        "run2_wrote_nothing": all(run["writes"]["wrote_nothing"] for run in again),
        "ratio_at_most": TARGET_RATIO,
        "ratio_met": ratio is not None and ratio <= TARGET_RATIO,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "crawl.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print()
    print(table(runs))
    print()
    nodelay = "Nagle on (as tests/crawler/doubles.py)" if args.nagle else "TCP_NODELAY"
    print(f"{report['machine']}; search backend {report['search_backend']}; --fast on every run, HTTP cache off")
    print(f"stand-in: {nodelay}; topic details requested, answered 404")
    if ratio is not None:
        verdict = "met" if report["targets"]["ratio_met"] else "NOT met"
        print(
            f"run 2 / run 1: {median:.2f} s / {first['wall_s']:.2f} s = {ratio} (target <= {TARGET_RATIO}: {verdict})"
        )
        for run in again:
            extra = run["writes"]["beyond_run_record"]
            said = "wrote nothing but its crawl-run record" if run["writes"]["wrote_nothing"] else f"WROTE {extra}"
            print(f"{run['label']}: {said}; files changed: {run['writes']['files_changed_count']}")
    print(f"results: {RESULTS / 'crawl.json'}")


if __name__ == "__main__":
    main()
