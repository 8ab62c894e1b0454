"""Read-only panels of the funding radar's edit forms: where a call came from, what its last
change changed and what it may duplicate, and where a source's crawl starts."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel

from kreativ.moderation.changes import compare_links


class CallSourcesPanel(Panel):
    """Read-only: every source record of the call, a link to Wagtail's compare view of its last
    change (what a crawl changed, when the call has more than one revision), and the open
    duplicate suggestions, with merge links."""

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
                context.update(compare_links(call))
            return context


class SourceStartUrlsPanel(Panel):
    """Read-only: the start URLs a crawl of the source uses (without ``--url``), and which of the
    source's address, its configuration or its spider's defaults names them (``crawler.start_urls``)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "opportunities/admin/source_start_urls_panel.html"

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            from crawler.start_urls import SOURCE, SPIDER_DEFAULT, StartUrlsConflict
            from opportunities.intake.crawl import effective_start_urls, spider_class

            context = super().get_context_data(parent_context)
            source = self.instance
            context["manual"] = source.kind == "manual"
            if not source.kind or context["manual"]:
                return context
            try:
                start = effective_start_urls(source)
            except StartUrlsConflict as error:
                context["conflict"] = str(error)
                return context
            context["urls"] = start.urls
            context["from_address"] = start.origin == SOURCE and bool(source.url.strip())
            context["from_config"] = start.origin == SOURCE and not source.url.strip()
            if start.origin == SPIDER_DEFAULT:
                context["from_setting"] = spider_class(source.kind).start_url_setting
                context["from_spider"] = not context["from_setting"]
            return context


def models_q(call):
    from django.db.models import Q

    return Q(call=call) | Q(duplicate_of=call)
