"""Duplicate profiles: suggested on the same registry number or a similar name in one municipality,
merged by a moderator (members, portfolio and links move; the duplicate leaves public view) or dismissed."""

from __future__ import annotations

import pytest
import wagtail_factories
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from catalogue.duplicates.merge import merge_profiles
from catalogue.duplicates.suggestions import comparable_name, suggest_duplicates
from catalogue.models import ActorKind, Country, Profile, ProfileDuplicateSuggestion, ProfileImage, ProfileMember
from kreativ.merging import final_target
from tests.catalogue.builders import published_profile

pytestmark = pytest.mark.django_db

OPEN = ProfileDuplicateSuggestion.Status.OPEN


def pairs() -> set[tuple[str, str, str]]:
    return {
        (s.profile.name, s.duplicate_of.name, s.reason)
        for s in ProfileDuplicateSuggestion.objects.select_related("profile", "duplicate_of")
    }


def test_the_same_registry_number_is_suggested_whatever_the_name():
    published_profile(name="Tiskárna Hanák", registry_number="25596641", municipality="Přerov")
    Profile.objects.create(
        kind=ActorKind.STUDIO, name="Hanák a syn", registry_number="25596641", municipality="Olomouc"
    )
    assert pairs() == {("Hanák a syn", "Tiskárna Hanák", "same registry number")}


def test_the_same_number_in_another_countrys_registry_is_not_a_duplicate():
    Profile.objects.create(
        kind=ActorKind.STUDIO, name="A", country=Country.CZ, registry_number="5300231"
    )  # a rule test, not a valid IČO
    Profile.objects.create(kind=ActorKind.STUDIO, name="B", country=Country.SI, registry_number="5300231")
    assert not ProfileDuplicateSuggestion.objects.exists()


def test_a_similar_name_in_the_same_municipality_is_suggested_without_accents_or_legal_form():
    published_profile(name="Ateliér Šťastný, s. r. o.", municipality="Šumperk")
    Profile.objects.create(kind=ActorKind.STUDIO, name="Atelier Stastny", municipality="sumperk")
    Profile.objects.create(
        kind=ActorKind.STUDIO, name="Atelier Stastny", municipality="Olomouc"
    )  # elsewhere: another actor
    Profile.objects.create(kind=ActorKind.STUDIO, name="Ateliér Veselý", municipality="Šumperk")  # another name
    assert pairs() == {("Atelier Stastny", "Ateliér Šťastný, s. r. o.", "similar name in the same municipality")}


@pytest.mark.parametrize(
    ("name", "compared"),
    [
        ("Studio Lípa s.r.o.", "studio lipa"),
        ("Studio Lípa, spol. s r.o.", "studio lipa"),
        ("Zavod Kres d.o.o.", "zavod kres"),
        ("Kulturno društvo Bled", "kulturno drustvo bled"),  # a legal form only at the end is one
    ],
)
def test_names_are_compared_without_their_legal_form(name, compared):
    assert comparable_name(name) == compared


def test_an_owners_revision_that_renames_a_profile_is_compared_too():
    published_profile(name="Keramika Zlatá", municipality="Jeseník")
    other = published_profile(name="Dílna u potoka", municipality="Jeseník")
    assert not ProfileDuplicateSuggestion.objects.exists()
    draft = other.get_latest_revision_as_object()
    draft.name = "Keramika Zlata"
    draft.save_revision()
    assert pairs() == {("Dílna u potoka", "Keramika Zlatá", "similar name in the same municipality")}


def test_a_pair_is_suggested_once_and_a_dismissed_pair_never_again():
    first = published_profile(name="Studio Lípa", municipality="Olomouc")
    second = Profile.objects.create(kind=ActorKind.STUDIO, name="Studio Lipa", municipality="Olomouc")
    suggestion = ProfileDuplicateSuggestion.objects.get()
    assert suggest_duplicates(first) == [] and suggest_duplicates(second) == []
    suggestion.status = ProfileDuplicateSuggestion.Status.DISMISSED
    suggestion.save()
    second.save_revision()
    assert list(ProfileDuplicateSuggestion.objects.values_list("status", flat=True)) == ["dismissed"]


def make_pair():
    kept = published_profile(name="Studio Lípa", municipality="Olomouc", website="")
    duplicate = published_profile(
        name="Studio Lipa s.r.o.", municipality="Olomouc", website="https://lipa.example.org", registry_number=""
    )
    image = wagtail_factories.ImageFactory(title="Plakát")
    draft = duplicate.get_latest_revision_as_object()
    draft.portfolio_images.add(ProfileImage(image=image, caption="Plakát festivalu"))
    draft.portfolio_links.create(url="https://behance.example.org/lipa", title="Behance")
    draft.save_revision().publish()
    ProfileMember.objects.create(profile=kept, email="jana@example.com", role=ProfileMember.Role.MEMBER)
    ProfileMember.objects.create(profile=duplicate, email="Jana@example.com", role=ProfileMember.Role.OWNER)
    ProfileMember.objects.create(profile=duplicate, email="petr@example.org", role=ProfileMember.Role.MEMBER)
    return Profile.objects.get(pk=kept.pk), Profile.objects.get(pk=duplicate.pk), image


