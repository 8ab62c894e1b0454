"""The admin's listing of profiles: where each stands in moderation (the same querysets as the
dashboard panel: ``ProfileQuerySet.waiting_for_decision``, ``unkept.to_confirm``), its kind,
whether it is live, and when it was last confirmed."""

from __future__ import annotations

import django_filters
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from catalogue.models import ActorKind, ClaimRequest, Profile
from catalogue.moderation import unkept


class Moderation(models.TextChoices):
    WAITING = "waiting", _("Waiting for a decision")
    REJECTED = "rejected", _("Rejected")
    UNCLAIMED = "unclaimed", _("Kept by nobody yet")
    TO_CONFIRM = "to_confirm", _("Kept by nobody, to confirm")


class ProfileFilterSet(WagtailFilterSet):
    moderation = django_filters.ChoiceFilter(
        label=_("Moderation"), choices=Moderation.choices, method="filter_moderation", empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ActorKind.choices)

    class Meta:
        model = Profile
        fields = ["live"]

    def filter_moderation(self, queryset, name, value):
        if value == Moderation.WAITING:
            return queryset.waiting_for_decision()
        if value == Moderation.REJECTED:
            return queryset.rejected()
        if value == Moderation.UNCLAIMED:
            return queryset.filter(members__isnull=True)
        if value == Moderation.TO_CONFIRM:
            return queryset.filter(pk__in=unkept.to_confirm())
        return queryset


class ClaimFilterSet(WagtailFilterSet):
    class Meta:
        model = ClaimRequest
        fields = ["status"]
