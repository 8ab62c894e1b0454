"""Where a profile is read: its page on the reader's office's catalogue, in the reader's language.

The catalogue is one, shared by every office, and each office's site has its own catalogue page
(a routable page of this app, in each language of its tree) whose route ``profile`` (``<catalogue
page URL><slug>/``) shows one profile. Other pages that link to a profile (a funding call's page
listing partners, a hub's page listing its actors, e-mails) ask here for the page; the address
itself is made by the page (``CatalogueIndexPage.profile_url``: a merged profile's address leads to
the profile it was merged into, which is what the profile route redirects to).
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Locale, Page, Site

from catalogue.models import CatalogueIndexPage, Profile
from kreativ.sites import section_of, site_for


def catalogue_page(site: Site | None = None, locale: Locale | None = None) -> Page | None:
    """The live catalogue page of an office's site in the reader's language (else in the site's
    own), or, when the site has none, any live one in that language, or any."""
    return section_of(CatalogueIndexPage, site, locale)


def profile_url(
    profile: Profile, request: HttpRequest | None = None, page: CatalogueIndexPage | None = None
) -> str | None:
    """The profile's URL on the request's office's catalogue page (a merged profile: the one kept),
    or None while there is no catalogue page to show it on. ``page`` saves looking it up again when
    a listing links many profiles (see ``catalogue_page``)."""
    page = page or catalogue_page(site_for(request))
    return page.profile_url(profile, request) if page is not None else None
