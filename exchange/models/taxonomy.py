"""What a listing is about (design, a space, a machine's time, heritage and tourism...): a facet of
the exchange, named in the three languages like the foundation's sectors, edited by moderators."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from kreativ.models.taxonomy import TranslatedNameMixin


class Category(TranslatedNameMixin):
    """A category of listings; a new database's list is data (``exchange/data/categories.yaml``)."""

    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [*TranslatedNameMixin.name_panels, FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name_cs"]
        verbose_name = _("listing category")
        verbose_name_plural = _("listing categories")
