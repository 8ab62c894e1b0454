"""Columns of the radar's admin listings that Wagtail's own do not cover: the call's status computed
from its dates, its next deadline as a date, and boolean fields as Wagtail's yes/no icons.

Wagtail's ``DateColumn`` writes a moment relative to now, and says "Just now" for a moment ahead,
so every future deadline read "Just now". ``deadline_text`` is the one place that writes a
deadline for moderators, the way the public pages write it (``funding_tags.deadline_text``).
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import BooleanColumn, Column

from opportunities.models import Deadline, FundingCall
from opportunities.templatetags.funding_tags import deadline_text as shown_deadline

SORT_KEY = "deadline_shown_at"


def deadline_text(deadline: Deadline, now: dt.datetime) -> str:
    """The deadline as moderators read it: as the public reads it (a day as a date, a known time in
    the admin's zone with the zone named), and whether it passed."""
    text = shown_deadline(deadline)
    if deadline.at < now:
        return _("%(deadline)s (passed)") % {"deadline": text}
    return text


def deadline_shown(call: FundingCall, now: dt.datetime) -> Deadline | None:
    """The call's next deadline, or its last one once every deadline passed (from prefetched rows)."""
    deadlines = sorted(call.deadlines.all(), key=lambda deadline: deadline.at)
    ahead = [deadline for deadline in deadlines if deadline.at >= now]
    if ahead:
        return ahead[0]
    return deadlines[-1] if deadlines else None


def with_deadline_shown(queryset: QuerySet, now: dt.datetime | None = None) -> QuerySet:
    """Annotates the moment ``NextDeadlineColumn`` sorts by: the one ``deadline_shown`` picks."""
    ahead = Deadline.objects.filter(call=OuterRef("pk"), at__gte=now or timezone.now()).order_by("at").values("at")
    return queryset.annotate(**{SORT_KEY: Coalesce(Subquery(ahead[:1]), F("final_deadline"))})


class NextDeadlineColumn(Column):
    """The next deadline (or the last, marked as passed), sortable; needs ``with_deadline_shown``."""

    def __init__(self, **kwargs) -> None:
        super().__init__("next_deadline", label=gettext_lazy("Next deadline"), sort_key=SORT_KEY, **kwargs)

    def get_value(self, instance: FundingCall) -> str:
        now = timezone.now()
        deadline = deadline_shown(instance, now)
        return deadline_text(deadline, now) if deadline else ""


class StatusColumn(Column):
    """The call's status computed from its dates (not the source's word for it)."""

    def get_value(self, instance: FundingCall) -> str:
        return instance.get_status_display()


def boolean_column(model: type[models.Model], name: str) -> BooleanColumn:
    """A boolean field as Wagtail's tick and cross, labelled with the field's name and sortable (a
    plain column printed "True")."""
    return BooleanColumn(name, label=capfirst(model._meta.get_field(name).verbose_name), sort_key=name)
