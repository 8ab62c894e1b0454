"""The catalogue's open data: the published organisations (and the people who consented to it) as CSV
and JSON under CC BY 4.0, so that the region and the national platform can reuse the mapping.

Two stable addresses without a language, ``/catalogue/open-data/profiles.csv`` and ``….json``
(``catalogue/urls.py``); each catalogue page describes them and their fields at ``…/open-data/``.
The licence is stated in the JSON itself and in every answer's ``Link: <…>; rel="license"`` header.
A person's profile is in the data only with their consent to publication and to open data
(``open_data_consent``), and without their registry number; no e-mail address is ever in it, not
even one written into a description (``addresses``). Each profile's address is its page under the
catalogue page of the office's site the data were asked from.

The files are built once per version of the catalogue's index (a published or withdrawn profile
makes a new one) and kept in the cache meanwhile.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from catalogue.models import ActorKind, CatalogueIndexPage, Profile
from catalogue.public import facet_index
from catalogue.public.addresses import without_addresses
from kreativ.sites import absolute, section_of, site_for

LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
CACHE_SECONDS = 3600
# Each field of a record, as the files name it, and what it holds (the open data page lists them).
FIELDS = [
    ("id", _("A profile's number, stable for as long as the profile exists.")),
    ("name", _("The name of the organisation or person.")),
    ("kind", _("freelancer, studio, sme, ngo, public, school or hub_operator.")),
    ("country", _("CZ or SI.")),
    ("registry_number", _("The Czech IČO or the Slovenian matična številka (organisations only).")),
    ("municipality", _("The town or village (never a street address).")),
    ("latitude", _("The municipality's latitude (WGS 84).")),
    ("longitude", _("The municipality's longitude (WGS 84).")),
    ("regions", _("The regions the actor works in, as NUTS or ISO codes (CZ071, SI042).")),
    ("sectors", _("The CCI sectors, as the portal's sector identifiers (design, music).")),
    ("services", _("The services offered, as the catalogue's service identifiers.")),
    ("languages", _("The working languages (ISO 639-1 codes).")),
    ("short_cs", _("The short description in Czech.")),
    ("short_sl", _("The short description in Slovenian.")),
    ("short_en", _("The short description in English.")),
    ("description_cs", _("The description in Czech, as plain text.")),
    ("description_sl", _("The description in Slovenian, as plain text.")),
    ("description_en", _("The description in English, as plain text.")),
    ("website", _("The website.")),
    ("social", _("Links to social networks.")),
    ("open_to_commissions", _("Open to commissions (true or false).")),
    ("seeks_partners", _("Looking for partners for funding calls (true or false).")),
    ("voucher_provider", _("Provides services paid from creative vouchers (true or false).")),
    ("forum_member", _("Member of the regional creative forum (true or false).")),
    ("url", _("The profile's page in the catalogue.")),
    ("published", _("When the profile was first published (ISO 8601).")),
    ("updated", _("When its published version last changed (ISO 8601).")),
]
MULTIPLE = {"regions", "sectors", "services", "languages", "social"}


def published_profiles():
    """What the open data hold: the public organisations, and the people who consented to open data."""
    public = Profile.objects.public().exclude(kind=ActorKind.FREELANCER, open_data_consent=False)
    return public.order_by("pk").prefetch_related("regions", "sectors", "services")


def records(request: HttpRequest | None = None) -> list[dict[str, Any]]:
    """Each profile of the open data as a record of ``FIELDS``."""
    site = site_for(request)
    catalogue = section_of(CatalogueIndexPage, site, site.root_page.locale if site is not None else None)
    found = []
    for profile in published_profiles():
        person = profile.is_person
        record: dict[str, Any] = {
            "id": profile.pk,
            "name": profile.name,
            "kind": profile.kind,
            "country": profile.country,
            "registry_number": "" if person else profile.registry_number,
            "municipality": profile.municipality,
            "latitude": float(profile.latitude) if profile.latitude is not None else None,
            "longitude": float(profile.longitude) if profile.longitude is not None else None,
            "regions": [region.code or region.slug for region in profile.regions.all()],
            "sectors": [sector.slug for sector in profile.sectors.all()],
            "services": [service.slug for service in profile.services.all()],
            "languages": list(profile.languages or []),
            "website": profile.website,
            "social": [url for url in (profile.facebook_url, profile.instagram_url, profile.linkedin_url) if url],
            "open_to_commissions": profile.open_to_commissions,
            "seeks_partners": profile.seeks_partners,
            "voucher_provider": profile.voucher_provider,
            "forum_member": profile.forum_member,
            "url": absolute(catalogue.profile_url(profile, request), site, request) if catalogue else "",
            "published": profile.first_published_at.isoformat() if profile.first_published_at else None,
            "updated": profile.last_published_at.isoformat() if profile.last_published_at else None,
        }
        for code in ("cs", "sl", "en"):
            record[f"short_{code}"] = without_addresses(getattr(profile, f"short_{code}"))
            record[f"description_{code}"] = without_addresses(_plain(getattr(profile, f"description_{code}")))
        found.append({name: record[name] for name, _label in FIELDS})
    return found


def _plain(html: str) -> str:
    return " ".join(strip_tags(html.replace("</p>", "</p>\n")).split()) if html else ""


def as_csv(rows: list[dict[str, Any]]) -> str:
    """The records as CSV (UTF-8, a header row, several values in one cell separated by ``;``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _label in FIELDS])
    for row in rows:
        writer.writerow([_cell(name, row[name]) for name, _label in FIELDS])
    return out.getvalue()


def _cell(name: str, value: Any) -> str:
    if name in MULTIPLE:
        return ";".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def as_json(rows: list[dict[str, Any]]) -> str:
    """The records as JSON, with the licence and what each field holds."""
    with translation.override("en"):
        fields = {name: str(label) for name, label in FIELDS}
    data = {
        "title": "Kreativ: catalogue of creatives (open data)",
        "license": LICENCE,
        "attribution": "Kreativ, the regional offices for the cultural and creative industries",
        "generated": timezone.now().isoformat(),
        "fields": fields,
        "profiles": rows,
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def _answer(request: HttpRequest, kind: str) -> HttpResponse:
    key = f"catalogue:open-data:{kind}:{facet_index.version()}:{request.get_host()}"
    body = cache.get(key)
    if body is None:
        rows = records(request)
        body = as_csv(rows) if kind == "csv" else as_json(rows)
        cache.set(key, body, CACHE_SECONDS)
    content_type = "text/csv; charset=utf-8" if kind == "csv" else "application/json; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    response["Content-Disposition"] = f'inline; filename="kreativ-catalogue.{kind}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def csv_view(request: HttpRequest) -> HttpResponse:
    return _answer(request, "csv")


def json_view(request: HttpRequest) -> HttpResponse:
    return _answer(request, "json")
