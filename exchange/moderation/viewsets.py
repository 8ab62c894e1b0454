"""The exchange in Wagtail's admin, grouped under "Exchange": listings under moderation (the queue
is the listing's "Waiting for a decision" filter; filters by kind, moderation and whether it
ended), the posters without a catalogue profile, and the categories.

Each viewset names its "Add …" and "New …" labels as whole phrases (``kreativ.admin_labels``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from exchange.models import Category, Listing, Poster
from exchange.moderation.decisions import ListingEditView, ListingWorkflowActionView
from exchange.moderation.listing import ListingFilterSet
from kreativ.admin_labels import PhrasedLabels

LISTING_PANELS = TabbedInterface(
    [
        ObjectList(
            [
                FieldPanel("kind"),
                FieldPanel("title"),
                FieldPanel("description"),
                FieldRowPanel([FieldPanel("category"), FieldPanel("budget_band")]),
                FieldPanel("sectors"),
                FieldPanel("regions"),
                MultiFieldPanel([FieldPanel("profile"), FieldPanel("poster")], heading=_("Posted by (one of them)")),
                FieldPanel("hub"),
                FieldPanel("funding_call"),
            ],
            heading=_("Listing"),
        ),
        ObjectList(
            [
                FieldRowPanel([FieldPanel("reward_amount"), FieldPanel("reward_currency")]),
                FieldPanel("deadline"),
                FieldPanel("rules"),
                FieldPanel("result"),
            ],
            heading=_("Challenge"),
        ),
    ]
)


class ListingViewSet(PhrasedLabels, SnippetViewSet):
    model = Listing
    add_item_label = _("Add listing")
    new_item_label = _("New listing")
    icon = "list-ul"
    menu_label = _("Listings")
    filterset_class = ListingFilterSet
    list_display = [
        "title",
        "kind",
        BooleanColumn("live", label=_("Published")),
        DateColumn("valid_until", label=_("Runs until")),
    ]
    list_per_page = 50
    search_fields = ["title"]
    copy_view_enabled = False
    edit_handler = LISTING_PANELS
    edit_view_class = ListingEditView
    workflow_action_view_class = ListingWorkflowActionView


class PosterViewSet(PhrasedLabels, SnippetViewSet):
    model = Poster
    add_item_label = _("Add poster")
    new_item_label = _("New poster")
    icon = "user"
    menu_label = _("Posters")
    list_display = ["name", "kind", DateColumn("confirmed_at", label=_("Address confirmed"))]
    search_fields = ["name"]
    copy_view_enabled = False
    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("email"), FieldPanel("language")]


class CategoryViewSet(PhrasedLabels, SnippetViewSet):
    model = Category
    add_item_label = _("Add category")
    new_item_label = _("New category")
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name_cs", "name_sl", "name_en", "slug"]
    search_fields = ["name_cs", "name_sl", "name_en", "slug"]


class ExchangeViewSetGroup(SnippetViewSetGroup):
    items = (ListingViewSet, PosterViewSet, CategoryViewSet)
    menu_icon = "list-ul"
    menu_label = _("Exchange")
    menu_name = "exchange"
    menu_order = 170
