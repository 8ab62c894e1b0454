"""Invented profiles of CCI actors for the catalogue's benchmark: names, texts in three languages,
places with their coordinates, sectors, regions, services, languages and flags.

Written with bulk inserts as published rows (the benchmark measures reading, not moderation). No
real person's or organisation's data: names are made of word lists, texts of phrases.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

# Municipality, country, region slug, latitude, longitude.
PLACES = [
    ("Olomouc", "CZ", "olomoucky-kraj", "49.593778", "17.250879"),
    ("Přerov", "CZ", "olomoucky-kraj", "49.455110", "17.450920"),
    ("Prostějov", "CZ", "olomoucky-kraj", "49.471870", "17.111790"),
    ("Šumperk", "CZ", "olomoucky-kraj", "49.965300", "16.970600"),
    ("Jeseník", "CZ", "olomoucky-kraj", "50.229440", "17.204720"),
    ("Ústí nad Labem", "CZ", "ustecky-kraj", "50.661160", "14.053140"),
    ("Praha", "CZ", "praha", "50.087465", "14.421254"),
    ("Brno", "CZ", "jihomoravsky-kraj", "49.195060", "16.606837"),
    ("Kranj", "SI", "gorenjska", "46.239180", "14.355540"),
    ("Jesenice", "SI", "gorenjska", "46.436530", "14.052790"),
    ("Škofja Loka", "SI", "gorenjska", "46.165830", "14.306390"),
    ("Radovljica", "SI", "gorenjska", "46.344440", "14.174440"),
    ("Tržič", "SI", "gorenjska", "46.363610", "14.309440"),
    ("Ljubljana", "SI", "osrednjeslovenska", "46.056946", "14.505751"),
]
FIRST = ["Ateliér", "Studio", "Dílna", "Spolek", "Kolektiv", "Laboratoř", "Zavod", "Delavnica", "Hiša", "Tovarna"]
SECOND = ["Čtverec", "Hlína", "Zvuk", "Pixel", "Papír", "Světlo", "Oblak", "Les", "Kamen", "Reka", "Most", "Kruh"]
PEOPLE = ["Jana", "Petr", "Eva", "Tomáš", "Lucie", "Marek", "Ana", "Luka", "Nina", "Jure", "Maja", "Tine"]
SURNAMES = ["Nováková", "Dvořák", "Krejčí", "Horák", "Novak", "Kovač", "Zupan", "Horvat", "Kos", "Vidmar"]
TEXTS = {
    "cs": [
        "grafický design a vizuální identita",
        "hudební produkce a nahrávací studio",
        "keramická dílna a kurzy",
        "vývoj her pro mobily",
        "fotografie a video pro firmy",
        "kulturní festival a koncerty",
        "ilustrace dětských knih",
        "architektura a interiéry",
        "3D tisk a laserové řezání",
        "překlady a texty",
    ],
    "sl": [
        "grafično oblikovanje in vizualna identiteta",
        "glasbena produkcija in snemalni studio",
        "keramična delavnica in tečaji",
        "razvoj iger za mobilne naprave",
        "fotografija in video za podjetja",
        "kulturni festival in koncerti",
        "ilustracija otroških knjig",
        "arhitektura in notranje oblikovanje",
        "3D tisk in lasersko rezanje",
        "prevajanje in besedila",
    ],
    "en": [
        "graphic design and visual identity",
        "music production and recording studio",
        "ceramics workshop and courses",
        "game development for mobile",
        "photography and video for companies",
        "cultural festival and concerts",
        "illustration of children's books",
        "architecture and interiors",
        "3D printing and laser cutting",
        "translation and copywriting",
    ],
}
KINDS = ["freelancer"] * 4 + ["studio"] * 3 + ["sme", "ngo", "ngo", "public", "school", "hub_operator"]
LANGUAGES = ["cs", "sl", "en", "de", "sk", "pl", "hr", "it"]


@transaction.atomic
def create_profiles(count: int, seed: int = 2026) -> int:
    """Inserts ``count`` public profiles (people with their consent) with their relations."""
    from catalogue.models import Profile, Service
    from kreativ.models import Region, Sector

    rng = random.Random(seed)
    sectors = list(Sector.objects.values_list("pk", flat=True))
    regions = dict(Region.objects.values_list("slug", "pk"))
    services = list(Service.objects.values_list("pk", flat=True))
    now = timezone.now()
    start = Profile.objects.count()
    batch = 2000
    for offset in range(0, count, batch):
        profiles = []
        for number in range(offset, min(offset + batch, count)):
            kind = rng.choice(KINDS)
            place, country, region, latitude, longitude = rng.choice(PLACES)
            person = kind == "freelancer"
            name = (
                f"{rng.choice(PEOPLE)} {rng.choice(SURNAMES)}"
                if person
                else f"{rng.choice(FIRST)} {rng.choice(SECOND)}"
            )
            topic = rng.randrange(len(TEXTS["cs"]))
            published = now - dt.timedelta(days=rng.randint(0, 900), minutes=number)
            profile = Profile(
                name=f"{name} {number}",
                slug=f"{slugify(name)}-bench-{start + number}",
                kind=kind,
                country=country,
                municipality=place,
                latitude=Decimal(latitude),
                longitude=Decimal(longitude),
                languages=sorted({"cs" if country == "CZ" else "sl", *rng.sample(LANGUAGES, rng.choice([0, 1, 2]))}),
                short_cs=TEXTS["cs"][topic] if country == "CZ" or rng.random() < 0.3 else "",
                short_sl=TEXTS["sl"][topic] if country == "SI" or rng.random() < 0.3 else "",
                short_en=TEXTS["en"][topic] if rng.random() < 0.6 else "",
                open_to_commissions=rng.random() < 0.5,
                seeks_partners=rng.random() < 0.2,
                voucher_provider=rng.random() < 0.15,
                forum_member=rng.random() < 0.1,
                consent_given_at=published if person else None,
                consent_version="bench" if person else "",
                open_data_consent=person and rng.random() < 0.5,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                created_at=published,
                confirmed_at=now - dt.timedelta(days=rng.randint(0, 300)),
            )
            profile._bench_region = region
            profiles.append(profile)
        Profile.objects.bulk_create(profiles)
        Profile.sectors.through.objects.bulk_create(
            [
                Profile.sectors.through(profile_id=profile.pk, sector_id=sector)
                for profile in profiles
                for sector in rng.sample(sectors, rng.choice([1, 1, 2, 3]))
            ]
        )
        Profile.regions.through.objects.bulk_create(
            [
                Profile.regions.through(profile_id=profile.pk, region_id=regions[profile._bench_region])
                for profile in profiles
            ]
        )
        Profile.services.through.objects.bulk_create(
            [
                Profile.services.through(profile_id=profile.pk, service_id=service)
                for profile in profiles
                for service in rng.sample(services, rng.choice([0, 1, 2, 3]))
            ]
        )
    return count
