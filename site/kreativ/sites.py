"""The regional offices' sites: which office a request or a page belongs to, and links that work on it.

One installation serves several regional offices, each a Wagtail ``Site`` with its own host name,
home page (whose language is the site's) and region (``OfficeSettings``). Every absolute link the
portal gives out (in a page's head, a feed, a calendar, an e-mail) points at the office's site the
reader used, on the address it really runs on:

- with a request, the address the reader used (``request.build_absolute_uri``), for pages of the
  request's own site; a page of another site gets that site's address;
- without one (an e-mail sent later by the task queue), the site's record (``Site.root_url``),
  which ``load_demo --address`` and the admin's *Settings → Sites* keep right;
- ``WAGTAILADMIN_BASE_URL`` is only the last resort, when no site is known (it is the admin's
  own address).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Locale, Page, Site

if TYPE_CHECKING:
    from kreativ.models import Region


def site_for(request: HttpRequest | None) -> Site | None:
    """The site a request came to (Wagtail's matching of host name and port, with the default site)."""
    return Site.find_for_request(request) if request is not None else None


def default_site() -> Site | None:
    """The site that answers any host name no other site claims (the first office's)."""
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def pages_in(site: Site) -> Q:
    """Selects the pages of ``site`` in every language (each translation of its home is a root)."""
    within = Q(pk__in=[])
    for path in site.root_page.get_translations(inclusive=True).values_list("path", flat=True):
        within |= Q(path__startswith=path)
    return within


def page_for_site(pages: QuerySet, site: Site | None = None, locale: Locale | None = None) -> Page | None:
    """The page of ``pages`` (live pages of one kind: an office's funding finder, its catalogue) on
    an office's site in the reader's language, else in the site's own; or, when the site has none
    (or no site is known), any in that language, or any."""
    locale = locale or Locale.get_active()
    if site is not None:
        ours = pages.filter(pages_in(site))
        found = ours.filter(locale=locale).first() or ours.filter(locale_id=site.root_page.locale_id).first()
        if found is not None:
            return found
    return pages.filter(locale=locale).first() or pages.first()


def language_of(site: Site | None) -> str:
    """The site's own language: that of its home page (the others are translations)."""
    if site is None:
        return settings.LANGUAGE_CODE
    return site.root_page.locale.language_code


def region_of(site: Site | None) -> Region | None:
    """The office's region (``OfficeSettings``), whose calls its readers look for first."""
    from kreativ.models import OfficeSettings

    if site is None:
        return None
    return OfficeSettings.for_site(site).region


def name_of(site: Site | None) -> str:
    """The office's name as e-mails and page titles give it."""
    return (site.site_name if site is not None else "") or str(settings.WAGTAIL_SITE_NAME)


def root_url(site: Site | None) -> str:
    """Where the site runs, without a trailing slash (the admin's address when no site is known)."""
    if site is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return site.root_url.rstrip("/")


def absolute(path: str, site: Site | None = None, request: HttpRequest | None = None) -> str:
    """``path`` on the site the reader used: the request's address, else the site's record."""
    if request is not None:
        return request.build_absolute_uri(path)
    return root_url(site) + path


def page_url(page: Page, request: HttpRequest | None = None) -> str:
    """A page's absolute URL: on the request's address when the page is on the request's site,
    on its own site's address otherwise (and without a request). Empty for a page of no site."""
    if request is None:
        return page.get_full_url() or ""
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else ""
