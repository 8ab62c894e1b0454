"""The exchange's models: listings (offers, requests, partner searches, challenges) under
moderation, the light identity of posters without a catalogue profile, the categories of
listings, and the listings' moderation task."""

from exchange.models.listings import Listing, ListingKind, ListingQuerySet
from exchange.models.moderation import ListingApprovalTask
from exchange.models.posters import Poster, PosterKind
from exchange.models.taxonomy import Category

__all__ = [
    "Category",
    "Listing",
    "ListingApprovalTask",
    "ListingKind",
    "ListingQuerySet",
    "Poster",
    "PosterKind",
]
