"""Where a benchmark's data lives: its own SQLite database and search index in
``bench/results/<name>-var/`` (with ``bench.settings``), and the office's site it is read on.

The finder's, the catalogue's and the alerts' benchmarks build their data the same way: Django on
their own folder (emptied first unless the data is kept), a Czech home page made the default
site's root, under which each puts its own page.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"


def setup_django(var: Path, fresh: bool) -> None:
    """Django on the benchmark's own data in ``var`` (emptied first unless the data is kept)."""
    if fresh and var.exists():
        shutil.rmtree(var)
    var.mkdir(parents=True, exist_ok=True)
    os.environ["KREATIV_VAR_DIR"] = str(var)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def office_home() -> tuple[Any, Any]:
    """A Czech home page made the default site's root: where the benchmark's page goes. Returns
    the home page and the site."""
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    root = Page.get_first_root_node()
    home = HomePage(title="Bench", slug="bench", locale=Locale.objects.get(language_code="cs"))
    root.add_child(instance=home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home, site
