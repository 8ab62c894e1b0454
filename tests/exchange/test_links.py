"""The e-mailed links: renew and close a listing, confirm a poster's address. Opening a link
(GET, as a mail scanner does) changes nothing; its button (POST) acts once; an expired, reused,
altered or orphaned link is refused with a page that says which."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import translation

from exchange import posters, tokens
from exchange.models import Listing, ListingKind
from kreativ.signed_links import BadLink
from tests.exchange.builders import listing, poster

pytestmark = pytest.mark.django_db


def url(purpose: str, token: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse("exchange:link", args=[purpose, token])


@pytest.fixture
def offer() -> Listing:
    return listing(title="Recording studio by the hour")


def test_opening_a_renew_link_changes_nothing_and_its_button_renews(client, offer):
    link = url("renew", tokens.listing_token(offer, "renew", "en"))
    page = client.get(link)
    assert page.status_code == 200 and b"Renew the listing" in page.content
    assert Listing.objects.get(pk=offer.pk).valid_until == offer.valid_until
    done = client.post(link)
    assert done.status_code == 200 and b"renewed" in done.content
    assert Listing.objects.get(pk=offer.pk).valid_until == offer.valid_until + dt.timedelta(days=90)


def test_a_renew_link_works_once(client, offer):
    link = url("renew", tokens.listing_token(offer, "renew", "en"))
    client.post(link)
    again = client.post(link)
    assert again.status_code == 410 and b"used already" in again.content
    assert client.get(link).status_code == 410
    assert Listing.objects.get(pk=offer.pk).valid_until == offer.valid_until + dt.timedelta(days=90)


def test_using_one_link_spends_the_others_of_the_listing(client, offer):
    renew = url("renew", tokens.listing_token(offer, "renew", "en"))
    close = url("close", tokens.listing_token(offer, "close", "en"))
    client.post(close)
    assert Listing.objects.get(pk=offer.pk).closed_at is not None
    assert client.post(renew).status_code == 410


def test_opening_a_close_link_changes_nothing_and_its_button_closes(client, offer):
    link = url("close", tokens.listing_token(offer, "close", "en"))
    assert client.get(link).status_code == 200
    assert offer in Listing.objects.public()
    assert client.post(link).status_code == 200
    assert offer not in Listing.objects.public()


def test_an_expired_link_is_refused_with_a_message(client, offer, settings):
    token = tokens.listing_token(offer, "renew", "en")
    settings.EXCHANGE_LINK_MAX_AGE = -1
    response = client.post(url("renew", token))
    assert response.status_code == 400 and b"expired" in response.content
    assert Listing.objects.get(pk=offer.pk).valid_until == offer.valid_until


def test_an_altered_link_or_one_of_another_purpose_is_refused(client, offer):
    token = tokens.listing_token(offer, "renew", "en")
    assert client.post(url("renew", token[:-3] + "abc")).status_code == 400
    assert client.post(url("close", token)).status_code == 400
    assert client.get(url("delete", token)).status_code == 404
    forged = signing.dumps({"i": offer.pk, "u": "-"}, salt="catalogue.owners.open", compress=True)
    assert client.post(url("renew", forged)).status_code == 400
    assert Listing.objects.get(pk=offer.pk).closed_at is None


def test_a_link_of_a_deleted_listing_says_so(client, offer):
    token = tokens.listing_token(offer, "close", "en")
    Listing.objects.filter(pk=offer.pk).delete()
    response = client.get(url("close", token))
    assert response.status_code == 410 and b"no longer exists" in response.content


def test_a_renewal_that_cannot_be_made_says_why_and_spends_nothing(client):
    challenge = listing(kind=ListingKind.CHALLENGE)
    link = url("renew", tokens.listing_token(challenge, "renew", "en"))
    response = client.post(link)
    assert response.status_code == 409 and b"latest it can" in response.content
    close = url("close", tokens.listing_token(challenge, "close", "en"))
    assert client.post(close).status_code == 200  # the refused renewal spent no link


def test_the_pages_are_in_the_readers_language(client, offer):
    token = tokens.listing_token(offer, "renew", "cs")
    assert "Prodloužit" in client.get(url("renew", token, "cs")).content.decode()
    client.post(url("renew", token, "cs"))
    assert "použit" in client.get(url("renew", token, "cs")).content.decode()


def test_a_poster_confirms_their_address_by_the_link_once(client):
    firm = poster(confirmed=False, email="nakup@example.com", language="en")
    item = listing(poster=firm)
    assert item not in Listing.objects.public()
    assert posters.send_confirmation(firm)
    assert mail.outbox[0].to == [firm.email]
    link = re.search(r"https?://[^/\s]+(/en/exchange/link/confirm/\S+/)", mail.outbox[0].body).group(1)
    assert client.get(link).status_code == 200
    firm.refresh_from_db()
    assert firm.confirmed_at is None
    assert client.post(link).status_code == 200
    firm.refresh_from_db()
    assert firm.confirmed_at is not None
    assert item in Listing.objects.public()
    assert client.post(link).status_code == 410


def test_a_poster_link_expires(client, settings):
    firm = poster(confirmed=False, email="nakup@example.com")
    token = tokens.poster_token(firm)
    settings.EXCHANGE_POSTER_LINK_MAX_AGE = -1
    assert client.post(url("confirm", token)).status_code == 400
    firm.refresh_from_db()
    assert firm.confirmed_at is None


def test_two_clicks_at_once_cannot_both_renew(offer):
    link = tokens.read(tokens.listing_token(offer, "renew", "en"), "renew")
    tokens.spend(link)
    with pytest.raises(BadLink):
        tokens.spend(link)
