"""A spreadsheet row as a profile's values, in one canonical form, or the reason it is refused.

The importer compares three versions of each field, as the radar's ingest does
(``kreativ.source_changes``): what the study said last time (``Profile.imported_values``), what it
says now, and what the profile holds now. So both a row and a profile are written here the same
way: texts stripped, sets as sorted lists of slugs, coordinates as decimal strings, flags as
booleans, descriptions as sanitised HTML.

A row is refused, with the reason in the reader's language, for what would make a wrong profile:
no name, an unknown kind, country, sector, region, service or language, a registry number whose
check digit does not match (``Profile``'s own validation), a coordinate out of range, a flag that is
neither yes nor no, an address that is not a website. Values are matched as people write them:
names of sectors, regions and services in any of the three languages or their slugs, without case
or accents; lists separated by commas or semicolons; yes/no as "ano", "ne", "da", "x", "1"...
"""

from __future__ import annotations

import html
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import translation
from django.utils.translation import gettext as _

from catalogue.models import ActorKind, Country, Profile, Service
from catalogue.models.profiles import SPOKEN_LANGUAGES, normalise_registry_number
from kreativ.models import Region, Sector
from kreativ.sanitise import sanitise_html
from kreativ.similarity import fold

TEXT_FIELDS = [
    "name",
    "municipality",
    "short_cs",
    "short_sl",
    "short_en",
    "website",
    "facebook_url",
    "instagram_url",
    "linkedin_url",
]
HTML_FIELDS = ["description_cs", "description_sl", "description_en"]
SET_FIELDS = ["sectors", "regions", "services"]
FLAG_FIELDS = ["open_to_commissions", "seeks_partners", "voucher_provider", "forum_member"]
URL_FIELDS = ["website", "facebook_url", "instagram_url", "linkedin_url"]
IMPORTED_FIELDS = [
    *TEXT_FIELDS,
    "kind",
    "country",
    "registry_number",
    "latitude",
    "longitude",
    *SET_FIELDS,
    "languages",
    *HTML_FIELDS,
    *FLAG_FIELDS,
]
LIMITS = {"name": 200, "municipality": 120, "short_cs": 300, "short_sl": 300, "short_en": 300}
YES = {"yes", "y", "ano", "a", "da", "true", "1", "x", "✓"}
NO = {"no", "n", "ne", "false", "0", ""}
_LIST_SEPARATOR = re.compile(r"[;,\n]")
# How studies write the kinds besides their labels (folded): the short names people use.
KIND_WORDS = {
    "osvc": ActorKind.FREELANCER,
    "na volne noze": ActorKind.FREELANCER,
    "samozaposleni": ActorKind.FREELANCER,
    "samostojni ustvarjalec": ActorKind.FREELANCER,
    "studio": ActorKind.STUDIO,
    "mikrofirma": ActorKind.STUDIO,
    "msp": ActorKind.SME,
    "sme": ActorKind.SME,
    "ngo": ActorKind.NGO,
    "nno": ActorKind.NGO,
    "nevladni organizace": ActorKind.NGO,
    "spolek": ActorKind.NGO,
    "zavod": ActorKind.NGO,
    "drustvo": ActorKind.NGO,
    "nvo": ActorKind.NGO,
    "skola": ActorKind.SCHOOL,
    "sola": ActorKind.SCHOOL,
    "univerzita": ActorKind.SCHOOL,
}


class RowRefused(ValueError):
    """A row that cannot become a profile; the message says why, in the reader's language."""


class Vocabulary:
    """Every way a value can be written (slug, code, name in any language, folded) → its slug; read once."""

    def __init__(self) -> None:
        self.sectors = self._names(Sector.objects.all())
        self.services = self._names(Service.objects.all())
        self.regions = self._names(Region.objects.all())
        for slug, code in Region.objects.exclude(code="").values_list("slug", "code"):
            self.regions[fold(code)] = slug
        self.kinds = {**self._choices(ActorKind), **KIND_WORDS}
        self.countries = self._choices(Country)
        self.languages = {}
        for code, label in SPOKEN_LANGUAGES:
            self.languages[fold(code)] = code
            for language in ("cs", "sl", "en"):
                with translation.override(language):
                    self.languages[fold(str(label))] = code

    @staticmethod
    def _names(terms) -> dict[str, str]:
        found = {}
        for term in terms:
            for written in (term.slug, term.name_cs, term.name_sl, term.name_en):
                if written:
                    found[fold(written)] = term.slug
        return found

    @staticmethod
    def _choices(choices) -> dict[str, str]:
        found = {}
        for value, label in choices.choices:
            found[fold(value)] = value
            for language in ("cs", "sl", "en"):
                with translation.override(language):
                    found[fold(str(label))] = value
        return found


