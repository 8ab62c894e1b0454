"""The radar as other pages show it: an office's finder page for a language, its next deadlines.

The radar is one: a call is moderated once. Each office's site has its own finder page (in each
language of its tree) and shows the calls for its region and the wider scopes (``OfficeSettings``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from kreativ.sites import page_for_site, region_of
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


def finder_for(site: Site | None = None, locale: Locale | None = None) -> FundingFinderPage | None:
    """The live finder page of an office's site in the reader's language (else in the site's own),
    or, when the site has none (or no site is known), any live one in that language, or any."""
    return page_for_site(FundingFinderPage.objects.live(), site, locale)


def upcoming_deadlines(
    limit: int = 5, locale: Locale | None = None, home: Page | None = None
) -> list[UpcomingDeadline]:
    """The next deadlines of published calls, soonest first, each linking to the call's page.

    Given an office's ``home``, the calls for the office's region and its wider scopes (a call for
    all of Slovenia or the EU is the Gorenjska office's too), on that office's finder.
    """
    site = home.get_site() if home is not None else None
    finder = finder_for(site, home.locale if home is not None else locale)
    if finder is None:
        return []
    deadlines = Deadline.objects.filter(at__gte=timezone.now(), call__live=True, call__merged_into__isnull=True)
    region = region_of(site)
    if region is not None:
        deadlines = deadlines.filter(call__regions__in=region.ancestors()).distinct()
    deadlines = deadlines.select_related("call").order_by("at")[:limit]
    # The finder is on the home's site: a link relative to it works on whatever address it is read.
    base = finder.relative_url(site) if site is not None else finder.url_for()
    return [
        UpcomingDeadline(d.call.title, base + finder.reverse_subpage("call", kwargs={"slug": d.call.slug}), d)
        for d in deadlines
    ]
