"""A source's start URLs: one precedence (command line, the source's fields, the spider's defaults),
shown on the source's admin page, a configuration that contradicts the address refused, and the
EU portal's source leaving its address to ``EU_FT_API_URL``."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from crawler.start_urls import COMMAND_LINE, SOURCE, SPIDER_DEFAULT
from opportunities.intake.crawl import crawl_source, effective_start_urls, spider_command
from opportunities.models import CrawlRun, Source

pytestmark = pytest.mark.django_db

ENV_API = "http://127.0.0.1:9/from-the-environment/search"
MIRROR = "http://127.0.0.1:9/mirror/search"
OLD_DEFAULT = "https://api.tech.ec.europa.eu/search-api/prod/rest/search"


@pytest.fixture
def eu_ft_api_url(monkeypatch):
    """EU_FT_API_URL as crawler/settings.py read it from the environment when it was imported."""
    monkeypatch.setattr("crawler.settings.EU_FT_API_URL", ENV_API)
    return ENV_API


def listing(**fields) -> Source:
    config = {"link_selector": "a::attr(href)", "fields": {"title": "h1::text"}} | fields.pop("config", {})
    return Source(slug="zlin", name="Zlínský kraj", kind="listing", config=config, **fields)


def test_the_eu_source_leaves_its_address_to_eu_ft_api_url(eu_ft_api_url):
    source = Source.objects.get(slug="eu_ft")
    assert source.url == ""  # migration 0006 cleared the address 0002 had stored
    start = effective_start_urls(source)
    assert (start.urls, start.origin) == ((ENV_API,), SPIDER_DEFAULT)
    assert effective_start_urls(source, [MIRROR]).urls == (MIRROR,)
    assert effective_start_urls(source, [MIRROR]).origin == COMMAND_LINE
    source.url = "http://127.0.0.1:9/set-by-a-moderator"
    assert effective_start_urls(source).urls == (source.url,) and effective_start_urls(source).origin == SOURCE


def test_the_migration_clears_only_the_address_it_had_stored():
    migration = importlib.import_module("opportunities.migrations.0007_eu_ft_address_from_the_environment")
    Source.objects.filter(slug="eu_ft").update(url=OLD_DEFAULT)
    migration.clear_stored_default(apps, None)
    assert Source.objects.get(slug="eu_ft").url == ""
    Source.objects.filter(slug="eu_ft").update(url=MIRROR)
    migration.clear_stored_default(apps, None)
    assert Source.objects.get(slug="eu_ft").url == MIRROR


def test_the_source_fields_come_before_the_spiders_defaults_and_after_the_command_line():
    from_config = listing(config={"start_urls": ["http://127.0.0.1:9/a", "http://127.0.0.1:9/b"]})
    assert effective_start_urls(from_config).urls == ("http://127.0.0.1:9/a", "http://127.0.0.1:9/b")
    assert effective_start_urls(from_config).origin == SOURCE
    assert effective_start_urls(listing(url="http://127.0.0.1:9/c")).urls == ("http://127.0.0.1:9/c",)
    assert effective_start_urls(from_config, [MIRROR]).urls == (MIRROR,)
    mkcr = Source.objects.get(slug="cz_mkcr")
    mkcr.url = ""
    assert effective_start_urls(mkcr).urls == ("https://mk.gov.cz/granty-a-dotace",)  # the spider's own
    assert effective_start_urls(mkcr).origin == SPIDER_DEFAULT
    assert effective_start_urls(listing()).urls == ()  # the listing spider has none: the child refuses


def args_of(command: list[str], name: str) -> list[str]:
    return [command[i + 1] for i, part in enumerate(command) if part == name]


def test_the_child_gets_the_command_line_as_url_and_the_source_in_its_config(tmp_path: Path):
    files = (tmp_path / "items.jsonl", tmp_path / "report.json")
    eu = spider_command(Source.objects.get(slug="eu_ft"), None, *files)
    assert args_of(eu, "--url") == [] and args_of(eu, "--config") == []  # left to the spider: EU_FT_API_URL
    assert args_of(spider_command(Source.objects.get(slug="eu_ft"), [MIRROR], *files), "--url") == [MIRROR]
    zlin = spider_command(listing(url="http://127.0.0.1:9/c"), None, *files)
    assert args_of(zlin, "--url") == []
    assert json.loads(args_of(zlin, "--config")[0])["start_urls"] == ["http://127.0.0.1:9/c"]


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def test_a_configuration_that_contradicts_the_address_is_refused(english):
    with pytest.raises(ValidationError) as refused:
        listing(url="http://127.0.0.1:9/a", config={"start_urls": ["http://127.0.0.1:9/b"]}).full_clean()
    [message] = refused.value.message_dict["config"]
    assert "contradict the address (http://127.0.0.1:9/a)" in message and "http://127.0.0.1:9/b" in message
    with pytest.raises(ValidationError, match="contradict"):
        listing(url="http://127.0.0.1:9/a", config={"feed_url": "http://127.0.0.1:9/b"}).full_clean()
    with pytest.raises(ValidationError, match="not an http"):
        listing(config={"start_urls": ["ftp://127.0.0.1/x"]}).full_clean()
    with pytest.raises(ValidationError, match="JSON object"):
        Source(slug="odd", name="Odd", kind="feed", config=["http://127.0.0.1:9/"]).full_clean()
    listing(url="http://127.0.0.1:9/a", config={"start_urls": ["http://127.0.0.1:9/a"]}).full_clean()  # agrees


def test_a_contradicting_source_is_not_crawled_and_says_why(monkeypatch):
    def no_child(*args, **kwargs):
        raise AssertionError("no spider may run for a contradicting source")

    monkeypatch.setattr("opportunities.intake.crawl.subprocess.run", no_child)
    source = listing(url="http://127.0.0.1:9/a", config={"start_urls": ["http://127.0.0.1:9/b"]})
    source.save()  # saved around the form, e.g. in a shell
    run = crawl_source(source)
    assert run.status == CrawlRun.Status.FAILED
    assert "disagree" in run.errors[0]["message"] and run.errors[0]["url"] == "http://127.0.0.1:9/a"


def edit_url(source: Source) -> str:
    return reverse("wagtailsnippets_opportunities_source:edit", args=[source.pk])


def test_the_admin_page_of_a_source_shows_where_its_crawl_starts(client, english_moderator, eu_ft_api_url):
    client.force_login(english_moderator)
    html = client.get(edit_url(Source.objects.get(slug="eu_ft"))).content.decode()
    assert f'href="{ENV_API}"' in html and "from the setting EU_FT_API_URL" in html

    zlin = listing(config={"start_urls": ["http://127.0.0.1:9/granty"]})
    zlin.save()
    html = client.get(edit_url(zlin)).content.decode()
    assert 'href="http://127.0.0.1:9/granty"' in html and "From the start_urls of this source" in html


def test_the_admin_refuses_a_configuration_that_contradicts_the_address(client, english_moderator):
    zlin = listing(url="http://127.0.0.1:9/granty")
    zlin.save()
    client.force_login(english_moderator)
    form = {
        "name": zlin.name,
        "slug": zlin.slug,
        "kind": zlin.kind,
        "language": "cs",
        "enabled": "on",
        "frequency": "D",
        "url": zlin.url,
        "config": json.dumps(zlin.config | {"start_urls": ["http://127.0.0.1:9/other"]}),
    }
    response = client.post(edit_url(zlin), form)
    assert response.status_code == 200  # the form again, with the error
    assert "contradict the address" in response.content.decode()
    zlin.refresh_from_db()
    assert "start_urls" not in zlin.config
    form["url"] = ""
    assert client.post(edit_url(zlin), form).status_code == 302
    zlin.refresh_from_db()
    assert zlin.start_urls() == ["http://127.0.0.1:9/other"]
