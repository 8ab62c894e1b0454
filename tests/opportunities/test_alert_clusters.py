"""Two real django-q2 clusters share one chunked alert run, and every subscriber gets one e-mail.

Two ``manage.py qcluster`` processes (two workers each) run against one database: a copy of the
test database in a SQLite file (WAL), or the test database itself on PostgreSQL. The broker is
the database, or Redis when ``REDIS_URL`` is set. Every chunk task of a daily run is queued twice,
side by side, as django-q2 delivers a task again after a timeout, so two workers often send the
same chunk at once. Their e-mails go over SMTP to one server in this process (aiosmtpd).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

pytestmark = [pytest.mark.queue, pytest.mark.django_db(transaction=True)]

ROOT = Path(settings.BASE_DIR)
SUBSCRIBERS, WATCHERS, CALLS, CHUNK_SIZE = 24, 4, 3, 3
STARTUP_TIMEOUT = 120  # seconds; a loaded two-core machine starts Wagtail slowly
RUN_TIMEOUT = 180


class Inbox:
    def __init__(self) -> None:
        self.recipients: list[str] = []

    async def handle_DATA(self, server, session, envelope):
        self.recipients += envelope.rcpt_tos
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_inbox():
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.port = port
    yield inbox
    controller.stop()


def database_url(tmp_path: Path) -> str:
    """Where the clusters find the test's database: a file copy of SQLite's in-memory one, or PostgreSQL's."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = tmp_path / "db.sqlite3"
        target = sqlite3.connect(copy)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}"
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"
    pytest.skip(f"no way to share a {connection.vendor} test database with child processes")


@pytest.fixture
def cluster_env(tmp_path, smtp_inbox, base_data) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kreativ.settings.dev",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": database_url(tmp_path),
        "KREATIV_VAR_DIR": str(tmp_path / "var"),
        "KREATIV_CACHE_DIR": str(tmp_path / "cache"),
        "SEARCH_INDEX_PATH": str(tmp_path / "search-index"),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_inbox.port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_USE_SSL": "0",
        "Q_WORKERS": "2",
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_CONN_MAX_AGE", None)
    return env


def helper(env: dict[str, str], *args: str) -> dict:
    finished = subprocess.run(
        [sys.executable, "-m", "tests.opportunities.cluster_run", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=STARTUP_TIMEOUT,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return json.loads(finished.stdout.strip().splitlines()[-1])


class Cluster:
    def __init__(self, name: str, env: dict[str, str], folder: Path) -> None:
        self.name = name
        self.log = folder / f"{name}.log"
        with self.log.open("w") as output:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", "qcluster"],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped as a whole at the end
            )

    @property
    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def running(self) -> bool:
        assert self.process.poll() is None, f"cluster {self.name} exited:\n{self.output[-3000:]}"
        return " running." in self.output

    def owns(self, pid: int) -> bool:
        """Whether the worker process ``pid`` descends from this cluster (qcluster → sentinel → worker)."""
        for _ in range(4):
            if pid == self.process.pid:
                return True
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                return False
            pid = int(next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:")))
        return False

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # any worker left behind
        self.process.wait(timeout=30)


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out after {timeout} s waiting for {what}"
        time.sleep(0.5)


def finished_tasks(env: dict[str, str], group: str) -> int:
    """How many of the run's tasks have finished (django-q2 records each, in the database)."""
    if connection.vendor == "sqlite":
        db = sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///"), timeout=30)
        try:
            return db.execute('SELECT count(*) FROM django_q_task WHERE "group" = ?', [group]).fetchone()[0]
        finally:
            db.close()
    from django_q.models import Task

    return Task.objects.filter(group=group).count()


def test_two_clusters_share_a_chunked_run_and_send_each_email_once(cluster_env, smtp_inbox, tmp_path):
    started = time.monotonic()
    clusters = [Cluster(name, cluster_env, tmp_path) for name in ("alpha", "beta")]
    try:
        wait_for(lambda: all(cluster.running() for cluster in clusters), STARTUP_TIMEOUT, "both clusters to run")
        run = helper(cluster_env, "queue", str(SUBSCRIBERS), str(WATCHERS), str(CALLS), str(CHUNK_SIZE))
        assert run["broker"] == ("Redis" if os.environ.get("REDIS_URL") else "ORM")
        assert run["chunks"] == SUBSCRIBERS // CHUNK_SIZE + (WATCHERS + CHUNK_SIZE - 1) // CHUNK_SIZE
        wait_for(lambda: finished_tasks(cluster_env, run["group"]) == run["tasks"], RUN_TIMEOUT, "the run's tasks")
        report = helper(cluster_env, "report", run["group"])
        workers = {task["result"]["pid"] for task in report["tasks"] if task["success"]}
        took = {cluster.name: sum(cluster.owns(pid) for pid in workers) for cluster in clusters}
    finally:
        for cluster in clusters:
            cluster.stop()
    failed = [task for task in report["tasks"] if not task["success"]]
    assert not failed, failed
    results = [task["result"] for task in report["tasks"]]
    # Every subscriber once: the daily readers their digest, the weekly watchers their reminder.
    assert Counter(smtp_inbox.recipients) == Counter(run["recipients"])
    assert sum(result["sent"] for result in results) == len(run["recipients"]) == report["logs"]
    # Each chunk was sent by one of its two tasks; the other found its subscriptions taken.
    assert sum(result["subscriptions"] for result in results if result["kind"] == "digest") == SUBSCRIBERS
    assert sum(result["skipped"] for result in results if result["kind"] == "digest") == SUBSCRIBERS
    # Both clusters took chunks (a worker's process descends from its cluster's).
    assert all(took.values()), (took, [cluster.output[-2000:] for cluster in clusters])
    print(f"two clusters: {time.monotonic() - started:.1f} s, worker processes per cluster {took}")
