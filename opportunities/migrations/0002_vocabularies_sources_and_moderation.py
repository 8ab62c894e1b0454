"""Applicant types, the named sources, and the "Funding call moderation" workflow for Moderators.

A workflow with no active task approves and publishes at once when started, so the task is
created here together with the workflow, and ingest refuses to start a workflow without one.
"""

from django.db import migrations

from kreativ import data_migrations

APPLICANT_TYPES = [
    # slug, Czech, Slovenian, English
    ("freelancer", "OSVČ a nezávislí tvůrci", "Samostojni ustvarjalci in s.p.", "Freelancers and self-employed creators"),
    ("micro-enterprise", "Mikropodniky", "Mikro podjetja", "Micro-enterprises"),
    ("sme", "Malé a střední podniky", "Mala in srednja podjetja", "Small and medium-sized enterprises"),
    ("large-enterprise", "Velké podniky", "Velika podjetja", "Large enterprises"),
    ("ngo", "Neziskové organizace", "Nevladne organizacije", "Non-profit organisations"),
    ("public-body", "Veřejné instituce", "Javne ustanove", "Public bodies"),
    ("municipality", "Obce a kraje", "Občine in regije", "Municipalities and regions"),
    ("school-university", "Školy a univerzity", "Šole in univerze", "Schools and universities"),
    ("research-organisation", "Výzkumné organizace", "Raziskovalne organizacije", "Research organisations"),
    ("individual", "Fyzické osoby", "Fizične osebe", "Individuals"),
    ("other", "Ostatní", "Drugi", "Others"),
]

SOURCES = [
    # slug, name, kind, url, language
    (
        "eu_ft",
        "EU Funding & Tenders portal",
        "eu_ft",
        "https://api.tech.ec.europa.eu/search-api/prod/rest/search",
        "en",
    ),
    ("cz_dotaceeu", "DotaceEU.cz – výzvy", "cz_dotaceeu", "https://www.dotaceeu.cz/cs/jak-ziskat-dotaci/vyzvy", "cs"),
    ("cz_mkcr", "Ministerstvo kultury ČR – granty a dotace", "cz_mkcr", "https://mk.gov.cz/granty-a-dotace", "cs"),
    ("si_podjetniski", "Podjetniški portal – razpisi", "si_podjetniski", "https://www.podjetniski-portal.si/razpisi", "sl"),
    ("manual", "Entered by hand", "manual", "", ""),
]

MODERATOR_PERMISSIONS = [
    ("fundingcall", ["add", "change", "publish", "lock", "unlock"]),
    ("programme", ["add", "change"]),
    ("applicanttype", ["add", "change"]),
    ("source", ["add", "change"]),
    ("duplicatesuggestion", ["change"]),
    ("crawlrun", ["view"]),
]


def create(apps, schema_editor):
    ApplicantType = apps.get_model("opportunities", "ApplicantType")
    Source = apps.get_model("opportunities", "Source")

    for order, (slug, cs, sl, en) in enumerate(APPLICANT_TYPES):
        ApplicantType.objects.update_or_create(
            slug=slug, defaults={"name_cs": cs, "name_sl": sl, "name_en": en, "sort_order": order}
        )
    for slug, name, kind, url, language in SOURCES:
        Source.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind, "url": url, "language": language})

    moderators = data_migrations.grant_moderators(apps, "opportunities", MODERATOR_PERMISSIONS)
    data_migrations.attach_workflow(
        apps,
        workflow="Funding call moderation",
        task="Moderators approve the call",
        task_model="wagtailcore.GroupApprovalTask",
        model="opportunities.fundingcall",
        group=moderators,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0001_initial"),
        ("kreativ", "0003_locales_and_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
