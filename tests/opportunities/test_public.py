"""The public finder, a call's page, the feeds and the home page: approved calls only."""

from __future__ import annotations

import datetime as dt
import json
import re

import feedparser
import pytest
from django.utils import timezone
from icalendar import Calendar

from opportunities.intake import ingest
from opportunities.models import FundingCall, SourceRecord
from opportunities.moderation.merge import merge_calls
from tests.conftest import t
from tests.opportunities.conftest import act, make_item

pytestmark = pytest.mark.django_db


def titles(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def calls(finder, publish, moderator):
    """Three published calls, one draft and one rejected."""
    now = timezone.now()
    music = publish(
        make_item(
            "music",
            title="Music export support",
            sectors=["music"],
            deadlines=[now + dt.timedelta(days=20)],
            regions=["CZ"],
            amount_max="8000",
        )
    )
    design = publish(
        make_item(
            "design",
            title="Design vouchers",
            sectors=["design"],
            deadlines=[now + dt.timedelta(days=5)],
            regions=["CZ071"],
            amount_max="50000",
            currency="EUR",
            call_identifier="DESIGN-1",
        )
    )
    closed = publish(
        make_item(
            "closed",
            title="Closed heritage grant",
            sectors=["cultural-heritage"],
            deadlines=[now - dt.timedelta(days=3)],
            regions=["SI"],
            call_identifier="HERITAGE-1",
        )
    )
    ingest.ingest_item("eu_ft", make_item("draft", title="Draft film fund", call_identifier="FILM-1"))
    ingest.ingest_item("eu_ft", make_item("rejected", title="Rejected games call", call_identifier="GAMES-1"))
    act(SourceRecord.objects.get(external_id="rejected").call, moderator, "reject")
    return {"music": music, "design": design, "closed": closed}


def test_finder_shows_approved_open_calls_nearest_deadline_first(client, finder, calls):
    html = client.get(finder.url).content.decode()
    assert titles(html) == ["Design vouchers", "Music export support"]
    assert "Draft film fund" not in html and "Rejected games call" not in html
    assert "Closed heritage grant" not in html


def test_closed_calls_on_request(client, finder, calls):
    html = client.get(finder.url + "?status=closed").content.decode()
    assert titles(html) == ["Closed heritage grant"]


def test_facet_counts_apply_every_other_filter(client, finder, calls):
    response = client.get(finder.url + "?sector=music")
    facets = {f.name: {o.value: o.count for o in f.options} for f in response.context["result"].facets}
    # Sector counts ignore the sector filter itself, so both sectors keep their count.
    assert facets["sector"]["music"] == 1 and facets["sector"]["design"] == 1
    assert facets["status"] == {"forthcoming": 0, "open": 1, "closed": 0}
    assert facets["amount"]["small"] == 1
    assert titles(response.content.decode()) == ["Music export support"]


def test_region_filter_includes_wider_scopes(client, finder, calls):
    # A reader in Olomoucký kraj also qualifies for calls open to all of Czechia.
    html = client.get(finder.url + "?region=olomoucky-kraj").content.decode()
    assert set(titles(html)) == {"Design vouchers", "Music export support"}
    html = client.get(finder.url + "?region=cz").content.decode()
    assert titles(html) == ["Music export support"]


def test_full_text_search_through_the_search_backend(client, finder, calls):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    html = client.get(finder.url + "?q=vouchers").content.decode()
    assert titles(html) == ["Design vouchers"]
    assert client.get(finder.url + "?q=film").context["result"].total == 0


def test_bad_filter_value_is_reported_and_ignored(client, finder, calls):
    response = client.get(finder.url + "?sector=astrology&deadline=forever&page=x")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="notice notice--error"' in html
    assert titles(html) == ["Design vouchers", "Music export support"]


def test_deadline_window_and_amount_filters(client, finder, calls):
    assert titles(client.get(finder.url + "?deadline=7").content.decode()) == ["Design vouchers"]
    assert titles(client.get(finder.url + "?amount=medium").content.decode()) == ["Design vouchers"]


def test_call_page_with_monetary_grant_and_calendar(client, finder, calls):
    call = calls["design"]
    response = client.get(finder.call_url(call))
    assert response.status_code == 200
    html = response.content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "MonetaryGrant"
    assert data["name"] == "Design vouchers"
    assert data["amount"] == {"@type": "MonetaryAmount", "currency": "EUR", "maxValue": 50000.0}
    assert data["funder"]["name"] == "European Education and Culture Executive Agency"
    ics = client.get(finder.call_url(call) + "ical/")
    assert ics["Content-Type"].startswith("text/calendar")
    [event] = Calendar.from_ical(ics.content).walk("VEVENT")
    assert event.decoded("dtstart") == call.deadline_list()[0].at
    assert "Design vouchers" in str(event["summary"])


def test_drafts_and_rejected_calls_have_no_public_page(client, finder, calls):
    for external_id in ("draft", "rejected"):
        call = SourceRecord.objects.get(external_id=external_id).call
        assert client.get(finder.call_url(call)).status_code == 404
        assert client.get(finder.call_url(call) + "ical/").status_code == 404


def test_feeds_are_announced_and_parse(client, finder, calls):
    html = client.get(finder.url + "?sector=design").content.decode()
    links = re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">', html)
    types = dict(links)
    assert set(types) >= {"application/rss+xml", "application/atom+xml", "application/feed+json", "text/calendar"}
    assert all("sector=design" in url for url in types.values())

    rss = feedparser.parse(client.get(types["application/rss+xml"]).content)
    assert rss.bozo == 0, rss.bozo_exception
    assert [e.title for e in rss.entries] == ["Design vouchers"]
    atom = feedparser.parse(client.get(types["application/atom+xml"]).content)
    assert atom.bozo == 0 and atom.version == "atom10"
    assert [e.title for e in atom.entries] == ["Design vouchers"]
    assert atom.entries[0].link.endswith(finder.call_url(calls["design"]))

    response = client.get(types["application/feed+json"])
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [item["title"] for item in feed["items"]] == ["Design vouchers"]
    assert feed["items"][0]["_kreativ"]["status"] == "open"

    calendar = Calendar.from_ical(client.get(types["text/calendar"]).content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [t("Deadline: %(title)s", title="Design vouchers")]


def test_unfiltered_feeds_hold_only_published_calls(client, finder, calls):
    rss = feedparser.parse(client.get(finder.url + "feed/rss/").content)
    assert sorted(e.title for e in rss.entries) == ["Design vouchers", "Music export support"]
    calendar = Calendar.from_ical(client.get(finder.url + "feed/ical/?status=open&status=closed").content)
    summaries = " ".join(str(e["summary"]) for e in calendar.walk("VEVENT"))
    assert "Closed heritage grant" in summaries
    assert "Draft film fund" not in summaries and "Rejected games call" not in summaries


def test_home_page_shows_the_next_deadlines(client, home, finder, calls):
    html = client.get("/cs/").content.decode()
    section = html.split('id="funding-heading"')[1]
    assert section.index("Design vouchers") < section.index("Music export support")
    assert "Draft film fund" not in section and "Closed heritage grant" not in section
    assert finder.call_url(calls["design"]) in section


def test_merged_call_redirects_to_the_call_it_was_merged_into(client, finder, calls, moderator):
    merge_calls(calls["music"], calls["design"], user=moderator)
    response = client.get(finder.call_url(calls["music"]))
    assert response.status_code == 301
    assert response["Location"] == finder.call_url(calls["design"])
    assert "Music export support" not in client.get(finder.url).content.decode()


def test_a_live_call_with_a_pending_change_shows_the_approved_version(client, finder, calls):
    ingest.ingest_item("eu_ft", make_item("design", title="Design vouchers – renamed", call_identifier="DESIGN-1"))
    html = client.get(finder.url).content.decode()
    assert "Design vouchers" in titles(html)
    assert "renamed" not in html
    assert FundingCall.objects.get(pk=calls["design"].pk).has_unpublished_changes


def test_the_finder_reads_its_taxonomies_with_the_facet_index_and_shows_an_edit_at_once(client, finder, calls):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kreativ.models import Region, Sector

    client.get(finder.url)  # the facet index is built
    with CaptureQueriesContext(connection) as queries:
        response = client.get(finder.url + "?sector=music")
    listings = r'FROM "(kreativ_sector|kreativ_region|opportunities_applicanttype|opportunities_programme)" ORDER BY'
    assert not [query for query in queries.captured_queries if re.search(listings, query["sql"])]
    sectors = {o.value: o.label for f in response.context["result"].facets if f.name == "sector" for o in f.options}
    assert sectors["music"] == Sector.objects.get(slug="music").name_cs

    music = Sector.objects.get(slug="music")
    music.name_cs = "Hudba a zvuk"
    music.save()  # a moderator renames a sector
    html = client.get(finder.url).content.decode()
    assert re.search(r'<label for="f-sector-music">Hudba a zvuk <span', html)

    # A region moved under another changes which calls its wider scopes find.
    region = Region.objects.get(slug="olomoucky-kraj")
    in_olomouc = ["Design vouchers", "Music export support"]  # its own call, and one for all of Czechia
    assert titles(client.get(finder.url + "?region=olomoucky-kraj").content.decode()) == in_olomouc
    region.parent = Region.objects.get(slug="si")
    region.save()
    assert titles(client.get(finder.url + "?region=olomoucky-kraj").content.decode()) == ["Design vouchers"]
