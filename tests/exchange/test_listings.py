"""Listings: who may post what (a partner search on an open, published call; a challenge with its
deadline and reward), sanitised texts, and what the public sees (``Listing.objects.public``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from catalogue.models import Profile
from exchange.models import Listing, ListingKind
from exchange.vocabulary import budget_band_choices, budget_bands
from tests.catalogue.builders import published_profile
from tests.exchange.builders import listing, poster
from tests.opportunities import conftest as radar
from tests.opportunities.conftest import make_item

moderator, publish = radar.moderator, radar.publish

pytestmark = pytest.mark.django_db


def errors_of(**fields) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as raised:
        listing(**fields)
    return raised.value.message_dict


@pytest.fixture
def open_call(publish):
    return publish(make_item(external_id="CREA-OPEN", deadlines=[timezone.now() + dt.timedelta(days=30)]))


@pytest.fixture
def closed_call(publish):
    return publish(make_item(external_id="CREA-CLOSED", deadlines=[timezone.now() - dt.timedelta(days=3)]))


def test_an_offer_runs_90_days_by_default():
    before = timezone.now()
    offer = listing()
    assert before + dt.timedelta(days=90) <= offer.valid_until <= timezone.now() + dt.timedelta(days=90)


def test_the_listing_days_are_a_setting(settings):
    settings.EXCHANGE_LISTING_DAYS = 10
    request = listing(kind=ListingKind.REQUEST)
    assert request.valid_until < timezone.now() + dt.timedelta(days=10, minutes=1)


def test_a_partner_search_ends_at_its_calls_next_deadline(open_call):
    search = listing(kind=ListingKind.PARTNER_SEARCH, funding_call=open_call)
    assert search.valid_until == open_call.next_deadline().passes_at()


def test_a_partner_search_on_a_far_deadline_runs_the_usual_days(publish):
    far = publish(make_item(external_id="CREA-FAR", deadlines=[timezone.now() + dt.timedelta(days=300)]))
    search = listing(kind=ListingKind.PARTNER_SEARCH, funding_call=far)
    assert search.valid_until < timezone.now() + dt.timedelta(days=91)


def test_a_partner_search_on_a_closed_call_is_refused_with_a_clear_message(closed_call):
    with translation.override("en"):
        errors = errors_of(kind=ListingKind.PARTNER_SEARCH, funding_call=closed_call)
    assert errors["funding_call"] == [
        "This funding call is closed: a partner search can only be made on a call still open."
    ]
    assert not Listing.objects.exists()


def test_a_partner_search_on_an_unknown_or_unpublished_call_is_refused(publish, open_call):
    with translation.override("en"):
        assert "choose the call" in errors_of(kind=ListingKind.PARTNER_SEARCH)["funding_call"][0]
        open_call.unpublish()
        message = errors_of(kind=ListingKind.PARTNER_SEARCH, funding_call=open_call)["funding_call"][0]
    assert "not published on the portal" in message


def test_the_refusal_is_translated(closed_call):
    with translation.override("cs"):
        message = errors_of(kind=ListingKind.PARTNER_SEARCH, funding_call=closed_call)["funding_call"][0]
    assert "uzavřen" in message


def test_a_challenge_without_a_deadline_is_refused_with_a_clear_message():
    with translation.override("en"):
        errors = errors_of(kind=ListingKind.CHALLENGE, deadline=None)
    assert errors["deadline"] == ["A challenge needs a deadline: the day proposals are due."]
    assert not Listing.objects.exists()


def test_a_challenge_needs_a_future_deadline_and_a_reward():
    errors = errors_of(kind=ListingKind.CHALLENGE, deadline=timezone.now() - dt.timedelta(days=1), reward_amount=None)
    assert set(errors) == {"deadline", "reward_amount"}


def test_a_challenge_ends_at_its_own_deadline():
    deadline = timezone.now() + dt.timedelta(days=200)
    challenge = listing(kind=ListingKind.CHALLENGE, deadline=deadline)
    assert challenge.valid_until == deadline


def test_a_listing_is_posted_by_a_profile_or_a_poster_but_not_both_nor_neither():
    profile = published_profile(name="Studio Lom")
    assert "poster" in errors_of(profile=profile, poster=poster())
    item = Listing(kind=ListingKind.OFFER, title="x", description="<p>x</p>")
    with pytest.raises(ValidationError) as raised:
        item.full_clean()
    assert "poster" in raised.value.message_dict
    assert listing(profile=profile).profile == profile


def test_a_script_in_the_description_is_gone_on_save_and_in_revisions():
    offer = listing(description='<p>Hello<script>alert("x")</script> <a href="javascript:evil()">me</a></p>')
    assert "script" not in offer.description and "alert" not in offer.description
    assert "javascript" not in offer.description
    offer.rules = "<p>ok</p><img src=x onerror=alert(1)>"
    revision = offer.save_revision()
    content = revision.content
    assert "onerror" not in content["rules"] and "<img" not in content["rules"]
    assert "Hello" in content["description"]


def test_public_shows_live_running_listings_of_known_posters_only(open_call):
    shown = listing(title="Shown")
    draft = listing(title="Draft", publish=False)
    ended = listing(title="Ended")
    Listing.objects.filter(pk=ended.pk).update(valid_until=timezone.now() - dt.timedelta(minutes=1))
    closed = listing(title="Closed")
    Listing.objects.filter(pk=closed.pk).update(closed_at=timezone.now())
    taken_down = listing(title="Taken down")
    Listing.objects.filter(pk=taken_down.pk).update(taken_down_at=timezone.now())
    unconfirmed = listing(title="Unconfirmed poster", poster=poster(confirmed=False, email="new@example.org"))
    by_profile = listing(title="By a profile", profile=published_profile(name="Studio Lom"))
    assert set(Listing.objects.public()) == {shown, by_profile}
    assert set(Listing.objects.ended()) == {ended, closed, taken_down}
    assert draft not in Listing.objects.public() and unconfirmed not in Listing.objects.public()


def test_an_ended_listing_leaves_public_view_when_its_time_passes():
    offer = listing()
    assert offer in Listing.objects.public()
    assert offer not in Listing.objects.public(now=offer.valid_until + dt.timedelta(seconds=1))
    assert offer.has_ended(offer.valid_until)


def test_a_decided_challenge_keeps_its_result_public_after_its_end():
    challenge = listing(kind=ListingKind.CHALLENGE, result="<p>Five ideas won.</p>")
    Listing.objects.filter(pk=challenge.pk).update(valid_until=timezone.now() - dt.timedelta(days=1))
    assert challenge not in Listing.objects.public()
    assert list(Listing.objects.results()) == [challenge]


def test_a_revision_published_later_keeps_the_life_cycle():
    offer = listing()
    Listing.objects.filter(pk=offer.pk).update(closed_at=timezone.now())
    offer.refresh_from_db()
    old = offer.revisions.order_by("created_at").first()
    old.publish()
    assert Listing.objects.get(pk=offer.pk).closed_at is not None


def test_budget_bands_and_categories_are_data_in_three_languages():
    from exchange.models import Category
    from exchange.vocabulary import categories

    assert [slug for slug, *_names in categories()] == list(Category.objects.values_list("slug", flat=True))
    with translation.override("sl"):
        labels = dict(budget_band_choices())
    assert labels["to-agree"] == "Po dogovoru"
    assert all(all(entry) for entry in budget_bands())


def test_a_profiles_listings_go_with_it():
    profile = published_profile(name="Studio Lom")
    listing(profile=profile)
    Profile.objects.filter(pk=profile.pk).delete()
    assert not Listing.objects.exists()
