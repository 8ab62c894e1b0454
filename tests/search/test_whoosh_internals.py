"""The fence around whoosh: the pinned release, refused otherwise at start-up, and every internal listed.

The accelerated path patches and reads whoosh's internals; on another release, or with an internal
gone, it must stop the process with a clear message before any patch is applied, never answer
wrongly. The plain path starts on another release and says so in the log.
"""

from __future__ import annotations

import ast
import logging
import pickle
import tomllib
from pathlib import Path

import pytest
import whoosh
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from whoosh.codec import whoosh3
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import WeightLengthScorer

from kreativ.search import acceleration, whoosh_fixes, whoosh_internals
from kreativ.search.whoosh_internals import WhooshMismatch

pytestmark = pytest.mark.accelerated  # of the accelerated path's own parts

ROOT = Path(__file__).resolve().parents[2]
SEARCH = ROOT / "site" / "kreativ" / "search"
WHOOSH_BACKEND = {"BACKEND": "kreativ.search.backend", "PATH": "unused"}


@pytest.fixture
def unpatched():
    """whoosh unpatched, and a monkeypatch for it that is undone before the patches are put back."""
    was_applied = whoosh_fixes.is_applied()
    whoosh_fixes.revert()
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(whoosh_internals, "_passed", None)  # no version remembered as checked
        yield monkeypatch
    acceleration.install(was_applied)


@pytest.fixture
def another_release(unpatched):
    unpatched.setattr(whoosh, "__version__", (2, 7, 6))


def test_the_installed_whoosh_is_the_one_pinned_and_has_every_internal():
    pins = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert f"whoosh-reloaded=={whoosh_internals.written_against()}" in pins
    assert whoosh_internals.found_version() == whoosh_internals.WRITTEN_AGAINST
    assert whoosh_internals.missing() == []
    whoosh_internals.check()


def test_another_release_is_refused_with_what_was_expected_found_and_to_do(another_release):
    with pytest.raises(WhooshMismatch) as refused:
        whoosh_internals.check()
    message = str(refused.value)
    assert isinstance(refused.value, ImproperlyConfigured)
    assert "Whoosh-Reloaded 2.7.5" in message and "whoosh 2.7.6" in message
    assert "SEARCH_WHOOSH_ACCELERATED=0" in message and "docs/search.md" in message


def test_on_another_release_no_patch_is_applied(another_release):
    original_skip_to = whoosh3.W3LeafMatcher.skip_to
    with pytest.raises(WhooshMismatch):
        whoosh_fixes.apply()
    assert not whoosh_fixes.is_applied()
    assert whoosh3.W3LeafMatcher.skip_to is original_skip_to and whoosh3.dumps is pickle.dumps
    with pytest.raises(WhooshMismatch):  # a backend built from the settings refuses too
        acceleration.install(acceleration.option(settings.WAGTAILSEARCH_BACKENDS["default"]))


def test_start_up_refuses_another_release(another_release):
    """``ready()`` of the search app: what stops the web server, the task cluster and manage.py."""
    assert acceleration.configured() is True
    with pytest.raises(WhooshMismatch, match=r"2\.7\.6"):
        apps.get_app_config("kreativ_search").ready()
    assert not whoosh_fixes.is_applied()


def test_the_plain_path_starts_on_another_release_and_says_so(another_release, caplog):
    plain = {"default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "ACCELERATED": False}}
    with override_settings(WAGTAILSEARCH_BACKENDS=plain), caplog.at_level(logging.WARNING):
        apps.get_app_config("kreativ_search").ready()
    assert not whoosh_fixes.is_applied()
    assert "whoosh 2.7.6 with the plain path" in caplog.text and "SEARCH_WHOOSH_ACCELERATED off" in caplog.text


def test_another_search_backend_does_not_check_whoosh(another_release):
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "modelsearch.backends.database"}}):
        assert acceleration.configured() is None
        apps.get_app_config("kreativ_search").ready()


def test_a_missing_class_attribute_is_refused(unpatched):
    unpatched.delattr(WeightLengthScorer, "_score")  # whoosh's own scorer overrides it: only we miss it
    expected = "whoosh.scoring.WeightLengthScorer._score (scoring._term: a score from weight and length) is missing"
    assert whoosh_internals.missing() == [expected]
    with pytest.raises(WhooshMismatch, match=r"WeightLengthScorer\._score .* is missing"):
        whoosh_fixes.apply()
    assert not whoosh_fixes.is_applied()


def test_a_missing_instance_attribute_is_refused(unpatched):
    """Attributes whoosh sets on its objects are checked on the objects of a small index in memory."""
    original_init = FilterMatcher.__init__

    def init_without_exclude(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        del self._exclude

    unpatched.setattr(FilterMatcher, "__init__", init_without_exclude)
    assert whoosh_internals.missing() == [
        "whoosh.matching.wrappers.FilterMatcher._exclude (scoring: deleted documents) is missing"
    ]
    with pytest.raises(WhooshMismatch, match=r"FilterMatcher\._exclude"):
        whoosh_fixes.apply()
    assert not whoosh_fixes.is_applied()


def test_a_missing_class_is_refused(unpatched):
    unpatched.delattr(whoosh3, "W3PerDocReader")
    problems = whoosh_internals.missing()
    assert "whoosh.codec.whoosh3.W3PerDocReader does not exist" in problems


def test_the_option_is_a_boolean_and_the_same_for_every_whoosh_backend():
    assert acceleration.option({}) is True
    assert acceleration.option({"ACCELERATED": False}) is False
    with pytest.raises(ImproperlyConfigured, match="must be True or False"):
        acceleration.option({"ACCELERATED": "0"})
    mixed = {"default": WHOOSH_BACKEND, "other": {**WHOOSH_BACKEND, "ACCELERATED": False}}
    with override_settings(WAGTAILSEARCH_BACKENDS=mixed), pytest.raises(ImproperlyConfigured, match="disagree"):
        acceleration.configured()
    same = {"default": {**WHOOSH_BACKEND, "ACCELERATED": False}, "other": {**WHOOSH_BACKEND, "ACCELERATED": False}}
    with override_settings(WAGTAILSEARCH_BACKENDS=same, MODELSEARCH_BACKENDS=same):
        assert acceleration.configured() is False


def _private_reads(path: Path) -> set[str]:
    """Private names a module reads on objects other than its own classes' ``self``, or imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):  # our classes' own attributes are ours
            own.update(id(sub) for sub in ast.walk(node) if isinstance(sub, ast.Attribute) and _on_self(sub))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr) and id(node) not in own:
            names.add(node.attr)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
            names.update(alias.name for alias in node.names if _private(alias.name))
    return names


def _on_self(node: ast.Attribute) -> bool:
    return isinstance(node.value, ast.Name) and node.value.id == "self"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@pytest.mark.parametrize("module", ["whoosh_fixes.py", "scoring.py", "columns.py"])
def test_every_private_whoosh_name_read_is_listed(module):
    """A private read added to the accelerated modules without a line in ``INTERNALS`` fails here."""
    listed = {internal.name for internal in whoosh_internals.INTERNALS}
    unlisted = _private_reads(SEARCH / module) - listed
    assert not unlisted, f"{module} reads {sorted(unlisted)}: list them in whoosh_internals.INTERNALS"
