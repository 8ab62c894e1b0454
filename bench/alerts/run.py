"""Alerts benchmark: a daily run for 10k, 50k and 100k confirmed subscriptions with varied filters
and 500 newly approved calls; time and peak memory of each run, to show how the cost grows.

    python -m bench.alerts.run [--sizes 10000 50000 100000] [--calls 500] [--workers N] [--inline] [--keep]

Each run is measured in a child process. By default it is sent as the scheduled run sends a big
run: queued chunk by chunk (``ALERTS_CHUNK_SIZE``) to a ``manage.py qcluster`` with ``--workers``
workers (default one per core); the time runs from planning to the last chunk task's end, and the
peak memory is the largest process's (the planner's or a worker's). ``--inline`` sends every chunk
in the measuring process instead, as ``manage.py send_alerts`` does. The e-mail backend builds
every message's bytes as SMTP would and then drops them: the figures are matching, rendering, MIME
encoding and the sent log, not a mail server's speed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.own_data import office_home

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "bench" / "results" / "alerts-var"
COLUMNS = {
    "sectors": "sector_id",
    "regions": "region_id",
    "applicant_types": "applicanttype_id",
    "programmes": "programme_id",
}


def setup_django() -> None:
    os.environ["KREATIV_VAR_DIR"] = str(VAR)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build(subscriptions: int, calls: int) -> None:
    import datetime as dt
    import random
    from decimal import Decimal

    from django.core.management import call_command
    from django.utils import timezone

    from bench.calls import create_snapshot_calls
    from kreativ.models import Region, Sector
    from opportunities.models import ApplicantType, FundingFinderPage, Programme, Subscription

    call_command("migrate", verbosity=0)
    if Subscription.objects.count() >= subscriptions:
        return
    home, _site = office_home()
    home.add_child(instance=FundingFinderPage(title="Dotace", slug="dotace"))
    now = timezone.now()
    create_snapshot_calls(calls, published_at=now)

    rng = random.Random(100_000)
    sectors = list(Sector.objects.values_list("pk", flat=True))
    regions = list(Region.objects.values_list("pk", flat=True))
    applicants = list(ApplicantType.objects.values_list("pk", flat=True))
    programmes = list(Programme.objects.values_list("pk", flat=True))
    words = ["film", "music", "heritage", "design", "festival", "digital", "games", "books", "museum", "theatre"]
    batch = 5000
    for offset in range(0, subscriptions, batch):
        subs = [
            Subscription(
                email=f"subscriber{number}@example.com",
                language=rng.choice(["cs", "cs", "sl", "en"]),
                frequency="weekly",
                keywords=", ".join(rng.sample(words, rng.choice([0, 0, 0, 1, 2]))),
                min_amount=rng.choice([None, None, Decimal("10000"), Decimal("50000"), Decimal("200000")]),
                new_calls_since=now - dt.timedelta(days=1),
                closing_until=now,
                reminders_until=now,
            )
            for number in range(offset, min(offset + batch, subscriptions))
        ]
        Subscription.objects.bulk_create(subs)
        for field, choices, counts in (
            # Most subscribers name their sectors and region; one in ten takes everything.
            ("sectors", sectors, [0, 1, 1, 1, 2, 2, 2, 3, 3, 3]),
            ("regions", regions, [0, 1, 1]),
            ("applicant_types", applicants, [0, 1, 2]),
            ("programmes", programmes, [0, 0, 0, 0, 1]),
        ):
            through = getattr(Subscription, field).through
            column = {
                "sectors": "sector_id",
                "regions": "region_id",
                "applicant_types": "applicanttype_id",
                "programmes": "programme_id",
            }[field]
            through.objects.bulk_create(
                [
                    through(subscription_id=sub.pk, **{column: value})
                    for sub in subs
                    for value in rng.sample(choices, rng.choice(counts))
                ]
            )


def measure(size: int, workers: int, inline: bool) -> dict:
    """One daily run for the first ``size`` subscriptions (run in a child process).

    The calls were published minutes before the build; each subscriber's watermark is set a day
    before the run, so all of them count as new.
    """
    import datetime as dt

    from django.conf import settings
    from django.utils import timezone
    from django_q.models import Schedule, Task

    from opportunities.alerts import chunks, tasks
    from opportunities.alerts.digests import send_plan
    from opportunities.models import DigestLog, Subscription

    now = timezone.now()
    first = list(Subscription.objects.order_by("pk").values_list("pk", flat=True)[:size])
    Subscription.objects.update(frequency="weekly")
    Subscription.objects.filter(pk__in=first).update(
        frequency="daily", new_calls_since=now - dt.timedelta(days=1), closing_until=now, reminders_until=now
    )
    DigestLog.objects.all().delete()
    settings.EMAIL_BACKEND = "bench.mail.SerialisingBackend"
    if inline:
        started = time.perf_counter()
        report = send_plan(chunks.plan("daily", now=now))
        elapsed = time.perf_counter() - started
        sent, failed = report.sent, report.failed
    else:
        Schedule.objects.all().delete()  # the cluster runs this run only: no crawl, no scheduled alert
        with Cluster(workers) as cluster:
            started = time.perf_counter()
            plan = chunks.plan("daily", now=now)
            tasks.queue(plan)
            done = Task.objects.filter(group=plan.run)
            while done.count() < len(plan.chunks):
                cluster.check()
                time.sleep(0.2)
            elapsed = time.perf_counter() - started
        results = [task.result for task in done]
        assert all(task.success for task in done), [task.result for task in done if not task.success]
        sent, failed = sum(r["sent"] for r in results), sum(r["failed"] for r in results)
    peak = (
        max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        / 1024
    )
    pairs = sum(len(log.call_ids) for log in DigestLog.objects.only("call_ids").iterator())
    return {
        "subscriptions": size,
        "seconds": round(elapsed, 1),
        "peak_rss_mb": round(peak),
        "emails": sent,
        "failed": failed,
        "matches": pairs,
        "sent_by": "this process" if inline else f"qcluster, {workers} workers",
    }


class Cluster:
    """A ``manage.py qcluster`` on the benchmark's database, started and stopped around one run."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.log = VAR / "qcluster.log"

    def __enter__(self) -> Cluster:
        env = {**os.environ, "Q_WORKERS": str(self.workers), "EMAIL_BACKEND": "bench.mail.SerialisingBackend"}
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "qcluster"], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 120
        while " running." not in self.log.read_text(errors="replace"):
            self.check()
            if time.monotonic() > deadline:
                raise RuntimeError(f"the cluster did not start:\n{self.log.read_text()[-2000:]}")
            time.sleep(0.2)
        return self

    def check(self) -> None:
        if self.process.poll() is not None:
            raise RuntimeError(f"the cluster exited:\n{self.log.read_text()[-2000:]}")

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="the cluster's workers")
    parser.add_argument("--inline", action="store_true", help="send every chunk in the measuring process")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        setup_django()
        print(json.dumps(measure(args.measure, args.workers, args.inline)))
        return
    if not args.keep and VAR.exists():
        shutil.rmtree(VAR)
    VAR.mkdir(parents=True, exist_ok=True)
    setup_django()
    started = time.perf_counter()
    build(max(args.sizes), args.calls)
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "calls": args.calls,
        "build_s": round(time.perf_counter() - started, 1),
        "runs": [],
    }
    for size in args.sizes:
        child = subprocess.run(
            [sys.executable, "-m", "bench.alerts.run", "--measure", str(size), "--workers", str(args.workers)]
            + (["--inline"] if args.inline else []),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        report["runs"].append(json.loads(child.stdout.strip().splitlines()[-1]))
        print(json.dumps(report["runs"][-1]), flush=True)
    (ROOT / "bench" / "results" / "alerts.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
