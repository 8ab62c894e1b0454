"""``manage.py import_profiles FILE [--dry-run] [--source NAME]``: a mapping study's spreadsheet into the catalogue.

Reads a CSV or XLSX file (the columns are in ``catalogue/imports/columns.py`` and docs/catalogue.md),
imports each row (``catalogue.imports.importer``) and prints a line per row: created, updated,
unchanged or refused with the reason, then the counts. Safe to run again: a second run of the same
file writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import translation

from catalogue.imports.importer import REFUSED, import_rows
from catalogue.imports.reading import UnreadableFile, read_sheet


class Command(BaseCommand):
    help = "Imports a mapping study's spreadsheet (CSV or XLSX) of CCI actors as unpublished profiles; idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The spreadsheet: .csv (UTF-8) or .xlsx.")
        parser.add_argument("--dry-run", action="store_true", help="Check every row and report; write nothing.")
        parser.add_argument(
            "--source", help="The study's name, kept on each profile (default: the file's name without its suffix)."
        )
        parser.add_argument(
            "--language", default="en", help="The language of the report's reasons (en, cs or sl; default en)."
        )

    def handle(self, *args, **options) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        source = (options["source"] or path.stem).strip()[:200]
        with translation.override(options["language"]):
            try:
                sheet = read_sheet(path)
            except UnreadableFile as error:
                raise CommandError(str(error)) from error
            for heading in sheet.unknown_columns:
                self.stderr.write(f"Column {heading!r} is not one this import knows; it is left out.")
            with transaction.atomic():
                results = import_rows(sheet.rows, source, dry_run=options["dry_run"])
        counts: dict[str, int] = {}
        for result in results:
            counts[result.status] = counts.get(result.status, 0) + 1
            line = f"row {result.row}: {result.status} {result.name!r}" + (
                f": {result.detail}" if result.detail else ""
            )
            if result.kept:
                line += f" (kept as edited: {', '.join(result.kept)})"
            self.stdout.write(self.style.ERROR(line) if result.status == REFUSED else line)
        summary = ", ".join(f"{status} {count}" for status, count in sorted(counts.items())) or "no rows"
        prefix = "Dry run, nothing written: " if options["dry_run"] else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}{summary}."))