def test_merging_moves_members_portfolio_and_links_and_the_duplicate_leaves_public_view():
    kept, duplicate, image = make_pair()
    assert ProfileDuplicateSuggestion.objects.filter(status=OPEN).count() == 1
    merge_profiles(duplicate, kept)
    kept.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == kept.pk and not duplicate.live
    assert final_target(duplicate) == kept
    assert set(Profile.objects.public()) == {kept}
    members = {(m.email.lower(), m.role) for m in kept.members.all()}
    assert members == {("jana@example.com", "owner"), ("petr@example.org", "member")}
    assert not duplicate.members.exists()
    # The kept profile was live with nothing waiting: the moved portfolio is public at once.
    assert [i.image_id for i in kept.portfolio_images.all()] == [image.pk]
    assert [link.url for link in kept.portfolio_links.all()] == ["https://behance.example.org/lipa"]
    assert kept.website == "https://lipa.example.org"
    assert not kept.has_unpublished_changes
    assert list(ProfileDuplicateSuggestion.objects.values_list("status", flat=True)) == ["merged"]


def test_a_merge_into_a_profile_with_an_edit_waiting_leaves_its_public_version_alone():
    kept, duplicate, _image = make_pair()
    waiting = kept.get_latest_revision_as_object()
    waiting.short_cs = "Návrh, který čeká na schválení"
    waiting.save_revision()
    merge_profiles(duplicate, kept)
    kept.refresh_from_db()
    assert kept.short_cs == "" and not kept.portfolio_images.exists()
    latest = kept.get_latest_revision_as_object()
    assert latest.short_cs == "Návrh, který čeká na schválení"
    assert latest.portfolio_images.count() == 1


def test_a_profile_cannot_be_merged_into_itself_or_into_a_merged_one():
    kept, duplicate, _image = make_pair()
    with pytest.raises(ValueError):
        merge_profiles(kept, kept)
    merge_profiles(duplicate, kept)
    third = published_profile(name="Třetí")
    with pytest.raises(ValueError):
        merge_profiles(third, Profile.objects.get(pk=duplicate.pk))


# --- the admin ---------------------------------------------------------------------------------


@pytest.fixture
def profile_moderator(db) -> User:
    """Who may change and publish profiles (a merge unpublishes one; the workflow's group comes with
    the profiles' moderation): here a superuser."""
    return User.objects.create_superuser("mod", "mod@example.com", "x")


def url(name: str, *args) -> str:
    return reverse(f"profile_duplicates:{name}", args=args)


def test_a_moderator_lists_compares_and_merges_in_the_admin(client, profile_moderator):
    kept, duplicate, _image = make_pair()
    suggestion = ProfileDuplicateSuggestion.objects.get()
    client.force_login(profile_moderator)
    listing = client.get(url("index")).content.decode()
    assert "Studio Lipa s.r.o." in listing and url("merge", suggestion.pk) in listing
    compare = client.get(url("merge", suggestion.pk)).content.decode()
    assert "https://lipa.example.org" in compare
    # The moderator keeps the older profile, whichever side of the suggestion it is on.
    keep = "profile" if suggestion.profile_id == kept.pk else "duplicate_of"
    response = client.post(url("merge", suggestion.pk), {"keep": keep})
    assert response.status_code == 302
    assert Profile.objects.get(pk=duplicate.pk).merged_into_id == kept.pk
    assert url("merge", suggestion.pk) not in client.get(url("index")).content.decode()


def test_a_moderator_dismisses_a_suggestion(client, profile_moderator):
    make_pair()
    suggestion = ProfileDuplicateSuggestion.objects.get()
    client.force_login(profile_moderator)
    client.get(url("dismiss_duplicate", suggestion.pk))  # never on a GET (Wagtail answers "no permission")
    suggestion.refresh_from_db()
    assert suggestion.status == OPEN
    client.post(url("dismiss_duplicate", suggestion.pk))
    suggestion.refresh_from_db()
    assert suggestion.status == ProfileDuplicateSuggestion.Status.DISMISSED
    assert not Profile.objects.filter(merged_into__isnull=False).exists()


def test_who_may_not_change_profiles_may_not_merge_them(client):
    make_pair()
    suggestion = ProfileDuplicateSuggestion.objects.get()
    editor = User.objects.create_user("ed", "ed@example.com", "x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(url("index"))["Location"] == "/admin/"  # Wagtail's "no permission" answer
    assert client.post(url("merge", suggestion.pk), {"keep": "profile"})["Location"] == "/admin/"
    assert not Profile.objects.filter(merged_into__isnull=False).exists()


def test_a_person_and_a_firm_of_one_name_are_suggested_too():
    published_profile(name="Jana Nováková", kind=ActorKind.FREELANCER, municipality="Prostějov")
    Profile.objects.create(name="Jana Novakova", kind=ActorKind.STUDIO, municipality="Prostějov")
    assert len(pairs()) == 1
