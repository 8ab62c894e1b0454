"""The profile model: registry numbers with their check digits, who the public sees, texts in the
reader's language, and what a revision holds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from catalogue.models import ActorKind, Country, Profile, ProfileMember, Service
from catalogue.models.profiles import CONFIRMATION_MONTHS, normalise_registry_number
from catalogue.vocabulary import services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("country", "typed", "stored"),
    [
        (Country.CZ, "25596641", "25596641"),  # a real IČO's checksum
        (Country.CZ, " 255 966 41 ", "25596641"),
        (Country.SI, "5300231000", "5300231"),  # the main unit (000) is the company itself
        (Country.SI, "", ""),
    ],
)
def test_a_valid_registry_number_is_kept_in_its_compact_form(country, typed, stored):
    assert normalise_registry_number(country, typed) == stored


@pytest.mark.parametrize(
    ("country", "typed", "code"),
    [
        (Country.CZ, "25596642", "checksum"),
        (Country.CZ, "2559664", "length"),
        (Country.CZ, "2559664A", "invalid"),
        (Country.SI, "5300232000", "checksum"),
        (Country.SI, "53002", "length"),
    ],
)
def test_a_wrong_registry_number_is_refused_with_its_reason(country, typed, code):
    with pytest.raises(ValidationError) as raised:
        normalise_registry_number(country, typed)
    assert raised.value.code == code


def test_the_registry_number_error_speaks_the_readers_language():
    profile = Profile(name="Studio", kind=ActorKind.STUDIO, country=Country.CZ, registry_number="25596642")
    with translation.override("cs"), pytest.raises(ValidationError) as raised:
        profile.clean()
    assert "Kontrolní číslice" in " ".join(raised.value.message_dict["registry_number"])


def test_unknown_working_languages_are_refused():
    profile = Profile(name="Studio", kind=ActorKind.STUDIO, languages=["cs", "xx"])
    with pytest.raises(ValidationError) as raised:
        profile.clean()
    assert "languages" in raised.value.message_dict


def published(**fields) -> Profile:
    profile = Profile.objects.create(
        name=fields.pop("name", "Ateliér"), kind=fields.pop("kind", ActorKind.STUDIO), **fields
    )
    profile.save_revision().publish()
    return Profile.objects.get(pk=profile.pk)


def test_the_public_sees_live_confirmed_profiles_and_people_only_with_consent():
    studio = published(name="Studio")
    person_without = published(name="Jana", kind=ActorKind.FREELANCER)
    person_with = published(
        name="Petra", kind=ActorKind.FREELANCER, consent_given_at=timezone.now(), consent_version="1"
    )
    draft = Profile.objects.create(name="Draft", kind=ActorKind.NGO, live=False)
    stale = published(name="Stale")
    Profile.objects.filter(pk=stale.pk).update(
        confirmed_at=timezone.now() - dt.timedelta(days=CONFIRMATION_MONTHS * 31)
    )
    public = set(Profile.objects.public())
    assert public == {studio, person_with}
    assert person_without not in public and draft not in public


def test_texts_fall_back_to_another_language():
    profile = Profile(name="X", kind=ActorKind.STUDIO, short_cs="Grafické studio", short_en="A graphic studio")
    assert profile.short_description("sl") == "A graphic studio"
    assert profile.short_description("cs") == "Grafické studio"
    with translation.override("en"):
        assert profile.short_description() == "A graphic studio"


def test_a_revision_holds_no_members_address():
    profile = Profile.objects.create(name="Kolektiv", kind=ActorKind.NGO)
    ProfileMember.objects.create(profile=profile, email="jana@example.com", role=ProfileMember.Role.OWNER)
    revision = profile.save_revision()
    assert "jana@example.com" not in str(revision.content)


def test_a_slug_is_made_from_the_name():
    profile = Profile.objects.create(name="Ateliér Šťastný", kind=ActorKind.STUDIO)
    assert profile.slug == f"atelier-stastny-{profile.pk}"


def test_the_services_vocabulary_is_in_the_database():
    assert Service.objects.count() == len(services()) >= 20
    with translation.override("sl"):
        assert Service.objects.get(slug="photography").name == "Fotografija"
