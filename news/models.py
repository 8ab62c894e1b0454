"""The regional CCI magazine: an index of articles, newest first, and the articles.

The strategies behind the portal ask for "a catalogue, a networking tool and also a magazine";
the magazine is a domain of its own, like hubs and funding.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from kreativ.blocks import BodyBlock
from kreativ.models import BasePage
from kreativ.sites import page_url


class NewsIndexPage(BasePage):
    """Lists the articles below it, ten to a page."""

    per_page = 10

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        return (
            NewsArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .order_by("-date", "-first_published_at")
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.articles(), self.per_page)
        context["articles"] = paginator.get_page(request.GET.get("page"))
        return context


class NewsArticlePage(BasePage):
    """One article: a story from the region, an interview, a call's results."""

    og_type = "article"

    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=150, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("intro"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("date")]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def get_json_ld(self, request: HttpRequest | None = None) -> dict[str, Any]:
        from django.conf import settings

        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "mainEntityOfPage": page_url(self, request),
            "publisher": {"@type": "Organization", "name": str(settings.KREATIV_ORGANISATION_NAME)},
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.author:
            data["author"] = {"@type": "Person", "name": self.author}
        if self.intro:
            data["description"] = self.intro
        if self.listing_image and request is not None:
            rendition = self.listing_image.get_rendition("fill-1200x630")
            data["image"] = request.build_absolute_uri(rendition.url)
        return data
