"""The catalogue page's main view: the faceted listing, its map and feeds, cached for anonymous readers.

Like the funding finder, a repeated anonymous view is answered by ``kreativ.page_cache`` before
Wagtail routes the request, keyed on the catalogue's index version (a published profile shows at
once); the template holds nothing personal (its form uses GET).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from catalogue.public import facet_index
from catalogue.public.search import Catalogue, CatalogueForm, taxonomy_choices
from kreativ import page_cache
from kreativ.facets.listing import EVERY_REGION, default_regions, language_suffix, listing_query

FEEDS = (("feed_rss", "application/rss+xml", "RSS"), ("feed_atom", "application/atom+xml", "Atom"))


def catalogue_context(page, request: HttpRequest) -> dict[str, Any]:
    """What the catalogue's template shows for this request's filters."""
    index = facet_index.current()
    choices = taxonomy_choices(index)
    form = CatalogueForm(request.GET or None, choices=choices)
    filters = form.filters()
    result = Catalogue(filters, index=index, default_regions=default_regions(request)).run()
    kept = {name: value for name, value in filters.items() if name not in {"page", "sort"}}
    names = dict(choices["region"])
    return {
        "form": form,
        "result": result,
        "feeds": feed_links(page, kept),
        "language_suffix": language_suffix(request),
        # The office's region, applied because the URL names none, and the way to every region.
        "default_regions": [names.get(slug, slug) for slug in result.default_regions],
        "every_region_query": listing_query(kept, region=[EVERY_REGION]),
        "every_region": EVERY_REGION,
        "everywhere_query": listing_query(kept, place=None),
        "query_prefix": _prefix(listing_query(filters, page=None)),
    }


def feed_links(page, filters: dict[str, Any]) -> list[dict[str, str]]:
    """The feeds of new profiles for these filters, for <link rel=alternate> and the page's own links."""
    query = listing_query(filters)
    suffix = f"?{query}" if query else ""
    base = page.url_for()
    return [
        {"type": kind, "label": label, "url": base + page.reverse_subpage(route) + suffix}
        for route, kind, label in FEEDS
    ]


def render_catalogue(page, request: HttpRequest) -> HttpResponse:
    # A page behind a password is never cached: the cache answers before Wagtail checks it.
    key = None if page.get_view_restrictions().exists() else page_cache.cache_key(request)
    context = page.get_context(request)
    context.update(catalogue_context(page, request))
    response = TemplateResponse(request, page.get_template(request), context).render()
    # A repeated anonymous view is answered by page_cache.ListingPageCacheMiddleware.
    page_cache.store(key, response)
    return response


def _prefix(query: str) -> str:
    """The query string the pagination's links start with (``includes/pagination.html``)."""
    return f"{query}&" if query else ""
