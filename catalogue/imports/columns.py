"""The columns of a mapping study's spreadsheet: each field of a profile and the headings that name it.

Headings are compared folded (no case, accents, spaces or punctuation), so "IČO", "ico" and
"I.Č.O." are one. A study written in Czech, Slovenian or English is read as it is; a column
whose heading is none of these is reported and left out.
"""

from __future__ import annotations

import re

from kreativ.similarity import fold

# field: the headings it is known by (English first: the documented name).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "název", "jméno", "naziv", "ime"),
    "kind": ("kind", "typ", "druh", "vrsta", "tip"),
    "country": ("country", "země", "stát", "država"),
    "registry_number": ("registry number", "IČO", "IČ", "matična številka", "matična", "company number"),
    "sectors": ("sectors", "obory", "obor", "sektor", "sektorji", "področja"),
    "regions": ("regions", "region", "kraj", "kraje", "regija"),
    "municipality": ("municipality", "obec", "město", "občina", "kraj bivanja", "town"),
    "latitude": ("latitude", "zeměpisná šířka", "šířka", "zemljepisna širina", "lat"),
    "longitude": ("longitude", "zeměpisná délka", "délka", "zemljepisna dolžina", "lon", "lng"),
    "services": ("services", "služby", "storitve"),
    "languages": ("languages", "jazyky", "jeziki"),
    "short_cs": ("short description cs", "krátký popis cs", "krátký popis", "kratek opis cs"),
    "short_sl": ("short description sl", "krátký popis sl", "kratek opis sl", "kratek opis"),
    "short_en": ("short description en", "krátký popis en", "kratek opis en"),
    "description_cs": ("description cs", "popis cs", "popis", "opis cs"),
    "description_sl": ("description sl", "popis sl", "opis sl", "opis"),
    "description_en": ("description en", "popis en", "opis en"),
    "website": ("website", "web", "webové stránky", "www", "spletna stran"),
    "facebook_url": ("facebook",),
    "instagram_url": ("instagram",),
    "linkedin_url": ("linkedin",),
    "open_to_commissions": ("open to commissions", "přijímá zakázky", "zakázky", "sprejema naročila"),
    "seeks_partners": ("seeks partners", "hledá partnery", "partneři", "išče partnerje"),
    "voucher_provider": ("voucher provider", "poskytovatel voucherů", "kreativní vouchery", "ponudnik vavčerjev"),
    "forum_member": ("forum member", "člen fóra", "fórum", "član foruma"),
    "email": ("e-mail", "email", "kontaktní e-mail", "elektronska pošta"),
}


def heading_key(heading: str) -> str:
    return re.sub(r"[\W_]+", "", fold(str(heading or "")))


_BY_HEADING = {heading_key(heading): field for field, headings in COLUMNS.items() for heading in headings}


def field_for(heading: str) -> str | None:
    """The profile field a column's heading names, or None for a column this import does not know."""
    return _BY_HEADING.get(heading_key(heading))
