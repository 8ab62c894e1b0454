"""Demo content of the catalogue of creatives: each office's catalogue page.

The page's texts are data beside this file, one folder per office: ``<office>/catalogue.yaml``
(``pages.py`` makes the page under the office's home, in its language, with its translations). The
catalogue is one, shared by every office: each office's page starts from the actors of its region.
"""

from __future__ import annotations

from catalogue.demo.pages import load_pages
from kreativ.demo_loaders import DemoRun


def load(run: DemoRun) -> None:
    load_pages(run)
