"""modelsearch's own backend test suite, run against the whoosh backend as modelsearch runs it for its
own backends (``modelsearch/tests/test_sqlite_backend.py``): subclass ``BackendTests``, name the
backend, point the settings at it. A skipped test names the whoosh limitation that forces it.
The suite runs twice: on the accelerated whoosh path, and on the plain one (``ACCELERATED`` off).
"""

from __future__ import annotations

import sys

import pytest
import wagtail.search.models
from django.conf import settings
from django.test import TestCase
from django.test.utils import override_settings

# Wagtail installs modelsearch's models in its own app (``wagtail.search``, label ``wagtailsearch``);
# the suite imports them as ``modelsearch.models``, a module that cannot load beside Wagtail's. It is
# the same model, so that name points to Wagtail's module.
sys.modules.setdefault("modelsearch.models", wagtail.search.models)

from modelsearch.test.testapp import models  # noqa: E402
from modelsearch.tests.test_backends import BackendTests  # noqa: E402

from kreativ.search import acceleration, whoosh_fixes  # noqa: E402

BACKEND = "kreativ.search.backend"
PEER_BACKENDS = {
    "default": {
        "BACKEND": BACKEND,
        "PATH": settings.SEARCH_INDEX_PATH.parent / "peer-index",  # removed with the run's other data
        "LANGUAGES": ["en"],
        "LANGUAGE": "en",
    }
}


class PeerSuite(BackendTests):
    """modelsearch's suite with the rows it lacks; run below on each whoosh path."""

    backend_path = BACKEND

    @classmethod
    def setUpTestData(cls) -> None:
        """Rows that the suite's tests describe but the published fixture lacks.

        The treebeard filter tests search a tree Animal → (Mammal → (Dog, Cat), Reptile), and the
        nested-relation test finds the stand-up meeting by a speaker called Doyle; modelsearch's
        SQLite backend fails those tests on the bare fixture too. The rows are built with treebeard's
        own API, so paths and nested-set bounds are real.
        """
        for model in (models.MPAnimal, models.NSAnimal):
            animal = model.add_root(name="Animal")
            mammal = animal.add_child(name="Mammal")
            animal = model.objects.get(pk=animal.pk)
            animal.add_child(name="Reptile")
            mammal = model.objects.get(pk=mammal.pk)
            mammal.add_child(name="Dog")
            mammal = model.objects.get(pk=mammal.pk)
            mammal.add_child(name="Cat")
        item = models.AgendaItem.objects.create(meeting_id=2, topic="What each of us did yesterday")
        models.Speaker.objects.create(agenda_item=item, name="Arthur Conan Doyle")


@pytest.mark.accelerated
@override_settings(WAGTAILSEARCH_BACKENDS=PEER_BACKENDS, MODELSEARCH_BACKENDS=PEER_BACKENDS)
class TestWhooshBackend(PeerSuite, TestCase):
    """The suite on the accelerated path (the default)."""


PLAIN_BACKENDS = {"default": {**PEER_BACKENDS["default"], "ACCELERATED": False}}


@override_settings(WAGTAILSEARCH_BACKENDS=PLAIN_BACKENDS, MODELSEARCH_BACKENDS=PLAIN_BACKENDS)
class TestWhooshBackendPlain(PeerSuite, TestCase):
    """The same suite on the plain path: whoosh's public API only, whoosh unpatched (acceleration.py).

    What to run first when whoosh changes (docs/search.md, "When whoosh must be replaced").
    """

    @classmethod
    def setUpClass(cls) -> None:
        cls.patched_before = whoosh_fixes.is_applied()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls) -> None:
        super().tearDownClass()
        acceleration.install(cls.patched_before)  # the patches are process-wide: as they were

    def test_the_plain_path_runs_whoosh_unpatched(self) -> None:
        self.assertFalse(self.backend.accelerated)
        self.assertFalse(whoosh_fixes.is_applied())
