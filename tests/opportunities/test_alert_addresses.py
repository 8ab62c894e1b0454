"""Several alerts on one e-mail address: each with its own filters, digests and unsubscribe link,
all managed and exported from the address's one page, and no alert twice."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from kreativ.models import Sector
from opportunities.alerts import links, tokens
from opportunities.alerts.digests import send_alerts
from opportunities.models import DigestLog, Subscription, Watch
from tests.conftest import t
from tests.opportunities.conftest import make_item
from tests.opportunities.test_alerts import (
    alert_path,
    confirm_from_mail,
    links_in,
    manage_path,
    subscribe,
    unsubscribe_path,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_signing_second")]

EMAIL = "jana@example.com"


@pytest.fixture(autouse=True)
def roomy_limits(settings):
    """These tests subscribe one address several times; the rate limits have tests of their own.

    What they counted is dropped afterwards, so that later tests find 127.0.0.1 within its limit.
    """
    settings.ALERTS_RATE_PER_ADDRESS = settings.ALERTS_RATE_PER_CLIENT = 10_000
    yield
    cache.clear()


def alert(sector: str, **fields) -> Subscription:
    subscription = Subscription.objects.create(
        email=EMAIL, frequency="daily", language="en", new_calls_since=timezone.now() - dt.timedelta(hours=1), **fields
    )
    subscription.sectors.set([Sector.objects.get(slug=sector)])
    return subscription


@pytest.fixture
def music(db) -> Subscription:
    return alert("music")


@pytest.fixture
def design(music) -> Subscription:
    return alert("design")


def confirm_page(client, message) -> str:
    url = next(link for link in links_in(message) if "/alerts/confirm/" in link).split("testserver", 1)[1]
    return client.post(url).content.decode()


def test_subscribing_again_with_other_filters_adds_an_alert(client, home):
    subscribe(client, sectors=["music"])
    first = confirm_from_mail(client, mail.outbox[-1])
    subscribe(client, sectors=["design"], keywords="film", frequency="weekly")
    second = confirm_from_mail(client, mail.outbox[-1])
    assert first.pk != second.pk
    alerts = Subscription.objects.filter(email=EMAIL).order_by("pk")
    assert [([s.slug for s in a.sectors.all()], a.keywords, a.frequency) for a in alerts] == [
        (["music"], "", "daily"),
        (["design"], "film", "weekly"),
    ]
    assert first.feed_token != second.feed_token


def test_the_same_filters_again_create_nothing_new(client, home):
    subscribe(client, sectors=["music"], keywords="film, festival")
    confirmation = mail.outbox[-1]
    page = confirm_page(client, confirmation)
    assert t("Your alert is on") in page
    assert t("You already have this alert") in confirm_page(client, confirmation)  # the same link again
    original = Subscription.objects.get(email=EMAIL)
    Subscription.objects.filter(pk=original.pk).update(paused=True)
    # The same filters, written otherwise, with another frequency and language.
    subscribe(client, sectors=["music"], keywords="Festival,film", frequency="weekly", language="sl")
    page = confirm_page(client, mail.outbox[-1])
    assert t("You already have this alert", "sl") in page
    [again] = Subscription.objects.filter(email=EMAIL)
    assert again.pk == original.pk
    assert (again.frequency, again.language, again.paused) == ("weekly", "sl", False)


def test_the_form_still_answers_the_same_for_an_address_with_alerts(client, home, music, design):
    known = subscribe(client, email=EMAIL, sectors=["music"]).content.decode()
    unknown = subscribe(client, email="new@example.com", sectors=["music"]).content.decode()

    def strip(html):
        return re.sub(r"\S+@example\.com", "ADDRESS", re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html))

    assert strip(known) == strip(unknown)
    assert len(mail.outbox) == 2


def test_each_alert_gets_its_own_digest_with_its_own_filters_once(finder, publish, music, design):
    publish(make_item("m", title="Music export support", sectors=["music"]))
    publish(make_item("d", title="Design vouchers", sectors=["design"]))
    publish(make_item("both", title="Music and design residencies", sectors=["music", "design"]))
    assert send_alerts("daily").sent == 2
    by_alert = {}
    for message in mail.outbox:
        assert message.to == [EMAIL]
        pk, _email = tokens.read_unsubscribe_token(unsubscribe_path(message).split("/")[-2])
        by_alert[pk] = message.body
    assert "Music export support" in by_alert[music.pk] and "Design vouchers" not in by_alert[music.pk]
    assert "Design vouchers" in by_alert[design.pk] and "Music export support" not in by_alert[design.pk]
    assert all("Music and design residencies" in body for body in by_alert.values())  # each alert tells once
    assert DigestLog.objects.filter(subscription=music).count() == 1
    assert DigestLog.objects.filter(subscription=design).count() == 1
    assert send_alerts("daily").sent == 0


def test_unsubscribing_one_alert_leaves_the_other(client, finder, publish, music, design):
    publish(make_item("m", title="Music export support", sectors=["music"]))
    publish(make_item("d", title="Design vouchers", sectors=["design"]))
    send_alerts("daily")
    music_mail = next(m for m in mail.outbox if "Music export support" in m.body)
    client.handler.enforce_csrf_checks = True
    response = client.post(unsubscribe_path(music_mail), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "Your other alerts to this address go on" in response.content.decode()
    assert list(Subscription.objects.filter(email=EMAIL)) == [design]

    publish(make_item("m2", title="Music residencies", sectors=["music"]))
    publish(make_item("d2", title="Design grants", sectors=["design"]))
    mail.outbox.clear()
    assert send_alerts("daily").sent == 1
    assert "Design grants" in mail.outbox[0].body and "Music residencies" not in mail.outbox[0].body


def test_the_visible_unsubscribe_link_names_the_alert_it_stops(client, finder, publish, music, design):
    publish(make_item("m", title="Music export support", sectors=["music"]))
    send_alerts("daily")
    [message] = mail.outbox
    page = client.get(unsubscribe_path(message)).content.decode()
    assert "Stop this funding alert to jana@example.com?" in page and "Music" in page and "Design" not in page


def test_the_address_page_lists_every_alert_and_changes_each_apart(client, music, design):
    stranger = Subscription.objects.create(email="other@example.com")
    # The manage link of either alert's e-mail opens the same page.
    assert links.manage_url(music).endswith(manage_path(design))
    path = manage_path(music)
    page = client.get(path).content.decode()
    assert alert_path(music) in page and alert_path(design) in page
    assert "Music" in page and "Design" in page and "other@example.com" not in page

    assert client.post(path, {"pause": str(design.pk)}).status_code == 302
    assert [a.paused for a in Subscription.objects.filter(email=EMAIL).order_by("pk")] == [False, True]
    client.post(path, {"resume": str(design.pk)})
    assert not Subscription.objects.get(pk=design.pk).paused

    # Another address's alert cannot be reached with this link: it is as if it did not exist.
    client.post(path, {"pause": str(stranger.pk)})
    stranger.refresh_from_db()
    assert not stranger.paused
    token = tokens.manage_token(EMAIL)
    for view in ("alerts:manage_alert", "alerts:delete_alert"):
        response = client.post(reverse(view, args=[token, stranger.pk]))
        assert response.status_code == 410 and t("This alert no longer exists") in response.content.decode()
    assert Subscription.objects.filter(pk=stranger.pk).exists()

    client.post(reverse("alerts:delete_alert", args=[token, music.pk]))
    assert list(Subscription.objects.filter(email=EMAIL)) == [design]
    assert "Design" in client.get(path).content.decode()
    client.post(reverse("alerts:delete_all", args=[token]))
    assert not Subscription.objects.filter(email=EMAIL).exists()
    assert Subscription.objects.filter(pk=stranger.pk).exists()
    assert t("This address has no funding alerts any more.") in client.get(path).content.decode()  # in Czech now


def test_the_export_holds_every_alert_with_its_watches_and_digests(client, finder, publish, music, design):
    soon = timezone.now() + dt.timedelta(days=3)
    call = publish(make_item("m", title="Music export support", sectors=["music"], deadlines=[soon]))
    Watch.objects.create(subscription=design, call=call)
    send_alerts("daily")  # the music alert's digest, the design alert's reminder
    export = json.loads(client.get(manage_path(music) + "export/").content)
    assert export["email"] == EMAIL
    assert [a["sectors"] for a in export["alerts"]] == [["music"], ["design"]]
    assert [[d["calls"] for d in a["digests_sent"]] for a in export["alerts"]] == [[[call.pk]], [[call.pk]]]
    assert [[w["title"] for w in a["watched_calls"]] for a in export["alerts"]] == [[], ["Music export support"]]


def test_an_alert_cannot_be_changed_into_another_of_the_same_address(client, music, design):
    response = client.post(
        alert_path(design), {"frequency": "daily", "language": "en", "sectors": ["music"], "reminder_days": "7"}
    )
    assert "You already have another alert with these filters." in response.content.decode()
    assert [s.slug for s in Subscription.objects.get(pk=design.pk).sectors.all()] == ["design"]


def test_links_mailed_before_several_alerts_still_open_the_address_page(client, music, design):
    old = signing.dumps({"s": music.pk}, salt="opportunities.alerts.manage", compress=True)
    response = client.get(reverse("alerts:manage", args=[old]))
    assert response.status_code == 302 and response["Location"] == manage_path(music)
    page = client.get(response["Location"]).content.decode()
    assert alert_path(music) in page and alert_path(design) in page
    assert client.get(reverse("alerts:export", args=[old]), follow=True).json()["email"] == EMAIL
    music.delete()
    gone = client.get(reverse("alerts:manage", args=[old]))
    assert gone.status_code == 410 and t("This alert no longer exists") in gone.content.decode()


def test_a_call_is_watched_under_one_alert_of_the_address_and_reminded_once(client, finder, publish, music, design):
    call = publish(make_item("soon", title="Soon closing", deadlines=[timezone.now() + dt.timedelta(days=3)]))
    client.get(reverse("alerts:watch", args=[tokens.watch_token(design.pk), call.pk]))
    page = client.get(reverse("alerts:watch", args=[tokens.watch_token(music.pk), call.pk])).content.decode()
    assert "7 days before each deadline of “Soon closing”" in page
    assert list(Watch.objects.values_list("subscription_id", flat=True)) == [design.pk]
    mail.outbox.clear()
    send_alerts("daily")
    assert sum("Reminders for calls you watch" in m.body for m in mail.outbox) == 1


def test_watching_from_a_call_page_joins_the_addresses_oldest_alert(client, finder, publish, music, design):
    call = publish(make_item("page", title="Call with a form"))
    client.post(f"/cs/alerts/watch-call/{call.pk}/", {"email": EMAIL})
    confirm_page(client, mail.outbox[-1])
    assert Subscription.objects.filter(email=EMAIL).count() == 2
    assert list(Watch.objects.values_list("subscription_id", "call_id")) == [(music.pk, call.pk)]
