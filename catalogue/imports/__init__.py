"""Importing a mapping study's spreadsheet of CCI actors (``manage.py import_profiles``).

``columns.py`` names the columns (Czech, English or Slovenian headings), ``reading.py`` reads a
CSV or XLSX file into rows, ``values.py`` turns a row into a profile's values (or refuses it with
the reason), ``importer.py`` creates, updates or leaves each profile, as the funding radar's
ingest does with crawled calls.
"""
