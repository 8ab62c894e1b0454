"""Demo content of the site itself: the home page, an about page and the regional CCI magazine.

The region is Olomoucký kraj; the office, its hubs and its people are invented, the kinds of places
and what they do are real. Czech is the source language; English (and Slovenian for the main
pages) are translations linked to it, as an editor would make them.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage
from kreativ.demo_tools import demo_image, ensure_page, ensure_translation, locale
from kreativ.models import FooterSettings, NavigationSettings
from news.models import NewsArticlePage, NewsIndexPage


def _paragraph(html: str) -> tuple[str, str]:
    return ("paragraph", html)


def _heading(text: str) -> tuple[str, dict]:
    return ("heading", {"text": text, "level": "h2"})


HOME = {
    "cs": {
        "title": "Kreativní Olomoucko",
        "hero_title": "Zázemí pro kreativní lidi v Olomouckém kraji",
        "intro": (
            "Krajská kancelář pro kulturní a kreativní odvětví. Pomáháme designérům, hudebníkům, "
            "vývojářům her, řemeslníkům i malým studiím najít dílnu, kurz a peníze na jejich projekty."
        ),
        "offers": [
            (
                "offer",
                {
                    "title": "Dílny a fab-laby",
                    "text": "3D tisk, laserové řezání, CNC frézka i keramická pec: vybavení, na které byste sami nedosáhli.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
            (
                "offer",
                {
                    "title": "Kreativní akademie",
                    "text": "Krátké praktické kurzy od lidí z oboru: od ceny vlastní práce po digitální výrobu.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
            (
                "offer",
                {
                    "title": "Radar dotací",
                    "text": "Hlídáme národní i evropské výzvy pro kulturu a kreativní odvětví a upozorníme vás před uzávěrkou.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
            (
                "offer",
                {
                    "title": "Konzultace zdarma",
                    "text": "Poradíme s podnikatelským plánem, autorským právem i žádostí o grant.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
        ],
        "funding_intro": "<p>Nejbližší uzávěrky výzev, které jsme prověřili. Upozornění na nové výzvy vám můžeme posílat e-mailem.</p>",
    },
    "en": {
        "title": "Creative Olomouc Region",
        "hero_title": "A home base for creative people in the Olomouc Region",
        "intro": (
            "The regional office for the cultural and creative industries. We help designers, musicians, "
            "game developers, craftspeople and small studios find a workshop, a course and the money for their projects."
        ),
        "offers": [
            (
                "offer",
                {
                    "title": "Workshops and fab-labs",
                    "text": "3D printing, laser cutting, a CNC router and a ceramic kiln: equipment you could hardly afford alone.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
            (
                "offer",
                {
                    "title": "Creative Academy",
                    "text": "Short, practical courses taught by people from the field: from pricing your work to digital fabrication.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
            (
                "offer",
                {
                    "title": "Funding radar",
                    "text": "We watch national and EU calls for culture and the creative industries and tell you before the deadline.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
            (
                "offer",
                {
                    "title": "Free advice",
                    "text": "Help with a business plan, copyright questions and grant applications.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
        ],
        "funding_intro": "<p>The nearest deadlines of calls we have checked. We can e-mail you about new calls too.</p>",
    },
    "sl": {
        "title": "Kreativna Olomuška regija",
        "hero_title": "Zaledje za ustvarjalne ljudi v Olomuški regiji",
        "intro": (
            "Regionalna pisarna za kulturne in kreativne industrije. Oblikovalcem, glasbenikom, razvijalcem iger, "
            "rokodelcem in malim studiem pomagamo najti delavnico, tečaj in denar za njihove projekte."
        ),
        "offers": [
            (
                "offer",
                {
                    "title": "Delavnice in fablabi",
                    "text": "3D-tisk, lasersko rezanje, CNC-rezkar in keramična peč: oprema, ki si je sami ne bi mogli privoščiti.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
            (
                "offer",
                {
                    "title": "Kreativna akademija",
                    "text": "Kratki praktični tečaji, ki jih vodijo ljudje iz stroke: od cene lastnega dela do digitalne izdelave.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
            (
                "offer",
                {
                    "title": "Radar razpisov",
                    "text": "Spremljamo nacionalne in evropske razpise za kulturo in kreativne industrije ter vas opozorimo pred rokom.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
            (
                "offer",
                {
                    "title": "Brezplačno svetovanje",
                    "text": "Pomagamo pri poslovnem načrtu, avtorskih pravicah in prijavi na razpis.",
                    "link": {"page": None, "url": "", "text": ""},
                },
            ),
        ],
        "funding_intro": "<p>Najbližji roki razpisov, ki smo jih preverili. O novih razpisih vas lahko obveščamo po e-pošti.</p>",
    },
}

ABOUT = {
    "slug": "o-nas",
    "cs": {
        "title": "O nás",
        "intro": "Jsme malý tým krajské kanceláře pro kulturní a kreativní odvětví (KKO) se sídlem v Olomouci.",
        "body": [
            _paragraph(
                "<p>Kulturní a kreativní odvětví tvoří v kraji tisíce lidí: nezávislí designéři, fotografky, "
                "zvukoví mistři, knihaři, architektonická studia, malá herní studia i spolky, které pořádají festivaly. "
                "Většina z nich pracuje sama nebo v týmu do pěti lidí a nemá čas sledovat desítky dotačních portálů.</p>"
            ),
            _heading("Co děláme"),
            _paragraph(
                "<ul><li>mapujeme kreativní centra, coworkingy a dílny v kraji a pomáháme je propojovat,</li>"
                "<li>pořádáme Kreativní akademii – krátké praktické kurzy,</li>"
                "<li>provozujeme radar dotací: sledujeme výzvy Evropské unie, ministerstev, státních fondů i kraje,</li>"
                "<li>nabízíme konzultace k podnikání, autorskému právu a přípravě žádostí.</li></ul>"
            ),
            _heading("Kontakt"),
            _paragraph(
                "<p>Kancelář najdete v Olomouci, Horní náměstí 5, 2. patro. Otevřeno po–čt 9–16 h, jinak po domluvě.</p>"
            ),
        ],
    },
    "en": {
        "title": "About us",
        "slug": "about-us",
        "intro": "We are the small team of the regional office for the cultural and creative industries (CCI), based in Olomouc.",
        "body": [
            _paragraph(
                "<p>Thousands of people make up the region's cultural and creative industries: independent designers, "
                "photographers, sound engineers, bookbinders, architecture studios, small game studios and associations "
                "running festivals. Most of them work alone or in teams of fewer than five, with no time to watch dozens of funding portals.</p>"
            ),
            _heading("What we do"),
            _paragraph(
                "<ul><li>we map the region's creative centres, coworking spaces and workshops and help them work together,</li>"
                "<li>we run the Creative Academy: short, practical courses,</li>"
                "<li>we run the funding radar, following calls of the EU, ministries, state funds and the region,</li>"
                "<li>we offer advice on business, copyright and grant applications.</li></ul>"
            ),
            _heading("Contact"),
            _paragraph(
                "<p>Our office is in Olomouc, Horní náměstí 5, second floor. Open Monday to Thursday 9:00–16:00, otherwise by appointment.</p>"
            ),
        ],
    },
    "sl": {
        "title": "O nas",
        "slug": "o-nas",
        "intro": "Smo majhna ekipa regionalne pisarne za kulturne in kreativne industrije (KKI) s sedežem v Olomoucu.",
        "body": [
            _paragraph(
                "<p>Kulturne in kreativne industrije v regiji sestavlja na tisoče ljudi: samostojni oblikovalci, fotografinje, "
                "tonski mojstri, knjigovezi, arhitekturni biroji, mali studii za razvoj iger in društva, ki prirejajo festivale.</p>"
            ),
            _heading("Kaj delamo"),
            _paragraph(
                "<ul><li>kartiramo kreativne centre, coworkinge in delavnice v regiji,</li>"
                "<li>vodimo Kreativno akademijo s kratkimi praktičnimi tečaji,</li>"
                "<li>spremljamo razpise EU, ministrstev, državnih skladov in regije,</li>"
                "<li>svetujemo pri podjetništvu, avtorskem pravu in prijavah na razpise.</li></ul>"
            ),
        ],
    },
}

NEWS_INDEX = {
    "slug": "aktuality",
    "cs": {"title": "Aktuality", "intro": "Zprávy z kreativního Olomoucka: lidé, místa, výzvy a výsledky."},
    "en": {
        "title": "News",
        "slug": "news",
        "intro": "News from the creative Olomouc Region: people, places, calls and results.",
    },
    "sl": {
        "title": "Novice",
        "slug": "novice",
        "intro": "Novice iz kreativne Olomuške regije: ljudje, prostori, razpisi in rezultati.",
    },
}

NEWS = [
    {
        "slug": "novy-laserovy-rezak-v-prerove",
        "date": dt.date(2026, 10, 14),
        "author": "Tereza Vlčková",
        "cs": {
            "title": "Fab-lab v Přerově má nový laserový řezací stroj",
            "intro": "Dílna v bývalé tiskárně rozšířila vybavení o CO₂ laser s pracovní plochou 130 × 90 cm.",
            "body": [
                _paragraph(
                    "<p>Nový stroj zvládne řezat překližku do 10 mm, akrylát a kůži a gravírovat sklo i kámen. "
                    "Pořídil ho spolek, který dílnu provozuje, z příspěvku města a z členských poplatků.</p>"
                ),
                _paragraph(
                    "<p>Kdo chce laser používat samostatně, musí absolvovat dvouhodinové zaškolení. Termíny jsou každý "
                    "druhý čtvrtek od 17 hodin, přihlásit se lze v rezervačním kalendáři dílny.</p>"
                ),
            ],
        },
        "en": {
            "title": "The Přerov fab-lab has a new laser cutter",
            "intro": "The workshop in a former printing house has added a CO₂ laser with a 130 × 90 cm bed.",
            "body": [
                _paragraph(
                    "<p>The new machine cuts plywood up to 10 mm, acrylic and leather, and engraves glass and stone. "
                    "The association that runs the workshop bought it with a grant from the town and members' fees.</p>"
                ),
                _paragraph(
                    "<p>Anyone who wants to use the laser alone first takes a two-hour induction, every other Thursday "
                    "at 5 pm; sign up in the workshop's booking calendar.</p>"
                ),
            ],
        },
    },
    {
        "slug": "vysledky-vyzvy-kreativni-vouchery",
        "date": dt.date(2026, 9, 30),
        "author": "Martin Koudela",
        "cs": {
            "title": "Kreativní vouchery: podpořeno 24 spoluprací firem a tvůrců",
            "intro": "Krajská výzva propojila místní firmy s designéry, fotografy a vývojáři.",
            "body": [
                _paragraph(
                    "<p>Do letošního kola kreativních voucherů přišlo 41 žádostí. Hodnotitelé doporučili 24 projektů, "
                    "od nového obalu pro rodinnou pekárnu v Litovli po aplikaci pro prohlídky hradu Šternberk.</p>"
                ),
                _paragraph("<p>Voucher pokrývá až 75 % ceny služby kreativního dodavatele, nejvýše 150 000 Kč.</p>"),
            ],
        },
        "en": {
            "title": "Creative vouchers: 24 collaborations between firms and creators supported",
            "intro": "The regional call matched local businesses with designers, photographers and developers.",
            "body": [
                _paragraph(
                    "<p>This year's round of creative vouchers received 41 applications. The evaluators recommended 24 projects, "
                    "from new packaging for a family bakery in Litovel to a guided-tour app for Šternberk castle.</p>"
                ),
                _paragraph(
                    "<p>A voucher covers up to 75% of the price of a creative supplier's service, at most CZK 150,000.</p>"
                ),
            ],
        },
    },
    {
        "slug": "rozhovor-keramicka-dilna-sumperk",
        "date": dt.date(2026, 8, 21),
        "author": "Tereza Vlčková",
        "cs": {
            "title": "„Pec je srdce dílny.“ Rozhovor s keramičkou ze Šumperka",
            "intro": "Jana Hrubá provozuje sdílenou keramickou dílnu a učí točit na kruhu dospělé i děti.",
            "body": [
                _paragraph(
                    "<p><b>Proč sdílená dílna?</b> Elektrická pec na 1 280 °C stojí přes sto tisíc a jedna keramička ji "
                    "nevytíží. Nás je teď dvanáct a pec jede třikrát týdně.</p>"
                ),
                _paragraph(
                    "<p><b>Co vám pomohlo nejvíc?</b> Kurz o cenotvorbě v Kreativní akademii. Do té doby jsem prodávala "
                    "hrnky pod cenou materiálu a energie.</p>"
                ),
            ],
        },
        "en": {
            "title": "“The kiln is the heart of the workshop.” An interview with a ceramicist from Šumperk",
            "intro": "Jana Hrubá runs a shared ceramics workshop and teaches adults and children to throw on the wheel.",
            "body": [
                _paragraph(
                    "<p><b>Why a shared workshop?</b> An electric kiln that reaches 1,280 °C costs over a hundred thousand crowns, "
                    "and one potter cannot keep it busy. There are twelve of us now and the kiln fires three times a week.</p>"
                ),
                _paragraph(
                    "<p><b>What helped you most?</b> The pricing course at the Creative Academy. Until then I sold mugs "
                    "for less than the clay and the electricity cost.</p>"
                ),
            ],
        },
    },
    {
        "slug": "kreativni-evropa-infoden-olomouc",
        "date": dt.date(2026, 11, 3),
        "author": "Martin Koudela",
        "cs": {
            "title": "Infoden programu Kreativní Evropa v Olomouci",
            "intro": "Kancelář Creative Europe Desk představí výzvy na rok 2027 a poradí s hledáním partnerů.",
            "body": [
                _paragraph(
                    "<p>Setkání se koná 4. prosince 2026 od 10 hodin v kreativním centru v Olomouci. Na programu jsou "
                    "výzvy na projekty evropské spolupráce, literární překlady a síťování a zkušenosti dvou "
                    "úspěšných žadatelů z regionu.</p>"
                ),
                _paragraph("<p>Vstup je zdarma, kapacita sálu je 60 míst.</p>"),
            ],
        },
        "en": {
            "title": "Creative Europe information day in Olomouc",
            "intro": "The Creative Europe Desk presents the 2027 calls and helps with finding partners.",
            "body": [
                _paragraph(
                    "<p>The meeting takes place on 4 December 2026 from 10 am at the creative centre in Olomouc. "
                    "It covers the calls for European cooperation projects, literary translation and networks, "
                    "and the experience of two successful applicants from the region.</p>"
                ),
                _paragraph("<p>Admission is free; the hall seats 60.</p>"),
            ],
        },
    },
]


def load_homes(stdout=None) -> dict[str, HomePage]:
    """The home page in every language, set as the root of the default site."""
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locale("cs")).first()
    if home is None:
        cs = HOME["cs"]
        home = HomePage(
            title=cs["title"],
            slug="kreativni-olomoucko",
            locale=locale("cs"),
            hero_title=cs["hero_title"],
            intro=cs["intro"],
            offers=cs["offers"],
            funding_intro=cs["funding_intro"],
            listing_image=demo_image("Ilustrace: Kreativní Olomoucko", "home"),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = str(settings.WAGTAIL_SITE_NAME)
        # Full URLs (canonical, sitemap, feeds) point where the demo is served.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = base.hostname or site.hostname
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.save()
        # Wagtail's placeholder "Welcome" page is removed once nothing points at it.
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()
    homes = {"cs": home}
    for language in ("en", "sl"):
        texts = HOME[language]
        homes[language], _ = ensure_translation(
            home,
            language,
            {
                "title": texts["title"],
                "hero_title": texts["hero_title"],
                "intro": texts["intro"],
                "offers": texts["offers"],
                "funding_intro": texts["funding_intro"],
            },
        )
    return homes


def load_pages(homes: dict[str, HomePage]) -> dict[str, Page]:
    """The about page and the magazine with its articles."""
    about, _ = ensure_page(
        homes["cs"],
        StandardPage,
        ABOUT["slug"],
        {"title": ABOUT["cs"]["title"], "intro": ABOUT["cs"]["intro"], "body": ABOUT["cs"]["body"]},
    )
    for language in ("en", "sl"):
        ensure_translation(about, language, ABOUT[language])

    news_index, _ = ensure_page(homes["cs"], NewsIndexPage, NEWS_INDEX["slug"], NEWS_INDEX["cs"])
    for language in ("en", "sl"):
        ensure_translation(news_index, language, NEWS_INDEX[language])
    for article in NEWS:
        image = demo_image(f"Ilustrace: {article['cs']['title']}", article["slug"])
        page, _ = ensure_page(
            news_index,
            NewsArticlePage,
            article["slug"],
            {**article["cs"], "date": article["date"], "author": article["author"], "listing_image": image},
        )
        ensure_translation(page, "en", article["en"])
    return {"about": about, "news": news_index}


def load_navigation(homes: dict[str, HomePage], featured_hubs: list[Page]) -> None:
    """Menu, footer and the home page's featured hubs, once the sections exist."""
    home = homes["cs"]
    site = Site.objects.get(is_default_site=True)
    navigation = NavigationSettings.for_site(site)
    if not navigation.main_links.exists():
        order = [
            "hubs.HubIndexPage",
            "hubs.AcademyPage",
            "opportunities.FundingFinderPage",
            "news.NewsIndexPage",
            "home.StandardPage",
        ]
        children = {
            f"{c.specific_class._meta.app_label}.{c.specific_class.__name__}": c for c in home.get_children().live()
        }
        navigation.main_links.set(
            [navigation.main_links.model(page=children[name]) for name in order if name in children]
        )
        navigation.save()
    footer = FooterSettings.for_site(site)
    if not footer.organisation:
        footer.organisation = "Kreativní Olomoucko, z. ú."
        footer.address = "Horní náměstí 5\n779 00 Olomouc"
        footer.email = "info@kreativni-olomoucko.example"
        footer.phone = "+420 585 000 123"
        footer.facebook_url = "https://www.facebook.com/"
        footer.instagram_url = "https://www.instagram.com/"
        about = StandardPage.objects.child_of(home).first()
        if about is not None:
            footer.footer_links.set([footer.footer_links.model(page=about)])
        footer.save()
    if featured_hubs and not home.featured_hubs.exists():
        home.featured_hubs.set([home.featured_hubs.model(hub=hub) for hub in featured_hubs])
        home.save_revision().publish()
        for language in ("en", "sl"):
            translation = home.get_translation_or_none(locale(language))
            if translation is not None and not translation.specific.featured_hubs.exists():
                translation = translation.specific
                translation.featured_hubs.set([translation.featured_hubs.model(hub=hub) for hub in featured_hubs])
                translation.save_revision().publish()
