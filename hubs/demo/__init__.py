"""Demo content of the hubs and the Creative Academy: each office's places, courses and registrations.

The content is data beside this file, one folder per office: ``<office>/hubs.yaml`` (the index of
places and each hub with its address, opening hours, services and machines) and
``<office>/academy.yaml`` (the academy page, its registration form, and each course with its
sessions, dated relative to the day the demo is loaded, so there are always upcoming and past
courses). Places are invented but of the kinds the office's region really has (a fab-lab in a
former factory, a coworking space above a café, a ceramics workshop in the Olomouc region; a
makerspace in a Jesenice steel mill, a shoemakers' hub in Tržič in Gorenjska); coordinates are in
the right towns.
"""

from __future__ import annotations

from hubs.demo.academy import load_academy
from hubs.demo.places import load_places
from kreativ.demo_loaders import DemoRun


def load(run: DemoRun) -> None:
    for office in run.offices:
        places = office.data_file(__file__, "hubs.yaml")
        if places is not None:
            load_places(office, places)
        academy = office.data_file(__file__, "academy.yaml")
        if academy is not None:
            load_academy(office, academy)
