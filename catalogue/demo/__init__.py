"""Demo content of the catalogue of creatives: each office's catalogue page and its invented actors.

The data lies beside this file, one folder per office: ``<office>/catalogue.yaml`` holds the page's
texts (``pages.py`` makes the page under the office's home, in its language, with its translations)
and ``<office>/profiles.yaml`` the office's invented studios, NGOs, freelancers and schools of the
Olomouc region and of Gorenjska (``profiles.py``: no real person's data, addresses only under
example.com and example.org, portfolio pictures generated, published by the demo's moderator). The
catalogue is one, shared by every office: each office's page starts from the actors of its region.
"""

from __future__ import annotations

from catalogue.demo.pages import load_pages
from catalogue.demo.profiles import load_profiles
from kreativ.demo_loaders import DemoRun


def load(run: DemoRun) -> None:
    load_pages(run)
    for office in run.offices:
        path = office.data_file(__file__, "profiles.yaml")
        if path is not None:
            load_profiles(office, path)
