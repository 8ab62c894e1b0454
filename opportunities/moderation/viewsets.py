"""The funding radar in Wagtail's admin: calls under moderation, vocabularies, sources (crawled
now on request) and crawl runs (read-only).

Each viewset names its "Add …" and "New …" labels as whole phrases (``kreativ.admin_labels``):
Wagtail's "Přidat dotační výzva" was not Czech. Crawl runs cannot be added, so they have none.
"""

from __future__ import annotations

from django.template.defaultfilters import yesno
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kreativ.admin_labels import PhrasedLabels
from kreativ.merge_views import MergeViewsMixin
from opportunities.models import (
    ApplicantType,
    CrawlRun,
    DuplicateSuggestion,
    FundingCall,
    Programme,
    Source,
)
from opportunities.moderation import crawl_now
from opportunities.moderation.columns import NextDeadlineColumn, StatusColumn, boolean_column, with_deadline_shown
from opportunities.moderation.decisions import CallEditView, CallWorkflowActionView
from opportunities.moderation.listing import CallIndexView, FundingCallFilterSet


class FundingCallViewSet(MergeViewsMixin, PhrasedLabels, SnippetViewSet):
    model = FundingCall
    suggestion_model = DuplicateSuggestion
    merge_permission = "opportunities.change_fundingcall"
    merge_title = _("Merge duplicate calls")
    merged_message = _("“%(merged)s” was merged into “%(kept)s”.")
    add_item_label = _("Add funding call")
    new_item_label = _("New funding call")
    icon = "doc-full-inverse"
    menu_label = _("Funding calls")
    menu_order = 100
    filterset_class = FundingCallFilterSet
    list_display = [
        "title",
        StatusColumn("call_status", label=_("Status")),
        "programme",
        NextDeadlineColumn(),
        boolean_column(FundingCall, "is_listed"),
    ]
    list_per_page = 50
    ordering = ["-first_seen"]
    copy_view_enabled = False
    index_view_class = CallIndexView
    edit_view_class = CallEditView
    workflow_action_view_class = CallWorkflowActionView

    def get_queryset(self, request):
        return with_deadline_shown(FundingCall.objects.select_related("programme").prefetch_related("deadlines"))

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), *self.merge_urlpatterns()]

    # --- duplicates (kreativ.merge_views) ------------------------------------------------------

    def merge(self, duplicate: FundingCall, into: FundingCall, user) -> None:
        from opportunities.moderation.merge import merge_calls

        merge_calls(duplicate, into, user=user)

    def merge_intro(self, suggestion: DuplicateSuggestion) -> str:
        return _(
            "These two calls look like the same call (%(reason)s). Merging keeps every source link on the call "
            "you keep; the other call leaves the public site."
        ) % {"reason": suggestion.reason}

    def comparison_rows(self, first: FundingCall, second: FundingCall) -> list[tuple[str, str, str]]:
        def sources(call: FundingCall) -> str:
            return " ".join(str(record.source) for record in call.records.select_related("source"))

        facts = [
            (_("Call identifier"), lambda call: call.call_identifier),
            (_("Funder"), lambda call: call.funder),
            (_("Deadlines"), lambda call: ", ".join(str(d) for d in call.deadline_list())),
            (_("Sources"), sources),
            (_("Published"), lambda call: yesno(call.live)),
        ]
        return [(label, fact(first), fact(second)) for label, fact in facts]


class ProgrammeViewSet(PhrasedLabels, SnippetViewSet):
    model = Programme
    add_item_label = _("Add programme")
    new_item_label = _("New programme")
    icon = "folder-open-inverse"
    list_display = ["name", "code", "funder"]
    search_fields = ["name", "code", "funder"]


class ApplicantTypeViewSet(PhrasedLabels, SnippetViewSet):
    model = ApplicantType
    add_item_label = _("Add applicant type")
    new_item_label = _("New applicant type")
    icon = "group"
    list_display = ["name_cs", "name_sl", "name_en", "slug"]
    search_fields = ["name_cs", "name_sl", "name_en", "slug"]


class SourceViewSet(PhrasedLabels, SnippetViewSet):
    model = Source
    add_item_label = _("Add source")
    new_item_label = _("New source")
    icon = "download"
    list_display = ["name", "kind", boolean_column(Source, "enabled"), "url"]
    list_filter = ["kind", "enabled"]
    search_fields = ["name", "slug", "url"]
    index_view_class = crawl_now.SourceIndexView
    edit_view_class = crawl_now.SourceEditView

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("crawl/<int:pk>/", self.crawl_view, name="crawl")]

    def crawl_view(self, request, pk: int):
        return crawl_now.crawl_view(self, request, pk)


class RecordedByTheCrawler(ModelPermissionPolicy):
    """What the crawler recorded is read, never added, changed or deleted in the admin, not even by
    a superuser: a crawl run is a record of what happened (registered for ``CrawlRun`` in
    ``wagtail_hooks``, so the listing offers no "add" and its rows open the inspect view)."""

    WRITES = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user, action: str) -> bool:
        return action not in self.WRITES and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - self.WRITES)


class CrawlRunViewSet(SnippetViewSet):
    model = CrawlRun
    icon = "history"
    list_display = [
        "source",
        DateColumn("started_at", label=_("Started")),
        "status",
        "items_seen",
        "items_new",
        "items_changed",
        "items_unchanged",
        "items_unlisted",
        Column("error_count", label=_("Errors"), accessor="error_count"),
    ]
    list_filter = ["source", "status"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "source",
        "started_at",
        "finished_at",
        "status",
        "pages",
        "items_seen",
        "items_new",
        "items_changed",
        "items_unchanged",
        "items_unlisted",
        "errors",
    ]


class FundingViewSetGroup(SnippetViewSetGroup):
    items = (FundingCallViewSet, ProgrammeViewSet, ApplicantTypeViewSet, SourceViewSet, CrawlRunViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Funding radar")
    menu_name = "funding"
    menu_order = 150
