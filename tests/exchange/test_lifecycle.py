"""A listing's life cycle: renewals within their limits, closing, the daily reminders (7 days
before the end and on the day, each once, with links that renew or close), and the schedule the
migration creates."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone, translation
from django_q.models import Schedule

from exchange import lifecycle
from exchange.models import Listing, ListingKind
from tests.catalogue.builders import published_profile
from tests.exchange.builders import listing, poster
from tests.opportunities import conftest as radar
from tests.opportunities.conftest import make_item

moderator, publish = radar.moderator, radar.publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The refusals are compared in English (the site's default language is Czech)."""
    with translation.override("en"):
        yield


DAYS = dt.timedelta(days=90)


def test_the_days_count_from_the_first_publication_not_from_posting():
    draft = listing(publish=False)
    Listing.objects.filter(pk=draft.pk).update(valid_until=timezone.now() + dt.timedelta(days=80))
    draft.refresh_from_db()
    before = timezone.now()
    draft.save_revision().publish()  # a moderator approves it ten days later
    live = Listing.objects.get(pk=draft.pk)
    assert live.valid_until >= before + DAYS
    lifecycle.close(live)
    Listing.objects.filter(pk=live.pk).update(valid_until=timezone.now() + dt.timedelta(days=5))
    live.refresh_from_db()
    live.save_revision().publish()  # a later version keeps the end it has
    assert Listing.objects.get(pk=live.pk).valid_until < timezone.now() + dt.timedelta(days=6)


def test_renewing_adds_90_days_to_the_end():
    offer = listing()
    end = offer.valid_until
    assert lifecycle.renew(offer) == end + DAYS
    offer.refresh_from_db()
    assert offer.valid_until == end + DAYS


def test_renewing_an_ended_listing_counts_from_now():
    offer = listing()
    Listing.objects.filter(pk=offer.pk).update(valid_until=timezone.now() - dt.timedelta(days=5))
    offer.refresh_from_db()
    now = timezone.now()
    assert lifecycle.renew(offer, now=now) == now + DAYS
    assert offer in Listing.objects.public()


def test_a_renewed_partner_search_never_runs_past_its_calls_deadline(publish):
    call = publish(make_item(external_id="CREA-100", deadlines=[timezone.now() + dt.timedelta(days=100)]))
    search = listing(kind=ListingKind.PARTNER_SEARCH, funding_call=call)
    deadline = call.next_deadline().passes_at()
    assert search.valid_until < deadline
    assert lifecycle.renew(search) == deadline
    with pytest.raises(lifecycle.CannotRenew, match="already runs until its deadline"):
        lifecycle.renew(Listing.objects.get(pk=search.pk))


def test_a_partner_search_whose_call_closed_cannot_be_renewed(publish):
    call = publish(make_item(external_id="CREA-SOON", deadlines=[timezone.now() + dt.timedelta(days=2)]))
    search = listing(kind=ListingKind.PARTNER_SEARCH, funding_call=call)
    with pytest.raises(lifecycle.CannotRenew, match="has passed"):
        lifecycle.renew(search, now=timezone.now() + dt.timedelta(days=3))


def test_a_challenge_cannot_be_renewed_past_its_deadline():
    challenge = listing(kind=ListingKind.CHALLENGE)
    with pytest.raises(lifecycle.CannotRenew):
        lifecycle.renew(challenge)
    assert Listing.objects.get(pk=challenge.pk).valid_until == challenge.deadline


def test_a_closed_listing_cannot_be_renewed_and_leaves_public_view():
    offer = listing()
    lifecycle.close(offer)
    assert offer not in Listing.objects.public()
    with pytest.raises(lifecycle.CannotRenew, match="closed"):
        lifecycle.renew(Listing.objects.get(pk=offer.pk))


