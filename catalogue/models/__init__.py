"""The catalogue's models: profiles of CCI actors and the vocabulary of services they offer."""

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
    "Country",
    "Profile",
    "ProfileImage",
    "ProfileLink",
    "ProfileMember",
    "ProfileQuerySet",
    "Service",
]
