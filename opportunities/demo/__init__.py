"""Demo content of the funding radar: each office's finder page, and real calls brought in as a crawl would.

The finder page's texts are in ``<office>/finder.yaml`` beside this file. The calls are saved
copies of real ones in ``saved_calls/`` (see its PROVENANCE.md): 400 calls of the EU Funding &
Tenders snapshot of 22 August 2026 and a Czech and a Slovenian call page, read by the crawler's own
parsers and handed to ``opportunities.intake.ingest`` (``calls.py``); a demo moderator then approves
most of them and leaves the rest waiting in the moderation queue.
"""

from __future__ import annotations

import argparse

from kreativ.demo_data import read
from kreativ.demo_loaders import DemoRun
from kreativ.demo_tools import ensure_translated_page
from opportunities.demo.calls import DEMO_CALLS, load_calls
from opportunities.models import FundingFinderPage


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--calls",
        type=_count,
        default=DEMO_CALLS,
        help=f"How many calls of the EU snapshot to load (default {DEMO_CALLS}, all it holds).",
    )


def load(run: DemoRun) -> None:
    for office in run.offices:
        path = office.data_file(__file__, "finder.yaml")
        if path is not None:
            ensure_translated_page(office.home, FundingFinderPage, (read(path) or {}).get("finder"), f"{path}, finder")
    load_calls(run.options.get("calls", DEMO_CALLS))


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} is not a number of calls (0 or more)")
    return number
