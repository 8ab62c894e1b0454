"""The test suite: fast hashing, in-memory e-mail, synchronous tasks, throwaway data paths."""

import atexit
import os
import shutil
import tempfile
import uuid
from pathlib import Path

from .base import *  # noqa: F403
from .base import Q_CLUSTER
from .env import env_str

SECRET_KEY = "kreativ-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
_TMP = Path(tempfile.mkdtemp(prefix="kreativ-test-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)  # uploads and indexes of one test run
MEDIA_ROOT = _TMP / "media"
SEARCH_INDEX_PATH = _TMP / "search-index"
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
LISTING_CACHE_SECONDS = 0  # tests see every change at once; tests/opportunities/test_public.py turns it on
SITE_FRAGMENT_CACHE_SECONDS = 0  # likewise; tests/kreativ/test_fragments.py turns it on
CACHES = {**CACHES, "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # noqa: F405
# The tests' cache is their own: each process of a parallel run (pytest-xdist worker) has its own
# folder, or key prefix on Redis, shared with the child processes a test starts (the environment
# carries it) but not with the other workers, whose facet index versions and rate limit counters
# would otherwise reach it, nor with `make demo`'s var/cache.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
if env_str("REDIS_URL"):
    # A clear() deletes the run's keys only (tests/cache.py), not the whole Redis database.
    _prefix = os.environ.setdefault(f"KREATIV_TEST_CACHE_PREFIX_{_WORKER}", f"kreativ-test-{uuid.uuid4().hex[:12]}")
    CACHES["default"] = {**CACHES["default"], "BACKEND": "tests.cache.RunScopedRedisCache", "KEY_PREFIX": _prefix}
else:
    _cache_dir = os.environ.setdefault(f"KREATIV_TEST_CACHE_DIR_{_WORKER}", str(_TMP / "cache"))
    CACHES["default"] = {**CACHES["default"], "LOCATION": _cache_dir}
MAP_TILE_URL = ""
GEOCODER_URL = ""  # never a remote host: the geocoder's tests point it at a loopback stand-in

# modelsearch's own backend test suite runs against the whoosh backend (tests/search): its test app
# and the fixture it loads.
INSTALLED_APPS = [*INSTALLED_APPS, "modelsearch.test.testapp"]  # noqa: F405
FIXTURE_DIRS = [BASE_DIR / "tests" / "fixtures" / "modelsearch"]  # noqa: F405
WAGTAILSEARCH_BACKENDS = {"default": {**WAGTAILSEARCH_BACKENDS["default"], "PATH": SEARCH_INDEX_PATH}}  # noqa: F405
# Its migrations depend on modelsearch's app label, which Wagtail renames: create its tables directly.
MIGRATION_MODULES = {"searchtests": None}
