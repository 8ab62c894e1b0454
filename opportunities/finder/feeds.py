"""Feeds for any finder filter: RSS 2.0 and Atom (Django's syndication), JSON Feed 1.1, iCalendar.

A feed's URL carries the same query string as the finder, so "the calls I am looking at" can be
followed in a feed reader or a calendar without an account. A deadline known only as a day is a
day here too (``"2026-12-17"`` in the JSON Feed, the date in the texts).
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from opportunities.finder.search import Finder, FinderForm, default_regions
from opportunities.models import Deadline, FundingCall, FundingFinderPage
from opportunities.templatetags.funding_tags import deadline_text

FEED_SIZE = 100


def finder_calls(request: HttpRequest, sort: str = "newest", limit: int = FEED_SIZE) -> list[FundingCall]:
    """The calls a finder URL shows, newest first (feeds) or by deadline (calendars); like the
    finder, those of the site's region and its wider scopes when the URL names no region."""
    filters = FinderForm(request.GET or None).filters()
    filters["sort"] = sort
    page, _total = Finder(filters, default_regions=default_regions(request)).results(1, per_page=limit)
    return list(page.object_list)


def deadline_value(deadline: Deadline) -> str:
    """A deadline for machines: ``"2026-12-17"`` for a day, ISO 8601 with the offset for a moment."""
    return deadline.passes_at().isoformat() if deadline.has_time else deadline.date.isoformat()


def describe(call: FundingCall) -> str:
    parts = []
    deadline = call.next_deadline()
    if deadline:
        parts.append(_("Deadline: %(date)s") % {"date": deadline_text(deadline)})
    if call.programme_id:
        parts.append(call.programme.name)
    if call.summary:
        parts.append(call.summary)
    return "\n".join(parts)


class FinderRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, finder: FundingFinderPage) -> None:
        super().__init__()
        self.finder = finder

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpRequest:
        self.request = request
        return request

    def title(self, request: HttpRequest) -> str:
        return _("Funding calls: %(title)s") % {"title": self.finder.title}

    def link(self, request: HttpRequest) -> str:
        query = request.META.get("QUERY_STRING", "")
        return self.finder.get_url(request) + (f"?{query}" if query else "")

    def description(self, request: HttpRequest) -> str:
        return self.finder.intro or self.title(request)

    def items(self, request: HttpRequest) -> list[FundingCall]:
        return finder_calls(request)

    def item_title(self, call: FundingCall) -> str:
        return call.title

    def item_description(self, call: FundingCall) -> str:
        return describe(call)

    def item_link(self, call: FundingCall) -> str:
        return self.finder.call_url(call, self.request)

    def item_guid(self, call: FundingCall) -> str:
        return self.request.build_absolute_uri(self.item_link(call))

    def item_pubdate(self, call: FundingCall):
        return call.first_published_at or call.first_seen

    def item_updateddate(self, call: FundingCall):
        return call.last_published_at or call.first_published_at or call.first_seen

    def item_categories(self, call: FundingCall) -> list[str]:
        return [sector.name for sector in call.sectors.all()]


class FinderAtomFeed(FinderRssFeed):
    feed_type = Atom1Feed
    subtitle = FinderRssFeed.description


def json_feed_response(finder: FundingFinderPage, request: HttpRequest) -> HttpResponse:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with the deadlines as an extension."""
    query = request.META.get("QUERY_STRING", "")
    home = request.build_absolute_uri(finder.get_url(request) + (f"?{query}" if query else ""))
    items = []
    for call in finder_calls(request):
        url = request.build_absolute_uri(finder.call_url(call, request))
        item: dict[str, Any] = {
            "id": url,
            "url": url,
            "title": call.title,
            "content_text": describe(call),
            "date_published": (call.first_published_at or call.first_seen).isoformat(),
            "tags": [sector.name for sector in call.sectors.all()],
            "_kreativ": {
                "status": call.status(),
                "deadlines": [deadline_value(d) for d in call.deadline_list()],
                "call_identifier": call.call_identifier,
                "source_url": call.url,
            },
        }
        if call.summary:
            item["summary"] = call.summary
        if call.last_published_at:
            item["date_modified"] = call.last_published_at.isoformat()
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _("Funding calls: %(title)s") % {"title": finder.title},
        "home_page_url": home,
        "feed_url": request.build_absolute_uri(),
        "language": get_language(),
        "items": items,
    }
    return HttpResponse(
        json.dumps(feed, ensure_ascii=False, indent=1), content_type="application/feed+json; charset=utf-8"
    )


class SubscriptionRssFeed(Feed):
    """A subscriber's private feed: the calls their alert would send, newest first."""

    feed_type = Rss201rev2Feed

    def __init__(self, subscription, calls: list[FundingCall]) -> None:
        super().__init__()
        self.subscription = subscription
        self.calls = calls

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpRequest:
        return request

    def title(self) -> str:
        return _("Your funding calls")

    def link(self) -> str:
        from opportunities.alerts.links import manage_url

        return manage_url(self.subscription)

    def description(self) -> str:
        return _("Open and forthcoming calls that match your alert.")

    def items(self) -> list[FundingCall]:
        return self.calls

    def item_title(self, call: FundingCall) -> str:
        return call.title

    def item_description(self, call: FundingCall) -> str:
        return describe(call)

    def item_link(self, call: FundingCall) -> str:
        from opportunities.alerts.links import call_url

        return call_url(call, self.subscription.language, site=self.subscription.site)

    def item_pubdate(self, call: FundingCall):
        return call.first_published_at or call.first_seen
