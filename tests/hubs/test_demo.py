"""The hubs' demo loader reads a hub's opening hours as rows of days and a span of hours."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from hubs.demo.places import opening_hours
from kreativ.demo_data import DemoDataError


def test_opening_hours_are_one_row_a_day():
    rows = opening_hours([{"days": ["tuesday", "saturday"], "hours": "14:00-21:00"}], "hubs.yaml")
    assert rows == [
        {"weekday": 1, "opens": dt.time(14), "closes": dt.time(21)},
        {"weekday": 5, "opens": dt.time(14), "closes": dt.time(21)},
    ]
    with pytest.raises(DemoDataError, match=re.escape('hours are a span such as "09:00-17:00"')):
        opening_hours([{"days": ["monday"], "hours": "14:00"}], "hubs.yaml")
