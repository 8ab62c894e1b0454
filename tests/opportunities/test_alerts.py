"""Funding alerts: double opt-in, digests that never repeat a call, one-click unsubscribe, the
subscriber's page, reminders for watched calls, private feeds, and the matching rules."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from decimal import Decimal

import feedparser
import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from icalendar import Calendar

from kreativ.models import Region, Sector
from opportunities.alerts import tokens
from opportunities.alerts.digests import send_alerts
from opportunities.alerts.matching import SubscriptionIndex, call_facts, fold
from opportunities.models import ApplicantType, DigestLog, FundingCall, Subscription, Watch
from tests.conftest import t
from tests.opportunities.conftest import make_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_signing_second")]

SUBSCRIBE = "/cs/alerts/"
EXPIRED = " ".join(
    [
        "The link has expired. Links in our e-mails are valid for a limited time;",
        "the newest e-mail has a fresh one, or you can subscribe again.",
    ]
)


def links_in(message) -> list[str]:
    return re.findall(r"https?://[^\s<>\"]+", message.body)


def subscribe(client, email="jana@example.com", **fields):
    headers = {name: fields.pop(name) for name in list(fields) if name.isupper()}  # REMOTE_ADDR, HTTP_…
    data = {"email": email, "frequency": "daily", "language": "cs", **fields}
    return client.post(SUBSCRIBE, data, **headers)


def confirm_from_mail(client, message) -> Subscription:
    url = next(link for link in links_in(message) if "/alerts/confirm/" in link)
    path = url.split("testserver", 1)[1]
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 200
    return Subscription.objects.filter(email=message.to[0]).order_by("pk").last()


def test_double_opt_in_stores_and_sends_nothing_before_confirmation(client, home, finder):
    response = subscribe(client, sectors=["music"], regions=["olomoucky-kraj"])
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    [message] = mail.outbox
    assert message.to == ["jana@example.com"]
    subscription = confirm_from_mail(client, message)
    assert [s.slug for s in subscription.sectors.all()] == ["music"]
    assert [r.slug for r in subscription.regions.all()] == ["olomoucky-kraj"]
    assert subscription.frequency == "daily" and subscription.language == "cs"


def test_the_form_answers_the_same_for_known_and_unknown_addresses(client, home):
    Subscription.objects.create(email="known@example.com")
    known = subscribe(client, email="known@example.com").content.decode()
    unknown = subscribe(client, email="new@example.com").content.decode()

    def strip(html):
        return re.sub(r"\S+@example\.com", "ADDRESS", re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html))

    assert strip(known) == strip(unknown)
    assert len(mail.outbox) == 2


@override_settings(ALERTS_RATE_PER_ADDRESS=2, ALERTS_RATE_PER_CLIENT=5)
def test_subscribing_is_rate_limited_per_address_and_per_client(client, home):
    from django.core.cache import cache

    cache.clear()
    assert subscribe(client, email="a@example.com").status_code == 200
    assert subscribe(client, email="a@example.com").status_code == 200
    assert subscribe(client, email="a@example.com").status_code == 429
    for number in range(2):
        assert subscribe(client, email=f"b{number}@example.com").status_code == 200
    assert subscribe(client, email="c@example.com").status_code == 429
    assert len(mail.outbox) == 4


@override_settings(ALERTS_RATE_PER_ADDRESS=10, ALERTS_RATE_PER_CLIENT=2, KREATIV_TRUSTED_PROXY_COUNT=0)
def test_without_a_proxy_a_forged_forwarded_header_does_not_make_another_client(client, home):
    from django.core.cache import cache

    cache.clear()
    statuses = [
        subscribe(client, email=f"x{number}@example.com", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}").status_code
        for number in range(3)
    ]
    assert statuses == [200, 200, 429]  # all three came from 127.0.0.1


@override_settings(ALERTS_RATE_PER_ADDRESS=10, ALERTS_RATE_PER_CLIENT=2, KREATIV_TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_each_client_has_its_own_limit_however_it_dresses_the_header(client, home):
    from django.core.cache import cache

    cache.clear()
    nginx = {"REMOTE_ADDR": "127.0.0.1"}  # every request arrives from the proxy

    def from_client(email, forwarded):
        return subscribe(client, email=email, HTTP_X_FORWARDED_FOR=forwarded, **nginx).status_code

    assert from_client("a1@example.com", "203.0.113.1") == 200
    assert from_client("a2@example.com", "203.0.113.1") == 200
    assert from_client("a3@example.com", "203.0.113.1") == 429
    # Another visitor behind the same proxy is not stopped by the first one.
    assert from_client("b1@example.com", "203.0.113.2") == 200
    # Prepending addresses does not make the first visitor someone else: nginx appends the real one.
    assert from_client("a4@example.com", "198.51.100.9, 203.0.113.1") == 429
    assert from_client("a5@example.com", "unknown, 10.0.0.1, 203.0.113.1") == 429


def test_a_bad_form_value_gets_a_clear_error(client, home):
    response = subscribe(client, email="not an address", min_amount="lots")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="form-field__error"') == 2
    assert not mail.outbox


def test_the_finder_link_keeps_the_filters(client, home, finder):
    html = client.get(finder.url + "?sector=music&region=cz&q=festival+export&amount=large").content.decode()
    link = re.search(r'href="(/cs/alerts/\?[^"]+)"', html).group(1).replace("&amp;", "&")
    form = client.get(link).content.decode()
    assert re.search(r'value="music"[^>]*checked', form)
    assert re.search(r'value="cz"[^>]*checked', form)  # a checkbox: no Ctrl-click in a multiple select
    assert 'value="festival, export"' in form
    assert 'value="100000"' in form


def test_expired_or_altered_confirmation_links_are_refused(client, home):
    subscribe(client)
    url = next(link for link in links_in(mail.outbox[0]) if "/alerts/confirm/" in link).split("testserver", 1)[1]
    assert client.post(url[:-5] + "xxxx/").status_code == 400
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens, "CONFIRM_MAX_AGE", -1)
        response = client.post(url)
    assert response.status_code == 400
    assert t(EXPIRED) in response.content.decode()
    assert not Subscription.objects.exists()


@pytest.fixture
def subscriber(db):
    subscription = Subscription.objects.create(
        email="jana@example.com",
        frequency="daily",
        language="en",
        new_calls_since=timezone.now() - dt.timedelta(hours=1),
    )
    subscription.sectors.set([Sector.objects.get(slug="music")])
    return subscription


def test_one_digest_with_the_approved_matching_call_and_never_again(client, finder, publish, subscriber):
    publish(make_item("music", title="Music export support", sectors=["music"]))
    publish(make_item("design", title="Design vouchers", sectors=["design"]))
    from opportunities.intake import ingest

    ingest.ingest_item("eu_ft", make_item("draft", title="Draft music residency", sectors=["music"]))
    report = send_alerts("daily")
    assert report.sent == 1
    [message] = mail.outbox
    assert "Music export support" in message.body
    assert "Design vouchers" not in message.body and "Draft music residency" not in message.body
    html = message.alternatives[0][0]
    assert "Music export support" in html
    call = FundingCall.objects.get(title="Music export support")
    assert any(link.endswith(f"/calls/{call.slug}/") for link in links_in(message))
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert DigestLog.objects.get().call_ids == [call.pk]

    assert send_alerts("daily").sent == 0
    assert len(mail.outbox) == 1


def test_closing_soon_is_announced_once_per_deadline(finder, publish, subscriber):
    deadline = timezone.now() + dt.timedelta(days=3)
    call = publish(make_item("old", title="Old music call", sectors=["music"], deadlines=[deadline]))
    FundingCall.objects.filter(pk=call.pk).update(first_published_at=timezone.now() - dt.timedelta(days=30))
    send_alerts("daily")
    [message] = mail.outbox
    assert "Closing soon" in message.body and "Old music call" in message.body
    assert "New calls for you" not in message.body
    assert send_alerts("daily").sent == 0


def test_paused_and_other_frequencies_get_nothing(finder, publish, subscriber):
    subscriber.paused = True
    subscriber.save()
    Subscription.objects.create(
        email="weekly@example.com", frequency="weekly", new_calls_since=timezone.now() - dt.timedelta(days=1)
    )
    publish(make_item("music", title="Music export support", sectors=["music"]))
    assert send_alerts("daily").sent == 0
    assert send_alerts("weekly").sent == 1
    assert mail.outbox[0].to == ["weekly@example.com"]


def test_a_failed_send_is_tried_again_next_time(finder, publish, subscriber):
    publish(make_item("music", title="Music export support", sectors=["music"]))

    class Refusing:
        def send_messages(self, messages):
            raise ConnectionRefusedError("mail server down")

    report = send_alerts("daily", connection=Refusing())
    assert (report.sent, report.failed) == (0, 1)
    assert not DigestLog.objects.exists()
    assert send_alerts("daily").sent == 1
    assert "Music export support" in mail.outbox[0].body


def test_instant_subscribers_hear_when_a_call_is_approved(finder, publish, django_capture_on_commit_callbacks):
    Subscription.objects.create(
        email="fast@example.com", frequency="instant", new_calls_since=timezone.now() - dt.timedelta(minutes=5)
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item("music", title="Music export support"))
    assert [m.to for m in mail.outbox] == [["fast@example.com"]]
    with django_capture_on_commit_callbacks(execute=True):
        publish(make_item("design", title="Design vouchers"))
    assert len(mail.outbox) == 2
    assert "Music export support" not in mail.outbox[1].body


def unsubscribe_path(message) -> str:
    return (
        message.extra_headers["List-Unsubscribe"]
        .strip("<>")
        .split("testserver", 1)[-1]
        .replace("http://127.0.0.1:8000", "")
    )


def test_one_click_unsubscribe_from_the_header(client, finder, publish, subscriber):
    publish(make_item("music", title="Music export support", sectors=["music"]))
    send_alerts("daily")
    path = unsubscribe_path(mail.outbox[0])
    client.handler.enforce_csrf_checks = True
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_the_visible_unsubscribe_link_asks_once_and_a_link_checker_changes_nothing(client, finder, publish, subscriber):
    publish(make_item("music", title="Music export support", sectors=["music"]))
    send_alerts("daily")
    path = unsubscribe_path(mail.outbox[0])
    assert path in mail.outbox[0].body.replace("http://127.0.0.1:8000", "")
    assert client.get(path).status_code == 200
    assert Subscription.objects.exists()
    client.post(path)
    assert not Subscription.objects.exists()
    assert client.post(path).status_code == 200  # a second click is harmless


def manage_path(subscription) -> str:
    from django.urls import reverse

    return reverse("alerts:manage", args=[tokens.manage_token(subscription.email)])


def alert_path(subscription) -> str:
    from django.urls import reverse

    return reverse("alerts:manage_alert", args=[tokens.manage_token(subscription.email), subscription.pk])


def test_manage_page_changes_pauses_exports_and_deletes(client, subscriber):
    from django.urls import reverse

    path = manage_path(subscriber)
    page = client.get(path)
    assert page.status_code == 200
    assert alert_path(subscriber) in page.content.decode()
    response = client.post(
        alert_path(subscriber),
        {
            "frequency": "weekly",
            "language": "sl",
            "sectors": ["design"],
            "keywords": "film",
            "reminder_days": "3",
            "paused": "on",
        },
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert (subscriber.frequency, subscriber.language, subscriber.paused, subscriber.reminder_days) == (
        "weekly",
        "sl",
        True,
        3,
    )
    assert [s.slug for s in subscriber.sectors.all()] == ["design"]
    export = json.loads(client.get(path + "export/").content)
    [alert] = export["alerts"]
    assert export["email"] == "jana@example.com" and alert["sectors"] == ["design"] and alert["keywords"] == ["film"]
    delete = reverse("alerts:delete_alert", args=[tokens.manage_token(subscriber.email), subscriber.pk])
    assert client.get(delete).status_code == 200
    assert Subscription.objects.exists()  # the page asks; only its button deletes
    client.post(delete)
    assert not Subscription.objects.exists()


def test_watching_a_call_brings_a_reminder_before_each_deadline(client, finder, publish, subscriber):
    soon = timezone.now() + dt.timedelta(days=5)
    later = timezone.now() + dt.timedelta(days=40)
    call = publish(make_item("stages", title="Two-stage call", sectors=["design"], deadlines=[soon, later]))
    from django.urls import reverse

    client.get(reverse("alerts:watch", args=[tokens.watch_token(subscriber.pk), call.pk]))
    assert Watch.objects.filter(subscription=subscriber, call=call).exists()
    send_alerts("daily")
    [message] = mail.outbox
    assert "Reminders for calls you watch" in message.body and "Two-stage call" in message.body
    assert send_alerts("daily").sent == 0
    # 34 days later the second deadline is 6 days away: a second reminder, once.
    later_run = timezone.now() + dt.timedelta(days=34)
    assert send_alerts("daily", now=later_run).sent == 1
    assert send_alerts("daily", now=later_run + dt.timedelta(hours=1)).sent == 0


def test_reminders_reach_weekly_subscribers_in_the_daily_run(client, finder, publish):
    weekly = Subscription.objects.create(email="weekly@example.com", frequency="weekly")
    call = publish(make_item("soon", title="Soon closing", deadlines=[timezone.now() + dt.timedelta(days=2)]))
    Watch.objects.create(subscription=weekly, call=call)
    assert send_alerts("daily").sent == 1
    assert "Soon closing" in mail.outbox[0].body


def test_watching_from_a_call_page_takes_a_confirmation(client, finder, publish):
    call = publish(make_item("page", title="Call with a form"))
    html = client.get(finder.call_url(call)).content.decode()
    assert f'action="/cs/alerts/watch-call/{call.pk}/#reminders"' in html
    client.post(f"/cs/alerts/watch-call/{call.pk}/", {"email": "petr@example.com"})
    assert not Subscription.objects.exists()
    subscription = confirm_from_mail(client, mail.outbox[0])
    assert subscription.frequency == "reminders"
    assert list(subscription.watches.values_list("call_id", flat=True)) == [call.pk]


def test_private_feeds(client, finder, publish, subscriber):
    publish(make_item("music", title="Music export support", sectors=["music"]))
    publish(make_item("design", title="Design vouchers", sectors=["design"]))
    rss = feedparser.parse(client.get(f"/alerts/feed/{subscriber.feed_token}/rss/").content)
    assert rss.bozo == 0
    assert [e.title for e in rss.entries] == ["Music export support"]
    calendar = Calendar.from_ical(client.get(f"/alerts/feed/{subscriber.feed_token}/ical/").content)
    assert len(calendar.walk("VEVENT")) == 1
    assert client.get("/alerts/feed/not-a-token/rss/", follow=True).status_code == 404


# --- the matching rules ------------------------------------------------------------------------


def test_matching_rules(finder, publish):
    sectors = {s.slug: s for s in Sector.objects.all()}
    regions = {r.slug: r for r in Region.objects.all()}
    olomouc = Subscription.objects.create(email="o@example.com")
    olomouc.regions.set([regions["olomoucky-kraj"]])
    music = Subscription.objects.create(email="m@example.com")
    music.sectors.set([sectors["music"]])
    ngo = Subscription.objects.create(email="n@example.com")
    ngo.applicant_types.set([ApplicantType.objects.get(slug="ngo")])
    Subscription.objects.create(email="f@example.com", keywords="film, festival")
    Subscription.objects.create(email="r@example.com", min_amount=Decimal("100000"))
    Subscription.objects.create(email="a@example.com")
    index = SubscriptionIndex.build(list(Subscription.objects.order_by("pk")))

    def who(**item) -> set[str]:
        call = publish(make_item(str(random.random()), **item))
        [facts] = call_facts([call])
        return {s.email for s in index.subscribers(index.matching(facts))}

    assert who(
        regions=["CZ"], sectors=["music"], applicant_types=["ngo"], title="Filmový festival", amount_max="200000"
    ) == {"o@example.com", "m@example.com", "n@example.com", "f@example.com", "r@example.com", "a@example.com"}
    assert "o@example.com" not in who(regions=["SI"])
    assert "o@example.com" in who(regions=[])
    assert "m@example.com" not in who(sectors=["design"])
    assert "n@example.com" in who(applicant_types=[])
    assert "n@example.com" not in who(applicant_types=["sme"])
    assert "f@example.com" in who(title="FILMOVÝ workshop", summary="")
    assert "f@example.com" not in who(title="Microfilm archive", summary="")
    assert "r@example.com" not in who(amount_max="50000")
    assert "r@example.com" in who(amount_max=None)


def naive_matches(subscription: Subscription, call: FundingCall) -> bool:
    """The rules written pair by pair, as a reference for the bitset index."""
    call_sectors = {s.slug for s in call.sectors.all()}
    call_regions = set(call.regions.all())
    call_applicants = {a.slug for a in call.applicant_types.all()}
    wanted = {s.slug for s in subscription.sectors.all()}
    if wanted and not wanted & call_sectors:
        return False
    sub_regions = list(subscription.regions.all())
    if sub_regions and call_regions and not any(c in r.ancestors() for r in sub_regions for c in call_regions):
        return False
    applicants = {a.slug for a in subscription.applicant_types.all()}
    if applicants and call_applicants and not applicants & call_applicants:
        return False
    programmes = set(subscription.programmes.values_list("pk", flat=True))
    if programmes and call.programme_id not in programmes:
        return False
    keywords = [fold(k) for k in subscription.keyword_list()]
    text = fold(f"{call.title} {call.summary}")
    if keywords and not any(re.search(r"\b" + re.escape(k), text) for k in keywords):
        return False
    amount = call.max_amount_eur
    return subscription.min_amount is None or amount is None or amount >= subscription.min_amount


def test_the_bitset_index_agrees_with_the_rules_pair_by_pair(finder, publish):
    rng = random.Random(8)
    sectors = list(Sector.objects.all())
    regions = list(Region.objects.all())
    applicants = list(ApplicantType.objects.all())
    words = ["film", "hudba", "design", "festival", "kniha", "game"]
    for number in range(60):
        sub = Subscription.objects.create(
            email=f"s{number}@example.com",
            keywords=", ".join(rng.sample(words, rng.choice([0, 0, 1, 2]))),
            min_amount=rng.choice([None, None, Decimal("20000"), Decimal("150000")]),
        )
        sub.sectors.set(rng.sample(sectors, rng.choice([0, 1, 2])))
        sub.regions.set(rng.sample(regions, rng.choice([0, 1])))
        sub.applicant_types.set(rng.sample(applicants, rng.choice([0, 1, 2])))
    calls = [
        publish(
            make_item(
                f"c{number}",
                title=f"{rng.choice(words).capitalize()} {rng.choice(['podpora', 'grant', 'výzva'])}",
                sectors=[s.slug for s in rng.sample(sectors, rng.choice([0, 1, 2]))],
                regions=[r.code for r in rng.sample(regions, rng.choice([0, 1]))],
                applicant_types=[a.slug for a in rng.sample(applicants, rng.choice([0, 1, 3]))],
                amount_max=rng.choice([None, "5000", "50000", "500000"]),
            )
        )
        for number in range(25)
    ]
    subscriptions = list(Subscription.objects.order_by("pk"))
    index = SubscriptionIndex.build(subscriptions)
    matched = 0
    for facts in call_facts(FundingCall.objects.filter(pk__in=[c.pk for c in calls])):
        expected = {s.pk for s in subscriptions if naive_matches(s, facts.call)}
        assert {s.pk for s in index.subscribers(index.matching(facts))} == expected, facts.call.title
        matched += len(expected)
    assert 0 < matched < len(subscriptions) * len(calls)


@override_settings(ALERTS_MAX_CALLS_PER_SECTION=2)
def test_a_long_digest_lists_the_first_calls_and_links_to_the_rest(finder, publish, subscriber):
    for number in range(5):
        publish(make_item(f"m{number}", title=f"Music call {number}", sectors=["music"]))
    send_alerts("daily")
    [message] = mail.outbox
    assert len(re.findall(r"^\* Music call", message.body, re.M)) == 2
    assert "3 more calls like these" in message.body
    more = next(link for link in links_in(message) if "sort=newest" in link)
    # Only a Czech finder exists in this test, so the link falls back to it; the alert was made on
    # no site, so its links are on the default site's address.
    assert "sector=music" in more and more.startswith("http://testserver/cs/dotace/?")
    assert "region=all" in more  # an alert for every region: not the finder's default region
    assert send_alerts("daily").sent == 0


def test_send_alerts_command(finder, publish, subscriber, capsys):
    from django.core.management import call_command

    publish(make_item("music", title="Music export support", sectors=["music"]))
    call_command("send_alerts", "--frequency", "daily")
    assert "daily: 1 subscriptions" in capsys.readouterr().out
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("language", "days", "expected"),
    [
        ("en", 1, "remind you 1 day before"),
        ("en", 3, "remind you 3 days before"),
        ("cs", 1, "upozorníme 1 den předem"),
        ("cs", 3, "upozorníme 3 dny předem"),
        ("cs", 7, "upozorníme 7 dní předem"),
        ("sl", 2, "opomnili 2 dneva prej"),
        ("sl", 5, "opomnili 5 dni prej"),
    ],
)
def test_the_watch_confirmation_counts_days_in_the_readers_language(
    client, finder, publish, subscriber, language, days, expected
):
    from django.urls import reverse

    subscriber.reminder_days, subscriber.language = days, language  # e-mailed links speak the subscriber's
    subscriber.save()
    call = publish(make_item("stages", title="Two-stage call"))
    url = reverse("alerts:watch", args=[tokens.watch_token(subscriber.pk), call.pk])
    assert expected in client.get(url).content.decode()
