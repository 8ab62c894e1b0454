"""Where a profile is read: its page on the reader's office's catalogue, in the reader's language.

The catalogue is one, shared by every office, and each office's site has its own catalogue page
(a routable page of this app, in each language of its tree) whose route ``profile`` (``<catalogue
page URL><slug>/``) shows one profile. Other pages that link to a profile (a funding call's page
listing partners, a hub's page listing its actors, e-mails) ask here. A merged profile's address
leads to the profile it was merged into (``kreativ.merging.final_target``), which is what the
profile route redirects to.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch
from wagtail.models import Locale, Page, Site

from catalogue.models import Profile
from kreativ.merging import final_target
from kreativ.sites import page_for_site, site_for

PROFILE_ROUTE = "profile"


def catalogue_page(site: Site | None = None, locale: Locale | None = None) -> Page | None:
    """The live catalogue page of an office's site in the reader's language (else in the site's
    own), or, when the site has none, any live one in that language, or any."""
    return page_for_site(Page.objects.live().filter(content_type__app_label="catalogue").specific(), site, locale)


def profile_url(profile: Profile, request: HttpRequest | None = None, page: Page | None = None) -> str | None:
    """The profile's URL on the request's office's catalogue page (a merged profile: the one kept),
    or None while there is no catalogue page to show it on. ``page`` saves looking it up again when
    a listing links many profiles (see ``catalogue_page``)."""
    page = page or catalogue_page(site_for(request))
    if page is None or not hasattr(page, "reverse_subpage"):
        return None
    try:
        route = page.reverse_subpage(PROFILE_ROUTE, kwargs={"slug": final_target(profile).slug})
    except NoReverseMatch:
        return None
    base = page.get_url(request)
    return base + route if base else None
