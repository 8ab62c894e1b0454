"""The house's floors: the foundation imports and migrates nothing above it.

``kreativ`` is what every app builds on; the first domain apps (hubs, news, opportunities) sit on it
and do not know each other; the platform's apps (the catalogue of creatives, then the exchange,
events and the action plan) build on those, each on the ones below it; ``home`` shows every domain
and sits on top. The import contracts are in
``pyproject.toml`` ([tool.importlinter]); imports inside functions count as much as those at the top.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parents[2]
FOUNDATION = "kreativ"
DOMAINS = ["hubs", "news", "opportunities"]
PLATFORM = ["catalogue", "exchange"]  # lowest first: each may use the ones before it
TOP = ["home"]
OUR_APPS = {FOUNDATION, *DOMAINS, *PLATFORM, *TOP}


def test_the_import_contracts_hold():
    """``lint-imports`` in a process of its own: the suite's process has Django and Twisted loaded."""
    command = [str(Path(sys.executable).with_name("lint-imports")), "--config", "pyproject.toml", "--no-cache"]
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stdout + finished.stderr


@pytest.mark.parametrize("upper", [*DOMAINS, *PLATFORM, *TOP, "crawler"])
def test_the_foundation_reaches_no_app_above_it(upper):
    graph = grimp.build_graph(FOUNDATION, upper, "crawler" if upper != "crawler" else "hubs")
    chain = graph.find_shortest_chain(importer=FOUNDATION, imported=upper, as_packages=True)
    assert chain is None, f"{FOUNDATION} imports {upper}: {' -> '.join(chain or [])}"


def test_no_domain_imports_another():
    graph = grimp.build_graph(*DOMAINS)
    for importer in DOMAINS:
        for imported in DOMAINS:
            if importer != imported:
                chain = graph.find_shortest_chain(importer=importer, imported=imported, as_packages=True)
                assert chain is None, f"{importer} imports {imported}: {' -> '.join(chain)}"


def test_no_domain_imports_the_platform_above_it():
    graph = grimp.build_graph(*DOMAINS, *PLATFORM)
    for position, upper in enumerate(PLATFORM):
        for lower in [*DOMAINS, *PLATFORM[:position]]:
            chain = graph.find_shortest_chain(importer=lower, imported=upper, as_packages=True)
            assert chain is None, f"{lower} imports {upper}: {' -> '.join(chain)}"


def test_no_migration_of_a_lower_app_depends_on_a_higher_one(db):
    """Migrations follow the floors too: ``kreativ`` depends on no app of ours, a first domain only
    on it, a platform app on those and the platform apps below it."""
    allowed = {FOUNDATION: {FOUNDATION}, **{domain: {FOUNDATION, domain} for domain in DOMAINS}}
    for position, app in enumerate(PLATFORM):
        allowed[app] = {FOUNDATION, *DOMAINS, *PLATFORM[: position + 1]}
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    checked = 0
    for app, name in graph.nodes:
        if app not in allowed:
            continue
        for parent_app, parent_name in (parent.key for parent in graph.node_map[(app, name)].parents):
            checked += 1
            if parent_app in OUR_APPS:
                assert parent_app in allowed[app], f"{app}.{name} depends on {parent_app}.{parent_name}"
    assert checked > 0
