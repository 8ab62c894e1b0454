"""Real crawls in a child process against a loopback server: faults, manners and the hand-off.

Each test runs ``python -m crawler.run`` as ``manage.py crawl`` will, so the Twisted reactor starts
afresh every time, and serves saved pages from ``tests.crawler.doubles.LoopbackServer``.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.crawler.conftest import fixture, run_crawl
from tests.crawler.doubles import EuSearchDouble, LoopbackServer, Route

HTML = {"Content-Type": "text/html; charset=utf-8"}


def si_listing(slugs: list[tuple[str, str]]) -> str:
    """A podjetniski-portal listing page (the real page's markup) linking the given calls."""
    real = fixture("si_podjetniski", "seznam.html").read_text(encoding="utf-8")
    head, _, _ = real.partition('<div class="items"> <div class="row mx-0">')
    news = "".join(
        f'<div class="news col-lg-6"> <a href="/razpisi/{slug}">'
        f' <span class="eli" data-eliid="eli_tenders_{eli}"></span>'
        f'<p class="date">01. 06. 2026</p> <h3>{slug}</h3> </a> </div>'
        for slug, eli in slugs
    )
    closing = "</div>" * 8 + "</section></body></html>"
    return f'{head}<div class="items"> <div class="row mx-0">{news}{closing}'


def page(name: str) -> Route:
    return Route(fixture("si_podjetniski", name).read_bytes(), headers=HTML)


# the real page without its headings: a call page missing its title
NO_TITLE = re.sub(
    r"<h1[^>]*>.*?</h1>", "", fixture("si_podjetniski", "razpis-hrastnik.html").read_text(encoding="utf-8")
).replace("eli_tenders_41592", "eli_tenders_90005")

SLUGS = [
    ("good", "41592"),
    ("server-error", "90002"),
    ("malformed", "90003"),
    ("slow", "90004"),
    ("no-title", "90005"),
    ("hostile", "90001"),
    ("private", "90006"),
]


@pytest.fixture(scope="module")
def si_server():
    routes = {
        "/robots.txt": Route("User-agent: *\nDisallow: /razpisi/private\n", headers={"Content-Type": "text/plain"}),
        "/razpisi": Route(si_listing(SLUGS), headers=HTML),
        "/razpisi/good": page("razpis-hrastnik.html"),
        "/razpisi/server-error": Route("boom", status=500, headers=HTML),
        "/razpisi/malformed": page("razpis-malformed.html"),
        "/razpisi/slow": Route(fixture("si_podjetniski", "razpis-hrastnik.html").read_bytes(), headers=HTML, delay=3),
        "/razpisi/no-title": Route(NO_TITLE, headers=HTML),
        "/razpisi/hostile": page("razpis-hostile.html"),
        "/razpisi/private": page("razpis-hrastnik.html"),
    }
    with LoopbackServer(routes) as server:
        yield server


@pytest.fixture(scope="module")
def si_crawl(si_server, tmp_path_factory):
    """One crawl of the faulty site, shared by the tests that read it."""
    return run_crawl(
        tmp_path_factory.mktemp("si"), "si_podjetniski", "--url", si_server.url("/razpisi"), "-s", "DOWNLOAD_TIMEOUT=1"
    )


def test_faults_are_reported_and_never_stop_the_other_calls(si_server, si_crawl):
    result = si_crawl
    assert result.returncode == 0, result.log
    assert result.summary["finish_reason"] == "finished"

    # the good page and the hostile one come through
    assert sorted(result.by_id()) == ["41592", "90001"]

    errors = {error["url"].rsplit("/", 1)[-1]: error for error in result.report["errors"]}
    assert errors["server-error"]["kind"] == "http" and errors["server-error"]["status"] == 500
    assert errors["malformed"]["kind"] == "parse" and "newsDetail" in errors["malformed"]["message"]
    assert errors["slow"]["kind"] == "timeout"
    assert errors["no-title"]["kind"] == "invalid-item" and "title" in errors["no-title"]["message"]
    assert errors["private"]["kind"] == "robots"
    assert set(errors) == {"server-error", "malformed", "slow", "no-title", "private"}
    assert all(error["url"].startswith(si_server.base_url) for error in result.report["errors"])

    # the failing calls are still listed: finish_run must not take them for gone
    assert set(result.report["seen_external_ids"]) == {eli for _, eli in SLUGS}
    assert result.report["listing_complete"] is True

    # retries: the 500 page was asked three times (RETRY_TIMES=2); robots.txt kept us off /private
    assert si_server.paths().count("/razpisi/server-error") == 3
    assert "/razpisi/private" not in si_server.paths()
    # the errors are logged against the source
    assert "[si_podjetniski] http error on call page" in result.log


def test_the_crawler_introduces_itself(si_server, si_crawl):
    agents = {hit.headers.get("User-Agent") for hit in si_server.hits}
    assert len(agents) == 1
    agent = agents.pop()
    assert agent.startswith("KreativBot/") and "(+http" in agent
    assert si_server.paths()[0] == "/robots.txt"


def test_hostile_description_never_leaves_the_crawler(si_crawl):
    description = si_crawl.by_id()["90001"]["description"].lower()
    for needle in ("<script", "javascript:", "onerror", "onclick", "onmouseover", "<iframe", "<style", "<img"):
        assert needle not in description, needle
    assert 'rel="nofollow noopener noreferrer"' in description


def test_robots_txt_disallowing_the_listing_fetches_nothing(crawl):
    routes = {
        "/robots.txt": Route("User-agent: *\nDisallow: /\n", headers={"Content-Type": "text/plain"}),
        "/razpisi": Route(si_listing(SLUGS[:1]), headers=HTML),
    }
    with LoopbackServer(routes) as server:
        result = crawl("si_podjetniski", "--url", server.url("/razpisi"))
        assert server.paths() == ["/robots.txt"]
    assert result.items == []
    assert [(e["kind"], e["page"]) for e in result.report["errors"]] == [("robots", "listing")]
    assert result.report["listing_complete"] is False


def test_a_failing_listing_makes_the_run_incomplete(crawl):
    with LoopbackServer({"/razpisi": Route("down", status=503, headers=HTML)}) as server:
        result = crawl("si_podjetniski", "--url", server.url("/razpisi"))
    assert result.returncode == 0
    assert result.report["listing_complete"] is False
    assert result.errors("http")[0]["status"] == 503


def test_bad_arguments_are_refused(crawl):
    assert crawl("no_such_spider").returncode == 2
    result = crawl("listing", "--url", "http://127.0.0.1:9/", "--config", '{"fields": {}}')
    assert result.returncode == 1 and "link_selector" in result.log


def test_listing_spider_with_an_admin_config(si_server, crawl):
    from tests.crawler.test_parsers import SI_LISTING_CONFIG

    config = SI_LISTING_CONFIG | {
        "language": "sl",
        "timezone": "Europe/Ljubljana",
        "currency": "EUR",
        "regions": ["SI"],
    }
    result = crawl(
        "listing", "--source", "hrastnik", "--url", si_server.url("/razpisi"), "--config", json.dumps(config)
    )
    assert result.returncode == 0, result.log
    items = result.by_id()
    assert items["eli_tenders_41592"]["source"] == "hrastnik"
    assert items["eli_tenders_41592"]["deadlines"] == ["2026-08-12"]  # a day, in the source's zone:
    assert items["eli_tenders_41592"]["timezone"] == "Europe/Ljubljana"
    assert items["eli_tenders_41592"]["budget_total"] == "48825.00"


def test_feed_spider(crawl):
    routes = {
        "/feed.rss": Route(fixture("feed", "calls.rss").read_bytes(), headers={"Content-Type": "application/rss+xml"})
    }
    with LoopbackServer(routes) as server:
        result = crawl(
            "feed", "--config", json.dumps({"source": "eu-rss", "feed_url": server.url("/feed.rss"), "regions": ["EU"]})
        )
    assert result.returncode == 0, result.log
    assert [item["source"] for item in result.items] == ["eu-rss"] * 3
    assert result.items[0]["regions"] == ["EU"]


# EU Funding & Tenders against the API double, with a fake ingest module ------------------------

FAKE_INGEST = [
    "--ingest",
    "-s",
    "KREATIV_INGEST_MODULE=tests.crawler.fake_ingest",
    "-s",
    "KREATIV_INGEST_DJANGO_SETUP=0",
]


def eu_env(server: LoopbackServer, state) -> dict[str, str]:
    return {
        "EU_FT_API_URL": server.url("/search-api/prod/rest/search"),
        "EU_FT_TOPIC_URL": server.url("/topicDetails"),
        "FAKE_INGEST_STATE": str(state),
    }


def test_eu_two_snapshots_a_week_apart(tmp_path, crawl):
    state = tmp_path / "ingest.json"
    counts = []
    for name in ("eu_calls_snapshot_2026-08-15.csv", "eu_calls_snapshot_2026-08-22.csv"):
        double = EuSearchDouble.from_snapshot_csv(fixture("eu_ft", name))
        with LoopbackServer.for_eu_api(double) as server:
            result = crawl("eu_ft", *FAKE_INGEST, "-s", "EU_FT_FETCH_DETAILS=0", env=eu_env(server, state))
            assert result.returncode == 0, result.log
            posts = server.paths("POST")
        counts.append(json.loads(state.read_text())["runs"][-1])
        assert len(posts) == 8  # 725 rows, 100 a page
        assert result.report["stats"]["eu_ft/total_results"] == 725
    first, second = counts
    assert first["ingest_counts"] == {"new": 711, "changed": 0, "unchanged": 0}
    assert len(first["seen"]) == 711 and first["gone"] == []
    # 10 calls differ in the snapshot, but one only by a double space in its summary, which
    # normalisation absorbs: 9 deadline or start-date changes remain
    assert second["ingest_counts"] == {"new": 21, "changed": 9, "unchanged": 685}
    assert len(second["gone"]) == 17
    assert second["listing_complete"] is True and second["errors"] == []


def test_eu_topic_details_used_when_they_answer_and_skipped_when_not(tmp_path, crawl):
    answer = json.loads(fixture("eu_ft", "search-page-1.json").read_text())
    double = EuSearchDouble(
        answer["results"],
        topic_details={"isf-2026-tf2-ag-corrupt": {"TopicDetails": {"description": "<p>Full topic text.</p>"}}},
    )
    with LoopbackServer.for_eu_api(double) as server:
        result = crawl("eu_ft", env=eu_env(server, tmp_path / "unused.json"))
        requested = server.paths("GET")
    assert result.returncode == 0, result.log
    items = result.by_id()
    assert items["51176412TOPICSen"]["description"] == "<p>Full topic text.</p>"
    assert items["51176412TOPICSen"]["budget_total"] == "5000000"  # kept from the search metadata
    assert items["STALE-TOPIC-en"]["description"] == ""  # 404: kept from search metadata alone
    assert "/topicDetails/stale-topic.json" in requested and "/topicDetails/isf-2026-tf2-ag-corrupt.json" in requested
    assert result.report["errors"] == []


def test_eu_search_request_is_the_portals(tmp_path, crawl):
    from tests.crawler.doubles import multipart_json_parts

    double = EuSearchDouble.from_answers(fixture("eu_ft", "search-page-1.json"))
    with LoopbackServer.for_eu_api(double) as server:
        crawl("eu_ft", "-s", "EU_FT_FETCH_DETAILS=0", env=eu_env(server, tmp_path / "unused.json"))
        post = next(hit for hit in server.hits if hit.method == "POST")
    assert "apiKey=SEDIA" in post.path and "text=%2A%2A%2A" in post.path and "pageNumber=1" in post.path
    parts = multipart_json_parts(post.body, post.headers["Content-Type"])
    portal = json.loads(fixture("eu_ft", "portal-keyword-query-digital-twin.json").read_text())
    assert parts["query"]["bool"]["must"] == portal["bool"]["must"][0]["bool"]["must"]  # minus the keyword
    assert parts["languages"] == ["en"]
    assert parts["sort"] == {"field": "identifier", "order": "ASC"}


# The hand-off's judgement of a complete listing (crawler.report.saw_whole_listing) ------------


@pytest.fixture(scope="module")
def small_si_server():
    routes = {
        "/razpisi": Route(si_listing([("one", "41592"), ("two", "90001")]), headers=HTML),
        "/razpisi/one": page("razpis-hrastnik.html"),
        "/razpisi/two": page("razpis-hostile.html"),
    }
    with LoopbackServer(routes) as server:
        yield server


@pytest.mark.parametrize(
    ("settings", "finish_reason", "marks_gone"),
    [
        ([], "finished", True),
        (["-s", "CLOSESPIDER_ITEMCOUNT=1"], "closespider_itemcount", False),  # stopped before its end
        (["-s", 'EXTENSIONS={"crawler.report.RunReport": null}'], "finished", False),  # no report at all
    ],
    ids=["finished", "stopped early", "no report"],
)
def test_only_a_run_that_proves_it_read_the_whole_listing_marks_calls_gone(
    small_si_server, tmp_path, crawl, settings, finish_reason, marks_gone
):
    state = tmp_path / "ingest.json"
    stale = {"external_id": "stale", "no_longer_listed": False}
    state.write_text(json.dumps({"calls": {"si_podjetniski:stale": stale}, "runs": []}))
    result = crawl(
        "si_podjetniski",
        "--url",
        small_si_server.url("/razpisi"),
        *FAKE_INGEST,
        *settings,
        env={"FAKE_INGEST_STATE": str(state)},
    )
    assert result.summary["finish_reason"] == finish_reason, result.log
    [run] = json.loads(state.read_text())["runs"]
    assert run["listing_complete"] is marks_gone
    assert run["gone"] == (["stale"] if marks_gone else [])
