"""WSGI entry point for gunicorn or any WSGI server: ``gunicorn kreativ.wsgi``."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreativ.settings.production")


def freeze_startup_objects() -> None:
    """Hides what start-up loaded from the cyclic garbage collector, for the process's lifetime.

    Modules, models, URL patterns and templates' code live as long as the process, yet every
    full collection walks them again: about 200,000 objects, a pause of some 100 ms for the
    request that happens to trigger it (the finder's p95 was made of such pauses). ``gc.freeze``
    is what Python's documentation advises for long-running servers.
    """
    len(get_resolver().url_patterns)  # imports the URL modules and views now, not on the first request
    gc.collect()
    gc.freeze()


application = get_wsgi_application()
freeze_startup_objects()
