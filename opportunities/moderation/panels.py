"""An edit-form panel that shows moderators where a call came from and what it may duplicate."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel


class CallSourcesPanel(Panel):
    """Read-only: every source record of the call and the open duplicate suggestions, with merge links."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "opportunities/admin/call_sources_panel.html"

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            from opportunities.models import DuplicateSuggestion

            context = super().get_context_data(parent_context)
            call = self.instance
            if call.pk:
                context["records"] = call.records.select_related("source").order_by("first_seen")
                context["suggestions"] = (
                    DuplicateSuggestion.objects.filter(status=DuplicateSuggestion.Status.OPEN)
                    .filter(models_q(call))
                    .select_related("call", "duplicate_of")
                )
                context["merged_into"] = call.merged_into
            return context


def models_q(call):
    from django.db.models import Q

    return Q(call=call) | Q(duplicate_of=call)
