"""docs/layout.md is the map a newcomer reads first: it must name every module on disk, and every
path it names must exist, so that the map and the tree never drift apart.

A package's own detailed page may name its modules instead (the search backend in
docs/search.md, the crawler in docs/crawler.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
APPS = [
    ROOT / "site" / "kreativ",
    ROOT / "hubs",
    ROOT / "news",
    ROOT / "home",
    ROOT / "opportunities",
    ROOT / "catalogue",
    ROOT / "exchange",
    ROOT / "crawler",
]
DETAILED = {ROOT / "site" / "kreativ" / "search": DOCS / "search.md", ROOT / "crawler": DOCS / "crawler.md"}
SKIPPED = {"__init__.py", "apps.py"}


def _modules() -> list[Path]:
    found = []
    for app in APPS:
        for path in sorted(app.rglob("*.py")):
            parts = path.relative_to(app).parts
            if path.name in SKIPPED or "migrations" in parts or "settings" in parts:
                continue
            found.append(path)
    return found


def _page_for(module: Path) -> Path:
    for folder, page in DETAILED.items():
        if folder in module.parents:
            return page
    return DOCS / "layout.md"


@pytest.mark.parametrize("module", _modules(), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_module_is_on_the_map(module):
    page = _page_for(module)
    text = page.read_text()
    named = module.name in text or (module.parent.name == "spiders" and "spiders/<name>.py" in text)
    named = named or (module.parent.name == "parsers" and "parsers/<name>.py" in text)
    assert named, f"{module.relative_to(ROOT)} is not named in {page.relative_to(ROOT)}"


def test_every_path_the_map_names_exists():
    text = (DOCS / "layout.md").read_text()
    # Paths, not URLs (/cs/) nor what a build makes (kreativ/site_templates/, in an installed copy).
    paths = {match for match in re.findall(r"`([\w.-]+/(?:[\w./-]+)?)`", text) if "site_templates" not in match}
    assert paths, "the map names no paths"
    bases = [ROOT, ROOT / "site", ROOT / "site" / "kreativ", ROOT / "opportunities", ROOT / "hubs", ROOT / "home"]
    bases += [ROOT / "catalogue", ROOT / "exchange"]
    missing = sorted(path for path in paths if not any((base / path).exists() for base in bases))
    assert missing == [], f"docs/layout.md names paths that do not exist: {missing}"
