"""Bringing calls in: running a source's spider, ingesting its items, the crawl schedules.

``ingest`` is the one place that writes crawled data; ``canonical`` puts crawled values in the one
form that ingest compares; ``crawl`` runs a spider in a child process and hands its items over.
"""
