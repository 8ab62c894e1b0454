"""The search package as a Django app: checking whoosh when the process starts, and the vocabulary.

The backend module is loaded only by the first search or save, which may be long after start-up;
``ready()`` runs in every process (web server, task cluster, ``manage.py``, tests) as soon as
Django is set up, so a whoosh release the accelerated path was not written for stops the process
there with a clear message (``whoosh_internals``), rather than in a reader's search.

The search vocabulary's files (``thesaurus``) are checked by ``manage.py check`` (and so by
``migrate`` and ``runserver``): an error there names the file, the concept and the term.
"""

from __future__ import annotations

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "kreativ.search"
    label = "kreativ_search"
    verbose_name = "Search (whoosh)"

    def ready(self) -> None:
        from django.core import checks

        from . import acceleration, thesaurus

        acceleration.at_startup()
        checks.register(thesaurus.check)
