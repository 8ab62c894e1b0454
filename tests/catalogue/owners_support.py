"""What the tests of the catalogue's owners share: published profiles built directly, members
signed in through their real e-mailed links, the links read from ``mail.outbox``, and a moderator
who decides through the real workflow."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import WorkflowState

from catalogue.models import ActorKind, Profile, ProfileMember
from catalogue.owners import mails

LINK = re.compile(r"https?://[^\s\"<>]+/catalogue/link/[^\s\"<>]+")


@pytest.fixture(autouse=True)
def fresh_limits():
    """Rate limits count in the shared cache: every test starts with none spent."""
    cache.clear()
    yield
    cache.clear()


def published_profile(name: str = "Studio Lípa", kind: str = ActorKind.STUDIO, **fields) -> Profile:
    profile = Profile.objects.create(name=name, kind=kind, live=False, **fields)
    profile.save_revision().publish()
    profile.refresh_from_db()
    return profile


def links_in(message) -> list[str]:
    return LINK.findall(message.body)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def use_link(client: Client, url: str):
    """Opens a link's page (GET, which spends nothing), then presses its button (POST)."""
    path = path_of(url)
    page = client.get(path)
    assert page.status_code == 200, page.content[:500]
    return client.post(path)


def signed_in_member(client: Client, profile: Profile, email: str = "owner@example.org") -> ProfileMember:
    """A member of ``profile``, signed in on ``client`` by the link a welcome e-mail carries."""
    member = ProfileMember.objects.create(profile=profile, email=email, role=ProfileMember.Role.OWNER)
    mail.outbox.clear()
    with translation.override("cs"):
        mails.send_welcome_member(member)
    (url,) = links_in(mail.outbox[-1])
    response = use_link(client, url)
    assert response.status_code == 302 and response.url == reverse("catalogue:owner", args=[profile.pk])
    mail.outbox.clear()
    member.refresh_from_db()
    return member


def moderator():
    user = get_user_model().objects.create_user("moderator", "moderator@office.example", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def decide(profile: Profile, approve: bool = True, comment: str = "", user=None) -> None:
    """A moderator's decision on the profile's waiting revision, through the workflow's task."""
    state = WorkflowState.objects.get(
        base_content_type=profile.get_base_content_type(),
        object_id=str(profile.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    task_state = state.current_task_state
    user = user or moderator()
    if approve:
        task_state.approve(user=user, comment=comment)
    else:
        task_state.reject(user=user, comment=comment)
