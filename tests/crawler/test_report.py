"""When a run counts as having read its source's whole listing (crawler.report.saw_whole_listing).

Only then may ingest mark the calls it did not see as no longer listed, so everything short of
proof must say no.
"""

from __future__ import annotations

import pytest

from crawler.report import saw_whole_listing

WHOLE = {"listing_complete": True, "finish_reason": "finished", "seen_external_ids": ["a"]}


def test_a_finished_run_with_a_complete_listing_saw_it_whole():
    assert saw_whole_listing(WHOLE) is True


@pytest.mark.parametrize(
    "report",
    [
        None,
        {},
        {"finish_reason": "finished"},  # says nothing about the listing
        WHOLE | {"listing_complete": False},  # a listing page failed
        WHOLE | {"listing_complete": "yes"},  # not a clear yes
        WHOLE | {"finish_reason": None},  # the reason is not known
        WHOLE | {"finish_reason": "shutdown"},
        WHOLE | {"finish_reason": "closespider_timeout"},
    ],
    ids=["no report", "empty", "silent", "listing failed", "not a boolean", "no reason", "shutdown", "timeout"],
)
def test_anything_short_of_proof_is_not_complete(report):
    assert saw_whole_listing(report) is False
