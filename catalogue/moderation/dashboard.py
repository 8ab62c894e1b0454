"""The moderators' panel on the Wagtail dashboard for the catalogue: profiles waiting for a
decision (``Profile.objects.waiting_for_decision()``, the listing's filter it links to) and claims
waiting for a moderator."""

from __future__ import annotations

from typing import Any

from wagtail.admin.ui.components import Component

from catalogue.models import ClaimRequest, Profile

OLDEST_SHOWN = 8


class CataloguePanel(Component):
    name = "catalogue"
    template_name = "catalogue/admin/dashboard_panel.html"
    order = 95

    def __init__(self, request) -> None:
        self.request = request

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        waiting = Profile.objects.waiting_for_decision()
        claims = ClaimRequest.objects.filter(status=ClaimRequest.Status.WAITING)
        return {
            "waiting_count": waiting.count(),
            "waiting_profiles": list(waiting.with_waiting_since().order_by("waiting_since", "pk")[:OLDEST_SHOWN]),
            "claim_count": claims.count(),
        }
