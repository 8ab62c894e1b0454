"""Admin registration of the shared taxonomies, grouped in one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kreativ.models import Region, Sector


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("CCI sectors")
    list_display = ["name_cs", "name_sl", "name_en", "slug"]
    search_fields = ["name_cs", "name_sl", "name_en", "slug"]
    ordering = ["sort_order", "name_cs"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name_cs", "name_en", "code", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name_cs", "name_sl", "name_en", "code"]
    ordering = ["code"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (SectorViewSet, RegionViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomies")
    menu_name = "taxonomies"


register_snippet(TaxonomyViewSetGroup)