def row_values(row: dict[str, str], vocabulary: Vocabulary) -> dict[str, Any]:
    """The profile's values a row gives, canonical; ``RowRefused`` with the reason otherwise."""
    values: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        values[name] = " ".join((row.get(name) or "").split())
        limit = LIMITS.get(name)
        if limit and len(values[name]) > limit:
            raise RowRefused(_("“%(field)s” is longer than %(limit)s characters.") % {"field": name, "limit": limit})
    if not values["name"]:
        raise RowRefused(_("The row has no name."))
    for name in URL_FIELDS:
        if values[name]:
            if not re.match(r"^https?://", values[name], re.IGNORECASE):
                values[name] = f"https://{values[name]}"
            try:
                URLValidator(schemes=["http", "https"])(values[name])
            except ValidationError as error:
                raise RowRefused(_("“%(value)s” is not a web address.") % {"value": row.get(name)}) from error
    values["kind"] = _one(row.get("kind"), vocabulary.kinds, _("Unknown kind of actor: %(value)s"))
    if not values["kind"]:
        raise RowRefused(_("The row does not say the kind of actor (freelancer, studio, NGO…)."))
    values["country"] = _one(row.get("country"), vocabulary.countries, _("Unknown country: %(value)s")) or Country.CZ
    values["registry_number"] = _registry_number(values["country"], row.get("registry_number") or "")
    values["latitude"], values["longitude"] = _coordinates(row.get("latitude"), row.get("longitude"))
    values["sectors"] = _many(row.get("sectors"), vocabulary.sectors, _("Unknown sector: %(value)s"))
    values["regions"] = _many(row.get("regions"), vocabulary.regions, _("Unknown region: %(value)s"))
    values["services"] = _many(row.get("services"), vocabulary.services, _("Unknown service: %(value)s"))
    values["languages"] = _many(row.get("languages"), vocabulary.languages, _("Unknown language: %(value)s"))
    for name in HTML_FIELDS:
        values[name] = _html(row.get(name) or "")
    for name in FLAG_FIELDS:
        values[name] = _flag(row.get(name))
    return values


def profile_values(profile: Profile) -> dict[str, Any]:
    """A profile's current values (a revision's too: its relations are read in memory) in the same form."""
    values: dict[str, Any] = {name: getattr(profile, name) or "" for name in TEXT_FIELDS + HTML_FIELDS}
    values["kind"] = profile.kind
    values["country"] = profile.country
    values["registry_number"] = profile.registry_number or ""
    values["latitude"] = _decimal_text(profile.latitude)
    values["longitude"] = _decimal_text(profile.longitude)
    for name in SET_FIELDS:
        values[name] = sorted(term.slug for term in getattr(profile, name).all())
    values["languages"] = sorted(profile.languages or [])
    for name in FLAG_FIELDS:
        values[name] = bool(getattr(profile, name))
    return values


def apply_values(profile: Profile, values: dict[str, Any]) -> None:
    """Sets canonical values on a profile in memory (the caller saves it or a revision of it)."""
    models = {"sectors": Sector, "regions": Region, "services": Service}
    for name, value in values.items():
        if name in models:
            getattr(profile, name).set(list(models[name].objects.filter(slug__in=value)))
        elif name in ("latitude", "longitude"):
            setattr(profile, name, Decimal(value) if value is not None else None)
        else:
            setattr(profile, name, value)


# --- one value ---------------------------------------------------------------------------------


def _items(text: str | None) -> list[str]:
    return [item.strip() for item in _LIST_SEPARATOR.split(text or "") if item.strip()]


def _one(text: str | None, known: dict[str, str], unknown: str) -> str:
    text = (text or "").strip()
    if not text:
        return ""
    value = known.get(fold(text))
    if value is None:
        raise RowRefused(unknown % {"value": text})
    return value


def _many(text: str | None, known: dict[str, str], unknown: str) -> list[str]:
    return sorted({_one(item, known, unknown) for item in _items(text)})


def _registry_number(country: str, number: str) -> str:
    number = number.strip()
    if country == Country.CZ and number.isdigit() and len(number) < 8:
        number = number.zfill(8)  # a spreadsheet shows an IČO as a number and drops its leading zeros
    try:
        return normalise_registry_number(country, number)
    except ValidationError as error:
        raise RowRefused(" ".join(error.messages)) from error


def _decimal_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return format(Decimal(str(value)).quantize(Decimal("0.000001")).normalize(), "f")


def _coordinates(latitude: str | None, longitude: str | None) -> tuple[str | None, str | None]:
    try:
        lat = _decimal_text((latitude or "").replace(",", ".").strip() or None)
        lon = _decimal_text((longitude or "").replace(",", ".").strip() or None)
    except InvalidOperation as error:
        raise RowRefused(_("The coordinates are not numbers.")) from error
    if (lat is None) != (lon is None):
        raise RowRefused(_("Enter both latitude and longitude, or neither."))
    if lat is not None and not (-90 <= Decimal(lat) <= 90 and -180 <= Decimal(lon) <= 180):
        raise RowRefused(_("The coordinates are outside the map."))
    return lat, lon


def _flag(text: str | None) -> bool:
    word = fold(text or "").strip(" .")
    if word in YES:
        return True
    if word in NO:
        return False
    raise RowRefused(_("“%(value)s” is neither yes nor no.") % {"value": text})


def _html(text: str) -> str:
    """A description as the rich text field holds it: HTML written by others sanitised, plain text
    escaped and cut into paragraphs at blank lines."""
    text = text.strip()
    if not text:
        return ""
    if re.search(r"<[a-zA-Z/!]", text):
        return sanitise_html(text)
    return paragraphs(text)


def paragraphs(text: str) -> str:
    """Plain text as a rich text field holds it: escaped, a paragraph per block of lines."""
    parts = [" ".join(part.split()) for part in re.split(r"\n\s*\n", str(text).strip()) if part.strip()]
    return "".join(f"<p>{html.escape(part, quote=False)}</p>" for part in parts)
