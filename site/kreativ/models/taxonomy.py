"""Taxonomies shared by hubs, courses and funding calls: CCI sectors and regions.

They live in the site package because several apps filter by them. Their names are three plain
fields rather than translated snippet copies, so that a filter by sector or region means the same
thing on the Czech, Slovenian and English pages (one row, one slug, in every language).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class TranslatedNameMixin(models.Model):
    """A name in each of the site's languages, with the active language's shown."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_cs = models.CharField(_("name (Czech)"), max_length=150)
    name_sl = models.CharField(_("name (Slovenian)"), max_length=150, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)

    name_panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("name_cs"), FieldPanel("name_sl"), FieldPanel("name_en")]),
    ]

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language, falling back to English, then Czech."""
        language = (translation.get_language() or "cs").split("-")[0]
        return getattr(self, f"name_{language}", "") or self.name_en or self.name_cs


class Sector(TranslatedNameMixin):
    """A branch of the cultural and creative industries (the EU's CCI classification)."""

    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [*TranslatedNameMixin.name_panels, FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name_cs"]
        verbose_name = _("CCI sector")
        verbose_name_plural = _("CCI sectors")


class Region(TranslatedNameMixin):
    """A place that funding can be limited to: the EU, a country, a Czech kraj or Slovenian region.

    Regions form a tree (EU > CZ > Olomoucký kraj), so "calls for Olomoucký kraj" also finds calls
    open to all of Czechia or all of the EU.
    """

    class Level(models.TextChoices):
        SUPRANATIONAL = "supranational", _("Supranational")
        COUNTRY = "country", _("Country")
        REGION = "region", _("Region")

    code = models.CharField(
        _("code"),
        max_length=10,
        blank=True,
        help_text=_("ISO country code or NUTS code, e.g. CZ, CZ071, SI042."),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.REGION)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    panels = [
        *TranslatedNameMixin.name_panels,
        FieldRowPanel([FieldPanel("code"), FieldPanel("level")]),
        FieldPanel("parent"),
    ]

    class Meta:
        ordering = ["code", "name_cs"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def label_with_parents(self) -> str:
        """The region and the regions that contain it ("Gorenjská — Slovinsko"), in the active language.

        Supranational regions are left out of the chain (the EU contains nearly every region),
        unless the region is one.
        """
        chain = [node for node in self.ancestors() if node is self or node.level != self.Level.SUPRANATIONAL]
        return " — ".join(node.name for node in chain)

    def ancestors(self) -> list[Region]:
        """This region and every region that contains it, nearest first."""
        chain: list[Region] = []
        node: Region | None = self
        while node is not None and node not in chain:
            chain.append(node)
            node = node.parent
        return chain


def region_children() -> dict[str | None, list[str]]:
    """The region tree as slugs: each region's slug → the slugs of the regions directly inside it."""
    children: dict[str | None, list[str]] = defaultdict(list)
    for slug, parent in Region.objects.values_list("slug", "parent__slug"):
        children[parent].append(slug)
    return children


def regions_inside(slugs: Iterable[str], children: dict[str | None, list[str]] | None = None) -> set[str]:
    """The regions ``slugs`` name and every region inside them: a call for the EU reaches an actor in
    Olomoucký kraj (the alerts' matching, the partners a call page lists)."""
    children = region_children() if children is None else children
    found: set[str] = set()
    stack = list(slugs)
    while stack:
        node = stack.pop()
        if node not in found:
            found.add(node)
            stack.extend(children.get(node, []))
    return found
