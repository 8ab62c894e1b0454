"""Admin registration of the shared taxonomies, grouped in one menu (regions with a chooser that
searches, ``kreativ.region_chooser``); the editor's notice about a translated page whose section
is still a draft in its language; the map picker's address lookup (``kreativ.location_panel``); the
moderation tasks' own labels in a moderated snippet's action menu (``kreativ.moderation``)."""

from django.contrib import messages
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kreativ.location_panel import geocode_view
from kreativ.models import Region, Sector
from kreativ.region_chooser import RegionChooserViewSet
from kreativ.translations import unpublished_ancestors


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("CCI sectors")
    list_display = ["name_cs", "name_sl", "name_en", "slug"]
    search_fields = ["name_cs", "name_sl", "name_en", "slug"]
    ordering = ["sort_order", "name_cs"]


class RegionViewSet(SnippetViewSet):
    model = Region
    # A search box and each region with its parents, for every field that chooses a region.
    chooser_viewset_class = RegionChooserViewSet
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


@hooks.register("before_edit_page", order=-1)
def tell_about_unpublished_sections(request, page):
    """Before wagtail-localize's translation editor takes over the page: which pages above it are
    drafts in its language (made so by a translation that needed them, see ``kreativ.translations``)."""
    if request.method != "GET":
        return None
    drafts = unpublished_ancestors(page)
    if drafts:
        messages.warning(
            request,
            _(
                "Not published in %(locale)s yet: %(pages)s. Publish it too, or readers will not find "
                "this page in its section."
            )
            % {
                "locale": page.locale.get_display_name(),
                "pages": ", ".join(f"“{ancestor.get_admin_display_title()}”" for ancestor in drafts),
            },
        )
    return None


@hooks.register("register_admin_urls")
def register_geocoder_url():
    """The map picker's address lookup (``kreativ.location_panel``), for signed-in staff only."""
    return [path("geocode/", geocode_view, name="kreativ_geocode")]


@hooks.register("construct_snippet_action_menu")
def name_the_decisions(menu_items, request, context):
    from kreativ.moderation.decisions import name_the_decisions

    name_the_decisions(menu_items, request, context)
