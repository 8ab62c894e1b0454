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
from wagtail.models import Page

from hubs.models import AcademyPage, CoursePage, CourseRegistration, HubIndexPage, HubPage
from kreativ.demo_tools import demo_image, ensure_page, ensure_translation
from kreativ.models import Region, Sector

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


def _machine(name: str, quantity: int, training: str, booking: str, note: str = "") -> dict[str, Any]:
    """One row of a hub's equipment; ``training`` is none, induction, course or staff."""
    return {"name": name, "quantity": quantity, "training": training, "booking": booking, "note": note}


def _lecturer(name: str, role: str, bio: str = "") -> tuple[str, dict[str, Any]]:
    return ("lecturer", {"name": name, "role": role, "bio": bio, "photo": None})


def _on(weekday: int, days: int) -> int:
    """Days from today to the first ``weekday`` (0 is Monday) at least ``days`` away, so that a
    weekend course falls on a weekend whatever the day the demo is loaded."""
    start = timezone.localdate() + dt.timedelta(days=days)
    return days + (weekday - start.weekday()) % 7


MON_FRI = [0, 1, 2, 3, 4]

# Each hub: slug, kind, address, region code, coordinates, contact, opening hours, sectors (slugs),
# services, equipment, and the Czech and English texts (the English ones may translate the equipment).
# The first three are featured on the home page.
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
            _machine("CO₂ laser 130 × 90 cm", 1, "course", "rezervační kalendář"),
            _machine("3D tiskárna Prusa MK4", 4, "induction", "rezervační kalendář"),
            _machine("CNC frézka 1200 × 800 mm", 1, "staff", "e-mailem týden předem"),
            _machine("Vinylová řezačka", 1, "none", "na místě"),
            _machine("Pracoviště elektroniky s pájecí stanicí", 3, "induction", "na místě"),
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
            "equipment": [
                _machine("CO₂ laser, 130 × 90 cm", 1, "course", "booking calendar"),
                _machine("Prusa MK4 3D printer", 4, "induction", "booking calendar"),
                _machine("CNC router, 1200 × 800 mm", 1, "staff", "by e-mail a week ahead"),
                _machine("Vinyl cutter", 1, "none", "on the spot"),
                _machine("Electronics bench with a soldering station", 3, "induction", "on the spot"),
            ],
        },
    },
    {
        "slug": "kreativni-centrum-stara-pradelna",
        "kind": "creative_centre",
        "street_address": "Hodolanská 28",
        "postal_code": "779 00",
        "city": "Olomouc",
        "region": "CZ071",
        "latitude": Decimal("49.594600"),
        "longitude": Decimal("17.276800"),
        "email": "info@stara-pradelna.example",
        "phone": "+420 585 000 410",
        "website": "https://stara-pradelna.example",
        "contact_person": "Petra Navrátilová",
        "opening_hours": _hours(MON_FRI, "09:00", "20:00") + _hours([5], "10:00", "16:00"),
        "sectors": ["design", "visual-arts", "architecture", "books-press", "performing-arts"],
        "booking_url": "https://stara-pradelna.example/dilna",
        "equipment": [
            _machine(
                "Risograf A3, dvoubarevný",
                1,
                "course",
                "online kalendář nebo recepce",
                "Barvy: černá, fluorescenční růžová, modrá, žlutá a zelená.",
            ),
            _machine("Sítotiskový karusel pro 4 barvy", 1, "induction", "online kalendář"),
            _machine("UV osvitová jednotka pro síta", 1, "induction", "online kalendář"),
            _machine("Stohová řezačka papíru", 1, "staff", "na recepci"),
        ],
        "cs": {
            "title": "Kreativní centrum Stará přádelna",
            "intro": "Ateliéry, sál pro 60 lidí a tiskařská dílna v opravené hale bývalé přádelny v olomouckých Hodolanech.",
            "opening_hours_note": "Nájemci ateliérů mají přístup na čip nonstop. Mezi Vánoci a Novým rokem zavřeno.",
            "booking_info": (
                "Tiskařskou dílnu mohou po zaškolení používat nájemci i veřejnost; termín si rezervujte online "
                "nebo na recepci. Sál rezervujte nejméně dva týdny předem."
            ),
            "body": [
                _paragraph(
                    "<p>Centrum bylo otevřeno v roce 2021 v opravené hale bývalé přádelny. Provozuje ho zapsaný ústav, "
                    "který založilo město spolu se dvěma spolky designérů a výtvarníků. V patře je 18 ateliérů pro "
                    "designéry, ilustrátory, architekty a fotografy, v přízemí sál pro 60 lidí, kavárna a tiskařská "
                    "dílna s risografem a sítotiskem.</p>"
                ),
                _paragraph(
                    "<p>Každé první pondělí v měsíci tu probíhá otevřené portfolio review, na kterém tvůrci ukazují "
                    "svou práci kurátorům a art directorům z regionu, a pravidelně zde běží kurzy Kreativní akademie. "
                    "Jednou ročně, vždy první adventní víkend, se na nádvoří a v sále koná designový trh s více než "
                    "osmdesáti prodejci.</p>"
                ),
            ],
            "services": [
                _service(
                    "Pronájem ateliéru",
                    "Ateliéry od 14 do 40 m²; nájem zahrnuje energie, internet a přístup do tiskařské dílny.",
                    "110 Kč/m² měsíčně",
                ),
                _service(
                    "Pronájem sálu",
                    "Sál pro 60 lidí s projektorem, ozvučením a zatemněním. Spolky a nezávislí pořadatelé z kraje "
                    "mají slevu 50 %.",
                    "600 Kč/h",
                ),
                _service(
                    "Tisk na risografu",
                    "Ziny, plakáty a pozvánky si po zaškolení vytisknete sami; papír lze koupit na místě.",
                    "matrice 60 Kč, výtisk od 1 Kč",
                ),
                _service(
                    "Portfolio review",
                    "Patnáctiminutové konzultace nad portfoliem s přizvanými odborníky.",
                    "zdarma",
                ),
            ],
        },
        "en": {
            "title": "Old Spinning Mill Creative Centre",
            "intro": "Studios, a hall for 60 people and a print workshop in the renovated hall of a former spinning mill in Hodolany, Olomouc.",
            "opening_hours_note": "Studio tenants have round-the-clock access with a key fob. Closed between Christmas and New Year.",
            "booking_info": (
                "Tenants and the public can use the print workshop after an induction; book a slot online or at "
                "reception. Book the hall at least two weeks ahead."
            ),
            "body": [
                _paragraph(
                    "<p>The centre opened in 2021 in the renovated hall of a former spinning mill. It is run by a "
                    "non-profit institute founded by the city together with two associations of designers and artists. "
                    "Upstairs there are 18 studios for designers, illustrators, architects and photographers; on the "
                    "ground floor, a hall for 60 people, a café and a print workshop with a risograph and screen "
                    "printing.</p>"
                ),
                _paragraph(
                    "<p>On the first Monday of every month there is an open portfolio review, where creators show their "
                    "work to curators and art directors from the region, and Creative Academy courses take place here "
                    "regularly. Once a year, always on the first weekend of Advent, the courtyard and the hall host a "
                    "design market with more than eighty sellers.</p>"
                ),
            ],
            "services": [
                _service(
                    "Studio rental",
                    "Studios from 14 to 40 m²; the rent includes energy, internet and access to the print workshop.",
                    "CZK 110 per m² a month",
                ),
                _service(
                    "Hall rental",
                    "A hall for 60 people with a projector, PA system and blackout. Associations and independent "
                    "organisers from the region get 50% off.",
                    "CZK 600 an hour",
                ),
                _service(
                    "Risograph printing",
                    "Print your zines, posters and invitations yourself after an induction; paper is sold on site.",
                    "master CZK 60, prints from CZK 1",
                ),
                _service(
                    "Portfolio review",
                    "Fifteen-minute portfolio consultations with invited professionals.",
                    "free",
                ),
            ],
            "equipment": [
                _machine(
                    "Risograph, A3, two-colour",
                    1,
                    "course",
                    "online calendar or reception",
                    "Colours: black, fluorescent pink, blue, yellow and green.",
                ),
                _machine("Screen-printing carousel, 4 colours", 1, "induction", "online calendar"),
                _machine("UV exposure unit for screens", 1, "induction", "online calendar"),
                _machine("Guillotine paper cutter", 1, "staff", "at reception"),
            ],
        },
    },
    {
        "slug": "coworking-patro-prostejov",
        "kind": "coworking",
        "street_address": "Palackého 9",
        "postal_code": "796 01",
        "city": "Prostějov",
        "region": "CZ071",
        "latitude": Decimal("49.471200"),
        "longitude": Decimal("17.113400"),
        "email": "ahoj@coworking-patro.example",
        "phone": "+420 582 000 150",
        "website": "https://coworking-patro.example",
        "contact_person": "Radek Hanák",
        "opening_hours": _hours(MON_FRI, "08:00", "18:00"),
        "sectors": ["design", "advertising", "software-games", "media"],
        "cs": {
            "title": "Coworking Patro Prostějov",
            "intro": "Klidný coworking v prvním patře nad kavárnou, dvě minuty pěšky od náměstí T. G. Masaryka.",
            "opening_hours_note": "Členové se stálým místem mají přístup 24 hodin denně, 7 dní v týdnu.",
            "body": [
                _paragraph(
                    "<p>Coworking provozují dva grafici, kteří v roce 2018 hledali kancelář pro sebe a nakonec si "
                    "pronajali celé patro měšťanského domu. Dnes tu pravidelně pracuje kolem dvaceti lidí: "
                    "programátoři, překladatelky, fotografové i malé marketingové studio. K dispozici je 16 pracovních "
                    "míst, zasedací místnost pro osm lidí, telefonní budka a kuchyňka; kávu z kavárny v přízemí mají "
                    "členové o třetinu levněji.</p>"
                ),
                _paragraph(
                    "<p>Každý druhý čtvrtek ráno se koná snídaně pro členy a hosty, na které se vždy představí jeden "
                    "projekt nebo firma. Kdo potřebuje, může mít v coworkingu i sídlo firmy a adresu pro doručování "
                    "pošty.</p>"
                ),
            ],
            "services": [
                _service("Denní vstup", "Místo u společného stolu, káva a čaj v ceně.", "250 Kč"),
                _service(
                    "Flexibilní členství",
                    "Libovolné volné místo v otevírací době a dvě hodiny v zasedací místnosti měsíčně.",
                    "2 200 Kč měsíčně",
                ),
                _service(
                    "Stálé místo",
                    "Vlastní stůl s monitorem, zamykatelná skříňka a přístup nonstop.",
                    "3 500 Kč měsíčně",
                ),
                _service(
                    "Zasedací místnost",
                    "Pro osm lidí, s obrazovkou a tabulí; lze ji rezervovat i bez členství.",
                    "200 Kč/h",
                ),
            ],
        },
        "en": {
            "title": "Patro Coworking, Prostějov",
            "intro": "A quiet coworking space on the first floor above a café, a two-minute walk from T. G. Masaryk Square.",
            "opening_hours_note": "Members with a fixed desk have access 24 hours a day, 7 days a week.",
            "body": [
                _paragraph(
                    "<p>The space is run by two graphic designers who were looking for an office for themselves in 2018 "
                    "and ended up renting a whole floor of a town house. Around twenty people work here regularly: "
                    "programmers, translators, photographers and a small marketing studio. There are 16 desks, a meeting "
                    "room for eight, a phone booth and a kitchenette; members get coffee from the café downstairs "
                    "a third cheaper.</p>"
                ),
                _paragraph(
                    "<p>Every other Thursday morning there is a breakfast for members and guests, where one project or "
                    "company introduces itself. Those who need it can also use the space as their registered business "
                    "address and have their post delivered here.</p>"
                ),
            ],
            "services": [
                _service("Day pass", "A seat at the shared table; coffee and tea included.", "CZK 250"),
                _service(
                    "Flexible membership",
                    "Any free desk during opening hours and two hours in the meeting room a month.",
                    "CZK 2,200 a month",
                ),
                _service(
                    "Fixed desk",
                    "Your own desk with a monitor, a lockable locker and round-the-clock access.",
                    "CZK 3,500 a month",
                ),
                _service(
                    "Meeting room",
                    "For eight people, with a screen and a whiteboard; can be booked without membership.",
                    "CZK 200 an hour",
                ),
            ],
        },
    },
    {
        "slug": "makerspace-sumperk",
        "kind": "fablab",
        "street_address": "Temenická 42",
        "postal_code": "787 01",
        "city": "Šumperk",
        "region": "CZ071",
        "latitude": Decimal("49.968900"),
        "longitude": Decimal("16.979200"),
        "email": "dilna@makerspace-sumperk.example",
        "phone": "+420 583 000 270",
        "website": "https://makerspace-sumperk.example",
        "contact_person": "Lukáš Kratochvíl",
        "opening_hours": _hours([1, 2, 3], "15:00", "21:00") + _hours([5], "09:00", "14:00"),
        "sectors": ["crafts", "design", "arts-education", "visual-arts"],
        "booking_url": "https://makerspace-sumperk.example/rezervace",
        "equipment": [
            _machine(
                "Elektrická keramická pec 200 l",
                1,
                "staff",
                "pálení zajišťuje vedoucí keramické dílny",
                "Do 1 280 °C; pálí se v pondělí, ve středu a v pátek.",
            ),
            _machine("Elektrický hrnčířský kruh", 4, "induction", "rezervační kalendář"),
            _machine("CO₂ laser 60 × 40 cm", 1, "course", "rezervační kalendář"),
            _machine("3D tiskárna FDM", 3, "induction", "rezervační kalendář"),
            _machine("Vyšívací stroj, rámeček 20 × 30 cm", 1, "induction", "rezervační kalendář"),
            _machine("Vinylová řezačka", 1, "none", "na místě"),
        ],
        "cs": {
            "title": "Makerspace Šumperk",
            "intro": "Sdílená dílna s keramickou pecí, hrnčířskými kruhy, laserem a 3D tiskárnami v areálu bývalé textilky.",
            "opening_hours_note": "O letních prázdninách otevřeno jen v úterý a ve čtvrtek. Obsazenost strojů najdete v rezervačním kalendáři.",
            "booking_info": (
                "Kruhy a stroje si členové rezervují online nejvýše dva týdny dopředu. Výrobky k pálení odkládejte "
                "do regálu u pece se štítkem se jménem a typem hlíny."
            ),
            "body": [
                _paragraph(
                    "<p>Makerspace založil v roce 2019 spolek rodičů a učitelů techniky, dnes má přes 80 členů. "
                    "Polovinu prostoru zabírá digitální dílna, druhou polovinu keramická dílna, kterou vede keramička "
                    "Jana Hrubá a sdílí ji dvanáct keramiků. Elektrická pec pálí třikrát týdně; pálení se platí podle "
                    "objemu, hrnek vyjde zhruba na 40 Kč.</p>"
                ),
                _paragraph(
                    "<p>Členství stojí 350 Kč měsíčně, pro studenty a seniory 200 Kč; keramici platí navíc 250 Kč "
                    "měsíčně za místo v regálu a společné glazury. Ve středu odpoledne patří dílna dětskému kroužku, "
                    "v sobotu dopoledne kurzům točení na kruhu pro dospělé.</p>"
                ),
            ],
            "services": [
                _service(
                    "Úvodní prohlídka a zaškolení",
                    "Hodinová prohlídka s ukázkou strojů a bezpečnostními pravidly.",
                    "200 Kč",
                ),
                _service(
                    "Kurz točení na kruhu",
                    "Čtyři sobotní lekce pro začátečníky včetně hlíny a dvou pálení.",
                    "1 600 Kč",
                ),
                _service(
                    "Pálení pro nečleny",
                    "Vaše výrobky vypálíme v nejbližším pálení, pokud je v peci místo.",
                    "podle objemu, od 60 Kč",
                ),
            ],
        },
        "en": {
            "title": "Šumperk Makerspace",
            "intro": "A shared workshop with a ceramic kiln, potter's wheels, a laser cutter and 3D printers on the site of a former textile mill.",
            "opening_hours_note": "During the summer holidays open on Tuesdays and Thursdays only. See the booking calendar for machine availability.",
            "booking_info": (
                "Members book the wheels and machines online, up to two weeks ahead. Leave pieces for firing on the "
                "shelf by the kiln, labelled with your name and the type of clay."
            ),
            "body": [
                _paragraph(
                    "<p>The makerspace was founded in 2019 by an association of parents and technology teachers and now "
                    "has more than 80 members. Half of the space is a digital workshop, the other half a ceramics "
                    "workshop run by the potter Jana Hrubá and shared by twelve ceramicists. The electric kiln fires three "
                    "times a week; firing is paid by volume, about CZK 40 for a mug.</p>"
                ),
                _paragraph(
                    "<p>Membership is CZK 350 a month, CZK 200 for students and seniors; ceramicists pay another CZK 250 "
                    "a month for shelf space and the shared glazes. On Wednesday afternoons the workshop belongs to a "
                    "children's club, on Saturday mornings to wheel-throwing courses for adults.</p>"
                ),
            ],
            "services": [
                _service(
                    "Introductory tour and induction",
                    "A one-hour tour with a demonstration of the machines and the safety rules.",
                    "CZK 200",
                ),
                _service(
                    "Wheel-throwing course",
                    "Four Saturday lessons for beginners, including clay and two firings.",
                    "CZK 1,600",
                ),
                _service(
                    "Firing for non-members",
                    "We fire your pieces in the next firing if there is room in the kiln.",
                    "by volume, from CZK 60",
                ),
            ],
            "equipment": [
                _machine(
                    "Electric ceramic kiln, 200 l",
                    1,
                    "staff",
                    "firing is arranged by the head of the ceramics workshop",
                    "Up to 1,280 °C; fires on Mondays, Wednesdays and Fridays.",
                ),
                _machine("Electric potter's wheel", 4, "induction", "booking calendar"),
                _machine("CO₂ laser, 60 × 40 cm", 1, "course", "booking calendar"),
                _machine("FDM 3D printer", 3, "induction", "booking calendar"),
                _machine("Embroidery machine, 20 × 30 cm hoop", 1, "induction", "booking calendar"),
                _machine("Vinyl cutter", 1, "none", "on the spot"),
            ],
        },
    },
    {
        "slug": "hudebni-hub-olomouc",
        "kind": "creative_hub",
        "street_address": "Holická 31",
        "postal_code": "779 00",
        "city": "Olomouc",
        "region": "CZ071",
        "latitude": Decimal("49.586300"),
        "longitude": Decimal("17.274100"),
        "email": "studio@hudebni-hub.example",
        "phone": "+420 585 000 520",
        "website": "https://hudebni-hub.example",
        "contact_person": "Filip Zedník",
        "opening_hours": _hours(MON_FRI, "14:00", "23:00") + _hours([5, 6], "10:00", "22:00"),
        "sectors": ["music", "film-audiovisual", "media", "performing-arts"],
        "booking_url": "https://hudebni-hub.example/rezervace",
        "equipment": [
            _machine("Zkušebna s aparaturou a bicí soupravou", 4, "none", "online kalendář"),
            _machine("Nahrávací studio s režií, 24 vstupů", 1, "staff", "e-mailem nebo telefonicky"),
            _machine("Podcastová místnost se 4 mikrofony", 1, "induction", "online kalendář"),
            _machine("Střižna s kalibrovaným monitorem", 1, "induction", "e-mailem", "DaVinci Resolve Studio"),
        ],
        "cs": {
            "title": "Hudební hub Olomouc",
            "intro": "Zkušebny, nahrávací studio, podcastová místnost a střižna pro kapely, podcastery a filmaře v bývalém skladu na Holické ulici.",
            "opening_hours_note": "Nahrávací studio je po domluvě se zvukařem k dispozici i dopoledne.",
            "booking_info": "Zkušebny a podcastovou místnost rezervujte online, studio a střižnu e-mailem nebo telefonicky.",
            "body": [
                _paragraph(
                    "<p>Hub provozuje spolek hudebníků a zvukařů, který v roce 2020 přestavěl starý sklad ovoce. Jsou "
                    "tu čtyři zkušebny s aparaturou, nahrávací studio s režií a akusticky upravenou místností pro bicí, "
                    "menší podcastová místnost a střižna s kalibrovaným monitorem pro barevné korekce. Zkušebny se "
                    "pronajímají na hodiny i paušálně, ve studiu se nahrává vždy se zvukařem.</p>"
                ),
                _paragraph(
                    "<p>Jednou měsíčně hub pořádá poslechový večer, na kterém kapely a filmaři pouštějí rozpracované "
                    "nahrávky a dostávají zpětnou vazbu od kolegů. Hudebníci do 20 let mají zkušebny ve všední dny do "
                    "16 hodin za poloviční cenu.</p>"
                ),
            ],
            "services": [
                _service(
                    "Zkušebna",
                    "Aparatura, bicí a klimatizace v ceně; paušál na jeden večer týdně stojí 2 800 Kč měsíčně.",
                    "150 Kč/h",
                ),
                _service("Nahrávání se zvukařem", "Nahrávání, editace a mix; mastering po domluvě.", "550 Kč/h"),
                _service(
                    "Podcastová místnost",
                    "Až čtyři mikrofony, záznam do počítače i na kartu; soubory si odnesete hned.",
                    "300 Kč/h",
                ),
                _service(
                    "Střižna",
                    "Pracoviště pro střih a barevné korekce s licencí DaVinci Resolve Studio.",
                    "1 500 Kč/den",
                ),
            ],
        },
        "en": {
            "title": "Olomouc Music Hub",
            "intro": "Rehearsal rooms, a recording studio, a podcast room and an editing suite for bands, podcasters and film-makers in a former warehouse on Holická Street.",
            "opening_hours_note": "The recording studio is also available in the mornings by arrangement with the sound engineer.",
            "booking_info": "Book rehearsal rooms and the podcast room online; the studio and the editing suite by e-mail or phone.",
            "body": [
                _paragraph(
                    "<p>The hub is run by an association of musicians and sound engineers who converted an old fruit "
                    "warehouse in 2020. There are four rehearsal rooms with backline, a recording studio with a control "
                    "room and an acoustically treated drum room, a smaller podcast room and an editing suite with a "
                    "calibrated monitor for colour grading. Rehearsal rooms are rented by the hour or at a flat monthly "
                    "rate; studio recording always comes with a sound engineer.</p>"
                ),
                _paragraph(
                    "<p>Once a month the hub holds a listening evening where bands and film-makers play work in progress "
                    "and get feedback from their peers. Musicians under 20 pay half price for rehearsal rooms on weekdays "
                    "before 4 pm.</p>"
                ),
            ],
            "services": [
                _service(
                    "Rehearsal room",
                    "Backline, drums and air conditioning included; one evening a week costs CZK 2,800 a month.",
                    "CZK 150 an hour",
                ),
                _service(
                    "Recording with an engineer",
                    "Recording, editing and mixing; mastering on request.",
                    "CZK 550 an hour",
                ),
                _service(
                    "Podcast room",
                    "Up to four microphones, recording to a computer and to a card; take your files home straight away.",
                    "CZK 300 an hour",
                ),
                _service(
                    "Editing suite",
                    "A workstation for editing and colour grading with a DaVinci Resolve Studio licence.",
                    "CZK 1,500 a day",
                ),
            ],
            "equipment": [
                _machine("Rehearsal room with backline and drum kit", 4, "none", "online calendar"),
                _machine("Recording studio with control room, 24 inputs", 1, "staff", "by e-mail or phone"),
                _machine("Podcast room with 4 microphones", 1, "induction", "online calendar"),
                _machine(
                    "Editing suite with a calibrated monitor", 1, "induction", "by e-mail", "DaVinci Resolve Studio"
                ),
            ],
        },
    },
    {
        "slug": "makerspace-hranice",
        "kind": "fablab",
        "street_address": "Nádražní 12",
        "postal_code": "753 01",
        "city": "Hranice",
        "region": "CZ071",
        "latitude": Decimal("49.546900"),
        "longitude": Decimal("17.730400"),
        "email": "dilna@makerspace-hranice.example",
        "phone": "+420 581 000 340",
        "website": "https://makerspace-hranice.example",
        "contact_person": "Pavel Sedláček",
        "opening_hours": _hours(MON_FRI, "15:00", "20:00") + _hours([5], "09:00", "13:00"),
        "sectors": ["design", "software-games", "crafts", "arts-education"],
        "booking_url": "https://makerspace-hranice.example/kalendar",
        "equipment": [
            _machine(
                "Pracoviště elektroniky",
                5,
                "induction",
                "na místě",
                "Pájecí stanice, osciloskop a laboratorní zdroj na každém pracovišti.",
            ),
            _machine("3D tiskárna FDM", 4, "induction", "na místě"),
            _machine("Pryskyřičná 3D tiskárna (MSLA) s mycí a vytvrzovací stanicí", 1, "course", "online kalendář"),
            _machine("CO₂ laser 100 × 60 cm", 1, "course", "online kalendář"),
            _machine("Průmyslový šicí stroj a overlock", 2, "induction", "na místě"),
        ],
        "cs": {
            "title": "Makerspace Hranice",
            "intro": "Elektronika, 3D tisk, laser a šicí stroje v bývalé železničářské dílně nedaleko nádraží.",
            "opening_hours_note": "Dopoledne dílnu využívá škola. O letních prázdninách otevřeno jen v úterý a ve čtvrtek.",
            "booking_info": "Laser a pryskyřičnou tiskárnu si rezervujte v online kalendáři; k ostatním strojům stačí přijít v otevírací době.",
            "body": [
                _paragraph(
                    "<p>Makerspace vznikl v roce 2022 ze spolupráce města a místní střední průmyslové školy. Dopoledne "
                    "ho využívají studenti, odpoledne a v sobotu je otevřený veřejnosti. Nejsilnější je v elektronice: "
                    "pět pracovišť s pájecími stanicemi, osciloskopy a laboratorními zdroji a zásoba součástek, kterou "
                    "členové odebírají za nákupní cenu.</p>"
                ),
                _paragraph(
                    "<p>Jednorázový vstup stojí 100 Kč, roční členství 2 500 Kč. Každé první úterý v měsíci se tu koná "
                    "repair café, kde dobrovolníci pomáhají opravit rozbité spotřebiče, oblečení a hračky, a jednou "
                    "za čtvrtletí víkendová dílna pro učitele techniky ze základních škol.</p>"
                ),
            ],
            "services": [
                _service(
                    "Jednorázový vstup",
                    "Odpoledne v dílně včetně krátkého zaškolení na jeden stroj.",
                    "100 Kč",
                ),
                _service(
                    "Roční členství", "Neomezený vstup, slevy na kurzy a materiál.", "2 500 Kč, studenti 1 200 Kč"
                ),
                _service(
                    "Repair café", "Každé první úterý v měsíci od 16 do 19 hodin.", "zdarma, dobrovolný příspěvek"
                ),
            ],
        },
        "en": {
            "title": "Hranice Makerspace",
            "intro": "Electronics, 3D printing, a laser cutter and sewing machines in a former railway workshop near the station.",
            "opening_hours_note": "In the mornings the workshop is used by the school. During the summer holidays open on Tuesdays and Thursdays only.",
            "booking_info": "Book the laser and the resin printer in the online calendar; for the other machines just come during opening hours.",
            "body": [
                _paragraph(
                    "<p>The makerspace was set up in 2022 by the town together with the local technical secondary school. "
                    "In the mornings it is used by students; in the afternoons and on Saturdays it is open to the public. "
                    "Its strength is electronics: five benches with soldering stations, oscilloscopes and bench power "
                    "supplies, and a stock of components that members buy at cost.</p>"
                ),
                _paragraph(
                    "<p>A single visit is CZK 100, annual membership CZK 2,500. On the first Tuesday of every month there "
                    "is a repair café, where volunteers help fix broken appliances, clothes and toys, and once a quarter "
                    "a weekend workshop for primary-school technology teachers.</p>"
                ),
            ],
            "services": [
                _service(
                    "Single visit",
                    "An afternoon in the workshop, including a short induction on one machine.",
                    "CZK 100",
                ),
                _service(
                    "Annual membership",
                    "Unlimited access and discounts on courses and materials.",
                    "CZK 2,500, students CZK 1,200",
                ),
                _service(
                    "Repair café",
                    "On the first Tuesday of every month, 4 pm to 7 pm.",
                    "free, voluntary contribution",
                ),
            ],
            "equipment": [
                _machine(
                    "Electronics bench",
                    5,
                    "induction",
                    "on the spot",
                    "A soldering station, an oscilloscope and a bench power supply at each bench.",
                ),
                _machine("FDM 3D printer", 4, "induction", "on the spot"),
                _machine("Resin (MSLA) 3D printer with a wash and cure station", 1, "course", "online calendar"),
                _machine("CO₂ laser, 100 × 60 cm", 1, "course", "online calendar"),
                _machine("Industrial sewing machine and overlocker", 2, "induction", "on the spot"),
            ],
        },
    },
    {
        "slug": "kreativni-centrum-stara-sladovna",
        "kind": "creative_centre",
        "street_address": "Husova 20",
        "postal_code": "784 01",
        "city": "Litovel",
        "region": "CZ071",
        "latitude": Decimal("49.702600"),
        "longitude": Decimal("17.078100"),
        "email": "info@stara-sladovna.example",
        "phone": "+420 585 000 630",
        "website": "https://stara-sladovna.example",
        "contact_person": "Veronika Šafářová",
        "opening_hours": _hours([2, 3, 4], "13:00", "18:00") + _hours([5, 6], "10:00", "17:00"),
        "sectors": ["visual-arts", "crafts", "cultural-heritage", "cultural-tourism", "arts-education"],
        "cs": {
            "title": "Kreativní centrum Stará sladovna",
            "intro": "Ateliéry, galerie a umělecké rezidence v opravené sladovně z konce 19. století v Litovli.",
            "opening_hours_note": "V lednu a únoru je galerie zavřená; ateliéry a dílny fungují dál.",
            "body": [
                _paragraph(
                    "<p>Sladovnu koupilo město v roce 2016 a od té doby ji postupně opravuje pro kulturu. Dnes tu je "
                    "šest ateliérů pro výtvarníky a řemeslníky, galerie v bývalém humně a dva byty pro rezidenty: každé "
                    "léto sem na měsíc přijíždějí čtyři umělci z Česka i ze zahraničí a pracují s místními školami "
                    "a spolky.</p>"
                ),
                _paragraph(
                    "<p>Centrum provozuje městské kulturní zařízení spolu se spolkem přátel sladovny. O víkendech se "
                    "konají dílny pro veřejnost – tkaní, linoryt, pletení z pedigu – a v galerii se střídají výstavy "
                    "autorů z regionu. Ateliér stojí podle velikosti 1 800–3 200 Kč měsíčně.</p>"
                ),
            ],
            "services": [
                _service(
                    "Pronájem ateliéru",
                    "Šest ateliérů o velikosti 20–45 m², s vodou a společnou kuchyňkou.",
                    "1 800–3 200 Kč měsíčně",
                ),
                _service(
                    "Letní rezidence",
                    "Měsíční pobyt s ubytováním, ateliérem a stipendiem; přihlášky do 31. března.",
                    "stipendium 15 000 Kč",
                ),
                _service(
                    "Víkendové dílny",
                    "Tkaní, linoryt a pletení z pedigu pro dospělé i rodiny s dětmi.",
                    "150–400 Kč",
                ),
                _service(
                    "Pronájem humna",
                    "Prostor pro koncerty, divadlo a přednášky až pro 80 lidí.",
                    "dle domluvy",
                ),
            ],
        },
        "en": {
            "title": "Old Malt House Creative Centre",
            "intro": "Studios, a gallery and artist residencies in a restored late-19th-century malt house in Litovel.",
            "opening_hours_note": "The gallery is closed in January and February; the studios and workshops carry on.",
            "body": [
                _paragraph(
                    "<p>The town bought the malt house in 2016 and has been restoring it for culture ever since. Today "
                    "it has six studios for artists and craftspeople, a gallery on the former malting floor and two flats "
                    "for residents: every summer four artists from Czechia and abroad come for a month and work with "
                    "local schools and associations.</p>"
                ),
                _paragraph(
                    "<p>The centre is run by the town's cultural services together with the Friends of the Malt House "
                    "association. At weekends there are public workshops – weaving, linocut, basket-making with rattan "
                    "cane – and the gallery shows exhibitions by artists from the region. A studio costs CZK 1,800–3,200 "
                    "a month, depending on its size.</p>"
                ),
            ],
            "services": [
                _service(
                    "Studio rental",
                    "Six studios of 20–45 m², with running water and a shared kitchenette.",
                    "CZK 1,800–3,200 a month",
                ),
                _service(
                    "Summer residency",
                    "A month's stay with accommodation, a studio and a grant; apply by 31 March.",
                    "grant of CZK 15,000",
                ),
                _service(
                    "Weekend workshops",
                    "Weaving, linocut and rattan basket-making for adults and families with children.",
                    "CZK 150–400",
                ),
                _service(
                    "Malting floor rental",
                    "A space for concerts, theatre and talks for up to 80 people.",
                    "on request",
                ),
            ],
        },
    },
    {
        "slug": "coworking-u-hradeb-unicov",
        "kind": "coworking",
        "street_address": "Masarykovo náměstí 21",
        "postal_code": "783 91",
        "city": "Uničov",
        "region": "CZ071",
        "latitude": Decimal("49.770700"),
        "longitude": Decimal("17.121900"),
        "email": "coworking@u-hradeb.example",
        "phone": "+420 585 000 740",
        "website": "https://u-hradeb.example",
        "contact_person": "Hana Vojtíšková",
        "opening_hours": _hours(MON_FRI, "07:30", "17:00"),
        "sectors": ["design", "media", "software-games", "crafts"],
        "cs": {
            "title": "Coworking U Hradeb Uničov",
            "intro": "Malý městský coworking v domě na náměstí, s rychlým internetem a dětským koutkem.",
            "opening_hours_note": "Členové s měsíčním tarifem mají přístup i večer do 22 hodin.",
            "body": [
                _paragraph(
                    "<p>Coworking otevřelo město v roce 2023 v prostorách bývalé pobočky banky, aby lidé z Uničova "
                    "a okolí nemuseli kvůli práci denně dojíždět do Olomouce. Má deset míst, zasedací místnost a dětský "
                    "koutek, kde může rodič pracovat s malým dítětem na dohled. Provoz zajišťuje městské informační "
                    "centrum ve vedlejším domě.</p>"
                ),
                _paragraph(
                    "<p>Živnostníci a tvůrci s trvalým pobytem v Uničově mají první tři měsíce zdarma. Jednou měsíčně "
                    "sem dojíždí konzultant Kreativního Olomoucka a radí s dotacemi a podnikáním.</p>"
                ),
            ],
            "services": [
                _service("Denní vstup", "Pracovní místo, wi-fi a tisk do 20 stran.", "150 Kč"),
                _service(
                    "Měsíční členství",
                    "Libovolné volné místo, přístup do 22 hodin a čtyři hodiny v zasedací místnosti měsíčně.",
                    "1 500 Kč",
                ),
                _service("Zasedací místnost", "Pro šest lidí, s obrazovkou pro videohovory.", "100 Kč/h"),
                _service(
                    "Konzultace Kreativního Olomoucka",
                    "Každé druhé pondělí v měsíci, po objednání.",
                    "zdarma",
                ),
            ],
        },
        "en": {
            "title": "U Hradeb Coworking, Uničov",
            "intro": "A small municipal coworking space in a house on the main square, with fast internet and a children's corner.",
            "opening_hours_note": "Members on the monthly plan also have access in the evening until 10 pm.",
            "body": [
                _paragraph(
                    "<p>The town opened the coworking space in 2023 in a former bank branch, so that people from Uničov "
                    "and around would not have to commute to Olomouc every day. It has ten desks, a meeting room and a "
                    "children's corner where a parent can work with a small child in sight. It is run by the town's "
                    "information centre next door.</p>"
                ),
                _paragraph(
                    "<p>Sole traders and creators who live in Uničov get the first three months free. Once a month "
                    "an adviser from Creative Olomouc Region comes over to help with funding and business questions.</p>"
                ),
            ],
            "services": [
                _service("Day pass", "A desk, wi-fi and up to 20 printed pages.", "CZK 150"),
                _service(
                    "Monthly membership",
                    "Any free desk, access until 10 pm and four hours in the meeting room a month.",
                    "CZK 1,500",
                ),
                _service("Meeting room", "For six people, with a screen for video calls.", "CZK 100 an hour"),
                _service(
                    "Creative Olomouc Region advice",
                    "On the second Monday of every month, by appointment.",
                    "free",
                ),
            ],
        },
    },
    {
        "slug": "kontaktni-misto-jesenik",
        "kind": "support_point",
        "street_address": "Masarykovo náměstí 9",
        "postal_code": "790 01",
        "city": "Jeseník",
        "region": "CZ071",
        "latitude": Decimal("50.229400"),
        "longitude": Decimal("17.204300"),
        "email": "jesenik@kreativni-olomoucko.example",
        "phone": "+420 584 000 180",
        "contact_person": "Michaela Kubíčková",
        "opening_hours": _hours([1], "09:00", "17:00"),
        "sectors": ["crafts", "cultural-tourism", "visual-arts", "cultural-heritage", "archives-libraries"],
        "cs": {
            "title": "Kontaktní místo Jeseník",
            "intro": "Konzultace k dotacím, podnikání a autorskému právu přímo v Jeseníku, ve studovně městské knihovny.",
            "opening_hours_note": "Konzultantka je na místě každé 1. a 3. úterý v měsíci; jindy se lze domluvit na online konzultaci.",
            "body": [
                _paragraph(
                    "<p>Z Jeseníku do Olomouce je to vlakem přes dvě hodiny, a tak za tvůrci ze severu kraje jezdíme my. "
                    "Každé první a třetí úterý v měsíci je v knihovně konzultantka Kreativního Olomoucka: poradí "
                    "s výběrem dotační výzvy, rozpočtem projektu, smlouvou s klientem nebo založením živnosti. "
                    "Konzultace jsou zdarma a trvají obvykle hodinu.</p>"
                ),
                _paragraph(
                    "<p>Knihovna tvůrcům nabízí také studovnu s wi-fi, tiskem a skenerem velkých formátů. Dvakrát ročně "
                    "tu společně pořádáme setkání tvůrců z Jesenicka, kde se představují nové projekty z regionu "
                    "a hledají se pro ně partneři.</p>"
                ),
            ],
            "services": [
                _service(
                    "Individuální konzultace",
                    "Dotace, podnikání a autorské právo; objednejte se e-mailem nebo telefonicky.",
                    "zdarma",
                ),
                _service(
                    "Kontrola žádosti o dotaci",
                    "Přečteme vaši žádost před odesláním; pošlete ji nejméně 10 dní před uzávěrkou.",
                    "zdarma",
                ),
                _service(
                    "Setkání tvůrců Jesenicka",
                    "Na jaře a na podzim: krátké prezentace projektů a neformální večer.",
                    "zdarma",
                ),
            ],
        },
        "en": {
            "title": "Jeseník support point",
            "intro": "Advice on funding, business and copyright right in Jeseník, in the study room of the town library.",
            "opening_hours_note": "Our adviser is here on the 1st and 3rd Tuesday of every month; at other times an online consultation can be arranged.",
            "body": [
                _paragraph(
                    "<p>The train from Jeseník to Olomouc takes over two hours, so we travel to the creators in the north "
                    "of the region instead. On the first and third Tuesday of every month an adviser from Creative Olomouc "
                    "Region is at the library to help with choosing a funding call, a project budget, a contract with a "
                    "client or registering as a sole trader. Consultations are free and usually take an hour.</p>"
                ),
                _paragraph(
                    "<p>The library also offers creators a study room with wi-fi, printing and a large-format scanner. "
                    "Twice a year we hold a meeting of creators from the Jeseník area here together, where new projects "
                    "from the region are presented and find partners.</p>"
                ),
            ],
            "services": [
                _service(
                    "One-to-one consultation",
                    "Funding, business and copyright; book by e-mail or phone.",
                    "free",
                ),
                _service(
                    "Grant application check",
                    "We read your application before you submit it; send it at least 10 days before the deadline.",
                    "free",
                ),
                _service(
                    "Jeseník area creators' meeting",
                    "In spring and autumn: short project presentations and an informal evening.",
                    "free",
                ),
            ],
        },
    },
    {
        "slug": "kontaktni-misto-zabreh",
        "kind": "support_point",
        "street_address": "Postřelmovská 14",
        "postal_code": "789 01",
        "city": "Zábřeh",
        "region": "CZ071",
        "latitude": Decimal("49.879900"),
        "longitude": Decimal("16.878600"),
        "email": "zabreh@kreativni-olomoucko.example",
        "phone": "+420 583 000 460",
        "contact_person": "Jiří Bartoš",
        "opening_hours": _hours(MON_FRI, "08:00", "16:00"),
        "sectors": ["design", "software-games", "advertising", "crafts"],
        "cs": {
            "title": "Kontaktní místo Zábřeh",
            "intro": "Poradna pro začínající kreativní podnikatele v městském podnikatelském inkubátoru.",
            "opening_hours_note": "Recepce inkubátoru je otevřená ve všední dny; konzultant Kreativního Olomoucka je tu každý čtvrtek, termín si rezervujte předem.",
            "body": [
                _paragraph(
                    "<p>Kontaktní místo sídlí v podnikatelském inkubátoru, který nabízí levné kanceláře a dílny firmám "
                    "do tří let od založení. Každý čtvrtek tu konzultant Kreativního Olomoucka radí s podnikatelským "
                    "plánem, cenotvorbou a financováním; mentoringový program inkubátoru je otevřený i designérům, "
                    "fotografům a malým herním studiím.</p>"
                ),
                _paragraph(
                    "<p>Kancelář v inkubátoru stojí první rok 90 Kč za m² měsíčně, druhý rok 130 Kč. O volných "
                    "prostorách rozhoduje dvakrát ročně komise, která posuzuje hlavně podnikatelský záměr, ne obor.</p>"
                ),
            ],
            "services": [
                _service(
                    "Konzultace k podnikání",
                    "Podnikatelský plán, cenotvorba, financování a první kroky po založení živnosti.",
                    "zdarma",
                ),
                _service(
                    "Mentoringový program",
                    "Šest setkání s mentorem z praxe během půl roku.",
                    "zdarma pro nájemce, jinak 2 000 Kč",
                ),
                _service(
                    "Kancelář nebo dílna v inkubátoru",
                    "Kanceláře o velikosti 12–30 m² a dvě dílny s vjezdem pro dodávku.",
                    "od 90 Kč/m² měsíčně",
                ),
            ],
        },
        "en": {
            "title": "Zábřeh support point",
            "intro": "Advice for new creative businesses in the town's business incubator.",
            "opening_hours_note": "The incubator's reception is open on weekdays; the Creative Olomouc Region adviser is here every Thursday, please book ahead.",
            "body": [
                _paragraph(
                    "<p>The support point is based in the business incubator, which offers cheap offices and workshops "
                    "to companies less than three years old. Every Thursday an adviser from Creative Olomouc Region helps "
                    "with business plans, pricing and funding; the incubator's mentoring programme is open to designers, "
                    "photographers and small game studios too.</p>"
                ),
                _paragraph(
                    "<p>An office in the incubator costs CZK 90 per m² a month in the first year and CZK 130 in the "
                    "second. Free spaces are allocated twice a year by a panel that looks mainly at the business plan, "
                    "not the field.</p>"
                ),
            ],
            "services": [
                _service(
                    "Business advice",
                    "Business plans, pricing, funding and the first steps after registering a business.",
                    "free",
                ),
                _service(
                    "Mentoring programme",
                    "Six meetings with an experienced mentor over six months.",
                    "free for tenants, otherwise CZK 2,000",
                ),
                _service(
                    "Office or workshop in the incubator",
                    "Offices of 12–30 m² and two workshops with van access.",
                    "from CZK 90 per m² a month",
                ),
            ],
        },
    },
]