def test_a_partner_search_follows_its_calls_deadline_when_a_crawl_moves_it_earlier(publish):
    call = publish(make_item(external_id="CREA-MOVE", deadlines=[timezone.now() + dt.timedelta(days=30)]))
    search = listing(kind=ListingKind.PARTNER_SEARCH, funding_call=call)
    call.deadlines.update(date=(timezone.now() + dt.timedelta(days=10)).date())
    assert lifecycle.follow_call_deadlines() == 1
    search.refresh_from_db()
    assert search.valid_until < timezone.now() + dt.timedelta(days=11)
    assert lifecycle.follow_call_deadlines() == 0


def ending_in(days: float, **fields) -> Listing:
    item = listing(**fields)
    Listing.objects.filter(pk=item.pk).update(valid_until=timezone.now() + dt.timedelta(days=days))
    return Listing.objects.get(pk=item.pk)


def links_in(body: str) -> list[str]:
    return re.findall(r"https?://\S+/exchange/link/(\w+)/\S+/", body)


def test_the_poster_is_reminded_7_days_before_the_end_once():
    soon = ending_in(6.5, title="Soon")
    ending_in(20, title="Later")
    assert lifecycle.send_reminders() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["starosta@example.org"] and "Soon" in message.subject
    assert links_in(message.body) == ["renew", "close"]
    assert Listing.objects.get(pk=soon.pk).reminded_before_at is not None
    assert lifecycle.send_reminders() == 0 and len(mail.outbox) == 1  # once


def test_the_poster_is_reminded_on_the_day_once_more():
    now = timezone.now().replace(hour=8, minute=0)
    offer = listing()
    Listing.objects.filter(pk=offer.pk).update(valid_until=now + dt.timedelta(days=7))
    assert lifecycle.send_reminders(now) == 1
    assert lifecycle.send_reminders(now + dt.timedelta(days=3)) == 0
    on_the_day = now + dt.timedelta(days=7, hours=-4)
    assert lifecycle.send_reminders(on_the_day) == 1
    assert lifecycle.send_reminders(on_the_day + dt.timedelta(hours=2)) == 0
    assert len(mail.outbox) == 2
    assert "today" in mail.outbox[1].subject or "dnes" in mail.outbox[1].subject
    offer.refresh_from_db()
    assert offer.reminded_before_at and offer.reminded_on_day_at


def test_a_renewal_makes_the_reminders_due_again():
    offer = ending_in(3)
    lifecycle.send_reminders()
    lifecycle.renew(Listing.objects.get(pk=offer.pk))
    offer.refresh_from_db()
    assert offer.reminded_before_at is None
    assert lifecycle.send_reminders(offer.valid_until - dt.timedelta(days=5)) == 1


def test_a_profiles_listing_reminds_its_members_in_their_language():
    from catalogue.models import ProfileMember

    profile = published_profile(name="Studio Lom")
    ProfileMember.objects.create(profile=profile, email="lom@example.com", language="sl")
    ending_in(2, profile=profile, title="Pisarna")
    lifecycle.send_reminders()
    assert [m.to for m in mail.outbox] == [["lom@example.com"]]
    assert "/sl/exchange/link/renew/" in mail.outbox[0].body


def test_no_reminder_for_drafts_closed_listings_or_unconfirmed_posters():
    ending_in(2, publish=False)
    lifecycle.close(ending_in(2))
    ending_in(2, poster=poster(confirmed=False, email="new@example.org"))
    assert lifecycle.send_reminders() == 0
    assert mail.outbox == []


def test_a_refused_reminder_is_tried_again_on_the_next_run(monkeypatch):
    offer = ending_in(2)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no SMTP server")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    assert lifecycle.send_reminders() == 0
    assert Listing.objects.get(pk=offer.pk).reminded_before_at is None
    monkeypatch.undo()
    assert lifecycle.send_reminders() == 1


def test_the_migration_schedules_the_reminders_daily():
    schedule = Schedule.objects.get(name="exchange:reminders")
    assert schedule.func == "exchange.lifecycle.send_reminders" and schedule.schedule_type == Schedule.DAILY
