"""The finder's page cache: repeated anonymous views come from the cache, a change shows at once."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from wagtail.models import Page

from opportunities.finder.search import Finder
from tests.opportunities.conftest import make_item
from tests.opportunities.test_public import titles

pytestmark = pytest.mark.django_db


class Computed(AssertionError):
    pass


def refuse_to_compute(self, *args, **kwargs):
    raise Computed("the finder was computed, not served from the cache")


@pytest.fixture
def cached(settings):
    settings.LISTING_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_a_repeated_view_is_served_from_the_cache_until_a_call_is_published(
    client, finder, publish, cached, monkeypatch
):
    publish(make_item("music", title="Music export support"))
    assert titles(client.get(finder.url).content.decode()) == ["Music export support"]

    with monkeypatch.context() as patched:
        patched.setattr(Finder, "run", refuse_to_compute)
        assert titles(client.get(finder.url).content.decode()) == ["Music export support"]
        with pytest.raises(Computed):  # another view of the finder is another entry
            client.get(finder.url + "?sort=newest")

    publish(make_item("design", title="Design vouchers"))  # a published call reaches every cached view
    assert sorted(titles(client.get(finder.url).content.decode())) == ["Design vouchers", "Music export support"]


def test_a_cached_view_is_answered_before_wagtail_routes_the_request(client, finder, publish, cached, monkeypatch):
    publish(make_item("music", title="Music export support"))
    first = client.get(finder.url + "?sector=music")
    monkeypatch.setattr(Page, "route", refuse_to_compute)
    again = client.get(finder.url + "?sector=music")
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Language"] == "cs"
    with pytest.raises(Computed):  # any other page is routed as usual
        client.get(finder.url + "?sector=design")


def test_signed_in_readers_see_the_finder_computed(client, finder, publish, moderator, cached, monkeypatch):
    publish(make_item("music", title="Music export support"))
    client.force_login(moderator)
    client.get(finder.url)
    monkeypatch.setattr(Finder, "run", refuse_to_compute)
    with pytest.raises(Computed):
        client.get(finder.url)


def test_a_text_is_searched_once_while_the_reader_narrows_sorts_and_pages(client, finder, publish, monkeypatch):
    publish(make_item("music", title="Music export support", sectors=["music"]))
    publish(make_item("design", title="Design export vouchers", sectors=["design"]))
    assert sorted(titles(client.get(finder.url + "?q=export").content.decode())) == [
        "Design export vouchers",
        "Music export support",
    ]

    monkeypatch.setattr(Finder, "search", refuse_to_compute)  # the remembered matches must do
    assert titles(client.get(finder.url + "?q=export&sector=design").content.decode()) == ["Design export vouchers"]
    assert len(titles(client.get(finder.url + "?q=export&sort=newest").content.decode())) == 2
    with pytest.raises(Computed):  # another text is searched
        client.get(finder.url + "?q=vouchers")
    monkeypatch.undo()

    publish(make_item("film", title="Film export fund", sectors=["film-and-audiovisual"]))  # a new index
    assert "Film export fund" in titles(client.get(finder.url + "?q=export").content.decode())


def test_a_finder_behind_a_password_is_never_cached(client, finder, publish, cached):
    from django.test import Client
    from wagtail.models import PageViewRestriction

    publish(make_item("music", title="Music export support"))
    PageViewRestriction.objects.create(page=finder, restriction_type=PageViewRestriction.PASSWORD, password="members")
    form = client.get(finder.url)
    assert "Music export support" not in form.content.decode()
    action = re.search(r'<form action="([^"]+)" method="POST"', form.content.decode()).group(1)
    assert client.post(action, {"password": "members", "return_url": finder.url}).status_code == 302
    assert titles(client.get(finder.url).content.decode()) == ["Music export support"]  # unlocked

    stranger = Client()  # another anonymous reader, without the password
    assert "Music export support" not in stranger.get(finder.url).content.decode()


def test_making_the_finder_private_drops_its_cached_views(client, finder, publish, cached):
    from wagtail.models import PageViewRestriction

    publish(make_item("music", title="Music export support"))
    assert titles(client.get(finder.url).content.decode()) == ["Music export support"]  # cached now
    PageViewRestriction.objects.create(page=finder, restriction_type=PageViewRestriction.PASSWORD, password="members")
    assert "Music export support" not in client.get(finder.url).content.decode()


def test_an_edited_finder_text_or_footer_shows_at_once(client, finder, publish, cached):
    from wagtail.models import Site

    from kreativ.models import FooterSettings

    publish(make_item("music", title="Music export support"))
    assert "Výzvy pro kulturu" in client.get(finder.url).content.decode()  # cached now

    finder.intro = "Granty a stipendia pro tvůrce."
    finder.save_revision().publish()
    assert "Granty a stipendia pro tvůrce." in client.get(finder.url).content.decode()

    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.organisation = "Krajské kreativní centrum"
    footer.save()
    assert "Krajské kreativní centrum" in client.get(finder.url).content.decode()


def answer_headers(response) -> dict[str, str]:
    return {name: value for name, value in response.items() if name not in ("Date",)}


def test_a_cached_view_answers_with_the_headers_of_the_computed_one(client, finder, publish, cached, monkeypatch):
    publish(make_item("music", title="Music export support"))
    first = client.get(finder.url)
    monkeypatch.setattr(Page, "route", refuse_to_compute)
    again = client.get(finder.url)
    assert answer_headers(again) == answer_headers(first)
    assert again["Content-Language"] == "cs" and "Cookie" in again["Vary"]


def test_headers_the_view_sets_are_kept_and_its_cookies_are_not(client, finder, publish, cached, monkeypatch):
    from django.template.response import TemplateResponse

    from opportunities.models import pages

    class Answered(TemplateResponse):
        """The finder's response, with the headers a view may set on it."""

        def render(self):
            super().render()
            self["Content-Language"] = "cs-CZ"
            self["Vary"] = "Accept-Language"
            self["ETag"] = '"finder-1"'
            self["Last-Modified"] = "Wed, 02 Dec 2026 10:00:00 GMT"
            self["Cache-Control"] = "max-age=60"
            self.set_cookie("seen", "yes")
            return self

    publish(make_item("music", title="Music export support"))
    monkeypatch.setattr(pages, "TemplateResponse", Answered)
    first = client.get(finder.url + "?sector=music")
    assert first.cookies["seen"].value == "yes"
    client.cookies.clear()
    monkeypatch.setattr(Page, "route", refuse_to_compute)
    again = client.get(finder.url + "?sector=music")
    assert again.content == first.content
    for name in ("Content-Type", "Content-Language", "Vary", "ETag", "Last-Modified", "Cache-Control"):
        assert again[name] == first[name], name
    assert again["Vary"] == "Accept-Language, Cookie"
    assert "seen" not in again.cookies  # one reader's cookie is never handed to the next