# First days of the courses that meet on several days in a row or once a week.
PRINTING_SERIES_START = _on(1, 8)  # a Tuesday, four weeks running
GAME_JAM_FRIDAY = _on(4, 38)
PODCAST_START = _on(2, -82)  # a Wednesday, two weeks running

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
            "lecturers": [_lecturer("Kateřina Doležalová", "produkční a konzultantka")],
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
            "lecturers": [_lecturer("Kateřina Doležalová", "producer and consultant")],
        },
    },
    {
        "slug": "socialni-site-pro-kulturni-organizace",
        "sessions": [
            {
                "days": _on(2, 3),
                "start": "10:00",
                "hours": 2,
                "online": "https://meet.kreativni-olomoucko.example/socialni-site",
            }
        ],
        "capacity": 50,
        "registrations": 23,
        "price": None,
        "level": "all",
        "language": "cs",
        "sectors": ["media", "performing-arts", "music", "cultural-heritage", "archives-libraries"],
        "cs": {
            "title": "Sociální sítě pro kulturní organizace",
            "intro": "Online seminář pro muzea, knihovny, divadla a festivaly, kde sociální sítě spravuje jeden člověk vedle další práce.",
            "description": [
                _paragraph(
                    "<p>Jak naplánovat obsah na celou sezonu dopředu, co funguje na Instagramu a co na Facebooku a jak "
                    "oslovit i starší publikum, které na sítích tráví víc času, než si myslíme. Ukážeme, jak z jedné "
                    "akce připravit příspěvky na celý týden, jak natočit krátké video telefonem a jak pracovat "
                    "s komentáři i s kritikou.</p>"
                ),
                _paragraph(
                    "<p>Seminář probíhá online v prohlížeči, není třeba nic instalovat. Odkaz na připojení pošleme den "
                    "předem a záznam dostanou všichni přihlášení. Poslední půlhodina patří dotazům k vašim vlastním "
                    "profilům.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Klára Dvořáková",
                    "správkyně sociálních sítí divadelního festivalu",
                    "Osm let vede komunikaci nezávislých kulturních akcí; předtím pracovala v redakci regionálního deníku.",
                )
            ],
        },
        "en": {
            "title": "Social media for cultural organisations",
            "intro": "An online seminar for museums, libraries, theatres and festivals where one person runs social media alongside everything else.",
            "description": [
                _paragraph(
                    "<p>How to plan content for a whole season ahead, what works on Instagram and what on Facebook, and "
                    "how to reach older audiences, who spend more time on social media than we think. We show how to turn "
                    "one event into a week of posts, how to shoot a short video on a phone and how to handle comments "
                    "and criticism.</p>"
                ),
                _paragraph(
                    "<p>The seminar runs online in the browser; there is nothing to install. We send the link the day "
                    "before, and everyone registered gets the recording. The last half-hour is for questions about your "
                    "own profiles.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Klára Dvořáková",
                    "social media manager of a theatre festival",
                    "She has run communications for independent cultural events for eight years, after working in the "
                    "newsroom of a regional daily.",
                )
            ],
        },
    },
    {
        "slug": "fotografie-vyrobku-pro-eshop",
        "sessions": [
            {"days": _on(5, 5), "start": "09:30", "hours": 6, "address": "Fotoateliér, Sokolská 18, 779 00 Olomouc"}
        ],
        "capacity": 10,
        "registrations": 10,
        "waiting": 3,
        "price": Decimal("900"),
        "level": "beginner",
        "language": "cs",
        "sectors": ["crafts", "design", "advertising", "visual-arts"],
        "cs": {
            "title": "Fotíme výrobky pro e-shop",
            "intro": "Celodenní workshop pro řemeslníky a designéry: světlo, pozadí a úprava fotek, které prodávají.",
            "description": [
                _paragraph(
                    "<p>Dobrá fotka rozhoduje o tom, jestli zákazník na e-shopu nebo na prodejní platformě pro "
                    "rukodělné zboží klikne. Ve fotoateliéru lektorky si vyzkoušíte práci s denním i umělým světlem, "
                    "s difuzérem a odraznými deskami, fotografování na bílém pozadí i v prostředí a porovnáte "
                    "fotoaparát s mobilním telefonem. Odpoledne fotky společně upravíme v bezplatném programu "
                    "a připravíme je v rozměrech pro e-shop a sociální sítě.</p>"
                ),
                _paragraph(
                    "<p>Přineste si tři až pět vlastních výrobků a fotoaparát nebo telefon; stativy a světla jsou "
                    "k dispozici. V ceně je oběd a občerstvení.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Lucie Benešová",
                    "produktová fotografka",
                    "Fotografuje pro malé značky šperků, keramiky a kosmetiky z celé Moravy.",
                )
            ],
        },
        "en": {
            "title": "Photographing your products for an e-shop",
            "intro": "A one-day workshop for craftspeople and designers: light, backgrounds and editing for photos that sell.",
            "description": [
                _paragraph(
                    "<p>A good photo decides whether a customer clicks in an online shop or on a handmade marketplace. "
                    "In the lecturer's studio you will work with daylight and artificial light, diffusers and reflectors, "
                    "shoot on a white background and in context, and compare a camera with a mobile phone. In the "
                    "afternoon we edit the photos together in free software and export them in the sizes an e-shop and "
                    "social media need.</p>"
                ),
                _paragraph(
                    "<p>Bring three to five of your own products and a camera or phone; tripods and lights are provided. "
                    "The price includes lunch and refreshments.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Lucie Benešová",
                    "product photographer",
                    "She photographs for small jewellery, ceramics and cosmetics brands from all over Moravia.",
                )
            ],
        },
    },
    {
        "slug": "3d-tisk-pro-produktove-designery",
        "sessions": [
            {"days": PRINTING_SERIES_START + 7 * week, "start": "17:30", "hours": 3, "hub": "makerspace-hranice"}
            for week in range(4)
        ],
        "capacity": 10,
        "registrations": 7,
        "price": Decimal("1200"),
        "level": "intermediate",
        "language": "cs",
        "sectors": ["design", "crafts", "architecture"],
        "cs": {
            "title": "3D tisk pro produktové designéry",
            "intro": "Čtyři večery od modelu k funkčnímu prototypu: konstrukce pro tisk, materiály a dokončování.",
            "description": [
                _paragraph(
                    "<p>Kurz je určený designérům, kteří už modelují v některém CAD programu a chtějí tisknout "
                    "prototypy i malé série sami. První večer se věnujeme konstrukci pro 3D tisk – tloušťce stěn, "
                    "tolerancím spojů a orientaci dílu na podložce. Druhý večer porovnáme materiály PLA, PETG, ASA "
                    "a pružné TPU, třetí večer patří tisku z pryskyřice pro jemné detaily a poslední dokončování: "
                    "broušení, tmelení, lakování a vkládání závitových vložek.</p>"
                ),
                _paragraph(
                    "<p>Mezi lekcemi tisknete na strojích makerspace vlastní prototyp, který si na konci odnesete. "
                    "V ceně je materiál do 1 kg filamentu, volný vstup do makerspace po dobu kurzu a osvědčení "
                    "k samostatné práci na pryskyřičné tiskárně.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Adam Hložek",
                    "produktový designér",
                    "Navrhuje svítidla a drobné spotřebiče; 3D tisk používá denně na prototypy i malé série.",
                ),
                _lecturer("Pavel Sedláček", "vedoucí Makerspace Hranice"),
            ],
        },
        "en": {
            "title": "3D printing for product designers",
            "intro": "Four evenings from a model to a working prototype: designing for print, materials and finishing.",
            "description": [
                _paragraph(
                    "<p>The course is for designers who already model in a CAD program and want to print prototypes and "
                    "small batches themselves. The first evening covers design for 3D printing: wall thickness, "
                    "tolerances of joints and how to orient a part on the bed. On the second we compare PLA, PETG, ASA "
                    "and flexible TPU; the third is about resin printing for fine detail, and the last about finishing: "
                    "sanding, filling, painting and fitting threaded inserts.</p>"
                ),
                _paragraph(
                    "<p>Between sessions you print your own prototype on the makerspace's machines and take it home at "
                    "the end. The price includes up to 1 kg of filament, free entry to the makerspace for the length of "
                    "the course and a certificate for using the resin printer on your own.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Adam Hložek",
                    "product designer",
                    "He designs lamps and small appliances and uses 3D printing every day for prototypes and small batches.",
                ),
                _lecturer("Pavel Sedláček", "head of Hranice Makerspace"),
            ],
        },
    },
    {
        "slug": "risograficky-tisk",
        "sessions": [{"days": _on(5, 24), "start": "10:00", "hours": 6, "hub": "kreativni-centrum-stara-pradelna"}],
        "capacity": 8,
        "registrations": 5,
        "price": Decimal("650"),
        "level": "beginner",
        "language": "cs",
        "sectors": ["books-press", "visual-arts", "design"],
        "cs": {
            "title": "Risografický tisk: od návrhu k zinu",
            "intro": "Sobotní dílna, ze které odejdete s vlastním vytištěným zinem a osvědčením pro samostatnou práci na risografu.",
            "description": [
                _paragraph(
                    "<p>Risograf tiskne rychle jako kopírka, ale sytými barvami přes šablonu, a proto ho mají rádi "
                    "ilustrátoři, malá nakladatelství i kapely, které si tisknou plakáty. Dopoledne vysvětlíme, jak "
                    "připravit podklady pro každou barvu zvlášť, jak fungují rastry a soutisk a proč se vyplatí počítat "
                    "s drobnou nepřesností. Odpoledne každý vytiskne dvoubarevný osmistránkový zin v nákladu 30 kusů "
                    "a sešije ho.</p>"
                ),
                _paragraph(
                    "<p>Podklady můžete přinést hotové ve formátu A4, nebo je nakreslit na místě; papír a barvy jsou "
                    "v ceně. Absolventi si pak mohou risograf v tiskařské dílně rezervovat sami.</p>"
                ),
            ],
            "lecturers": [_lecturer("Eliška Vrbová", "ilustrátorka a vedoucí tiskařské dílny Staré přádelny")],
        },
        "en": {
            "title": "Risograph printing: from design to zine",
            "intro": "A Saturday workshop you leave with your own printed zine and a certificate to use the risograph on your own.",
            "description": [
                _paragraph(
                    "<p>A risograph prints as fast as a photocopier, but in rich colours through a stencil, which is why "
                    "illustrators, small publishers and bands printing their own posters love it. In the morning we "
                    "explain how to prepare artwork for each colour separately, how halftones and registration work and "
                    "why it pays to allow for slight imprecision. In the afternoon everyone prints a two-colour, "
                    "eight-page zine in a run of 30 and binds it.</p>"
                ),
                _paragraph(
                    "<p>Bring your artwork ready in A4 or draw it on the spot; paper and ink are included. Afterwards, "
                    "participants can book the risograph in the print workshop themselves.</p>"
                ),
            ],
            "lecturers": [_lecturer("Eliška Vrbová", "illustrator and head of the Old Spinning Mill print workshop")],
        },
    },
    {
        "slug": "zadost-kreativni-evropa",
        "sessions": [{"days": _on(3, 30), "start": "09:00", "hours": 7, "hub": "kreativni-centrum-stara-pradelna"}],
        "capacity": 20,
        "registrations": 11,
        "price": None,
        "level": "advanced",
        "language": "en",
        "sectors": ["performing-arts", "cultural-heritage", "music", "books-press", "visual-arts"],
        "cs": {
            "title": "Píšeme žádost do programu Kreativní Evropa",
            "intro": "Celodenní workshop v angličtině pro organizace, které chystají projekt evropské spolupráce.",
            "description": [
                _paragraph(
                    "<p>Workshop je pro organizace, které už mají nápad na projekt a alespoň jednoho zahraničního "
                    "partnera. Projdeme hodnoticí kritéria výzvy na projekty evropské spolupráce – relevanci, kvalitu "
                    "obsahu a aktivit, řízení projektu a šíření výsledků – a na ukázkách úspěšných i zamítnutých "
                    "žádostí uvidíte, co hodnotitelé oceňují. Odpoledne pracujeme na vašich vlastních osnovách "
                    "a rozpočtech.</p>"
                ),
                _paragraph(
                    "<p>Workshop vede zahraniční lektorka v angličtině, protože v angličtině se píší i samotné žádosti. "
                    "Předem pošlete jednostránkové shrnutí projektu; podle něj vás rozdělíme do pracovních skupin.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Hannah Lindqvist",
                    "konzultantka a bývalá hodnotitelka evropských kulturních programů",
                    "Patnáct let pomáhá kulturním organizacím ze severní a střední Evropy připravovat mezinárodní projekty.",
                ),
                _lecturer("Martin Koudela", "Kreativní Olomoucko"),
            ],
        },
        "en": {
            "title": "Writing a Creative Europe application",
            "intro": "A one-day workshop in English for organisations preparing a European cooperation project.",
            "description": [
                _paragraph(
                    "<p>The workshop is for organisations that already have a project idea and at least one partner "
                    "abroad. We go through the award criteria of the European cooperation projects call – relevance, "
                    "quality of content and activities, project management and dissemination – and use examples of "
                    "successful and rejected applications to show what evaluators value. In the afternoon we work on "
                    "your own outlines and budgets.</p>"
                ),
                _paragraph(
                    "<p>The workshop is led in English by an international trainer, as the applications themselves are "
                    "written in English. Send a one-page project summary in advance; we will use it to put you into "
                    "working groups.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Hannah Lindqvist",
                    "consultant and former evaluator of European cultural programmes",
                    "For fifteen years she has helped cultural organisations from northern and central Europe prepare "
                    "international projects.",
                ),
                _lecturer("Martin Koudela", "Creative Olomouc Region"),
            ],
        },
    },
    {
        "slug": "game-jam-vikend",
        "sessions": [
            {"days": GAME_JAM_FRIDAY, "start": "18:00", "hours": 4, "hub": "kreativni-centrum-stara-pradelna"},
            {"days": GAME_JAM_FRIDAY + 1, "start": "09:00", "hours": 13, "hub": "kreativni-centrum-stara-pradelna"},
            {"days": GAME_JAM_FRIDAY + 2, "start": "09:00", "hours": 8, "hub": "kreativni-centrum-stara-pradelna"},
        ],
        "capacity": 48,
        "registration": "external",
        "external_registration_url": "https://gamejam-olomoucko.example/prihlaska",
        "price": None,
        "level": "all",
        "language": "cs",
        "sectors": ["software-games", "design", "music", "visual-arts"],
        "cs": {
            "title": "Game jam: hra za víkend",
            "intro": "Od pátečního večera do nedělního odpoledne vytvoříte v týmu hratelnou hru na společné téma.",
            "description": [
                _paragraph(
                    "<p>V pátek v 18 hodin oznámíme téma a sestavíme týmy – programátoři, grafici, zvukaři i scenáristé "
                    "se mohou přihlásit sami a tým najdou na místě. V sobotu se pracuje celý den s pomocí mentorů, "
                    "v neděli ve 14 hodin se hry odevzdávají, pak si je navzájem zahrajeme a porota vyhlásí vítěze. "
                    "Nejlepším týmům pomůžeme s dalším vývojem a se žádostí o kreativní voucher.</p>"
                ),
                _paragraph(
                    "<p>Vlastní notebook je nutný, engine je na vás (Godot, Unity, GameMaker, klidně i papír "
                    "a kostky). Jídlo a pití zajišťujeme, přespat na místě ale nelze. Registrace probíhá na webu "
                    "game jamu, kde najdete i pravidla.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Tomáš Řezníček",
                    "herní designér a mentor",
                    "Podílel se na třech vydaných nezávislých hrách; dnes učí herní design na střední škole.",
                ),
                _lecturer("Anna Kolářová", "2D grafička a animátorka"),
            ],
        },
        "en": {
            "title": "Game jam: a game in a weekend",
            "intro": "From Friday evening to Sunday afternoon, make a playable game on a shared theme with your team.",
            "description": [
                _paragraph(
                    "<p>On Friday at 6 pm we announce the theme and form teams: programmers, artists, sound designers "
                    "and writers can sign up alone and find a team on the spot. On Saturday you work all day with help "
                    "from mentors; on Sunday at 2 pm the games are handed in, then we play each other's games and the "
                    "jury announces the winners. We will help the best teams with further development and with "
                    "applying for a creative voucher.</p>"
                ),
                _paragraph(
                    "<p>You need your own laptop; the engine is up to you (Godot, Unity, GameMaker, or even paper and "
                    "dice). Food and drinks are provided, but you cannot sleep on site. Registration is on the game "
                    "jam's website, where you will also find the rules.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Tomáš Řezníček",
                    "game designer and mentor",
                    "He has worked on three released indie games and now teaches game design at a secondary school.",
                ),
                _lecturer("Anna Kolářová", "2D artist and animator"),
            ],
        },
    },
    {
        "slug": "zaklady-laseroveho-rezani",
        "sessions": [{"days": _on(3, -24), "start": "16:00", "hours": 4, "hub": "fablab-prerov"}],
        "capacity": 8,
        "registrations": 8,
        "price": Decimal("500"),
        "level": "beginner",
        "language": "cs",
        "sectors": ["design", "crafts", "architecture"],
        "cs": {
            "title": "Základy laserového řezání",
            "intro": "Od vektorového souboru k hotovému výrobku: příprava dat, nastavení laseru a bezpečnost.",
            "description": [
                _paragraph(
                    "<p>Čtyřhodinový kurz na novém CO₂ laseru fab-labu. Naučíte se připravit soubor v Inkscapu nebo "
                    "Illustratoru (barvy pro řez a gravírování, tloušťka čar, kompenzace prořezu), nastavit výkon "
                    "a rychlost pro překližku, akrylát a kůži a bezpečně pracovat s odsáváním i hasicím přístrojem.</p>"
                ),
                _paragraph(
                    "<p>Každý si vyrobí krabičku s cinkovými spoji a gravírovanou jmenovkou. Absolventi získají "
                    "osvědčení, se kterým si mohou laser ve fab-labu rezervovat a používat ho samostatně.</p>"
                ),
            ],
            "lecturers": [_lecturer("Ondřej Šimek", "technik Fab-labu Přerov")],
        },
        "en": {
            "title": "Laser cutting basics",
            "intro": "From a vector file to a finished piece: preparing files, setting up the laser and safety.",
            "description": [
                _paragraph(
                    "<p>A four-hour course on the fab-lab's new CO₂ laser. You learn to prepare a file in Inkscape or "
                    "Illustrator (colours for cutting and engraving, line weights, kerf compensation), set power and "
                    "speed for plywood, acrylic and leather, and work safely with the extraction and the fire "
                    "extinguisher.</p>"
                ),
                _paragraph(
                    "<p>Everyone makes a box with finger joints and an engraved name tag. Participants receive a "
                    "certificate that lets them book and use the fab-lab's laser on their own.</p>"
                ),
            ],
            "lecturers": [_lecturer("Ondřej Šimek", "technician, Přerov Fab-lab")],
        },
    },
    {
        "slug": "autorske-pravo-pro-tvurce",
        "sessions": [{"days": _on(1, -52), "start": "17:00", "hours": 3, "hub": "kreativni-centrum-stara-pradelna"}],
        "capacity": 30,
        "registrations": 24,
        "price": None,
        "level": "beginner",
        "language": "cs",
        "sectors": ["design", "visual-arts", "music", "books-press", "software-games"],
        "cs": {
            "title": "Autorské právo a licence pro tvůrce",
            "intro": "Komu patří vaše dílo, jak napsat licenční smlouvu a co dělat, když vám někdo bez dovolení převezme fotku.",
            "description": [
                _paragraph(
                    "<p>Advokátka specializovaná na duševní vlastnictví vysvětlí základy autorského zákona bez "
                    "právnického žargonu: rozdíl mezi osobnostními a majetkovými právy, zaměstnanecké dílo a dílo "
                    "na objednávku a co znamená výhradní a nevýhradní licence. Projdeme i licence Creative Commons "
                    "a kolektivní správu práv (OSA, DILIA, OOA-S).</p>"
                ),
                _paragraph(
                    "<p>Druhá část je praktická: na smlouvách účastníků ukážeme, co v licenčních smlouvách nejčastěji "
                    "chybí – rozsah, území, doba a způsob užití – a jak postupovat, když někdo vaše práva poruší. "
                    "Vlastní smlouvu k rozboru můžete předem poslat v anonymizované podobě.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Barbora Kosková",
                    "advokátka se zaměřením na duševní vlastnictví",
                    "Radí nakladatelstvím, designovým studiím a hudebníkům a vede poradnu autorského práva pro studenty "
                    "uměleckých škol.",
                )
            ],
        },
        "en": {
            "title": "Copyright and licences for creators",
            "intro": "Who owns your work, how to write a licence agreement and what to do when someone uses your photo without asking.",
            "description": [
                _paragraph(
                    "<p>A lawyer specialising in intellectual property explains the basics of Czech copyright law "
                    "without the jargon: the difference between moral and economic rights, works made by employees and "
                    "commissioned works, and what exclusive and non-exclusive licences mean. We also cover Creative "
                    "Commons licences and collective rights management (OSA, DILIA, OOA-S).</p>"
                ),
                _paragraph(
                    "<p>The second part is practical: using participants' own contracts, we show what licence agreements "
                    "most often lack – scope, territory, term and manner of use – and what to do when someone infringes "
                    "your rights. You can send your own contract in advance, anonymised, for discussion.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Barbora Kosková",
                    "lawyer specialising in intellectual property",
                    "She advises publishers, design studios and musicians and runs a copyright clinic for art school "
                    "students.",
                )
            ],
        },
    },
    {
        "slug": "nahravani-podcastu",
        "sessions": [
            {"days": PODCAST_START + 7 * week, "start": "17:00", "hours": 3, "hub": "hudebni-hub-olomouc"}
            for week in range(2)
        ],
        "capacity": 8,
        "registrations": 8,
        "price": Decimal("800"),
        "level": "beginner",
        "language": "cs",
        "sectors": ["media", "music", "arts-education"],
        "cs": {
            "title": "Nahráváme podcast: základy zvuku",
            "intro": "Dva večery v podcastové místnosti: mikrofony, akustika, záznam rozhovoru a jeho střih.",
            "description": [
                _paragraph(
                    "<p>První večer vysvětlíme, jak vybrat mikrofon a kam ho postavit, proč zvuk víc ovlivní místnost "
                    "než cena techniky a jak nahrát rozhovor dvou nebo tří lidí tak, aby se dal dobře stříhat. Každá "
                    "dvojice nahraje krátký rozhovor v podcastové místnosti hubu.</p>"
                ),
                _paragraph(
                    "<p>Druhý večer nahrávku stříháme v programu Audacity nebo Reaper, čistíme šum, vyrovnáváme "
                    "hlasitost na −16 LUFS a exportujeme ji pro podcastové platformy. Kurz se hodí pro knihovny, muzea "
                    "a spolky stejně jako pro jednotlivce.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Filip Zedník",
                    "zvukař Hudebního hubu Olomouc",
                    "Dvacet let nahrává kapely a audioknihy; produkuje tři regionální podcasty.",
                )
            ],
        },
        "en": {
            "title": "Recording a podcast: sound basics",
            "intro": "Two evenings in the podcast room: microphones, acoustics, recording an interview and editing it.",
            "description": [
                _paragraph(
                    "<p>On the first evening we explain how to choose a microphone and where to put it, why the room "
                    "affects the sound more than the price of the equipment, and how to record a conversation between "
                    "two or three people so that it is easy to edit. Each pair records a short interview in the hub's "
                    "podcast room.</p>"
                ),
                _paragraph(
                    "<p>On the second evening we edit the recording in Audacity or Reaper, remove noise, bring the "
                    "loudness to −16 LUFS and export it for podcast platforms. The course suits libraries, museums and "
                    "associations as well as individuals.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Filip Zedník",
                    "sound engineer, Olomouc Music Hub",
                    "He has recorded bands and audiobooks for twenty years and produces three regional podcasts.",
                )
            ],
        },
    },
    {
        "slug": "rozvoj-publika",
        "sessions": [{"days": _on(3, -125), "start": "09:00", "hours": 6, "hub": "kreativni-centrum-stara-sladovna"}],
        "capacity": 20,
        "registrations": 17,
        "price": None,
        "level": "intermediate",
        "language": "cs",
        "sectors": ["cultural-heritage", "performing-arts", "archives-libraries", "cultural-tourism", "visual-arts"],
        "cs": {
            "title": "Rozvoj publika pro malé kulturní organizace",
            "intro": "Kdo k vám nechodí a proč? Celodenní seminář o tom, jak poznat a oslovit nové publikum s malým rozpočtem.",
            "description": [
                _paragraph(
                    "<p>Seminář pro muzea, galerie, knihovny, divadla a spolky z menších měst. Naučíme se dělit publikum "
                    "do skupin podle motivace, ne podle věku, navrhnout jednoduchý dotazník a rozhovory s návštěvníky "
                    "i s těmi, kdo zatím nechodí, a z výsledků sestavit plán na jednu sezonu.</p>"
                ),
                _paragraph(
                    "<p>Odpoledne Stará sladovna ukáže, jak se jí za dva roky podařilo zdvojnásobit návštěvnost "
                    "víkendových dílen díky tomu, že rezidenti začali pracovat se školami a s klubem seniorů. Účastníci "
                    "si odnesou pracovní listy a vzorový dotazník.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Zuzana Holubová",
                    "konzultantka pro rozvoj publika",
                    "Dlouho vedla návštěvnický servis v muzeu, dnes radí kulturním organizacím po celé Moravě.",
                ),
                _lecturer("Veronika Šafářová", "Kreativní centrum Stará sladovna"),
            ],
        },
        "en": {
            "title": "Audience development for small cultural organisations",
            "intro": "Who isn't coming, and why? A one-day seminar on getting to know and reaching new audiences on a small budget.",
            "description": [
                _paragraph(
                    "<p>A seminar for museums, galleries, libraries, theatres and associations from smaller towns. We "
                    "learn to segment audiences by motivation rather than age, design a simple questionnaire and "
                    "interviews with visitors and with those who do not come yet, and turn the results into a plan for "
                    "one season.</p>"
                ),
                _paragraph(
                    "<p>In the afternoon the Old Malt House shows how it doubled attendance at its weekend workshops in "
                    "two years once its resident artists started working with schools and a seniors' club. Participants "
                    "take home worksheets and a sample questionnaire.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Zuzana Holubová",
                    "audience development consultant",
                    "She ran visitor services at a museum for many years and now advises cultural organisations across "
                    "Moravia.",
                ),
                _lecturer("Veronika Šafářová", "Old Malt House Creative Centre"),
            ],
        },
    },
    {
        "slug": "crowdfunding-kreativniho-projektu",
        "sessions": [{"days": _on(1, -165), "start": "17:30", "hours": 3, "hub": "coworking-patro-prostejov"}],
        "capacity": 20,
        "registrations": 14,
        "price": None,
        "level": "all",
        "language": "cs",
        "sectors": ["books-press", "music", "software-games", "design", "film-audiovisual"],
        "cs": {
            "title": "Crowdfunding kreativního projektu",
            "intro": "Jak připravit kampaň na Hithitu nebo Startovači, nastavit odměny a nevyčerpat se v polovině sbírky.",
            "description": [
                _paragraph(
                    "<p>Večer pro autory knih, hudebníky, vývojáře her i designéry, kteří chtějí financovat projekt "
                    "z příspěvků fanoušků. Probereme, jak stanovit cílovou částku včetně poplatků, daní a nákladů "
                    "na odměny, jak natočit video, které projekt vysvětlí do minuty, a proč kampaň začíná měsíce před "
                    "spuštěním – budováním komunity a seznamu e-mailových adres.</p>"
                ),
                _paragraph(
                    "<p>Lektor ukáže čísla ze dvou vlastních kampaní, neúspěšné i úspěšné, a poradí, jak zvládnout "
                    "prostřední fázi sbírky, kdy příspěvky obvykle zpomalí. Po přednášce je prostor na konzultace "
                    "konkrétních záměrů.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Ondřej Malina",
                    "vydavatel deskových her",
                    "Jeho první kampaň nevyšla, druhá vybrala přes milion korun na vydání deskové hry.",
                )
            ],
        },
        "en": {
            "title": "Crowdfunding a creative project",
            "intro": "How to prepare a campaign on Hithit or Startovač, set up rewards and not run out of steam halfway.",
            "description": [
                _paragraph(
                    "<p>An evening for authors, musicians, game developers and designers who want to fund a project "
                    "through their fans' contributions. We cover setting the target amount, including fees, taxes and "
                    "the cost of rewards; making a video that explains the project in under a minute; and why a campaign "
                    "starts months before launch, by building a community and a mailing list.</p>"
                ),
                _paragraph(
                    "<p>The lecturer shares the numbers from two of his own campaigns, one failed and one successful, and "
                    "advises on getting through the middle of a campaign, when pledges usually slow down. After the talk "
                    "there is time to discuss your own plans.</p>"
                ),
            ],
            "lecturers": [
                _lecturer(
                    "Ondřej Malina",
                    "board game publisher",
                    "His first campaign failed; the second raised over a million crowns to publish a board game.",
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


def load(homes: dict[str, Page]) -> list[HubPage]:
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
        translated = {
            "title": english["title"],
            "intro": english["intro"],
            "body": english["body"],
            "services": english["services"],
            "opening_hours_note": english.get("opening_hours_note", ""),
            "booking_info": english.get("booking_info", ""),
        }
        if "equipment" in english:
            # Machine names and booking notes are text too; without this the copy keeps the Czech ones.
            translated["children:equipment"] = english["equipment"]
        ensure_translation(hub, "en", translated)

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
