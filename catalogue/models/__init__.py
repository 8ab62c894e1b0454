"""The catalogue's models: profiles of CCI actors, the vocabulary of services they offer, suggested
duplicate profiles, and the catalogue page."""

from catalogue.models.duplicates import ProfileDuplicateSuggestion
from catalogue.models.pages import CatalogueIndexPage
from catalogue.models.profiles import (
    ActorKind,
    Country,
    Profile,
    ProfileImage,
    ProfileLink,
    ProfileMember,
    ProfileQuerySet,
)
from catalogue.models.taxonomy import Service

__all__ = [
    "ActorKind",
    "CatalogueIndexPage",
    "Country",
    "Profile",
    "ProfileDuplicateSuggestion",
    "ProfileImage",
    "ProfileLink",
    "ProfileMember",
    "ProfileQuerySet",
    "Service",
]
