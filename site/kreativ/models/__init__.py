"""The foundation's models, one module per concern; imported here so Django finds them.

Page types of a domain live in that domain's app; here is only what every app builds on.
"""

from kreativ.models.base_page import BasePage
from kreativ.models.relay import ConfirmedSender, ContactLogBase, HeldMessage
from kreativ.models.site_settings import (
    FooterLink,
    FooterSettings,
    NavigationLink,
    NavigationSettings,
    OfficeSettings,
)
from kreativ.models.taxonomy import Region, Sector

__all__ = [
    "BasePage",
    "ConfirmedSender",
    "ContactLogBase",
    "FooterLink",
    "FooterSettings",
    "HeldMessage",
    "NavigationLink",
    "NavigationSettings",
    "OfficeSettings",
    "Region",
    "Sector",
]
