"""The one switch between the accelerated whoosh path and the plain one: the backend option ``ACCELERATED``.

Accelerated (the default): whoosh is patched for speed (``whoosh_fixes``), plain text queries are
scored in bulk (``scoring``) and primary keys and field lengths are read from whole columns
(``columns``). All three depend on whoosh's internals, not on its API.

Plain (``ACCELERATED: False``, env ``SEARCH_WHOOSH_ACCELERATED=0``): none of that; the backend asks
whoosh's public API (``searcher.search``, ``docs_for_query``, stored fields) and whoosh runs
unpatched. Same matches, same scores (to the last bits of a float sum), same order; slower. It is
the path to try when whoosh must be upgraded or replaced (docs/search.md).

The backend reads its own option at call time (``WhooshSearchBackend.accelerated``). The patches
cannot follow an instance: they change whoosh's classes for the whole process. So every backend
instance sets them to match its option (``install``), and modelsearch builds a backend from the
settings for each search and save: a process runs one path at a time, and a test that overrides
the settings gets the plain path, unpatched, for its duration.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from . import whoosh_fixes

OPTION = "ACCELERATED"


def option(params: Mapping[str, Any]) -> bool:
    """A backend's ``ACCELERATED`` option (default on); a clear error for anything but a boolean."""
    value = params.get(OPTION, True)
    if not isinstance(value, bool):
        raise ImproperlyConfigured(
            f"The whoosh search backend's option {OPTION} must be True or False, not {value!r} "
            "(settings read it from SEARCH_WHOOSH_ACCELERATED as a yes/no value)."
        )
    return value


def install(accelerated: bool) -> None:
    """Patch whoosh for the accelerated path, or put its own code back."""
    if accelerated:
        whoosh_fixes.apply()
    else:
        whoosh_fixes.revert()
