"""Demo content kept as data: a mistake in a file is named, and relative dates fall where they should."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from hubs.models import CoursePage, HubPage
from kreativ.demo_data import DemoDataError, day_from_today, field_values, read, split_languages, time_of_day

THURSDAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"in_days": 12}, dt.date(2026, 12, 15)),
        ({"in_days": -24}, dt.date(2026, 11, 9)),
        ({"weekday": "tuesday", "in_days": 8}, dt.date(2026, 12, 15)),  # the 11th is a Friday
        ({"weekday": "friday", "in_days": 8}, dt.date(2026, 12, 11)),  # already a Friday
        ({"weekday": "thursday", "in_days": -24}, dt.date(2026, 11, 12)),
    ],
)
def test_a_day_is_counted_from_today_and_moved_to_its_weekday(spec, expected):
    day = day_from_today(spec, "here", today=THURSDAY)
    assert day == expected
    if "weekday" in spec:
        assert day.strftime("%A").lower() == spec["weekday"]
        assert 0 <= (day - THURSDAY).days - spec["in_days"] < 7


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"weekday": "tuesday"}, "expected a day such as"),
        ({"in_days": "8"}, "expected a day such as"),
        ({"in_days": 8, "weekday": "Tuesday"}, "'Tuesday' is not a day of the week"),
        ({"in_days": 8, "week": 2}, "unknown key(s) week"),
    ],
)
def test_a_day_written_wrongly_is_named(spec, message):
    with pytest.raises(DemoDataError, match=re.escape("academy.yaml, courses[3]")) as error:
        day_from_today(spec, "academy.yaml, courses[3]", today=THURSDAY)
    assert message in str(error.value)


def test_an_unquoted_time_is_caught_not_read_as_minutes():
    assert time_of_day("17:30", "here") == dt.time(17, 30)
    with pytest.raises(DemoDataError, match=re.escape('write times in quotes, e.g. "17:30"')):
        time_of_day(1050, "here")  # what YAML 1.1 makes of 17:30 without quotes
    with pytest.raises(DemoDataError, match="is not a time"):
        time_of_day("half past five", "here")


def test_a_spec_splits_into_shared_fields_and_each_languages_texts():
    shared, texts = split_languages(
        {"slug": "mista", "kind": "fablab", "cs": {"title": "Místa"}, "en": {"slug": "places", "title": "Places"}},
        "here",
    )
    assert shared == {"slug": "mista", "kind": "fablab"}
    assert list(texts) == ["cs", "en"]
    assert texts["en"] == {"slug": "places", "title": "Places"}


@pytest.mark.django_db
def test_field_values_turn_plain_data_into_a_pages_values():
    values = field_values(
        HubPage,
        {
            "title": "Dílna",
            "latitude": 49.4558,
            "region": "CZ071",
            "sectors": ["design", "crafts"],
            "body": [{"heading": "Co děláme"}, {"paragraph": "<p>Tiskneme.</p>"}],
            "equipment": [{"name": "Laser", "quantity": 1, "training": "course", "booking": "kalendář"}],
        },
        "hubs.yaml, hubs[0]",
    )
    assert values["latitude"] == Decimal("49.4558")
    assert values["region"].code == "CZ071"
    assert [sector.slug for sector in values["m2m:sectors"]] == ["design", "crafts"]
    # A struct block's short form sets its first field; the others are left empty, as in the admin.
    assert values["body"] == [("heading", {"text": "Co děláme", "level": "h2"}), ("paragraph", "<p>Tiskneme.</p>")]
    assert values["children:equipment"] == [
        {"name": "Laser", "quantity": 1, "training": "course", "booking": "kalendář"}
    ]
    lecturers = field_values(CoursePage, {"lecturers": [{"lecturer": {"name": "Jana"}}]}, "here")["lecturers"]
    assert lecturers == [("lecturer", {"name": "Jana", "role": "", "bio": "", "photo": None})]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"adress": "Komenského 38"}, "HubPage has no field 'adress'"),
        ({"sectors": ["desing"]}, "sectors[0]: no CCI sector with the slug 'desing'"),
        ({"region": "CZ999"}, "no region with the slug or code 'CZ999'"),
        ({"body": [{"paragraf": "<p>x</p>"}]}, "no block type 'paragraf' here (known: heading, paragraph"),
        ({"body": [{"paragraph": "<p>x</p>", "heading": "y"}]}, "a block is one `type: value` pair"),
        ({"services": [{"service": {"name": "x", "cena": "1 Kč"}}]}, "unknown field(s) cena"),
        ({"latitude": "north"}, "'north' is not a number"),
        ({"kind": "fabalb"}, "kind: 'fabalb' is not one of creative_hub, fablab, coworking"),
        ({"equipment": [{"name": "Laser", "training": "kurz"}]}, "equipment[0], training: 'kurz' is not one of"),
        ({"equipment": {"name": "Laser"}}, "equipment: expected a list"),
    ],
)
def test_a_mistake_in_the_data_names_the_file_and_the_field(data, message):
    with pytest.raises(DemoDataError, match=re.escape(message)) as error:
        field_values(HubPage, data, "hubs/demo/olomoucko/hubs.yaml, hubs[2]")
    assert str(error.value).startswith("hubs/demo/olomoucko/hubs.yaml, hubs[2]")


def test_a_file_that_is_not_yaml_is_named_with_its_line(tmp_path):
    path = tmp_path / "hubs.yaml"
    path.write_text("hubs:\n  - slug: a\n   kind: fablab\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match=re.escape("hubs.yaml: not valid YAML")) as error:
        read(path)
    assert "line 3" in str(error.value)
