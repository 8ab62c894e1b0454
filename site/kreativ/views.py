"""Site-wide views that are not pages: the site search, robots.txt and the multilingual sitemap."""

from __future__ import annotations

from django.apps import apps
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from kreativ.search.highlight import highlight
from kreativ.search.suggestions import did_you_mean

SEARCH_PAGE_SIZE = 10
SEARCH_MAX_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    """The site's search box: the live public pages of the reader's language, best match first.

    Hubs, courses, news and standard pages; funding calls have their own finder (linked from the
    results page), with facets this page has no room for.
    """
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_MAX_LENGTH]
    locale = Locale.get_active()
    context: dict = {"query": query, "results": None, "suggestion": None}
    if query:
        pages = Page.objects.live().public().filter(locale=locale).exclude(depth__lte=1).specific()
        found = pages.search(query, operator="and")
        results = Paginator(found, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
        results.object_list = [
            {"page": page, "passage": _passage(page, query, locale.language_code)} for page in results.object_list
        ]
        context["results"] = results
        if results.paginator.count < 3:
            corrected = did_you_mean(query, pages)
            if corrected:
                context["suggestion"] = {"text": corrected, "query": QueryDict.fromkeys(["q"], corrected).urlencode()}
        context["query_prefix"] = QueryDict.fromkeys(["q"], query).urlencode() + "&"
        context["finder_url"] = _finder_url(request, locale)
    return TemplateResponse(request, "kreativ/search.html", context)


def _finder_url(request: HttpRequest, locale: Locale) -> str | None:
    """The funding finder in the reader's language, when the funding radar is installed."""
    if not apps.is_installed("opportunities"):
        return None
    from opportunities.public import finder_for_locale

    finder = finder_for_locale(locale)
    return finder.get_url(request) if finder is not None else None


def _passage(page: Page, query: str, language: str) -> str | None:
    for text in (getattr(page, "intro", ""), page.search_description):
        passage = highlight(text, query, language) if text else None
        if passage:
            return passage
    return None


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists one language tree; this one lists every translation of the site."""

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()


def sitemap(request: HttpRequest) -> HttpResponse:
    return django_sitemap(request, sitemaps={"pages": MultilingualSitemap(request)})


@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
