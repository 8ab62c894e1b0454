"""Whole phrases for the admin's "Add …" and "New …" labels.

Wagtail builds them from a model's verbose name: "Add %(model_name)s", "New: %(model_name)s", an
inline panel's "Add %(label)s". Czech and Slovenian inflect the noun after "add" (Czech "Přidat
dotační výzvu", not "Přidat dotační výzva"; Slovenian "Dodaj vrsto prijavitelja") and make "new"
agree with its gender ("Nová dotační výzva", "Nova vrsta prijavitelja"), so a glued label is wrong
in both. Here a viewset or a panel names its labels as whole phrases, each translated as one.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from wagtail.admin.panels import InlinePanel
from wagtail.snippets.views.snippets import CreateView


class PhrasedCreateView(CreateView):
    """Wagtail's create view of a snippet, titled (and its breadcrumb named) ``new_item_label``."""

    new_item_label: str | Promise = ""

    def get_page_title(self) -> str:
        return self.new_item_label or super().get_page_title()

    def get_page_subtitle(self) -> str:
        return "" if self.new_item_label else super().get_page_subtitle()

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        items = super().get_breadcrumbs_items()
        if self.new_item_label and items:
            items[-1] = {**items[-1], "label": self.new_item_label}
        return items


class PhrasedLabels:
    """A ``SnippetViewSet`` mixin: ``add_item_label`` ("Add funding call") for the listing's button
    and ``new_item_label`` ("New funding call") for the create view's title and breadcrumb."""

    add_item_label: str | Promise = ""
    new_item_label: str | Promise = ""
    add_view_class = PhrasedCreateView

    def get_index_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        if self.add_item_label:
            kwargs["add_item_label"] = self.add_item_label
        return super().get_index_view_kwargs(**kwargs)

    def get_add_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_add_view_kwargs(new_item_label=self.new_item_label, **kwargs)


class PhrasedInlinePanel(InlinePanel):
    """An ``InlinePanel`` whose add button reads ``add_label`` ("Add deadline"), not "Add " + label."""

    def __init__(self, *args: Any, add_label: str | Promise = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_label = add_label

    def clone_kwargs(self) -> dict[str, Any]:
        return {**super().clone_kwargs(), "add_label": self.add_label}

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "kreativ/admin/inline_panel.html"
