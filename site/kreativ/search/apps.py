"""The search package as a Django app, for one thing: checking whoosh when the process starts.

The backend module is loaded only by the first search or save, which may be long after start-up;
``ready()`` runs in every process (web server, task cluster, ``manage.py``, tests) as soon as
Django is set up, so a whoosh release the accelerated path was not written for stops the process
there with a clear message (``whoosh_internals``), rather than in a reader's search.
"""

from __future__ import annotations

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kreativ.search"
    label = "kreativ_search"
    verbose_name = "Search (whoosh)"

    def ready(self) -> None:
        from . import acceleration

        acceleration.at_startup()
