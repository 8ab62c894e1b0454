"""The radar as other pages show it: the finder page for a language, the next deadlines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Locale

from opportunities.models import Deadline, FundingFinderPage


@dataclass
class UpcomingDeadline:
    title: str
    url: str
    deadline: Deadline

    @property
    def at(self) -> dt.datetime:
        return self.deadline.at

    @property
    def label(self) -> str:
        return self.deadline.label


def finder_for_locale(locale: Locale | None = None) -> FundingFinderPage | None:
    """The live finder page in the reader's language, or any live one."""
    pages = FundingFinderPage.objects.live()
    locale = locale or Locale.get_active()
    return pages.filter(locale=locale).first() or pages.first()


def upcoming_deadlines(limit: int = 5, locale: Locale | None = None) -> list[UpcomingDeadline]:
    """The next deadlines of published calls, soonest first, each linking to the call's page."""
    finder = finder_for_locale(locale)
    if finder is None:
        return []
    deadlines = (
        Deadline.objects.filter(at__gte=timezone.now(), call__live=True, call__merged_into__isnull=True)
        .select_related("call")
        .order_by("at")[:limit]
    )
    return [UpcomingDeadline(d.call.title, finder.call_url(d.call), d) for d in deadlines]
