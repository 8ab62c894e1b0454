"""The Scrapy project that harvests funding calls; see docs/crawler.md."""

__version__ = "0.1"
