"""The catalogue's models: profiles of CCI actors, the vocabulary of services they offer, their
moderation task, suggested duplicate profiles, what is kept about the people who keep them (claims,
spent links, contacts), and the catalogue page."""

from catalogue.models.duplicates import ProfileDuplicateSuggestion
from catalogue.models.moderation import ProfileApprovalTask
from catalogue.models.owners import ClaimRequest, ContactLog, UsedLink
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
    "ClaimRequest",
    "ContactLog",
    "Country",
    "Profile",
    "ProfileApprovalTask",
    "ProfileDuplicateSuggestion",
    "ProfileImage",
    "ProfileLink",
    "ProfileMember",
    "ProfileQuerySet",
    "Service",
    "UsedLink",
]
