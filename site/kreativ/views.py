"""Site-wide views that are not pages: the site search, a page's missing translation, robots.txt and
the multilingual sitemap, each of the office's site the reader came to."""

from __future__ import annotations

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from wagtail import hooks
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from kreativ.search.expansion import expanded_query
from kreativ.search.highlight import highlight
from kreativ.search.suggestions import did_you_mean
from kreativ.sites import pages_in, site_for

SEARCH_PAGE_SIZE = 10
SEARCH_MAX_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    """The site's search box: the live public pages of this office's site in the reader's language,
    best match first.

    Hubs, courses, news and standard pages of the site the reader came to (another office's pages
    are that office's to show). Domains with a search of their own (the funding finder,
    with facets this page has no room for) point to it through the ``site_search_notes`` hook.
    The vocabulary's terms also find their equivalents in the other languages (``kreativ.search.expansion``).
    """
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_MAX_LENGTH]
    locale = Locale.get_active()
    context: dict = {"query": query, "results": None, "suggestion": None}
    if query:
        pages = _site_pages(request).live().public().filter(locale=locale).exclude(depth__lte=1).specific()
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


def _site_pages(request: HttpRequest):
    """The pages of the request's site, in every language."""
    site = site_for(request)
    return Page.objects.filter(pages_in(site)) if site is not None else Page.objects.none()


def not_translated(request: HttpRequest, page_id: int) -> HttpResponse:
    """Where the language switcher leads when a page has no translation into a language: a page in
    that language that says so and links to the translations the page has.

    Status 404 (the page does not exist in this language) and ``noindex``, so search engines keep
    to the translations. Once the translation exists (and is live), the address redirects to it.
    """
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    language = get_language()
    translations = {
        found.locale.language_code: found
        for found in page.get_translations(inclusive=True).live().public().select_related("locale")
    }
    if language in translations:
        return redirect(translations[language].get_url(request))
    offered = [
        {"code": code, "name": name, "title": translations[code].title, "url": translations[code].get_url(request)}
        for code, name in settings.LANGUAGES
        if code in translations
    ]
    response = TemplateResponse(
        request,
        "kreativ/not_translated.html",
        {"page": page, "translations": offered},
        status=404,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


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
