"""What actors offer (design of a visual identity, a recording studio, laser cutting...): a facet of
the catalogue, named in the three languages like the foundation's sectors, edited by moderators."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from kreativ.models.taxonomy import TranslatedNameMixin


class Service(TranslatedNameMixin):
    """A kind of service an actor offers; the demo's and a new database's list is data
    (``catalogue/data/services.yaml``)."""

    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [*TranslatedNameMixin.name_panels, FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name_cs"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
