"""Vocabularies of the funding radar that moderators edit: applicant types and programmes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from kreativ.models.taxonomy import TranslatedNameMixin


class ApplicantType(TranslatedNameMixin):
    """Who may apply: the slugs are those the crawler maps a source's own words to."""

    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [*TranslatedNameMixin.name_panels, FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name_cs"]
        verbose_name = _("applicant type")
        verbose_name_plural = _("applicant types")


class Programme(index.Indexed, models.Model):
    """A funding programme (Creative Europe, a ministry's grant scheme); created by ingest on first sight."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    code = models.CharField(_("code"), max_length=50, blank=True, help_text=_("The source's identifier, if any."))
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    url = models.URLField(_("web page"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("funder"), FieldPanel("url")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("code")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name
