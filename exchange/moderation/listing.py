"""The admin's listing of the exchange's listings: their kind, where each stands in moderation (the
same querysets as the dashboard panel: ``ListingQuerySet.waiting_for_decision``, ``rejected``) and
whether it has ended (``ListingQuerySet.ended``)."""

from __future__ import annotations

import django_filters
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from exchange.models import Listing, ListingKind


class Moderation(models.TextChoices):
    WAITING = "waiting", _("Waiting for a decision")
    REJECTED = "rejected", _("Rejected")


class Ended(models.TextChoices):
    RUNNING = "running", _("Running")
    ENDED = "ended", _("Ended")


class ListingFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ListingKind.choices, empty_label=_("All"))
    moderation = django_filters.ChoiceFilter(
        label=_("Moderation"), choices=Moderation.choices, method="filter_moderation", empty_label=_("All")
    )
    ended = django_filters.ChoiceFilter(
        label=_("Ended"), choices=Ended.choices, method="filter_ended", empty_label=_("All")
    )

    class Meta:
        model = Listing
        fields = ["live"]

    def filter_moderation(self, queryset, name, value):
        if value == Moderation.WAITING:
            return queryset.waiting_for_decision()
        if value == Moderation.REJECTED:
            return queryset.rejected()
        return queryset

    def filter_ended(self, queryset, name, value):
        if value == Ended.ENDED:
            return queryset.ended()
        if value == Ended.RUNNING:
            return queryset.running()
        return queryset
