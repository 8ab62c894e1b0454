"""Where a crawl starts (crawler.start_urls): command line, then the source, then the spider's
defaults, the first that names any URL winning whole; and a source whose two fields disagree."""

from __future__ import annotations

import pytest
from scrapy.utils.test import get_crawler

from crawler.spiders.eu_ft import EuFtSpider
from crawler.spiders.feed import FeedSpider
from crawler.spiders.si_podjetniski import SiPodjetniskiSpider
from crawler.start_urls import (
    COMMAND_LINE,
    SOURCE,
    SPIDER_DEFAULT,
    StartUrlsConflict,
    choose_start_urls,
    configured_start_urls,
    parse_start_urls,
    source_start_urls,
)

ENV_API = "http://127.0.0.1:9/search-api/prod/rest/search"  # what EU_FT_API_URL says
SOURCE_API = "http://127.0.0.1:9/source/search"
MIRROR = "http://127.0.0.1:9/mirror/search"


def test_the_first_place_that_names_urls_wins_whole():
    start = choose_start_urls(["c"], ["s1", "s2"], ["d"])
    assert start.urls == ("c",) and start.origin == COMMAND_LINE
    start = choose_start_urls([], ["s1", "s2"], ["d"])
    assert start.urls == ("s1", "s2") and start.origin == SOURCE
    start = choose_start_urls([], [], ["d"])
    assert start.urls == ("d",) and start.origin == SPIDER_DEFAULT
    assert choose_start_urls([""], [], []).origin is None


def test_start_urls_are_read_in_every_form_and_refused_when_they_are_none():
    assert parse_start_urls('["http://a/", "http://b/"]') == ["http://a/", "http://b/"]
    assert parse_start_urls("http://a/, http://b/ http://c/") == ["http://a/", "http://b/", "http://c/"]
    assert configured_start_urls({"feed_url": "http://f/"}) == ["http://f/"]
    assert configured_start_urls({"start_urls": ["http://a/"], "feed_url": "http://f/"}) == ["http://a/"]
    for bad in ({"a": "b"}, 42, '["a", '):
        with pytest.raises(ValueError):
            parse_start_urls(bad)


def test_a_source_names_its_start_in_one_place():
    assert source_start_urls("http://a/", {}) == ["http://a/"]
    assert source_start_urls("", {"start_urls": ["http://b/", "http://c/"]}) == ["http://b/", "http://c/"]
    assert source_start_urls("http://a/", {"start_urls": ["http://a/"]}) == ["http://a/"]  # the same: no conflict
    assert source_start_urls("", {}) == []
    for config in (
        {"start_urls": ["http://b/"]},
        {"start_urls": ["http://a/", "http://b/"]},
        {"feed_url": "http://b/"},
    ):
        with pytest.raises(StartUrlsConflict, match="disagree"):
            source_start_urls("http://a/", config)


def spider(cls, settings=None, **arguments):
    """The spider as ``python -m crawler.run`` creates it, with these settings and arguments."""
    return cls.from_crawler(get_crawler(cls, settings or {}), **arguments)


def test_eu_ft_starts_from_the_command_line_then_the_source_then_eu_ft_api_url():
    settings = {"EU_FT_API_URL": ENV_API}
    assert spider(EuFtSpider, settings).api_url == ENV_API
    from_source = spider(EuFtSpider, settings, config={"start_urls": [SOURCE_API]})
    assert from_source.api_url == SOURCE_API
    from_command_line = spider(EuFtSpider, settings, config={"start_urls": [SOURCE_API]}, start_urls=MIRROR)
    assert from_command_line.api_url == MIRROR


def test_a_listing_spider_falls_back_on_its_own_address():
    assert spider(SiPodjetniskiSpider).start_urls == ["https://www.podjetniski-portal.si/razpisi"]
    assert spider(SiPodjetniskiSpider, config={"start_urls": "http://127.0.0.1:9/a"}).start_urls == [
        "http://127.0.0.1:9/a"
    ]


def test_a_spider_without_any_start_is_refused():
    with pytest.raises(ValueError, match="no start URLs"):
        spider(FeedSpider)
    assert spider(FeedSpider, config={"feed_url": "http://127.0.0.1:9/feed.rss"}).start_urls == [
        "http://127.0.0.1:9/feed.rss"
    ]
