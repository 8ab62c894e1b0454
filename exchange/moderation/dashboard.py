"""The moderators' panel on the Wagtail dashboard for the exchange: listings waiting for a decision
(``Listing.objects.waiting_for_decision()``, the listing's filter it links to), oldest first."""

from __future__ import annotations

from typing import Any

from wagtail.admin.ui.components import Component

from exchange.models import Listing

OLDEST_SHOWN = 8


class ExchangePanel(Component):
    name = "exchange"
    template_name = "exchange/admin/dashboard_panel.html"
    order = 96

    def __init__(self, request) -> None:
        self.request = request

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        waiting = Listing.objects.waiting_for_decision()
        return {
            "waiting_count": waiting.count(),
            "waiting_listings": list(waiting.with_waiting_since().order_by("waiting_since", "pk")[:OLDEST_SHOWN]),
        }
