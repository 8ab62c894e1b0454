"""The funding finder: a routable page holding the finder, a page per call, and the feeds."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from kreativ.models import BasePage

# A full-text search that finds fewer calls than this offers a spelling the index knows.
SUGGEST_BELOW = 3


def language_suffix(request: HttpRequest, path: str = "") -> str:
    """What the language switcher keeps after the finder's URL in another language: the call's
    sub-path and the reader's filters (``kreativ_tags.language_links``)."""
    query = request.GET.urlencode()
    return path + (f"?{query}" if query else "")


class FundingFinderPage(RoutablePageMixin, BasePage):
    """Where CCI actors find open calls; one per language tree."""

    body = RichTextField(_("text above the finder"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("funding finder")

    # --- the finder ----------------------------------------------------------------------------

    def finder_context(self, request: HttpRequest) -> dict[str, Any]:
        from opportunities.finder import facet_index
        from opportunities.finder.search import (
            EVERY_REGION,
            Finder,
            FinderForm,
            default_regions,
            finder_query,
            taxonomy_choices,
        )

        index = facet_index.current()
        choices = taxonomy_choices(index)
        form = FinderForm(request.GET or None, choices=choices)
        filters = form.filters()
        result = Finder(filters, index=index, choices=choices, default_regions=default_regions(request)).run()
        kept = {k: v for k, v in filters.items() if k not in {"page", "sort"}}
        names = dict(choices["region"])
        return {
            "form": form,
            "result": result,
            "suggestion": self.suggestion(kept, result.total),
            "feeds": self.feed_links(kept),
            "alert_query": finder_query({k: v for k, v in kept.items() if k not in {"status", "deadline"}}),
            "language_suffix": language_suffix(request),
            # The office's region, applied because the URL names none, and the way to every region.
            "default_regions": [names.get(slug, slug) for slug in result.default_regions],
            "every_region_query": finder_query(kept, region=[EVERY_REGION]),
            "every_region": EVERY_REGION,
        }

    def suggestion(self, filters: dict[str, Any], total: int) -> dict[str, str] | None:
        """ "Did you mean" for a text that found (almost) nothing: the corrected text and its link."""
        from kreativ.search.suggestions import did_you_mean
        from opportunities.finder.search import finder_query
        from opportunities.models import FundingCall

        text = (filters.get("q") or "").strip()
        if not text or total >= SUGGEST_BELOW:
            return None
        corrected = did_you_mean(text, FundingCall.objects.filter(live=True, merged_into__isnull=True))
        if not corrected:
            return None
        return {"text": corrected, "query": finder_query(filters, q=corrected)}

    def feed_links(self, filters: dict[str, Any]) -> list[dict[str, str]]:
        """The feeds of these filters, for <link rel=alternate> and the page's own links."""
        from opportunities.finder.search import finder_query

        query = finder_query(filters)
        suffix = f"?{query}" if query else ""
        base = self.get_url()
        return [
            {"type": kind, "label": label, "url": base + self.reverse_subpage(route) + suffix}
            for route, kind, label in (
                ("feed_rss", "application/rss+xml", "RSS"),
                ("feed_atom", "application/atom+xml", "Atom"),
                ("feed_json", "application/feed+json", "JSON Feed"),
                ("feed_ical", "text/calendar", _("Deadlines in your calendar (iCalendar)")),
            )
        ]

    @path("")
    def index_route(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from opportunities.finder import page_cache

        # A page behind a password is never cached: the cache answers before Wagtail checks it.
        key = None if self.get_view_restrictions().exists() else page_cache.cache_key(request)
        context = self.get_context(request)
        context.update(self.finder_context(request))
        response = TemplateResponse(request, self.get_template(request), context).render()
        # A repeated anonymous view is answered by page_cache.FinderPageCacheMiddleware.
        page_cache.store(key, response)
        return response

    # --- one call ------------------------------------------------------------------------------

    def public_call(self, slug: str):
        """The live call with this slug; a merged call too (its page redirects), but never a draft."""
        from opportunities.models import FundingCall

        call = get_object_or_404(FundingCall.objects.select_related("programme", "merged_into"), slug=slug)
        if not call.live and not call.merged_into_id:
            raise Http404
        return call

    def call_url(self, call, request: HttpRequest | None = None) -> str:
        return self.url_for(request) + self.reverse_subpage("call", kwargs={"slug": call.slug})

    def url_for(self, request: HttpRequest | None = None) -> str:
        """The page's URL, worked out once per request: a listing, feed or digest links many calls."""
        urls = self.__dict__.setdefault("_urls_by_request", {})
        if request not in urls:
            urls[request] = self.get_url(request)
        return urls[request]

    @path("calls/<slug:slug>/", name="call")
    def call(self, request: HttpRequest, slug: str) -> HttpResponse:
        call = self.public_call(slug)
        if call.merged_into_id:
            target = call.merged_into
            if not target.live:
                raise Http404
            return HttpResponsePermanentRedirect(self.call_url(target, request))
        return self.render_call(request, call)

    def render_call(self, request: HttpRequest, call, watch_form=None) -> TemplateResponse:
        """A call's page; ``watch_form`` is the reminders form sent back with its errors."""
        from opportunities.alerts.forms import WatchForm
        from opportunities.finder.call_sections import call_page_sections

        context = self.get_context(request)
        path = self.reverse_subpage("call", kwargs={"slug": call.slug})
        context.update(
            call=call,
            finder=self,
            watch_form=watch_form or WatchForm(),
            language_suffix=language_suffix(request, path),
            call_sections=call_page_sections(request, call),
        )
        return TemplateResponse(request, "opportunities/call_detail.html", context)

    @path("calls/<slug:slug>/ical/", name="call_ical")
    def call_ical(self, request: HttpRequest, slug: str) -> HttpResponse:
        from opportunities.finder.ical import calendar_response

        call = self.public_call(slug)
        if call.merged_into_id:
            raise Http404
        return calendar_response([call], self, request, filename=call.slug)

    # --- feeds for any filter ------------------------------------------------------------------

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request: HttpRequest) -> HttpResponse:
        from opportunities.finder.feeds import FinderRssFeed

        return FinderRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request: HttpRequest) -> HttpResponse:
        from opportunities.finder.feeds import FinderAtomFeed

        return FinderAtomFeed(self)(request)

    @path("feed/json/", name="feed_json")
    def feed_json(self, request: HttpRequest) -> HttpResponse:
        from opportunities.finder.feeds import json_feed_response

        return json_feed_response(self, request)

    @path("feed/ical/", name="feed_ical")
    def feed_ical(self, request: HttpRequest) -> HttpResponse:
        from opportunities.finder.feeds import finder_calls
        from opportunities.finder.ical import calendar_response

        return calendar_response(finder_calls(request), self, request, filename="funding-deadlines")
