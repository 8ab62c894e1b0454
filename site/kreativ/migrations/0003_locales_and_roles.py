"""The site's languages, and the two staff roles with the least permissions they need.

Wagtail's first migration creates "Editors" and "Moderators" with page rights on the whole tree.
Here Editors keep pages (add, edit, publish), images, documents, translations and the navigation;
Moderators get the admin and the taxonomies, and lose page rights: they moderate funding calls,
whose permissions the funding app's own migration adds to this group.
"""

from django.conf import settings
from django.db import migrations

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtail_localize", "translation", "submit_translation"),
    ("kreativ", "navigationsettings", "change_navigationsettings"),
    ("kreativ", "footersettings", "change_footersettings"),
]
MODERATOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("kreativ", "sector", "add_sector"),
    ("kreativ", "sector", "change_sector"),
    ("kreativ", "region", "add_region"),
    ("kreativ", "region", "change_region"),
]


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return permission


def create_locales_and_roles(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)

    editors, _ = Group.objects.get_or_create(name="Editors")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    GroupPagePermission.objects.filter(group__in=[editors, moderators]).delete()
    GroupCollectionPermission.objects.filter(group__in=[editors, moderators]).delete()
    editors.permissions.clear()
    moderators.permissions.clear()

    if root_page is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.create(
                group=editors, page=root_page, permission=_permission(apps, "wagtailcore", "page", codename)
            )
    if root_collection is not None:
        for app_label, model, codenames in EDITOR_COLLECTION_PERMISSIONS:
            for codename in codenames:
                GroupCollectionPermission.objects.create(
                    group=editors, collection=root_collection, permission=_permission(apps, app_label, model, codename)
                )
    editors.permissions.add(*[_permission(apps, *spec) for spec in EDITOR_MODEL_PERMISSIONS])
    moderators.permissions.add(*[_permission(apps, *spec) for spec in MODERATOR_MODEL_PERMISSIONS])


class Migration(migrations.Migration):
    dependencies = [
        ("kreativ", "0002_taxonomies"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_locales_and_roles, migrations.RunPython.noop)]
