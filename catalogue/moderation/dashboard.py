"""The moderators' panel on the Wagtail dashboard for the catalogue: profiles waiting for a
decision (``Profile.objects.waiting_for_decision()``, the listing's filter it links to), claims
waiting for a moderator, and the profiles nobody keeps that wait for the moderators' confirmation
(``unkept.to_confirm``: due, or already hidden)."""

from __future__ import annotations

from typing import Any

from wagtail.admin.ui.components import Component

from catalogue.models import ClaimRequest, Profile
from catalogue.moderation import unkept

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
        to_confirm = unkept.to_confirm()
        return {
            "waiting_count": waiting.count(),
            "waiting_profiles": list(waiting.with_waiting_since().order_by("waiting_since", "pk")[:OLDEST_SHOWN]),
            "claim_count": claims.count(),
            "unkept_count": to_confirm.count(),
            "unkept_hidden_count": to_confirm.unconfirmed().count(),
        }
