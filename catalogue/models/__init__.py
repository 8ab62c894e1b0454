"""The catalogue's models: profiles of CCI actors, the vocabulary of services they offer, the catalogue page."""

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
    "ProfileImage",
    "ProfileLink",
    "ProfileMember",
    "ProfileQuerySet",
    "Service",
]
