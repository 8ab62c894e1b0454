"""The catalogue page: a routable page holding the faceted catalogue, a page per profile, its feeds
and the open data's description. One per office's site and language; the catalogue is one."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from kreativ.merging import final_target
from kreativ.models import BasePage

PROFILE_ROUTE = "profile"


class CatalogueIndexPage(RoutablePageMixin, BasePage):
    """Where anyone finds the region's creatives (and actors across the border); one per language tree."""

    body = RichTextField(_("text above the catalogue"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("catalogue of creatives")

    # --- addresses -----------------------------------------------------------------------------

    def url_for(self, request: HttpRequest | None = None) -> str:
        """The page's URL, worked out once per request: a listing, feed or sitemap links many profiles."""
        urls = self.__dict__.setdefault("_urls_by_request", {})
        if request not in urls:
            urls[request] = self.get_url(request)
        return urls[request]

    def profile_url(self, profile, request: HttpRequest | None = None) -> str | None:
        """The one place a profile's address is made: its page under this catalogue page, relative to
        the site the reader is on (a merged profile: the one it was merged into, where its route
        redirects), or None while this page has no address or the slug makes no route."""
        try:
            route = self.reverse_subpage(PROFILE_ROUTE, kwargs={"slug": final_target(profile).slug})
        except NoReverseMatch:
            return None
        base = self.url_for(request)
        return base + route if base else None

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        """The page, and each public profile's page under it with its other languages' addresses."""
        from catalogue.public.sitemap import profile_entries

        return [*super().get_sitemap_urls(request), *profile_entries(self, request)]

    # --- routes --------------------------------------------------------------------------------

    @path("")
    def index_route(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from catalogue.public.listing_page import render_catalogue

        return render_catalogue(self, request)

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request: HttpRequest) -> HttpResponse:
        from catalogue.public.feeds import NewProfilesRss

        return NewProfilesRss(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request: HttpRequest) -> HttpResponse:
        from catalogue.public.feeds import NewProfilesAtom

        return NewProfilesAtom(self)(request)

    @path("open-data/", name="open_data")
    def open_data(self, request: HttpRequest) -> HttpResponse:
        from catalogue.public.open_data import FIELDS, LICENCE

        context = self.get_context(request)
        context.update(fields=FIELDS, licence=LICENCE, language_suffix=self.reverse_subpage("open_data"))
        return TemplateResponse(request, "catalogue/open_data.html", context)

    @path("<slug:slug>/", name=PROFILE_ROUTE)
    def profile(self, request: HttpRequest, slug: str) -> HttpResponse:
        from catalogue.public.profile_page import render_profile

        return render_profile(self, request, slug)
