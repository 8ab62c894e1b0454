"""Site-wide views that are not pages: the site search, robots.txt and the multilingual sitemap."""

from __future__ import annotations

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.decorators.cache import cache_control
from wagtail import hooks
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from kreativ.search.expansion import expanded_query
from kreativ.search.highlight import highlight
from kreativ.search.suggestions import did_you_mean

SEARCH_PAGE_SIZE = 10
SEARCH_MAX_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    """The site's search box: the live public pages of the reader's language, best match first.

    Hubs, courses, news and standard pages. Domains with a search of their own (the funding finder,
    with facets this page has no room for) point to it through the ``site_search_notes`` hook.
    The vocabulary's terms also find their equivalents in the other languages (``kreativ.search.expansion``).
    """
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_MAX_LENGTH]
    locale = Locale.get_active()
    context: dict = {"query": query, "results": None, "suggestion": None}
    if query:
        pages = Page.objects.live().public().filter(locale=locale).exclude(depth__lte=1).specific()
        found = pages.search(expanded_query(query), operator="and")
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
        context["notes"] = search_notes(request, locale)
    return TemplateResponse(request, "kreativ/search.html", context)


def search_notes(request: HttpRequest, locale: Locale) -> list[SafeString]:
    """Notes that apps add below the results (``@hooks.register("site_search_notes")``).

    Each hook takes the request and the reader's locale and returns HTML or None; this is how the
    foundation links to a domain's own search without knowing the domain.
    """
    notes = (hook(request, locale) for hook in hooks.get_hooks("site_search_notes"))
    return [note for note in notes if note]


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
