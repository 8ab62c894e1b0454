"""Profiles nobody keeps have the moderators for keepers (``catalogue.moderation.unkept``): a
moderator's publishing confirms them, the daily schedule sends the moderators one digest of those
due, a moderator confirms one in a click, and the dashboard counts them. Through the real workflow
and the Django client."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from catalogue.models import ActorKind, Profile, ProfileMember
from catalogue.owners import confirmation
from kreativ.moderation.submit import submit_for_moderation
from tests.catalogue.owners_support import (  # noqa: F401 (fresh_limits is a fixture)
    decide,
    fresh_limits,
    moderator,
    published_profile,
)

pytestmark = pytest.mark.django_db
LONG_AGO = dt.timedelta(days=400)  # past the 13 months: out of public view
A_YEAR_AGO = dt.timedelta(days=370)  # past the 12 months: due, still public


def _age(profile: Profile, by: dt.timedelta, now: dt.datetime | None = None) -> None:
    Profile.objects.filter(pk=profile.pk).update(confirmed_at=(now or timezone.now()) - by)


def _confirmed_at(profile: Profile) -> dt.datetime:
    return Profile.objects.get(pk=profile.pk).confirmed_at


def _under_review(profile: Profile) -> None:
    """A new revision of ``profile`` waiting in the "Profile moderation" workflow."""
    profile = Profile.objects.get(pk=profile.pk)
    profile.short_en = "Still here"
    profile.save_revision()
    submit_for_moderation(profile)


def _editor():
    """A communications editor: in the admin, without the moderators' permissions on profiles."""
    user = get_user_model().objects.create_user("editor", "editor@office.example", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def _counted(singular: str, plural: str, count: int) -> str:
    """A counted sentence of a template as the admin (in Czech, the site's language) shows it."""
    with translation.override("cs"):
        text = translation.ngettext(
            singular.replace("{{ counter }}", "%(counter)s"), plural.replace("{{ counter }}", "%(counter)s"), count
        )
    return text % {"counter": count}


def _public(profile: Profile) -> bool:
    return Profile.objects.public().filter(pk=profile.pk).exists()


def test_a_moderators_approval_confirms_a_profile_nobody_keeps_but_not_a_kept_one(home):
    unkept = Profile.objects.create(name="Imported NGO", kind=ActorKind.NGO, live=False, imported_from="mapping.csv")
    _age(unkept, LONG_AGO)  # an import of long ago, never published
    _under_review(unkept)
    kept = published_profile("Kept studio")
    ProfileMember.objects.create(profile=kept, email="owner@example.org")
    _age(kept, LONG_AGO)
    _under_review(kept)
    user = moderator()
    before = timezone.now()

    decide(unkept, user=user)
    decide(kept, user=user)

    assert _confirmed_at(unkept) >= before and _public(unkept)
    assert _confirmed_at(kept) < before - dt.timedelta(days=399) and not _public(kept)


def test_the_moderators_get_one_digest_of_the_unkept_profiles_due_and_only_once(home):
    now = timezone.now()
    user = moderator()
    _editor()  # no moderator: not a recipient
    due_one = published_profile("Due one")
    hidden_one = published_profile("Hidden one")
    recent = published_profile("Recent one")
    kept = published_profile("Kept one")
    ProfileMember.objects.create(profile=kept, email="owner@example.org")
    draft = Profile.objects.create(name="Draft one", kind=ActorKind.NGO, live=False)
    _age(due_one, A_YEAR_AGO, now)
    _age(hidden_one, LONG_AGO, now)
    _age(recent, dt.timedelta(days=100), now)
    for profile in (kept, draft):
        _age(profile, A_YEAR_AGO, now)

    assert confirmation.request_confirmations(now) == 3  # the kept one's owners, and two unkept ones

    to_owner = [message for message in mail.outbox if message.to == ["owner@example.org"]]
    digests = [message for message in mail.outbox if message.to == [user.email]]
    assert len(to_owner) == 1 and len(digests) == 1 and len(mail.outbox) == 2
    body = digests[0].body
    for listed in (due_one, hidden_one):
        assert listed.name in body
        assert reverse("wagtailsnippets_catalogue_profile:edit", args=[listed.pk]) in body
    for left_out in (recent, kept, draft):
        assert left_out.name not in body
    assert "owner@example.org" not in body
    asked = Profile.objects.filter(pk__in=[due_one.pk, hidden_one.pk])
    assert all(profile.confirmation_requested_at == now for profile in asked)
    assert Profile.objects.get(pk=recent.pk).confirmation_requested_at is None

    mail.outbox.clear()
    assert confirmation.request_confirmations(now + dt.timedelta(days=1)) == 0
    assert mail.outbox == []


def test_no_digest_without_a_moderator_to_read_it_and_the_profiles_are_not_marked_asked(home):
    profile = published_profile("Due one")
    _age(profile, A_YEAR_AGO)
    assert confirmation.request_confirmations() == 0
    assert mail.outbox == [] and Profile.objects.get(pk=profile.pk).confirmation_requested_at is None


def test_one_click_of_a_moderator_brings_a_hidden_unkept_profile_back(client, home):
    profile = published_profile("Imported NGO", kind=ActorKind.NGO)
    _age(profile, LONG_AGO)
    assert not _public(profile)
    client.force_login(moderator())
    edit = client.get(reverse("wagtailsnippets_catalogue_profile:edit", args=[profile.pk]))
    confirm_url = reverse("wagtailsnippets_catalogue_profile:confirm", args=[profile.pk])
    assert confirm_url in edit.content.decode()

    response = client.post(confirm_url)

    assert response.status_code == 302
    assert response.url == reverse("wagtailsnippets_catalogue_profile:edit", args=[profile.pk])
    assert _public(profile)
    assert ModelLogEntry.objects.filter(action="catalogue.confirmed_by_moderator", object_id=str(profile.pk)).exists()


def test_only_a_moderator_confirms_and_only_a_profile_nobody_keeps(client, home):
    profile = published_profile("Imported NGO", kind=ActorKind.NGO)
    _age(profile, LONG_AGO)
    confirm_url = reverse("wagtailsnippets_catalogue_profile:confirm", args=[profile.pk])

    anonymous = client.post(confirm_url)
    assert anonymous.status_code == 302 and reverse("wagtailadmin_login") in anonymous.url
    client.force_login(_editor())  # in the admin, but no moderator: Wagtail's "no permission" redirect
    refused = client.post(confirm_url)
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    client.force_login(moderator())
    assert client.get(confirm_url).url == reverse("wagtailadmin_home")  # a click is a POST
    assert not _public(profile)

    kept = published_profile("Kept studio")
    ProfileMember.objects.create(profile=kept, email="owner@example.org")
    _age(kept, LONG_AGO)
    edit = client.get(reverse("wagtailsnippets_catalogue_profile:edit", args=[kept.pk]))
    kept_url = reverse("wagtailsnippets_catalogue_profile:confirm", args=[kept.pk])
    assert kept_url not in edit.content.decode()
    assert client.post(kept_url).status_code == 302
    assert not _public(kept)  # only its owners confirm it


def test_the_dashboard_counts_unkept_profiles_to_confirm_and_links_to_their_listing(client, home):
    due_one = published_profile("Due one")
    hidden_one = published_profile("Hidden one")
    fresh = published_profile("Fresh one")
    _age(due_one, A_YEAR_AGO)
    _age(hidden_one, LONG_AGO)
    client.force_login(moderator())

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    listing_url = reverse("wagtailsnippets_catalogue_profile:list") + "?moderation=to_confirm"
    assert listing_url in dashboard
    waiting = "{{ counter }} published profile nobody keeps waits for your confirmation,"
    waiting_plural = "{{ counter }} published profiles nobody keeps wait for your confirmation,"
    hidden = "{{ counter }} of them hidden already."
    assert _counted(waiting, waiting_plural, 2) in dashboard and _counted(hidden, hidden, 1) in dashboard
    listing = client.get(listing_url).content.decode()
    assert due_one.name in listing and hidden_one.name in listing and fresh.name not in listing
