"""WSGI entry point for gunicorn or any WSGI server: ``gunicorn kreativ.wsgi``."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kreativ.settings.production")

# Full collections after this many collections of the middle generation (Python's default: 10).
FULL_COLLECTION_EVERY = 100


def tune_garbage_collector() -> None:
    """Keeps the cyclic garbage collector's full collections out of the way of requests.

    Modules, models, URL patterns and templates' code live as long as the process, yet every
    full collection walked them again: about 200,000 objects, a pause of some 100 ms for the
    request that happened to trigger it (the finder's p95 was made of such pauses). They are
    frozen out of the collector's sight (``gc.freeze``). What remains is small, so Python's rule
    of a full collection once a quarter of it was added ran one every third finder request; a
    full collection now waits for 100 collections of the middle generation instead of 10. Young
    garbage is collected as before; a frozen object is still freed by reference counting, and only
    one caught in a garbage cycle would stay (start-up objects live as long as the process).
    """
    len(get_resolver().url_patterns)  # imports the URL modules and views now, not on the first request
    gc.collect()
    gc.freeze()
    young, middle, _full = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)


application = get_wsgi_application()
tune_garbage_collector()
