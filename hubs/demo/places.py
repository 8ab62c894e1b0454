"""The demo's places: an office's hub index and its hubs, from ``<office>/hubs.yaml``.

A hub's opening hours are written as rows of days and a time span, ``{days: [tuesday, wednesday],
hours: "14:00-21:00"}``; everything else is the page's fields (``kreativ.demo_data``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hubs.models import HubIndexPage, HubPage
from kreativ.demo_data import DemoDataError, read, time_of_day, weekday
from kreativ.demo_loaders import Office
from kreativ.demo_tools import ensure_translated_page


def load_places(office: Office, path: Path) -> None:
    data = read(path) or {}
    index, _ = ensure_translated_page(office.home, HubIndexPage, data.get("index"), f"{path}, index")
    for number, spec in enumerate(data.get("hubs") or []):
        where = f"{path}, hubs[{number}]"
        if not isinstance(spec, Mapping):
            raise DemoDataError(f"{where}: expected a hub's fields, found {spec!r}")
        hub = {**spec, "listing_image": office.illustration(spec, where)}
        if "opening_hours" in spec:
            hub["opening_hours"] = opening_hours(spec["opening_hours"], f"{where}, opening_hours")
        ensure_translated_page(index, HubPage, hub, where)


def opening_hours(rows: Any, where: str) -> list[dict[str, Any]]:
    """``[{days: [tuesday], hours: "14:00-21:00"}]`` as the hub's rows of opening hours, a row a day."""
    found = []
    for number, row in enumerate(rows or []):
        here = f"{where}[{number}]"
        if not isinstance(row, Mapping) or set(row) != {"days", "hours"} or not isinstance(row["days"], list):
            raise DemoDataError(f'{here}: expected {{days: [monday, …], hours: "09:00-17:00"}}, found {row!r}')
        opens, dash, closes = str(row["hours"]).partition("-")
        if not dash:
            raise DemoDataError(f'{here}: hours are a span such as "09:00-17:00", found {row["hours"]!r}')
        for day in row["days"]:
            found.append(
                {
                    "weekday": weekday(day, here),
                    "opens": time_of_day(opens.strip(), here),
                    "closes": time_of_day(closes.strip(), here),
                }
            )
    return found
