"""Where a crawl starts: the one rule that picks a spider's start URLs, and the Source's part in it.

Three places may name start URLs. The first that names any wins, whole (they are never mixed):

1. **the command line**: ``python -m crawler.run --url`` (``scrapy crawl -a start_urls=``),
   ``manage.py crawl SOURCE --url``: a saved copy or a mirror standing in for one run;
2. **the source**: its address (``Source.url``, one URL) or its configuration's ``start_urls``
   (several; a feed may say ``feed_url``). The two must not contradict each other
   (``source_start_urls``); ``manage.py crawl`` hands them to the spider as ``config.start_urls``;
3. **the spider's defaults**: its ``default_start_urls``, or what its settings say (``eu_ft``: the
   API address in ``EU_FT_API_URL``), from ``KreativSpider.default_start_urls_for(settings)``.

The spider applies this rule when it starts, and the admin applies the same one to show a
source's effective start URLs; both call ``choose_start_urls``. Pure Python, no Scrapy: the
Source model validates with it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

COMMAND_LINE = "command line"
SOURCE = "source"
SPIDER_DEFAULT = "spider default"


class StartUrlsConflict(ValueError):
    """A source whose address and configuration name different start URLs: which one is meant?"""


def parse_start_urls(value: str | Iterable[str] | None) -> list[str]:
    """Start URLs as given: a JSON list, URLs separated by commas or whitespace, or a list."""
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            parsed = json.loads(text)
            if not isinstance(parsed, list):
                raise ValueError("start_urls must be a list of URLs")
            return [str(url).strip() for url in parsed if str(url).strip()]
        return [url for url in re.split(r"[\s,]+", text) if url]
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise ValueError(f"start_urls must be a list of URLs, not {type(value).__name__}")
    return [str(url).strip() for url in value if str(url).strip()]


def configured_start_urls(config: Mapping[str, Any]) -> list[str]:
    """The start URLs a source's configuration names: ``start_urls``, else a feed's ``feed_url``."""
    return parse_start_urls(config.get("start_urls")) or parse_start_urls(config.get("feed_url") or None)


def source_start_urls(address: str, config: Mapping[str, Any]) -> list[str]:
    """A source's start URLs from its two fields: its address or its configuration's, which agree.

    Both may be set only if the configuration names that one address; anything else raises
    ``StartUrlsConflict``, since one of the two would be silently ignored.
    """
    address = (address or "").strip()
    configured = configured_start_urls(config)
    if address and configured and configured != [address]:
        raise StartUrlsConflict(
            f"the address {address} and the configuration's start URLs ({', '.join(configured)}) disagree"
        )
    return [address] if address else configured


@dataclass(frozen=True)
class StartUrls:
    """The start URLs a crawl uses, and which of the three places named them (``origin``)."""

    urls: tuple[str, ...]
    origin: str | None  # COMMAND_LINE, SOURCE, SPIDER_DEFAULT, or None when nothing names any


def choose_start_urls(
    command_line: Iterable[str] = (), source: Iterable[str] = (), defaults: Iterable[str] = ()
) -> StartUrls:
    """The first of command line, source and spider defaults that names a URL (module docstring)."""
    for origin, urls in ((COMMAND_LINE, command_line), (SOURCE, source), (SPIDER_DEFAULT, defaults)):
        chosen = tuple(url for url in urls if url)
        if chosen:
            return StartUrls(chosen, origin)
    return StartUrls((), None)
