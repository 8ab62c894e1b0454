"""Reading a spreadsheet (CSV or XLSX) into rows keyed by the profile's fields.

A CSV is read as UTF-8 (with or without a byte-order mark), its delimiter a comma or a semicolon
(a spreadsheet saved in Czech uses semicolons); an XLSX is read from its first sheet with
``openpyxl``, cells as the values they show. The first row holds the headings (``columns.py``).
Every row keeps its number in the sheet (the headings are row 1), so the report names it.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalogue.imports.columns import field_for


class UnreadableFile(ValueError):
    """The file is not a spreadsheet this import reads, or has no column of names."""


@dataclass
class Sheet:
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)


def read_sheet(path: Path) -> Sheet:
    """The rows of a CSV or XLSX file, each as ``(row number, {field: text})``, blank rows left out."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _csv_rows(path)
    elif suffix in (".xlsx", ".xlsm"):
        table = _xlsx_rows(path)
    else:
        raise UnreadableFile(f"{path.name}: expected a .csv or .xlsx file")
    try:
        headings = next(table)
    except StopIteration as error:
        raise UnreadableFile(f"{path.name}: the file is empty") from error
    fields = [field_for(heading) for heading in headings]
    if "name" not in fields:
        raise UnreadableFile(f"{path.name}: no column of names (a heading such as 'name' or 'název')")
    sheet = Sheet(
        unknown_columns=[str(h) for h, f in zip(headings, fields, strict=True) if f is None and str(h).strip()]
    )
    for number, cells in enumerate(table, start=2):
        row = {name: _text(cell) for name, cell in zip(fields, cells, strict=False) if name is not None}
        if any(row.values()):
            sheet.rows.append((number, row))
    return sheet


def _csv_rows(path: Path) -> Iterator[list[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{path.name}: not UTF-8 text; save the CSV as UTF-8") from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    yield from csv.reader(text.splitlines(), delimiter=delimiter)


def _xlsx_rows(path: Path) -> Iterator[list[Any]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise UnreadableFile(f"{path.name}: not an XLSX workbook ({error})") from error
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()
    return str(cell).strip()
