"""The feed of new profiles, RSS 2.0 and Atom (Django's syndication), for any catalogue filter.

A feed's URL carries the catalogue's query string, so "new sound studios in Gorenjska" can be
followed in a feed reader; like the catalogue page, a URL that names no region gives the actors of
the office's region. Newest first (when a profile was first published); no e-mail address in it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalogue.models import Profile
from catalogue.public import facet_index
from catalogue.public.addresses import without_addresses
from catalogue.public.search import Catalogue, CatalogueForm, taxonomy_choices
from kreativ.facets.listing import default_regions

FEED_SIZE = 50


def newest_profiles(request: HttpRequest, limit: int = FEED_SIZE) -> list[Profile]:
    """The profiles a catalogue URL shows, newest first."""
    index = facet_index.current()
    filters = CatalogueForm(request.GET or None, choices=taxonomy_choices(index)).filters()
    filters["sort"] = "newest"
    page, _total = Catalogue(filters, index=index, default_regions=default_regions(request)).results(1, limit)
    return list(page.object_list)


class NewProfilesRss(Feed):
    """New profiles in the catalogue, for the filters in the URL."""

    feed_type = Rss201rev2Feed

    def __init__(self, catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpRequest:
        self.request = request
        return request

    def title(self, request: HttpRequest) -> str:
        return _("New in the catalogue: %(title)s") % {"title": self.catalogue.title}

    def link(self, request: HttpRequest) -> str:
        query = request.META.get("QUERY_STRING", "")
        return self.catalogue.url_for(request) + (f"?{query}" if query else "")

    def description(self, request: HttpRequest) -> str:
        return self.catalogue.intro or self.title(request)

    def items(self, request: HttpRequest) -> list[Profile]:
        return newest_profiles(request)

    def item_title(self, profile: Profile) -> str:
        return profile.name

    def item_description(self, profile: Profile) -> str:
        parts = [profile.get_kind_display(), profile.municipality, profile.short_description(get_language())]
        return without_addresses("\n".join(part for part in parts if part))

    def item_link(self, profile: Profile) -> str:
        return self.catalogue.profile_url(profile, self.request)

    def item_guid(self, profile: Profile) -> str:
        return self.request.build_absolute_uri(self.item_link(profile))

    def item_pubdate(self, profile: Profile):
        return profile.first_published_at or profile.created_at

    def item_updateddate(self, profile: Profile):
        return profile.last_published_at or profile.first_published_at or profile.created_at

    def item_categories(self, profile: Profile) -> list[str]:
        return [sector.name for sector in profile.sectors.all()]


class NewProfilesAtom(NewProfilesRss):
    feed_type = Atom1Feed
    subtitle = NewProfilesRss.description
