"""The front door of an office's site and its general pages (about us, services, privacy).

The home page shows every domain (featured hubs, next courses, next funding deadlines), so it
lives in this app, above the domain apps; the foundation (``kreativ``) knows none of them.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from hubs.models import CourseSession
from kreativ.blocks import BodyBlock, OfferBlock
from kreativ.models import BasePage
from kreativ.sites import name_of, page_url
from opportunities.finder.upcoming import upcoming_deadlines


class HomePage(BasePage):
    """The front door: what the region offers, featured hubs, next courses and funding deadlines."""

    hero_title = models.CharField(_("headline"), max_length=200, blank=True)
    offers = StreamField(
        [("offer", OfferBlock())],
        verbose_name=_("what the region offers"),
        blank=True,
    )
    funding_intro = RichTextField(
        _("funding section text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown above the list of upcoming funding deadlines."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("intro")], heading=_("Welcome")),
        FieldPanel("offers"),
        InlinePanel("featured_hubs", label=_("Featured hubs"), max_num=6),
        FieldPanel("funding_intro"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_title"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "hubs.HubIndexPage",
        "hubs.AcademyPage",
        "opportunities.FundingFinderPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def featured_hub_pages(self) -> list[Page]:
        """The featured hubs translated into the page's language, live ones only (a hub not yet
        translated is left out rather than shown in another language)."""
        hubs = [item.hub for item in self.featured_hubs.select_related("hub") if item.hub]
        translated = {
            page.translation_key: page
            for page in Page.objects.filter(
                translation_key__in=[hub.translation_key for hub in hubs], locale_id=self.locale_id
            )
            .live()
            .specific()
        }
        return [translated[hub.translation_key] for hub in hubs if hub.translation_key in translated]

    def upcoming_sessions(self, limit: int = 4):
        """The next sessions of this office's courses (its academy's, in this page's language)."""
        return CourseSession.objects.upcoming_under(self)[:limit]

    def upcoming_deadlines(self, limit: int = 5) -> list[Any]:
        """Next deadlines of the public calls for this office's region and its wider scopes."""
        return upcoming_deadlines(limit=limit, home=self)

    def get_json_ld(self, request: HttpRequest | None = None) -> dict[str, Any]:
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": name_of(self.get_site()),  # the office's site's name
            "url": page_url(self, request),
            "inLanguage": self.locale.language_code,
        }


class HomePageFeaturedHub(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_hubs")
    hub = models.ForeignKey(
        "hubs.HubPage",
        verbose_name=_("hub"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("hub", "hubs.HubPage")]


class StandardPage(BasePage):
    """A page of text, images and links: about us, services, contacts, privacy."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_json_ld(self, request: HttpRequest | None = None) -> dict[str, Any]:
        return {
            "@context": "https://schema.org",
            "@type": "WebPage",
            "name": self.title,
            "url": page_url(self, request),
            "inLanguage": self.locale.language_code,
            "description": self.get_meta_description(),
        }
