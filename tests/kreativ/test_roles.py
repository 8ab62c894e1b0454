"""The staff roles created by the data migration, checked through Wagtail's own permission logic."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from wagtail.images import get_image_model
from wagtail.models import Collection

from kreativ.models import Sector
from tests.factories import StandardPageFactory


def staff(group_name: str) -> User:
    user = User.objects.create_user(group_name.lower(), f"{group_name.lower()}@example.com", "password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.django_db
def test_editors_edit_and_publish_pages_and_manage_media(home):
    editor = staff("Editors")
    page = StandardPageFactory(parent=home)
    permissions = page.permissions_for_user(editor)
    assert permissions.can_edit()
    assert permissions.can_publish()
    assert permissions.can_add_subpage()
    assert editor.has_perm("wagtailadmin.access_admin")
    root = Collection.get_first_root_node()
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(get_image_model())
    assert permission_policy.user_has_permission_for_instance(editor, "change", get_image_model()(collection=root))
    assert permission_policy.user_has_permission(editor, "add")
    assert not editor.has_perm("kreativ.change_sector")


@pytest.mark.django_db
def test_moderators_manage_taxonomies_but_not_pages(home):
    moderator = staff("Moderators")
    page = StandardPageFactory(parent=home)
    permissions = page.permissions_for_user(moderator)
    assert not permissions.can_edit()
    assert not permissions.can_publish()
    assert moderator.has_perm("wagtailadmin.access_admin")
    assert moderator.has_perm("kreativ.change_sector")
    assert not moderator.has_perm("kreativ.delete_sector")


@pytest.mark.django_db
def test_editor_can_open_the_page_editor_and_moderator_cannot(client, home):
    page = StandardPageFactory(parent=home)
    client.force_login(staff("Editors"))
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    client.force_login(staff("Moderators"))
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 302
    assert client.get(f"/admin/snippets/kreativ/sector/edit/{Sector.objects.first().pk}/").status_code == 200
