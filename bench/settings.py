"""Settings for benchmarks: the demo's embedded defaults, no debug, plus a trivial view to compare with."""

from kreativ.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
