"""The cache is shared between processes: what one process changes, another sees at once.

Every web process and task worker keeps its own facet index and reads the header and footer from
the cache under a version that any process may bump, and the subscription rate limits must count
the attempts of every process. With the default file cache the processes of one machine share a
folder; with ``REDIS_URL`` (``make test-redis``) every process of every machine shares Redis, and
these tests check that they really run on it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache, caches

from kreativ import fragments
from kreativ.public_forms import ratelimit
from opportunities.finder import facet_index

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("REDIS_URL", "")


def in_another_process(code: str) -> dict:
    """Runs ``code`` in a fresh Python with the test settings; it prints one line of JSON."""
    script = f"import django, json\ndjango.setup()\n{code}"
    finished = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "kreativ.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return json.loads(finished.stdout.strip().splitlines()[-1])


@pytest.fixture
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set (make test-redis sets it)")
def test_with_redis_url_the_cache_and_the_task_broker_are_redis():
    from django.core.cache.backends.redis import RedisCache
    from django_q.brokers import get_broker

    assert isinstance(caches["default"], RedisCache)
    assert caches["default"]._servers == [REDIS_URL]
    assert settings.Q_CLUSTER["redis"] == REDIS_URL and "orm" not in settings.Q_CLUSTER
    broker = get_broker()
    assert type(broker).__name__ == "Redis" and broker.ping()


@pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set (make test-redis sets it)")
def test_clearing_the_tests_cache_leaves_other_keys_of_the_redis_database_alone(empty_cache):
    client = caches["default"]._cache.get_client(write=True)
    client.set("someone-elses-key", b"kept")
    try:
        cache.set("ours", 1)
        cache.clear()
        assert cache.get("ours") is None
        assert client.get("someone-elses-key") == b"kept"
    finally:
        client.delete("someone-elses-key")


def test_a_version_bumped_in_another_process_reaches_this_one(empty_cache, home):
    index = facet_index.current()
    fragment_version = fragments.version()
    bumped = in_another_process(
        "from opportunities.finder import facet_index\n"
        "from kreativ import fragments\n"
        "from django.core.cache import cache\n"
        "facet_index.invalidate()\n"
        "fragments.forget()\n"
        "print(json.dumps({'index': cache.get(facet_index.VERSION_KEY), 'fragments': fragments.version()}))"
    )
    assert bumped["index"] != index.version and bumped["fragments"] != fragment_version
    # This process rebuilds its facet index on its next read, and its cached views' keys change.
    assert facet_index.current().version == bumped["index"]
    assert fragments.version() == bumped["fragments"]


def test_the_rate_limit_counts_the_attempts_of_every_process(empty_cache):
    key = "alerts:client:shared"
    assert in_another_process(
        "from kreativ.public_forms import ratelimit\n"
        f"print(json.dumps([ratelimit.allow({key!r}, 2, 3600) for _ in range(2)]))"
    ) == [True, True]
    assert ratelimit.allow(key, 2, 3600) is False
