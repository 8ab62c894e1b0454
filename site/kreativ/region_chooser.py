"""Choosing regions in the admin: Wagtail's snippet chooser, with a search box and each region's parents.

Regions are a snippet, so Wagtail offers its chooser wherever a page or snippet points to one (a
hub's region, a region's parent); but a snippet that is not in the search index gets no search
box, and "Gorenjská" alone does not say which country. So the chooser here searches the regions
in the database, in every language and without minding accents ("gorenj", "Slovinsko", "SI042",
"zlinsky"), matching the regions that contain a region too (searching "Slovinsko" lists its
regions), and shows each region with its parents ("Gorenjská — Slovinsko"). A taxonomy of a few
dozen rows needs no search index, and the database is right the moment a region is added.

``RegionsChooser`` is the same chooser for a many-to-many field (a funding call's geographic
scope): the chosen regions as a list, each removable, and a button that opens the chooser to pick
several at once.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext_lazy
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.ui.tables import TitleColumn
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.widgets import AdminSnippetChooser

from kreativ.models import Region

# What Wagtail's chooser says in its "choose several" mode and its Czech catalogue lacks, in its own
# words, so that our catalogue (LOCALE_PATHS first) has them.
WAGTAIL_CHOOSER_STRINGS = (
    gettext_noop("Select"),
    gettext_noop("Confirm selection"),
    ngettext_lazy("There is %(counter)s match", "There are %(counter)s matches"),
)


def folded(text: str) -> str:
    """``text`` in lower case without accents, for matching what an editor types."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def _words(region: Region) -> str:
    names = []
    for node in region.ancestors():
        names += [node.name_cs, node.name_sl, node.name_en, node.code]
    return folded(" ".join(name for name in names if name))


def search_regions(query: str, regions: QuerySet[Region]) -> QuerySet[Region]:
    """The regions whose names (in any language, or their parents'), or codes, hold every word of ``query``."""
    words = folded(query).split()
    if not words:
        return regions
    everything = Region.objects.select_related("parent__parent__parent")
    matching = [region.pk for region in everything if all(word in _words(region) for word in words)]
    return regions.filter(pk__in=matching)


class RegionFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )

    def filter(self, objects: QuerySet[Region]) -> QuerySet[Region]:
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            self.is_searching = True
            self.search_query = query
            objects = search_regions(query, objects)
        return objects


class RegionListingMixin:
    filter_form_class = RegionFilterForm

    def get_object_list(self) -> QuerySet[Region]:
        return Region.objects.select_related("parent__parent__parent")

    @property
    def title_column(self) -> TitleColumn:
        column = super().title_column
        column.accessor = Region.label_with_parents
        return column


class RegionChooseView(RegionListingMixin, ChooseView):
    pass


class RegionChooseResultsView(RegionListingMixin, ChooseResultsView):
    pass


class RegionChosenView(SnippetChosenView):
    def get_display_title(self, instance: Region) -> str:
        return instance.label_with_parents()


class RegionChosenMultipleView(SnippetChosenMultipleView):
    def get_display_title(self, instance: Region) -> str:
        return instance.label_with_parents()


class RegionChooserWidget(AdminSnippetChooser):
    """The chooser of one region (a foreign key), showing the chosen region with its parents."""

    def get_display_title(self, instance: Region) -> str:
        return instance.label_with_parents()


class RegionChooserViewSet(SnippetChooserViewSet):
    choose_view_class = RegionChooseView
    choose_results_view_class = RegionChooseResultsView
    chosen_view_class = RegionChosenView
    chosen_multiple_view_class = RegionChosenMultipleView
    base_widget_class = RegionChooserWidget


class RegionsChooser(forms.SelectMultiple):
    """Several regions (a many-to-many field): the chosen ones, each removable, and "Add regions"."""

    template_name = "kreativ/widgets/regions_chooser.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        chosen_ids = [str(pk) for pk in context["widget"]["value"] if pk]
        regions = {str(region.pk): region for region in Region.objects.filter(pk__in=chosen_ids)}
        context["widget"]["chosen"] = [
            {"id": pk, "label": regions[pk].label_with_parents()} for pk in chosen_ids if pk in regions
        ]
        viewset = Region.snippet_viewset.chooser_viewset
        context["widget"]["chooser_url"] = reverse(viewset.get_url_name("choose")) + "?multiple=1"
        return context

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        return [value for value in data.getlist(name) if value] if hasattr(data, "getlist") else []

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False  # no hidden input left means "no region": an empty list, not a missing field

    @property
    def media(self) -> forms.Media:
        return forms.Media(
            js=[
                versioned_static("wagtailadmin/js/modal-workflow.js"),
                versioned_static("wagtailadmin/js/chooser-modal.js"),
                versioned_static("js/regions-chooser.js"),
            ]
        )
