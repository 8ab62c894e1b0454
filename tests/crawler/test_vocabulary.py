"""The crawler's vocabularies against the real samples: every EU programme the source reports has a name."""

from __future__ import annotations

import json

import pytest

from crawler import vocabulary
from crawler.parsers import eu_ft
from crawler.snapshots import snapshot_results
from tests.crawler.conftest import fixture


def programme_codes_in_the_samples() -> set[str]:
    codes = set()
    for name in ("eu_calls_snapshot_2026-08-15.csv", "eu_calls_snapshot_2026-08-22.csv"):
        for result in snapshot_results(fixture("eu_ft", name)):
            codes.update(result["metadata"].get("frameworkProgramme") or [])
    for name in ("search-response-unfiltered-pagesize10.json", "search-page-1.json"):
        for result in json.loads(fixture("eu_ft", name).read_text())["results"]:
            codes.update((result.get("metadata") or {}).get("frameworkProgramme") or [])
    return codes


def test_every_programme_the_eu_source_reports_has_a_name():
    codes = programme_codes_in_the_samples()
    assert len(codes) >= 29
    assert sorted(codes - set(vocabulary.EU_PROGRAMMES)) == []
    for code in codes:
        name = vocabulary.EU_PROGRAMMES[code]
        assert name and not name.isdigit(), code


def test_the_facet_shows_a_name_not_a_number_for_the_jtm_loans():
    rows = snapshot_results(fixture("eu_ft", "eu_calls_snapshot_2026-08-22.csv"))
    row = next(r for r in rows if r["metadata"].get("frameworkProgramme") == ["44773066"])
    assert eu_ft.parse_result(row)["programme"] == "Just Transition Mechanism – Public Sector Loan Facility (JTM)"


@pytest.mark.parametrize(
    ("code", "identifier", "expected"),
    [
        ("43251814", "CREA-CULT-2026-COOP", "Creative Europe (CREA)"),
        ("49999999", "NEWPROG-2027-ABC-01", "NEWPROG"),  # not in the file yet: the identifier's acronym
        ("49999999", None, "49999999"),
        (None, "CREA-CULT-2026", None),
    ],
)
def test_a_code_not_in_the_file_is_named_by_its_acronym(code, identifier, expected):
    assert vocabulary.eu_programme_name(code, identifier) == expected
