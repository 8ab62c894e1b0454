"""What each office's site sets for itself under Settings in the admin: its region, navigation and footer.

One installation serves several regional offices, each a Wagtail ``Site`` (its own host name, home
page and language). The funding radar is shared, so what makes a site an office's is its *region*:
the funding finder and the alerts start from the calls for it and its wider scopes.

Links point at pages, not at URLs, so each reader follows them into the translation in their own
language and the link's text is that translation's title.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page


def _localized_live(pages: list[Page]) -> list[Page]:
    result = []
    for page in pages:
        localized = page.localized
        if localized.live:
            result.append(localized)
    return result


@register_setting(icon="site")
class OfficeSettings(BaseSiteSetting):
    """The regional office a site belongs to: the region whose calls its readers look for first."""

    region = models.ForeignKey(
        "kreativ.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The funding finder and new alerts of this site start from the calls for this region and "
            "its wider scopes (the country, the EU); readers can widen or change the filter."
        ),
    )

    panels = [FieldPanel("region")]

    class Meta:
        verbose_name = _("office")


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting, ClusterableModel):
    panels = [InlinePanel("main_links", label=_("Main navigation"))]

    class Meta:
        verbose_name = _("navigation")

    def main_pages(self) -> list[Page]:
        return _localized_live([link.page for link in self.main_links.select_related("page")])


class NavigationLink(Orderable):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="main_links")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page")]


@register_setting(icon="doc-full")
class FooterSettings(BaseSiteSetting, ClusterableModel):
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("address"), FieldPanel("email"), FieldPanel("phone")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
        InlinePanel("footer_links", label=_("Footer links")),
    ]

    class Meta:
        verbose_name = _("footer")

    def social_links(self) -> list[tuple[str, str]]:
        pairs = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in pairs if url]

    def link_pages(self) -> list[Page]:
        return _localized_live([link.page for link in self.footer_links.select_related("page")])


class FooterLink(Orderable):
    setting = ParentalKey(FooterSettings, on_delete=models.CASCADE, related_name="footer_links")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page")]
