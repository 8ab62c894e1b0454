"""Searching in Wagtail's admin runs on the whoosh index: moderators' calls, editors' pages and images."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import HubIndexPageFactory, HubPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("whoosh_path")]  # both whoosh paths


def test_moderators_search_the_calls_listing_without_diacritics(client, moderator, real_calls):
    client.force_login(moderator)
    listing = reverse("wagtailsnippets_opportunities_fundingcall:list")
    response = client.get(listing, {"q": "statniho rozpoctu"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Žádost o dotaci ze státního rozpočtu v roce 2026" in html
    assert "Hrastnik" not in html


def test_editors_search_pages_in_the_admin(client, home, admin_user):
    index = HubIndexPageFactory(parent=home, title="Kreativní místa", slug="mista")
    HubPageFactory(parent=index, title="Fablab Šumperk", slug="fablab-sumperk", city="Šumperk")
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "sumperk"})
    assert response.status_code == 200
    assert "Fablab Šumperk" in response.content.decode()


def test_the_page_chooser_autocompletes_titles(client, home, admin_user):
    HubIndexPageFactory(parent=home, title="Kreativní místa", slug="mista")
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "kreat"})
    assert response.status_code == 200
    assert "Kreativní místa" in response.content.decode()
