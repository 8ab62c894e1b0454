"""The site's models, one module per concern; imported here so Django finds them."""

from kreativ.models.news import NewsArticlePage, NewsIndexPage
from kreativ.models.pages import BasePage, HomePage, HomePageFeaturedHub, StandardPage
from kreativ.models.site_settings import FooterLink, FooterSettings, NavigationLink, NavigationSettings
from kreativ.models.taxonomy import Region, Sector

__all__ = [
    "BasePage",
    "FooterLink",
    "FooterSettings",
    "HomePage",
    "HomePageFeaturedHub",
    "NavigationLink",
    "NavigationSettings",
    "NewsArticlePage",
    "NewsIndexPage",
    "Region",
    "Sector",
    "StandardPage",
]
