"""The page every public page of the portal inherits, whatever app it belongs to."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from kreativ.seo import SeoMixin


class BasePage(SeoMixin, Page):
    """What every public page of the portal shares: an intro, SEO data, a listing image."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A sentence or two; shown in listings and previews.")
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    promote_panels = [*Page.promote_panels, FieldPanel("listing_image")]

    class Meta:
        abstract = True

    def clean(self) -> None:
        """Slugs are ASCII (``WAGTAIL_ALLOW_UNICODE_SLUGS`` is off): a typed accent is refused with
        the transliterated slug to use instead; the admin's slug field transliterates as one types."""
        super().clean()
        if self.slug and not self.slug.isascii():
            raise ValidationError(
                {
                    "slug": _("Use letters without accents in the address, for example “%(slug)s”.")
                    % {"slug": slugify(self.slug)}
                }
            )

    def get_og_image(self):
        return self.listing_image
