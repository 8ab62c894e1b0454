"""The fixed vocabularies a call item may use, and the source words that map onto them.

Items carry slugs, never a source's own words, so that the finder's facets and the alerts can filter
calls from every source alike. The sector and region slugs are the project's taxonomies (created by
``kreativ/migrations/0002_taxonomies.py``); support kinds and applicant types are defined here and
are the list the ``opportunities`` models should offer.

Keyword lists are matched against accent-folded, lower-cased text (see ``normalise.fold``), so they
are written without diacritics. A keyword is a regular expression fragment matched at a word start.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

DATA = Path(__file__).with_name("data")


def _read_programmes() -> dict[str, str]:
    with open(DATA / "eu_programmes.toml", "rb") as handle:
        return {str(code): name for code, name in tomllib.load(handle)["programmes"].items()}


def eu_programme_name(code: str | None, identifier: str | None = None) -> str | None:
    """The name of an EU programme code; for a code not in the file, the acronym that starts the
    call's identifier ("JTM-2026-PSLF-…" → "JTM") rather than the number, which means nothing to readers."""
    if not code:
        return None
    if code in EU_PROGRAMMES:
        return EU_PROGRAMMES[code]
    acronym = re.match(r"[A-Za-z][A-Za-z0-9+]{1,15}(?=[-_/])", identifier or "")
    return acronym.group(0).upper() if acronym else code


SUPPORT_KINDS = ("grant", "loan", "voucher", "prize", "residency", "mobility", "procurement", "other")

APPLICANT_TYPES = (
    "sme",
    "micro-enterprise",
    "large-enterprise",
    "freelancer",
    "ngo",
    "public-body",
    "municipality",
    "school-university",
    "research-organisation",
    "individual",
    "other",
)

SECTORS = (
    "architecture",
    "advertising",
    "design",
    "visual-arts",
    "cultural-heritage",
    "archives-libraries",
    "books-press",
    "arts-education",
    "music",
    "performing-arts",
    "intermedia",
    "media",
    "software-games",
    "film-audiovisual",
    "cultural-tourism",
    "crafts",
)

REGIONS = (
    "EU",
    "CZ",
    "SI",
    "CZ010",
    "CZ020",
    "CZ031",
    "CZ032",
    "CZ041",
    "CZ042",
    "CZ051",
    "CZ052",
    "CZ053",
    "CZ063",
    "CZ064",
    "CZ071",
    "CZ072",
    "CZ080",
    "SI031",
    "SI032",
    "SI033",
    "SI034",
    "SI035",
    "SI036",
    "SI037",
    "SI038",
    "SI041",
    "SI042",
    "SI043",
    "SI044",
)

# Applicant types, in Czech, Slovenian and English. Order matters only in that a phrase consumed by
# one type is removed before the next is tried: "fyzicke osoby s zivnostenskym opravnenim" is a
# freelancer, not an individual.
APPLICANT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "freelancer": (
        r"osvc",
        r"osob\w* samostatne vydelecne cinn\w*",
        r"fyzick\w* osob\w* s zivnostensk\w* opravneni\w*",
        r"podnikajic\w* fyzick\w* osob\w*",
        r"samostojn\w* podjetnik\w*",
        r"samozaposlen\w*",
        r"self-employed",
        r"freelanc\w*",
        r"sole trader\w*",
    ),
    "micro-enterprise": (r"mikro\s*podnik\w*", r"mikropodjet\w*", r"mikro\b", r"micro[- ]?enterprise\w*"),
    "sme": (
        r"mal\w* a stredn\w* podnik\w*",
        r"msp\b",
        r"sme\b",
        r"smes\b",
        r"small and medium",
        r"mal\w* in srednj\w* podjet\w*",
        r"mal\w* gospodarsk\w* druzb\w*",
        r"malemu gospodarstvu",
        r"mal\w* podjet\w*",
    ),
    "large-enterprise": (r"velk\w* podnik\w*", r"velik\w* podjet\w*", r"large (?:enterprise|compan)\w*"),
    "ngo": (
        r"nestatn\w* neziskov\w*",
        r"neziskov\w* organizac\w*",
        r"spolk\w*",
        r"spolek",
        r"obecne prospesn\w*",
        r"nevladn\w*",
        r"drustv\w*",
        r"non-?profit\w*",
        r"non-governmental",
        r"ngos?\b",
        r"civil society organi[sz]ation\w*",
    ),
    "public-body": (
        r"organizacn\w* slozk\w* stat\w*",
        r"statn\w* prispevkov\w* organizac\w*",
        r"verejn\w* instituc\w*",
        r"javn\w* zavod\w*",
        r"public bod(?:y|ies)",
        r"public authorit\w*",
    ),
    "municipality": (
        r"uzemn\w* samospravn\w*",
        r"uzemne samospravn\w*",
        r"svazk\w* obci",
        r"obce a kraje",
        r"samoupravn\w* lokaln\w* skupnost\w*",
        r"municipalit\w*",
        r"local authorit\w*",
    ),
    "school-university": (
        r"vysok\w* skol\w*",
        r"univerzit\w*",
        r"fakult\w*",
        r"(?:zakladn|stredn)\w* skol\w*",
        r"sol(?:e|a)\b",
        r"universit\w*",
        r"school\w*",
    ),
    "research-organisation": (
        r"vyzkumn\w* organizac\w*",
        r"vyzkumn\w* instituc\w*",
        r"raziskovaln\w* organizacij\w*",
        r"raziskovaln\w* zavod\w*",
        r"research organi[sz]ation\w*",
        r"research institut\w*",
    ),
    "individual": (
        r"fyzick\w* osob\w*",
        r"fizicn\w* oseb\w*",
        r"natural person\w*",
        r"individuals?\b",
    ),
    # "právnické a fyzické osoby": the natural persons are taken first, "právnické a" is left
    "other": (r"pravnick\w* osob\w*", r"pravnick\w* a\b", r"pravn\w* oseb\w*", r"legal entit\w*", r"zadrug\w*"),
}

