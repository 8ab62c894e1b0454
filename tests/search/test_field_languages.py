"""A profile's texts in three languages are each analysed in their own language's field, so an
inflected Slovenian word finds a Slovenian description, whatever the profile's country."""

from __future__ import annotations

import pytest
from wagtail.search.backends import get_search_backend

from catalogue.models import Profile
from kreativ.search.backend import language_of
from kreativ.search.mapping import Mapping
from tests.catalogue.owners_support import published_profile

pytestmark = pytest.mark.django_db


def test_each_text_goes_to_its_languages_field():
    profile = published_profile(
        name="Studio Kranjska", country="CZ", short_cs="Grafické navrhování", short_sl="Oblikovanja plakatov"
    )
    backend = get_search_backend()
    document = Mapping(Profile, backend.languages).document(profile, language_of(profile))
    assert "Oblikovanja plakatov" in document["$all.sl"] and "Oblikovanja" not in document["$all.cs"]
    assert "Grafické navrhování" in document["$all.cs"] and "Studio Kranjska" in document["$all.cs"]


def test_a_slovenian_actors_name_is_in_slovenian():
    profile = published_profile(name="Oblikovalka Mojca", country="SI")
    assert language_of(profile) == "sl"


def test_an_inflected_slovenian_word_finds_the_slovenian_description(home):
    profile = published_profile(name="Studio Lipa", country="CZ", short_sl="Delamo oblikovanja plakatov in knjig.")
    backend = get_search_backend()
    backend.add(profile)
    # Czech stems "plakata" to "plak", Slovenian to "plakat", as it does "plakatov".
    assert list(backend.search("plakata", Profile)) == [profile]
