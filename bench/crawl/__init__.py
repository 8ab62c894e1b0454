"""Crawl benchmark: ``manage.py crawl eu_ft`` against the EU API stand-in (see ``run.py``)."""
