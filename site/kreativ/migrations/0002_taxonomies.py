"""The CCI sectors and the regions that hubs, courses and funding calls are tagged with."""

from django.db import migrations

SECTORS = [
    # slug, Czech, Slovenian, English
    ("architecture", "Architektura", "Arhitektura", "Architecture"),
    ("advertising", "Reklama", "Oglaševanje", "Advertising"),
    ("design", "Design", "Oblikovanje", "Design"),
    ("visual-arts", "Výtvarné umění", "Vizualne umetnosti", "Visual arts"),
    ("cultural-heritage", "Kulturní dědictví", "Kulturna dediščina", "Cultural heritage"),
    ("archives-libraries", "Archivy a knihovny", "Arhivi in knjižnice", "Archives and libraries"),
    ("books-press", "Knihy a tisk", "Knjige in tisk", "Books and press"),
    ("arts-education", "Umělecké vzdělávání", "Umetnostno izobraževanje", "Arts education"),
    ("music", "Hudba", "Glasba", "Music"),
    ("performing-arts", "Scénická umění", "Uprizoritvene umetnosti", "Performing arts"),
    ("intermedia", "Intermediální tvorba", "Intermedijska umetnost", "Intermedia"),
    ("media", "Média", "Mediji", "Media"),
    ("software-games", "Software a hry", "Programska oprema in igre", "Software and games"),
    ("film-audiovisual", "Film a audiovize", "Film in avdiovizualne dejavnosti", "Film and audiovisual"),
    ("cultural-tourism", "Kulturní turismus", "Kulturni turizem", "Cultural tourism"),
    ("crafts", "Umělecká řemesla", "Rokodelstvo", "Crafts"),
]

# code, slug, Czech, Slovenian, English, level, parent code
REGIONS = [
    ("EU", "eu", "Evropská unie", "Evropska unija", "European Union", "supranational", None),
    ("CZ", "cz", "Česko", "Češka", "Czechia", "country", "EU"),
    ("SI", "si", "Slovinsko", "Slovenija", "Slovenia", "country", "EU"),
    ("CZ010", "praha", "Hlavní město Praha", "Praga", "Prague", "region", "CZ"),
    ("CZ020", "stredocesky-kraj", "Středočeský kraj", "Srednječeška regija", "Central Bohemian Region", "region", "CZ"),
    ("CZ031", "jihocesky-kraj", "Jihočeský kraj", "Južnočeška regija", "South Bohemian Region", "region", "CZ"),
    ("CZ032", "plzensky-kraj", "Plzeňský kraj", "Plzenska regija", "Plzeň Region", "region", "CZ"),
    ("CZ041", "karlovarsky-kraj", "Karlovarský kraj", "Karlovarska regija", "Karlovy Vary Region", "region", "CZ"),
    ("CZ042", "ustecky-kraj", "Ústecký kraj", "Usteška regija", "Ústí nad Labem Region", "region", "CZ"),
    ("CZ051", "liberecky-kraj", "Liberecký kraj", "Libereška regija", "Liberec Region", "region", "CZ"),
    ("CZ052", "kralovehradecky-kraj", "Královéhradecký kraj", "Hradec Kralove", "Hradec Králové Region", "region", "CZ"),
    ("CZ053", "pardubicky-kraj", "Pardubický kraj", "Pardubiška regija", "Pardubice Region", "region", "CZ"),
    ("CZ063", "kraj-vysocina", "Kraj Vysočina", "Visočina", "Vysočina Region", "region", "CZ"),
    ("CZ064", "jihomoravsky-kraj", "Jihomoravský kraj", "Južnomoravska regija", "South Moravian Region", "region", "CZ"),
    ("CZ071", "olomoucky-kraj", "Olomoucký kraj", "Olomuška regija", "Olomouc Region", "region", "CZ"),
    ("CZ072", "zlinsky-kraj", "Zlínský kraj", "Zlinska regija", "Zlín Region", "region", "CZ"),
    ("CZ080", "moravskoslezsky-kraj", "Moravskoslezský kraj", "Moravskošleška regija", "Moravian-Silesian Region", "region", "CZ"),
    ("SI031", "pomurska", "Pomurská", "Pomurska", "Mura", "region", "SI"),
    ("SI032", "podravska", "Podravská", "Podravska", "Drava", "region", "SI"),
    ("SI033", "koroska", "Korutanská", "Koroška", "Carinthia", "region", "SI"),
    ("SI034", "savinjska", "Savinjská", "Savinjska", "Savinja", "region", "SI"),
    ("SI035", "zasavska", "Zasavská", "Zasavska", "Central Sava", "region", "SI"),
    ("SI036", "posavska", "Posavská", "Posavska", "Lower Sava", "region", "SI"),
    ("SI037", "jugovzhodna-slovenija", "Jihovýchodní Slovinsko", "Jugovzhodna Slovenija", "Southeast Slovenia", "region", "SI"),
    ("SI038", "primorsko-notranjska", "Přímořsko-vnitrokraňská", "Primorsko-notranjska", "Littoral–Inner Carniola", "region", "SI"),
    ("SI041", "osrednjeslovenska", "Středoslovinská", "Osrednjeslovenska", "Central Slovenia", "region", "SI"),
    ("SI042", "gorenjska", "Gorenjská", "Gorenjska", "Upper Carniola", "region", "SI"),
    ("SI043", "goriska", "Gorická", "Goriška", "Gorizia", "region", "SI"),
    ("SI044", "obalno-kraska", "Pobřežně-krasová", "Obalno-kraška", "Coastal–Karst", "region", "SI"),
]


def create_taxonomies(apps, schema_editor):
    Sector = apps.get_model("kreativ", "Sector")
    Region = apps.get_model("kreativ", "Region")
    for order, (slug, cs, sl, en) in enumerate(SECTORS):
        Sector.objects.update_or_create(
            slug=slug, defaults={"name_cs": cs, "name_sl": sl, "name_en": en, "sort_order": order}
        )
    by_code = {}
    for code, slug, cs, sl, en, level, parent in REGIONS:
        region, _ = Region.objects.update_or_create(
            slug=slug,
            defaults={
                "code": code,
                "name_cs": cs,
                "name_sl": sl,
                "name_en": en,
                "level": level,
                "parent": by_code.get(parent),
            },
        )
        by_code[code] = region


class Migration(migrations.Migration):
    dependencies = [("kreativ", "0001_initial")]

    operations = [migrations.RunPython(create_taxonomies, migrations.RunPython.noop)]
