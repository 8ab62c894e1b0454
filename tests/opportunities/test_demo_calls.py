"""The demo's calls ship with the package and are what their PROVENANCE.md says they are.

``opportunities/demo/saved_calls/`` holds copies of test fixtures (the package must not read
``tests/``): the EU calls are rows of the real snapshot, unchanged, and the saved pages are the
fixtures byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from crawler.snapshots import snapshot_results
from kreativ.demo_data import read
from opportunities.demo.calls import CALLS, DEMO_CALLS, EU_SNAPSHOT, SAVED_PAGES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_the_eu_calls_are_unchanged_rows_of_the_real_snapshot():
    snapshot: dict[str, dict] = {}
    for row in snapshot_results(FIXTURES / "eu_ft" / "eu_calls_snapshot_2026-08-22.csv"):
        snapshot.setdefault(row["reference"], row)
    demo = snapshot_results(EU_SNAPSHOT)
    assert len(demo) == len({row["reference"] for row in demo}) == DEMO_CALLS
    assert all(row == snapshot[row["reference"]] for row in demo)
    order = list(snapshot)
    assert [order.index(row["reference"]) for row in demo] == sorted(order.index(row["reference"]) for row in demo)


def test_the_saved_pages_are_the_fixtures_and_each_has_a_parser():
    import importlib

    from opportunities.demo.calls import SAVED_SOURCES

    fixtures = {
        "cz_mkcr-call-creative-europe.html": FIXTURES / "cz_mkcr" / "call-creative-europe.html",
        "cz_mkcr-call-2521-audiovize-a-media.html": FIXTURES / "cz_mkcr" / "call-2521.html",
        "cz_dotaceeu-call-109.html": FIXTURES / "cz_dotaceeu" / "call-109.html",
        "olkraj-program-06-07.html": FIXTURES / "cz_regions" / "olomoucky-detail.html",
        "kr_ustecky-unesco.html": FIXTURES / "cz_regions" / "ustecky-detail.html",
        "si_podjetniski-razpis-hrastnik.html": FIXTURES / "si_podjetniski" / "razpis-hrastnik.html",
    }
    pages = read(SAVED_PAGES)
    assert {page["file"] for page in pages} == set(fixtures)
    kinds = {"cz_mkcr": "cz_mkcr", "cz_dotaceeu": "cz_dotaceeu", "si_podjetniski": "si_podjetniski"}
    kinds |= {source["slug"]: source["kind"] for source in read(SAVED_SOURCES)}
    for page in pages:
        assert (CALLS / page["file"]).read_bytes() == fixtures[page["file"]].read_bytes()
        assert page["url"].startswith("https://")
        assert hasattr(importlib.import_module(f"crawler.parsers.{kinds[page['source']]}"), "parse_call")
