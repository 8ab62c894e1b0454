"""Two writers at once (the web process and a django-q2 worker) and rebuilds while the site runs:
no update is lost, and no whoosh ``LockError`` reaches whoever saved the object."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from modelsearch.backends import get_search_backend
from whoosh.index import LockError

from kreativ.search.backend import WhooshSearchBackend
from opportunities.models import Programme

HOLD_LOCK = textwrap.dedent(
    """
    import sys
    from whoosh.filedb.filestore import FileStorage
    writer = FileStorage(sys.argv[1]).open_index().writer()
    print("locked", flush=True)
    sys.stdin.read()  # hold the lock until the test closes our stdin
    writer.cancel()
    """
)


def programme_names(query: str) -> set[str]:
    return {p.name for p in get_search_backend().search(query, Programme, operator="and")}


def index_of(model) -> object:
    return get_search_backend().get_index_for_model(model)


@pytest.fixture
def impatient(search_index):
    """Writers that give up waiting for the lock after a fifth of a second."""
    backend = {**settings.WAGTAILSEARCH_BACKENDS["default"], "LOCK_TIMEOUT": 0.2}
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": backend}):
        yield


@pytest.mark.django_db
def test_another_process_holding_the_lock_delays_an_update_but_never_loses_it(impatient):
    index = index_of(Programme)
    generation = index.store.path / index.store.current()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(generation)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockError), index.store.writer(index.store.current(), timeout=0):
            pass  # whoosh itself refuses a second writer...
        Programme.objects.create(name="Kreativní vouchery")  # ...but saving the object does not fail
        assert programme_names("vouchery") == set()  # journalled, not yet written
        assert index.store.has_pending(index.store.current())
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    Programme.objects.create(name="Rezidence pro umělce")  # the next writer applies the journal first
    assert programme_names("vouchery") == {"Kreativní vouchery"}
    assert programme_names("rezidence") == {"Rezidence pro umělce"}
    assert not index.store.has_pending(index.store.current())


@pytest.mark.django_db
def test_a_journalled_update_is_applied_with_the_objects_latest_state(impatient):
    index = index_of(Programme)
    programme = Programme.objects.create(name="Podpora festivalů")
    with index.store.writer(index.store.current()):  # this test holds the lock now
        programme.name = "Podpora filmových festivalů"
        programme.save()
        gone = Programme.objects.create(name="Zrušený program")
        gone.delete()
    index.flush()
    assert programme_names("filmových festivalů") == {"Podpora filmových festivalů"}
    assert programme_names("zrušený") == set()


@pytest.mark.django_db(transaction=True)
def test_two_writers_at_once_lose_nothing(impatient):
    """Two threads (each with its own file lock, as two processes have) index 60 objects each, one by
    one, as saves do; some of them find the lock taken and journal their update."""
    programmes = {
        prefix: [Programme.objects.create(name=f"{prefix} program {n}", code=f"{prefix}{n}") for n in range(60)]
        for prefix in ("web", "worker")
    }
    backend = get_search_backend()
    backend.reset_indexes()
    errors: list[BaseException] = []

    def write(prefix: str) -> None:
        from django.db import connection

        try:
            for programme in programmes[prefix]:
                backend.add(programme)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(prefix,)) for prefix in programmes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    index_of(Programme).flush()
    assert len(programme_names("web")) == 60
    assert len(programme_names("worker")) == 60


@pytest.mark.django_db
def test_a_rebuild_swaps_atomically_and_keeps_what_was_written_meanwhile():
    backend = get_search_backend()
    assert isinstance(backend, WhooshSearchBackend)
    Programme.objects.create(name="Kreativní Evropa")
    index = backend.get_index_for_model(Programme)
    before = index.store.current()

    rebuilder = backend.rebuilder_class(index)
    building = rebuilder.start()
    building.add_items(Programme, Programme.objects.all())  # the rebuild has read the database...
    Programme.objects.create(name="Národní plán obnovy")  # ...when an editor saves another object
    assert programme_names("evropa") == {"Kreativní Evropa"}  # searches still read the old index
    assert index.store.current() == before
    rebuilder.finish()

    assert index.store.current() != before
    assert programme_names("evropa") == {"Kreativní Evropa"}
    assert programme_names("obnovy") == {"Národní plán obnovy"}
    generations = sorted(p.name for p in Path(index.store.path).glob("g*") if not p.name.endswith(".journal"))
    assert len(generations) <= 2  # the new one and the one before it; older ones are gone


@pytest.mark.django_db
def test_a_rebuild_that_died_leaves_the_index_as_it_was():
    backend = get_search_backend()
    Programme.objects.create(name="Kreativní Evropa")
    index = backend.get_index_for_model(Programme)
    rebuilder = backend.rebuilder_class(index)
    rebuilder.start()
    marker = index.store.path / "BUILDING"
    marker.write_text(marker.read_text().replace(f'"pid": {__import__("os").getpid()}', '"pid": 999999999'))
    assert index.store.building() is None  # its builder is gone: nobody journals for it
    Programme.objects.create(name="Národní plán obnovy")
    assert programme_names("evropa obnovy") == set()
    assert programme_names("obnovy") == {"Národní plán obnovy"}
    assert not list(index.store.path.glob("*.journal/*.json"))
