"""The admin's listing of calls: what it lists (the Moderation filter and the others) and how a
search combines with them.

Without a Moderation choice the listing leaves unpublished archived calls out (they closed before
a decision, ``archive``): they are shown on demand. The filters ask the database questions the search index
cannot answer (a workflow's state, a subquery of suggestions, a call's sources), so a search takes
the index's matches for its text and the database keeps those the filters let through.
"""

from __future__ import annotations

import django_filters
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BooleanWidget
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.snippets.views.snippets import IndexView

from kreativ.search import keys_of
from opportunities.models import CallStatus, DuplicateSuggestion, FundingCall, Programme, Source, status_q

# A moderator's search looks at this many best matches; more means the words are too common.
SEARCH_LIMIT = 1000


class Moderation(models.TextChoices):
    """Where a call stands in moderation, as the listing filters it (``FundingCallQuerySet``)."""

    WAITING = "waiting", _("Waiting for a decision")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived: closed before a decision")
    ALL = "all", _("All, archived ones too")


class FundingCallFilterSet(WagtailFilterSet):
    """The listing's filters. Without a Moderation choice it leaves unpublished archived calls out:
    they are shown on demand (``Moderation.ARCHIVED``, or ``ALL``)."""

    moderation = django_filters.ChoiceFilter(
        label=_("Moderation"),
        choices=Moderation.choices,
        method="filter_moderation",
        empty_label=_("All but archived ones"),
    )
    call_status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CallStatus.choices, method="filter_call_status", empty_label=_("Any status")
    )
    source = django_filters.ModelChoiceFilter(
        label=_("Source"), queryset=Source.objects.all(), field_name="records__source", distinct=True
    )
    programme = django_filters.ModelChoiceFilter(label=_("Programme"), queryset=Programme.objects.all())
    final_deadline = django_filters.DateFromToRangeFilter(label=_("Final deadline"), widget=DateRangePickerWidget)
    is_listed = django_filters.BooleanFilter(label=_("Listed by its source"), widget=BooleanWidget)
    duplicates = django_filters.BooleanFilter(
        label=_("Has a suggested duplicate"), method="filter_duplicates", widget=BooleanWidget
    )

    class Meta:
        model = FundingCall
        fields = ["live"]

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("moderation"):
            # A published call whose crawled change was archived is still a call of the site.
            queryset = queryset.exclude(archived_at__isnull=False, live=False)
        return queryset

    def filter_moderation(self, queryset, name, value):
        if value == Moderation.WAITING:
            return queryset.waiting_for_decision()
        if value == Moderation.REJECTED:
            return queryset.rejected()
        if value == Moderation.ARCHIVED:
            return queryset.archived()
        return queryset

    def filter_call_status(self, queryset, name, value):
        return queryset.filter(status_q([value], timezone.now())) if value else queryset

    def filter_duplicates(self, queryset, name, value):
        if value is None:
            return queryset
        open_suggestions = DuplicateSuggestion.objects.filter(status=DuplicateSuggestion.Status.OPEN)
        condition = Q(pk__in=open_suggestions.values("call")) | Q(pk__in=open_suggestions.values("duplicate_of"))
        return queryset.filter(condition) if value else queryset.exclude(condition)


class CallIndexView(IndexView):
    def search_queryset(self, queryset):
        """The calls the filtered ``queryset`` holds among the search index's best matches for the
        text alone, best first unless the moderator chose an order."""
        if not self.is_searching:
            return queryset
        keys = [int(pk) for pk in keys_of(super().search_queryset(FundingCall.objects.all()), SEARCH_LIMIT)]
        queryset = queryset.filter(pk__in=keys)
        if self.is_explicitly_ordered:
            return queryset
        rank = Case(*(When(pk=pk, then=Value(place)) for place, pk in enumerate(keys)), default=Value(len(keys)))
        return queryset.order_by(rank, "pk")
