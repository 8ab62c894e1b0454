"""Demo content of the catalogue: each office's invented CCI actors.

The profiles are data beside this file, one folder per office (``<office>/profiles.yaml``), loaded
by ``profiles.py``: invented studios, NGOs, freelancers and schools of the Olomouc region and of
Gorenjska (no real person's data; addresses only under example.com and example.org), with their
portfolio pictures generated, published by the demo's moderator.
"""

from __future__ import annotations

from catalogue.demo.profiles import load_profiles
from kreativ.demo_loaders import DemoRun


def load(run: DemoRun) -> None:
    for office in run.offices:
        path = office.data_file(__file__, "profiles.yaml")
        if path is not None:
            load_profiles(office, path)
