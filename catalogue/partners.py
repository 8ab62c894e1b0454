"""Partners on a call's page: the catalogue's actors looking for partners, on a call that needs a consortium.

On the public page of a funding call that is answered by a consortium (EU cooperation projects,
research actions, Interreg: ``opportunities.finder.consortia``) and still open, the actors of the
catalogue who say they look for partners for funding calls (``seeks_partners``) and work in one of
the call's sectors are listed, each linking to their profile on the office's catalogue page. The
call's scope narrows them as the alerts' matching does: the call's regions must contain the
actor's (a call for the EU reaches an actor in Olomoucký kraj; a cross-border Interreg call for
two regions only the actors there); an actor who names no region is not narrowed out. Actors of
the office's own region come first, then the others by name, at most ``LIMIT``.

The funding radar asks through its ``call_page_sections`` hook (registered in ``wagtail_hooks``);
a call's page is computed for each request, so a profile published or withdrawn shows at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest
from django.template.loader import render_to_string

from catalogue.models import Profile
from catalogue.urls_for import catalogue_page, profile_url
from kreativ.models.taxonomy import region_children, regions_inside
from kreativ.sites import region_of, site_for

LIMIT = 20


@dataclass
class Partner:
    profile: Profile
    url: str | None
    shared_sectors: list[str]


@dataclass
class Partners:
    partners: list[Partner]
    total: int


def partners_for(call, request: HttpRequest | None = None) -> Partners | None:
    """The actors open to partnering on this call, or None when the call needs no consortium (or is closed)."""
    from opportunities.finder.consortia import needs_consortium
    from opportunities.models import CallStatus

    sectors = list(call.sectors.all())
    if not sectors or call.status() == CallStatus.CLOSED or not needs_consortium(call):
        return None
    found = Profile.objects.public().filter(seeks_partners=True, sectors__in=sectors)
    children = region_children()
    scope = [region.slug for region in call.regions.all()]
    if scope:
        found = found.filter(Q(regions__slug__in=regions_inside(scope, children)) | Q(regions__isnull=True))
    found = Profile.objects.filter(pk__in=found.values("pk"))
    office = region_of(site_for(request))
    if office is not None:
        local = Profile.regions.through.objects.filter(
            profile_id=OuterRef("pk"), region__slug__in=regions_inside([office.slug], children)
        )
        found = found.annotate(local=Exists(local)).order_by("-local", "name")
    else:
        found = found.order_by("name")
    total = found.count()
    if not total:
        return Partners([], 0)
    wanted = {sector.pk for sector in sectors}
    page = catalogue_page(site_for(request))
    partners = [
        Partner(
            profile=profile,
            url=profile_url(profile, request, page=page),
            shared_sectors=[sector.name for sector in profile.sectors.all() if sector.pk in wanted],
        )
        for profile in found.prefetch_related("sectors")[:LIMIT]
    ]
    return Partners(partners, total)


def call_partners_section(request: HttpRequest, call) -> str | None:
    """The call page's section of partners (the ``call_page_sections`` hook), or None."""
    partners = partners_for(call, request)
    if partners is None:
        return None
    return render_to_string(
        "catalogue/includes/call_partners.html",
        {"partners": partners.partners, "total": partners.total, "more": partners.total - len(partners.partners)},
        request=request,
    )