# CCI sectors. Matched on titles, call titles and keywords (not on long descriptions, where words
# like "design" or "media" are mostly used in their everyday sense).
SECTOR_KEYWORDS: dict[str, tuple[str, ...]] = {
    "architecture": (r"architektur\w*", r"arhitektur\w*", r"architect\w*", r"bauhaus"),
    "advertising": (r"reklam\w*", r"oglasevan\w*", r"advertis\w*"),
    "design": (
        r"(?:graphic|product|industrial|fashion|interior) design\w*",
        r"designer\w*",
        r"design (?:sector|industr)\w*",
        r"prumyslov\w* design\w*",
        r"graficn\w* oblikovanj\w*",
        r"fashion",
        r"mod(?:a|e|ni)\b",
    ),
    "visual-arts": (r"vytvarn\w*", r"vizualn\w* umetnost\w*", r"visual arts?", r"fine arts?", r"galeri\w*"),
    "cultural-heritage": (
        r"kulturn\w* dedictv\w*",
        r"pamat\w*",
        r"kulturn\w* dediscin\w*",
        r"cultural heritage",
        r"heritage",
        r"museum\w*",
        r"muze\w*",
    ),
    "archives-libraries": (r"archiv\w*", r"knihovn\w*", r"knjiznic\w*", r"librar(?:y|ies)", r"arhiv\w*"),
    "books-press": (
        r"literatur\w*",
        r"literar\w*",
        r"knih\w*",
        r"knjig\w*",
        r"book\w*",
        r"publishing",
        r"literary translation\w*",
        r"periodik\w*",
    ),
    "arts-education": (r"umelecke vzdelavan\w*", r"umetnostn\w* izobrazevan\w*", r"arts education"),
    "music": (r"hudb\w*", r"hudeb\w*", r"glasb\w*", r"music\w*"),
    "performing-arts": (
        r"divadl\w*",
        r"divadel\w*",
        r"tanec\b",
        r"tanecn\w*",
        r"gledalisc\w*",
        r"ples\b",
        r"performing arts?",
        r"perform europe",
        r"theatre\w*",
        r"dance\b",
        r"circus",
        r"scenick\w*",
        r"uprizoritven\w*",
    ),
    "intermedia": (r"intermedi\w*", r"new media art", r"media art\w*"),
    "media": (r"medi[aiu]\b", r"journalis\w*", r"novinar\w*", r"news media", r"press freedom"),
    "software-games": (r"video ?games?", r"videoher\w*", r"videoigr\w*", r"game development", r"gaming"),
    "film-audiovisual": (
        r"film\w*",
        r"audiovi\w*",
        r"cinema\w*",
        r"kinematograf\w*",
        r"avdiovizual\w*",
    ),
    "cultural-tourism": (r"kulturn\w* turism\w*", r"kulturn\w* turizem", r"cultural tourism", r"cultural route\w*"),
    "crafts": (r"umeleck\w* remesl\w*", r"remesl\w*", r"rokodel\w*", r"craft\w*"),
}

# EU Funding & Tenders: frameworkProgramme codes seen in the API's answers, with the programme name
# (data, in crawler/data/eu_programmes.toml). Only Creative Europe is a CCI programme as a whole;
# for the others the sectors come from keywords.
EU_PROGRAMMES: dict[str, str] = _read_programmes()

# Sectors given to every call of a CCI programme, by the start of its identifier. Creative Europe's
# Culture strand covers the arts and heritage, and names architecture and "design and fashion" among
# its sectors; MEDIA the audiovisual industry and games, Cross-sectoral (CROSS) the news media and
# creative innovation. Keywords add more.
EU_IDENTIFIER_SECTORS: dict[str, tuple[str, ...]] = {
    "CREA-CULT": (
        "performing-arts",
        "visual-arts",
        "music",
        "books-press",
        "cultural-heritage",
        "architecture",
        "design",
    ),
    "CREA-MEDIA": ("film-audiovisual", "software-games"),
    "CREA-CROSS": ("media", "intermedia"),
    "CREA-INNOVLAB": ("intermedia", "software-games", "film-audiovisual"),
    "CREA-JOURN": ("media",),
}
EU_CCI_PROGRAMMES = frozenset({"43251814"})
