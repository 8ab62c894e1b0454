"""A hostile description never reaches a page, a feed or an e-mail, whichever way it comes in.

Crawled HTML is sanitised once, by the crawler's loader, and ingest refuses an item that skipped it
(tests/opportunities/test_ingest.py); moderators write descriptions through Wagtail's rich text
editor, whose converter stores only the field's features. Nothing else sanitises, so these tests
follow the real page with its script, event attributes, ``javascript:`` links and style to every
place a call is shown.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.core import mail
from django.utils import timezone

from crawler.items import complete
from crawler.parsers import si_podjetniski
from opportunities.alerts.digests import send_alerts
from opportunities.models import FundingCall, Subscription
from tests.crawler.conftest import html_response

pytestmark = pytest.mark.django_db

PAGE = "https://www.podjetniski-portal.si/razpisi/hrastnik"
# what razpis-hostile.html adds to the real page (tests/fixtures/si_podjetniski/PROVENANCE.md); the
# portal's own pages have scripts and styles of their own, so those are looked for in the description
HOSTILE = ("evil.example", "document.cookie", "onmouseover", "onerror", "javascript:", "alert(", "steal()")
HOSTILE += ("display:none", "<iframe")
RICH_TEXT = re.compile(r'<div class="rich-text"[^>]*>(.*?)</div>', re.DOTALL)


def assert_harmless(text: str, where: str) -> None:
    lowered = text.lower()
    for needle in HOSTILE:
        assert needle not in lowered, f"{needle} in {where}"


def test_a_hostile_crawled_page_reaches_no_page_feed_or_e_mail(client, finder, publish):
    item = complete(si_podjetniski.parse_call(html_response(PAGE, "si_podjetniski", "razpis-hostile.html")))
    item["deadlines"] = [timezone.now() + dt.timedelta(days=30)]
    Subscription.objects.create(
        email="jana@example.com",
        frequency="daily",
        language="en",
        new_calls_since=timezone.now() - dt.timedelta(hours=1),
    )
    call = publish(item, source="si_podjetniski")
    assert "Predmet razpisa" in call.description and "Prijava" in call.description  # the text came through

    page = client.get(finder.call_url(call))
    assert page.status_code == 200 and "Predmet razpisa" in page.content.decode()
    assert_harmless(page.content.decode(), "the call's page")
    [description] = RICH_TEXT.findall(page.content.decode())
    assert "Predmet razpisa" in description
    assert "<script" not in description and "<style" not in description and "style=" not in description
    listing = client.get(finder.url)
    assert call.title in listing.content.decode()
    assert_harmless(listing.content.decode(), "the finder")
    for kind in ("rss", "atom", "json", "ical"):
        feed = client.get(f"{finder.url}feed/{kind}/")
        assert feed.status_code == 200 and call.title.split()[0] in feed.content.decode()
        assert_harmless(feed.content.decode(), f"the {kind} feed")

    assert send_alerts("daily").sent == 1
    [message] = mail.outbox
    assert call.title in message.body
    assert_harmless(message.body, "the e-mail's text")
    assert_harmless(message.alternatives[0][0], "the e-mail's HTML")


def test_a_moderators_description_is_stored_as_the_editor_allows():
    """The admin's rich text editor sends its content as Draft.js JSON; the field's widget turns it
    into the HTML that is stored. Markup typed as text stays text, a ``javascript:`` link loses it."""
    widget = FundingCall._meta.get_field("description").formfield().widget
    text = '<script>alert(1)</script> <img src=x onerror="alert(2)"> Apply'
    contentstate = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": text.index("Apply"), "length": 5, "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(3)"}}},
    }
    stored = widget.value_from_datadict({"description": json.dumps(contentstate)}, {}, "description")
    assert "Apply</a>" in stored
    assert "<script" not in stored and "<img" not in stored and "javascript:" not in stored
    assert "&lt;script&gt;" in stored  # what was typed is shown as typed
