"""Applicant types, the named sources, and the "Funding call moderation" workflow for Moderators.

A workflow with no active task approves and publishes at once when started, so the task is
created here together with the workflow, and ingest refuses to start a workflow without one.
"""

from django.db import migrations

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
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    for order, (slug, cs, sl, en) in enumerate(APPLICANT_TYPES):
        ApplicantType.objects.update_or_create(
            slug=slug, defaults={"name_cs": cs, "name_sl": sl, "name_en": en, "sort_order": order}
        )
    for slug, name, kind, url, language in SOURCES:
        Source.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind, "url": url, "language": language})

    moderators, _ = Group.objects.get_or_create(name="Moderators")
    for model, actions in MODERATOR_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="opportunities", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            moderators.permissions.add(permission)

    task_content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Moderators approve the call", defaults={"content_type": task_content_type, "active": True}
    )
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name="Funding call moderation", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    call_content_type, _ = ContentType.objects.get_or_create(app_label="opportunities", model="fundingcall")
    WorkflowContentType.objects.update_or_create(content_type=call_content_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0001_initial"),
        ("kreativ", "0003_locales_and_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
