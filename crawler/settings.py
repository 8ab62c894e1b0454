"""Scrapy settings of the Kreativ crawler: polite by default, every value overridable.

Anything that differs between machines comes from the environment (``KREATIV_CRAWLER_*``,
``EU_FT_*``), the same way the Django settings do; ``crawler.run`` and tests override the rest
with ``-s NAME=VALUE``. The numbers follow the issue: robots.txt obeyed, AutoThrottle, at most two
requests at a time per host, retries with exponential backoff, and an HTTP cache with the RFC 2616
policy so that pages a server marks unchanged (ETag, Last-Modified, max-age) cost a conditional
request or nothing.
"""

from __future__ import annotations

import os

from crawler import __version__

BOT_NAME = "kreativ"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

CONTACT_URL = os.environ.get("KREATIV_CRAWLER_CONTACT_URL", "https://kreativ.example/crawler")
USER_AGENT = f"KreativBot/{__version__} (+{CONTACT_URL})"

# Manners
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = float(os.environ.get("KREATIV_CRAWLER_DOWNLOAD_DELAY", "1.0"))
RANDOMIZE_DOWNLOAD_DELAY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = int(os.environ.get("KREATIV_CRAWLER_DOWNLOAD_TIMEOUT", "30"))
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# Faults: three tries in all, waiting RETRY_BACKOFF_BASE * 2**n seconds (at most RETRY_BACKOFF_MAX)
# before try n + 1; see crawler.middlewares.BackoffRetryMiddleware.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 2.0
RETRY_BACKOFF_MAX = 60.0
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
}

# Unchanged pages cost little: the RFC 2616 policy revalidates with If-None-Match /
# If-Modified-Since and serves a 304 answer from the cache.
HTTPCACHE_ENABLED = os.environ.get("KREATIV_CRAWLER_HTTPCACHE", "1") not in ("0", "false", "no", "")
HTTPCACHE_POLICY = "scrapy.extensions.httpcache.RFC2616Policy"
HTTPCACHE_STORAGE = "scrapy.extensions.httpcache.FilesystemCacheStorage"
HTTPCACHE_DIR = os.path.abspath(
    os.environ.get("KREATIV_CRAWLER_HTTPCACHE_DIR", os.path.join(os.environ.get("KREATIV_VAR_DIR", "var"), "httpcache"))
)
HTTPCACHE_EXPIRATION_SECS = 0
HTTPCACHE_IGNORE_HTTP_CODES = [500, 502, 503, 504, 408, 429]
HTTPCACHE_GZIP = True

# What a run reports and hands over (crawler.report, crawler.pipelines).
EXTENSIONS = {"crawler.report.RunReport": 500}
ITEM_PIPELINES = {
    "crawler.pipelines.ValidateAndCleanPipeline": 100,
    "crawler.pipelines.IngestPipeline": 900,
}
# The ingest hand-off is off unless asked for (`python -m crawler.run --ingest`): the database
# side lives in `opportunities.intake.ingest`. Tests point KREATIV_INGEST_MODULE at a fake.
KREATIV_INGEST_ENABLED = False
KREATIV_INGEST_MODULE = "opportunities.intake.ingest"
KREATIV_INGEST_DJANGO_SETUP = True
# When set, RunReport writes the run's report (seen ids, errors, stats) to this JSON file.
KREATIV_REPORT_FILE = None

# EU Funding & Tenders (crawler.spiders.eu_ft): a mirror or a test double can stand in.
EU_FT_API_URL = os.environ.get("EU_FT_API_URL", "https://api.tech.ec.europa.eu/search-api/prod/rest/search")
EU_FT_TOPIC_URL = os.environ.get(
    "EU_FT_TOPIC_URL", "https://ec.europa.eu/info/funding-tenders/opportunities/data/topicDetails"
)
EU_FT_PAGE_SIZE = int(os.environ.get("EU_FT_PAGE_SIZE", "100"))
EU_FT_MAX_PAGES = int(os.environ.get("EU_FT_MAX_PAGES", "200"))
EU_FT_FETCH_DETAILS = os.environ.get("EU_FT_FETCH_DETAILS", "1") not in ("0", "false", "no", "")

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = os.environ.get("KREATIV_CRAWLER_LOG_LEVEL", "INFO")
