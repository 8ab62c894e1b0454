"""The moderators' panel on the Wagtail dashboard: calls waiting for review and failing sources."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from opportunities.models import CrawlRun, FundingCall, Source


class FundingRadarPanel(Component):
    name = "funding_radar"
    template_name = "opportunities/admin/dashboard_panel.html"
    order = 90

    def __init__(self, request) -> None:
        self.request = request

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        content_type = ContentType.objects.get_for_model(FundingCall)
        waiting = WorkflowState.objects.filter(
            base_content_type=content_type, status=WorkflowState.STATUS_IN_PROGRESS
        ).order_by("created_at")
        oldest = list(waiting.values_list("object_id", flat=True)[:8])
        calls = {str(call.pk): call for call in FundingCall.objects.filter(pk__in=oldest)}
        failing = []
        for source in Source.objects.filter(enabled=True).exclude(kind=Source.Kind.MANUAL):
            run = source.last_run()
            if run is not None and run.status in (CrawlRun.Status.FAILED, CrawlRun.Status.PARTIAL):
                failing.append((source, run))
        return {
            "waiting_count": waiting.count(),
            "waiting_calls": [calls[pk] for pk in oldest if pk in calls],
            "failing": failing,
        }
