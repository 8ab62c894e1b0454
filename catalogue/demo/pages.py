"""Each office's catalogue page, from ``<office>/catalogue.yaml`` (made once, never overwritten)."""

from __future__ import annotations

from catalogue.models import CatalogueIndexPage
from kreativ.demo_data import read
from kreativ.demo_loaders import DemoRun
from kreativ.demo_tools import ensure_translated_page


def load_pages(run: DemoRun) -> None:
    for office in run.offices:
        path = office.data_file(__file__, "catalogue.yaml")
        if path is not None:
            spec = (read(path) or {}).get("catalogue")
            ensure_translated_page(office.home, CatalogueIndexPage, spec, f"{path}, catalogue")
