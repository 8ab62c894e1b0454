"""The region chooser of the admin: a search box, each region with its parents (kreativ.region_chooser)."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Group, User
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from hubs.models import HubPage
from kreativ.models import Region
from kreativ.region_chooser import RegionChooserWidget, RegionsChooser, search_regions
from opportunities.intake import ingest
from opportunities.models import FundingCall, SourceRecord
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db


def names(regions) -> set[str]:
    return {region.name_cs for region in regions}


@pytest.fixture
def moderator(client) -> User:
    user = User.objects.create_user("moderatorka", "moderatorka@example.com", "password")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gorenj", {"Gorenjská"}),
        ("GORENJSKA", {"Gorenjská"}),  # the Slovenian name, in capitals
        ("zlinsky", {"Zlínský kraj"}),  # without the accents
        ("Upper Carniola", {"Gorenjská"}),  # the English name
        ("si042", {"Gorenjská"}),  # the NUTS code
        ("kraj olomouc", {"Olomoucký kraj"}),  # every word, in any order
    ],
)
def test_search_finds_a_region_by_any_of_its_names(query, expected):
    assert names(search_regions(query, Region.objects.all())) == expected


def test_searching_a_country_lists_its_regions_too():
    found = names(search_regions("Slovinsko", Region.objects.all()))
    assert {"Slovinsko", "Gorenjská", "Gorická", "Středoslovinská"} <= found
    assert "Olomoucký kraj" not in found


@pytest.mark.parametrize(("language", "expected"), [("cs", "Gorenjská — Slovinsko"), ("sl", "Gorenjska — Slovenija")])
def test_a_region_is_shown_with_its_parents_without_the_eu(language, expected):
    with translation.override(language):
        assert Region.objects.get(code="SI042").label_with_parents() == expected
        assert Region.objects.get(code="SI").label_with_parents() in {"Slovinsko", "Slovenija"}
        assert "—" not in Region.objects.get(slug="eu").label_with_parents()


def test_the_chooser_searches_and_shows_parents(client, moderator):
    url = reverse(Region.snippet_viewset.chooser_viewset.get_url_name("choose_results"))
    html = client.get(url, {"q": "gorenj"}).content.decode()
    assert "Gorenjská — Slovinsko" in html
    assert "Olomoucký kraj" not in html

    chooser = client.get(reverse(Region.snippet_viewset.chooser_viewset.get_url_name("choose")))
    assert 'name="q"' in json.loads(chooser.content)["html"]  # the search box


def test_choosing_several_regions_returns_them_with_their_parents(client, moderator):
    gorenjska, zlin = Region.objects.get(code="SI042"), Region.objects.get(code="CZ072")
    url = reverse(Region.snippet_viewset.chooser_viewset.get_url_name("chosen_multiple"))
    result = json.loads(client.get(f"{url}?id={gorenjska.pk}&id={zlin.pk}").content)["result"]
    assert sorted(item["string"] for item in result) == ["Gorenjská — Slovinsko", "Zlínský kraj — Česko"]


def test_a_calls_regions_are_chosen_with_the_chooser_and_saved():
    ingest.ingest_item("eu_ft", make_item("r1", title="Výzva pro regiony", regions=["CZ071"]))
    call = SourceRecord.objects.get(external_id="r1").call
    form_class = FundingCall.snippet_viewset.get_edit_handler().get_form_class()
    widget = form_class.base_fields["regions"].widget
    assert isinstance(widget, RegionsChooser)

    html = widget.render("regions", [str(pk) for pk in call.regions.values_list("pk", flat=True)], {"id": "id_regions"})
    assert "Olomoucký kraj — Česko" in html and 'name="regions"' in html

    gorenjska = Region.objects.get(code="SI042")
    data = QueryDict(mutable=True)
    data.setlist("regions", [str(gorenjska.pk), ""])
    assert widget.value_from_datadict(data, {}, "regions") == [str(gorenjska.pk)]
    assert widget.value_from_datadict(QueryDict(), {}, "regions") == []  # every region removed


def test_a_hubs_region_uses_the_searching_chooser(home):
    form_class = HubPage.get_edit_handler().get_form_class()
    assert isinstance(form_class.base_fields["region"].widget, RegionChooserWidget)
    assert isinstance(Region.get_edit_handler().get_form_class().base_fields["parent"].widget, RegionChooserWidget)
