"""Deleting an alert, or everything of an address, asks first on a page of its own and deletes only
from its button; a link whose alert is gone answers with a page of the site that says so."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from kreativ.models import Sector
from kreativ.site_language import READING_LANGUAGE_COOKIE
from opportunities.alerts import tokens
from opportunities.models import Subscription, Watch
from tests.conftest import t
from tests.opportunities.conftest import make_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_signing_second")]

EMAIL = "eliska@example.com"


def alert(sector: str, email: str = EMAIL, language: str = "cs") -> Subscription:
    subscription = Subscription.objects.create(
        email=email, frequency="weekly", language=language, new_calls_since=timezone.now() - dt.timedelta(hours=1)
    )
    subscription.sectors.set([Sector.objects.get(slug=sector)])
    return subscription


def url(view: str, *args: object, email: str = EMAIL) -> str:
    return reverse(view, args=[tokens.manage_token(email), *args])


def test_deleting_an_alert_asks_first_and_only_its_button_deletes(client, home, finder, publish):
    music, design = alert("music"), alert("design")
    call = publish(make_item("m", title="Music export support", sectors=["music"]))
    Watch.objects.create(subscription=music, call=call)
    question = url("alerts:delete_alert", music.pk)
    assert f'href="{question}"' in client.get(url("alerts:manage")).content.decode()

    page = client.get(question).content.decode()  # a person, or a mail scanner following the link
    assert t("Delete this alert?") in page and "Music export support" in page
    assert '<form method="post"' in page and url("alerts:manage") in page  # the button, and "keep it"
    assert Subscription.objects.count() == 2

    response = client.post(question)
    assert response.status_code == 302 and response["Location"] == url("alerts:manage") + "?deleted=1"
    assert list(Subscription.objects.all()) == [design] and not Watch.objects.exists()
    assert t("The alert is deleted.") in client.get(response["Location"]).content.decode()


def test_deleting_everything_asks_first_and_leaves_other_addresses_alone(client, home):
    alert("music"), alert("design")
    stranger = alert("music", email="other@example.com")
    question = url("alerts:delete_all")
    assert f'href="{question}"' in client.get(url("alerts:manage")).content.decode()
    page = client.get(question)
    assert page.status_code == 200 and t("Delete all your alerts and your data?") in page.content.decode()
    assert Subscription.objects.count() == 3

    done = client.post(question)
    assert t("Your alerts and everything we kept about you are deleted.") in done.content.decode()
    assert list(Subscription.objects.all()) == [stranger]


def test_a_form_of_an_older_page_that_posts_a_deletion_is_asked_first(client, home):
    music = alert("music")
    response = client.post(url("alerts:manage"), {"delete": str(music.pk)})
    assert response.status_code == 302 and response["Location"] == url("alerts:delete_alert", music.pk)
    response = client.post(url("alerts:manage"), {"delete_all": "1"})
    assert response.status_code == 302 and response["Location"] == url("alerts:delete_all")
    assert Subscription.objects.filter(pk=music.pk).exists()


@pytest.mark.parametrize("language", ["cs", "sl"])
def test_links_of_a_deleted_alert_answer_with_a_page_of_the_site(client, home, finder, publish, language):
    music = alert("music", language=language)
    call = publish(make_item("m", title="Music export support", sectors=["music"]))
    links = [
        url("alerts:manage_alert", music.pk),
        url("alerts:delete_alert", music.pk),  # the button pressed twice
        reverse("alerts:watch", args=[tokens.watch_token(music.pk), call.pk]),
        # a manage link e-mailed before an address could hold several alerts named its one alert
        reverse("alerts:manage", args=[signing.dumps({"s": music.pk}, salt="opportunities.alerts.manage")]),
    ]
    music.delete()
    # The alert's language is gone with it: the page is in the language the reader chose on the site
    # (Django's language cookie), else the site's own (Czech here).
    assert t("This alert no longer exists", "cs") in client.get(links[0]).content.decode()
    client.cookies[READING_LANGUAGE_COOKIE] = language
    for link in links:
        response = client.get(link)
        html = response.content.decode()
        assert response.status_code == 410, link
        assert t("This alert no longer exists", language) in html
        assert f'<html lang="{language}">' in html and 'class="skip-link"' in html  # the site's layout
        assert f'href="/{language}/alerts/"' in html  # subscribe again
