"""The test suite: fast hashing, in-memory e-mail, synchronous tasks, throwaway data paths."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import Q_CLUSTER

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
FINDER_CACHE_SECONDS = 0  # tests see every change at once; tests/opportunities/test_public.py turns it on
SITE_FRAGMENT_CACHE_SECONDS = 0  # likewise; tests/kreativ/test_fragments.py turns it on
CACHES = {**CACHES, "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # noqa: F405
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    # A cache of this run's own: rate-limit counts of an earlier run in the same hour (or of the
    # demo in var/cache) would refuse a test's subscriptions.
    CACHES["default"] = {**CACHES["default"], "LOCATION": str(_TMP / "cache")}
MAP_TILE_URL = ""

# modelsearch's own backend test suite runs against the whoosh backend (tests/search): its test app
# and the fixture it loads.
INSTALLED_APPS = [*INSTALLED_APPS, "modelsearch.test.testapp"]  # noqa: F405
FIXTURE_DIRS = [BASE_DIR / "tests" / "fixtures" / "modelsearch"]  # noqa: F405
WAGTAILSEARCH_BACKENDS = {"default": {**WAGTAILSEARCH_BACKENDS["default"], "PATH": SEARCH_INDEX_PATH}}  # noqa: F405
# Its migrations depend on modelsearch's app label, which Wagtail renames: create its tables directly.
MIGRATION_MODULES = {"searchtests": None}
