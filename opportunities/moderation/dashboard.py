"""The moderators' panel on the Wagtail dashboard: calls waiting for a decision and failing sources.

Its count and its list are ``FundingCall.objects.waiting_for_decision()``, the queryset behind the
listing's "Waiting for a decision" filter it links to, so the two cannot disagree.
"""

from __future__ import annotations

from typing import Any

from wagtail.admin.ui.components import Component

from opportunities.models import CrawlRun, FundingCall, Source

OLDEST_SHOWN = 8


class FundingRadarPanel(Component):
    name = "funding_radar"
    template_name = "opportunities/admin/dashboard_panel.html"
    order = 90

    def __init__(self, request) -> None:
        self.request = request

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        waiting = FundingCall.objects.waiting_for_decision()
        failing = []
        for source in Source.objects.filter(enabled=True).exclude(kind=Source.Kind.MANUAL):
            run = source.last_run()
            if run is not None and run.status in (CrawlRun.Status.FAILED, CrawlRun.Status.PARTIAL):
                failing.append((source, run))
        return {
            "waiting_count": waiting.count(),
            "waiting_calls": list(waiting.with_waiting_since().order_by("waiting_since", "pk")[:OLDEST_SHOWN]),
            "failing": failing,
        }
