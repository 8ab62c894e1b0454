"""Saved snapshots of the EU Funding & Tenders search API, read back as the API's results.

A snapshot is a week's search results saved as CSV (the API's rows flattened by
``pandas.json_normalize``; each ``metadata.*`` cell holds a Python list repr such as
``['CREA-CULT-2025-COOP-UA-2']``). The demo loads its EU calls from one, the tests and the crawl
benchmark serve them from a stand-in of the API, the finder and alert benchmarks make calls from
them: all of them read it here, into the shape ``crawler.parsers.eu_ft.parse_result`` takes.
"""

from __future__ import annotations

import ast
import csv
from pathlib import Path
from typing import Any

# A description cell can be longer than the csv module's default limit (128 KiB).
csv.field_size_limit(10**8)

LIST_COLUMNS = ("children", "highlightedFragments")


def _cell(value: str) -> Any:
    """A snapshot cell back as the API's value: list reprs become lists, the rest stays text."""
    if value.startswith("[") and value.endswith("]"):
        try:
            return ast.literal_eval(value)
        except (SyntaxError, ValueError):
            return value
    return value


def snapshot_results(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a snapshot CSV as search-API results (``metadata`` a dict of lists), in file order.

    Rows the API repeated across its pages stay repeated, as the crawler would see them.
    """
    results = []
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            result: dict[str, Any] = {"metadata": {}}
            for column, value in row.items():
                if column == "fetched_at" or value is None:
                    continue
                if column.startswith("metadata."):
                    if value != "":
                        result["metadata"][column.removeprefix("metadata.")] = _cell(value)
                elif column == "weight":
                    result[column] = float(value or 0)
                elif column == "accessRestriction":
                    result[column] = value == "True"
                else:
                    result[column] = _cell(value) if column in LIST_COLUMNS else value
            results.append(result)
    return results
