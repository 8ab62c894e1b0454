"""The one switch between the accelerated whoosh path and the plain one: the backend option ``ACCELERATED``.

Accelerated (the default): whoosh is patched for speed (``whoosh_fixes``), plain text queries are
scored in bulk (``scoring``) and primary keys and field lengths are read from whole columns
(``columns``). All three depend on whoosh's internals, so they run only on the release they were
written against (``whoosh_internals``), which is checked at start-up.

Plain (``ACCELERATED: False``, env ``SEARCH_WHOOSH_ACCELERATED=0``): none of that; the backend asks
whoosh's public API (``searcher.search``, ``docs_for_query``, stored fields) and whoosh runs
unpatched. Same matches, same scores (to the last bits of a float sum), same order; slower. It is
the path to try when whoosh must be upgraded or replaced (docs/search.md).

The backend reads its own option at call time (``WhooshSearchBackend.accelerated``). The patches
cannot follow an instance: they change whoosh's classes for the whole process. So every backend
instance sets them to match its option (``install``), and modelsearch builds a backend from the
settings for each search and save: a process runs one path at a time, and a test that overrides
the settings gets the plain path, unpatched, for its duration. Two whoosh backends configured with
different options would switch the patches back and forth; ``at_startup`` refuses that.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import whoosh_fixes, whoosh_internals

OPTION = "ACCELERATED"
BACKEND = "kreativ.search.backend"
BACKEND_SETTINGS = ("WAGTAILSEARCH_BACKENDS", "MODELSEARCH_BACKENDS")


def option(params: Mapping[str, Any]) -> bool:
    """A backend's ``ACCELERATED`` option (default on); a clear error for anything but a boolean."""
    value = params.get(OPTION, True)
    if not isinstance(value, bool):
        raise ImproperlyConfigured(
            f"The whoosh search backend's option {OPTION} must be True or False, not {value!r} "
            f"(settings read it from {whoosh_internals.SETTING} as a yes/no value)."
        )
    return value


def install(accelerated: bool) -> None:
    """Patch whoosh for the accelerated path (after the version check), or put its own code back."""
    if accelerated:
        whoosh_fixes.apply()
    else:
        whoosh_fixes.revert()


def configured() -> bool | None:
    """Whether the whoosh backends in the settings are accelerated; ``None`` when none is configured."""
    options: dict[str, bool] = {}
    for setting in BACKEND_SETTINGS:
        for alias, params in (getattr(settings, setting, None) or {}).items():
            if str(params.get("BACKEND", "")).startswith(BACKEND):
                options[f"{setting}[{alias!r}]"] = option(params)
    if len(set(options.values())) > 1:
        described = ", ".join(f"{name}: {value}" for name, value in options.items())
        raise ImproperlyConfigured(
            f"The whoosh search backends disagree on {OPTION} ({described}); whoosh's patches are "
            "process-wide, so every whoosh backend of a process must use the same path."
        )
    return next(iter(options.values()), None)


def at_startup() -> None:
    """Refuse an unsuitable whoosh before anything is searched (called when the app is ready)."""
    accelerated = configured()
    if accelerated is None:  # another search backend: whoosh's internals are not used
        return
    install(accelerated)
    if not accelerated:
        whoosh_internals.warn_if_untested()
