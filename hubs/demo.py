"""Demo content of the hubs and the Creative Academy, in Czech with English translations.

Places are invented but of the kinds a Czech region really has (a fab-lab in a former factory, a
coworking space above a café, a ceramics workshop); coordinates are in the right towns. Course dates
are relative to the day the demo is loaded, so there are always upcoming and past courses.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from hubs.models import AcademyPage, CoursePage, CourseRegistration, HubIndexPage, HubPage
from kreativ.demo_tools import demo_image, ensure_page, ensure_translation
from kreativ.models import HomePage, Region, Sector

HUB_INDEX = {
    "slug": "mista",
    "cs": {
        "title": "Kreativní místa",
        "intro": "Kreativní centra, fab-laby, coworkingy a kontaktní místa v Olomouckém kraji.",
    },
    "en": {
        "title": "Creative places",
        "slug": "places",
        "intro": "Creative centres, fab-labs, coworking spaces and support points in the Olomouc Region.",
    },
    "sl": {
        "title": "Kreativni prostori",
        "slug": "prostori",
        "intro": "Kreativni centri, fablabi, coworkingi in podporne točke v Olomuški regiji.",
    },
}

ACADEMY = {
    "slug": "akademie",
    "cs": {"title": "Kreativní akademie", "intro": "Krátké praktické kurzy pro tvůrce, studia a kulturní organizace."},
    "en": {
        "title": "Creative Academy",
        "slug": "academy",
        "intro": "Short, practical courses for creators, studios and cultural organisations.",
    },
    "sl": {
        "title": "Kreativna akademija",
        "slug": "akademija",
        "intro": "Kratki praktični tečaji za ustvarjalce, studie in kulturne organizacije.",
    },
}


def _hours(weekdays: list[int], opens: str, closes: str) -> list[dict[str, Any]]:
    return [
        {"weekday": day, "opens": dt.time.fromisoformat(opens), "closes": dt.time.fromisoformat(closes)}
        for day in weekdays
    ]


def _service(name: str, description: str = "", price: str = "") -> tuple[str, dict[str, str]]:
    return ("service", {"name": name, "description": description, "price": price})


def _paragraph(html: str) -> tuple[str, str]:
    return ("paragraph", html)


# Each hub: slug, kind, address, region code, coordinates, contact, opening hours, sectors (slugs),
# services, equipment, and the Czech and English texts.
HUBS: list[dict[str, Any]] = [
    {
        "slug": "fablab-prerov",
        "kind": "fablab",
        "street_address": "Komenského 38",
        "postal_code": "750 02",
        "city": "Přerov",
        "region": "CZ071",
        "latitude": Decimal("49.455800"),
        "longitude": Decimal("17.450900"),
        "email": "dilna@fablab-prerov.example",
        "phone": "+420 581 000 210",
        "website": "https://fablab-prerov.example",
        "contact_person": "Ondřej Šimek",
        "opening_hours": _hours([1, 2, 3], "14:00", "21:00") + _hours([5], "10:00", "16:00"),
        "sectors": ["design", "crafts", "architecture", "arts-education"],
        "booking_url": "https://fablab-prerov.example/rezervace",
        "equipment": [
            {"name": "CO₂ laser 130 × 90 cm", "quantity": 1, "training": "course", "booking": "rezervační kalendář"},
            {"name": "3D tiskárna Prusa MK4", "quantity": 4, "training": "induction", "booking": "rezervační kalendář"},
            {
                "name": "CNC frézka 1200 × 800 mm",
                "quantity": 1,
                "training": "staff",
                "booking": "e-mailem týden předem",
            },
            {"name": "Vinylová řezačka", "quantity": 1, "training": "none", "booking": "na místě"},
        ],
        "cs": {
            "title": "Fab-lab Přerov",
            "intro": "Otevřená dílna digitální výroby v bývalé tiskárně: laser, 3D tisk, CNC a elektronika.",
            "opening_hours_note": "O státních svátcích zavřeno. V srpnu jen po domluvě.",
            "booking_info": "Stroje si členové rezervují v online kalendáři; první návštěva je zdarma s průvodcem.",
            "body": [
                _paragraph(
                    "<p>Fab-lab provozuje spolek místních designérů a techniků. Je otevřený všem – studentům, firmám "
                    "i seniorům. Členství stojí 400 Kč měsíčně, jednorázový vstup 150 Kč.</p>"
                )
            ],
            "services": [
                _service("Zaškolení na stroje", "Dvouhodinové zaškolení na laser nebo CNC.", "300 Kč"),
                _service(
                    "Výroba prototypů na zakázku", "Pro firmy a designéry, kteří nechtějí vyrábět sami.", "dle domluvy"
                ),
            ],
        },
        "en": {
            "title": "Přerov Fab-lab",
            "intro": "An open digital fabrication workshop in a former printing house: laser, 3D printing, CNC and electronics.",
            "opening_hours_note": "Closed on public holidays. In August by appointment only.",
            "booking_info": "Members book machines in the online calendar; the first visit is free, with a guide.",
            "body": [
                _paragraph(
                    "<p>The fab-lab is run by an association of local designers and technicians. It is open to everyone: "
                    "students, companies and seniors. Membership is CZK 400 a month, a single visit CZK 150.</p>"
                )
            ],
            "services": [
                _service("Machine induction", "A two-hour induction on the laser or the CNC router.", "CZK 300"),
                _service(
                    "Prototypes to order",
                    "For companies and designers who do not want to make things themselves.",
                    "on request",
                ),
            ],
        },
    },
]

# Each course: slug, dates relative to today (days, start time, hours), venue (hub slug, address or
# online), capacity, registrations to pre-fill, price, level, language, sectors, and texts.
COURSES: list[dict[str, Any]] = [
    {
        "slug": "cena-kreativni-prace",
        "sessions": [{"days": 12, "start": "17:00", "hours": 3, "hub": "fablab-prerov"}],
        "capacity": 16,
        "registrations": 16,
        "waiting": 2,
        "price": None,
        "level": "beginner",
        "language": "cs",
        "sectors": ["design", "visual-arts", "crafts"],
        "cs": {
            "title": "Kolik stojí moje práce? Cenotvorba pro tvůrce",
            "intro": "Jak spočítat hodinovou sazbu, ocenit licenci a obhájit cenu před klientem.",
            "description": [
                _paragraph(
                    "<p>Večerní seminář pro designéry, ilustrátory, fotografy a řemeslníky. Spočítáme skutečné náklady "
                    "vaší hodiny, projdeme modely licencí a nacvičíme rozhovor o ceně.</p>"
                )
            ],
            "lecturers": [
                (
                    "lecturer",
                    {"name": "Kateřina Doležalová", "role": "produkční a konzultantka", "bio": "", "photo": None},
                )
            ],
        },
        "en": {
            "title": "What is my work worth? Pricing for creators",
            "intro": "How to calculate an hourly rate, price a licence and defend your price to a client.",
            "description": [
                _paragraph(
                    "<p>An evening seminar for designers, illustrators, photographers and craftspeople. We calculate what an "
                    "hour of your work really costs, go through licensing models and practise talking about price.</p>"
                )
            ],
            "lecturers": [
                (
                    "lecturer",
                    {"name": "Kateřina Doležalová", "role": "producer and consultant", "bio": "", "photo": None},
                )
            ],
        },
    },
]


def _session_values(spec: dict[str, Any], hubs: dict[str, HubPage]) -> dict[str, Any]:
    today = timezone.localdate()
    start_time = dt.time.fromisoformat(spec["start"])
    start = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=spec["days"]), start_time))
    values: dict[str, Any] = {
        "start": start,
        "end": start + dt.timedelta(hours=spec["hours"]),
        "note": spec.get("note", ""),
    }
    if spec.get("hub"):
        values["venue_hub"] = hubs[spec["hub"]]
    if spec.get("address"):
        values["venue_address"] = spec["address"]
    if spec.get("online"):
        values["online_url"] = spec["online"]
    return values


REGISTRATION_FIELDS = {
    "cs": [
        {"label": "Jméno a příjmení", "field_type": "singleline", "required": True, "sort_order": 0},
        {"label": "E-mail", "field_type": "email", "required": True, "sort_order": 1},
        {"label": "Telefon", "field_type": "singleline", "required": False, "sort_order": 2},
        {"label": "Čím se zabýváte", "field_type": "multiline", "required": False, "sort_order": 3},
    ],
    "en": [
        {"label": "Full name", "field_type": "singleline", "required": True, "sort_order": 0},
        {"label": "E-mail", "field_type": "email", "required": True, "sort_order": 1},
        {"label": "Phone", "field_type": "singleline", "required": False, "sort_order": 2},
        {"label": "What do you do", "field_type": "multiline", "required": False, "sort_order": 3},
    ],
}


def load(homes: dict[str, HomePage]) -> list[HubPage]:
    """Builds the hub index, the academy and their pages; returns the hubs to feature on the home page."""
    home = homes["cs"]
    regions = {region.code: region for region in Region.objects.all()}
    sectors = {sector.slug: sector for sector in Sector.objects.all()}

    index, _ = ensure_page(home, HubIndexPage, HUB_INDEX["slug"], HUB_INDEX["cs"])
    for language in ("en", "sl"):
        ensure_translation(index, language, HUB_INDEX[language])

    hubs: dict[str, HubPage] = {}
    for spec in HUBS:
        texts = spec["cs"]
        fields = {
            "title": texts["title"],
            "intro": texts["intro"],
            "body": texts["body"],
            "services": texts["services"],
            "opening_hours_note": texts.get("opening_hours_note", ""),
            "booking_info": texts.get("booking_info", ""),
            "kind": spec["kind"],
            "street_address": spec["street_address"],
            "postal_code": spec["postal_code"],
            "city": spec["city"],
            "region": regions.get(spec["region"]),
            "latitude": spec["latitude"],
            "longitude": spec["longitude"],
            "email": spec.get("email", ""),
            "phone": spec.get("phone", ""),
            "website": spec.get("website", ""),
            "contact_person": spec.get("contact_person", ""),
            "booking_url": spec.get("booking_url", ""),
            "listing_image": demo_image(f"Ilustrace: {texts['title']}", spec["slug"]),
            "m2m:sectors": [sectors[slug] for slug in spec["sectors"]],
            "children:opening_hours": spec["opening_hours"],
            "children:equipment": spec.get("equipment", []),
        }
        hub, _ = ensure_page(index, HubPage, spec["slug"], fields)
        hubs[spec["slug"]] = hub
        english = spec["en"]
        ensure_translation(
            hub,
            "en",
            {
                "title": english["title"],
                "intro": english["intro"],
                "body": english["body"],
                "services": english["services"],
                "opening_hours_note": english.get("opening_hours_note", ""),
                "booking_info": english.get("booking_info", ""),
            },
        )

    academy, _ = ensure_page(home, AcademyPage, ACADEMY["slug"], ACADEMY["cs"])
    for language in ("en", "sl"):
        ensure_translation(academy, language, ACADEMY[language])

    for spec in COURSES:
        texts = spec["cs"]
        fields = {
            **texts,
            "level": spec["level"],
            "language": spec["language"],
            "price": spec["price"],
            "currency": "CZK",
            "capacity": spec.get("capacity"),
            "waiting_list_size": spec.get("waiting_list_size", 10),
            "registration": spec.get("registration", "form"),
            "external_registration_url": spec.get("external_registration_url", ""),
            "listing_image": demo_image(f"Ilustrace: {texts['title']}", spec["slug"]),
            "m2m:sectors": [sectors[slug] for slug in spec["sectors"]],
            "children:sessions": [_session_values(session, hubs) for session in spec["sessions"]],
            "children:form_fields": REGISTRATION_FIELDS["cs"],
        }
        course, created = ensure_page(academy, CoursePage, spec["slug"], fields)
        if created:
            _prefill_registrations(course, spec.get("registrations", 0), spec.get("waiting", 0))
        ensure_translation(course, "en", {**spec["en"], "children:form_fields": REGISTRATION_FIELDS["en"]})

    return [hubs[slug] for slug in list(hubs)[:3]]


def _prefill_registrations(course: CoursePage, confirmed: int, waiting: int) -> None:
    """Registrations from invented participants, so that some demo courses are full."""
    for number in range(confirmed + waiting):
        status = CourseRegistration.Status.CONFIRMED if number < confirmed else CourseRegistration.Status.WAITING
        email = f"ucastnik{number + 1}@example.com"
        CourseRegistration.objects.create(
            page=course,
            status=status,
            email=email,
            form_data={"jmeno_a_prijmeni": f"Účastník {number + 1}", "e_mail": email},
        )
