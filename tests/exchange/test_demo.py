"""The exchange's demo: offers and requests of demo profiles, partner searches on the demo's open EU
calls, a municipality's open and decided challenges; all published, invented, and loading again
changes nothing."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from exchange.models import Listing, ListingKind, Poster, PosterKind

pytestmark = pytest.mark.django_db


def test_the_demo_exchange():
    call_command("load_demo", "--no-index", "--no-admin", "--calls", "30", verbosity=0)
    listings = Listing.objects.all()
    public = Listing.objects.public()
    assert public.filter(kind=ListingKind.OFFER, profile__isnull=False).count() >= 4
    assert public.filter(kind=ListingKind.REQUEST).count() >= 3
    searches = public.filter(kind=ListingKind.PARTNER_SEARCH)
    assert searches.count() >= 2
    for search in searches:
        assert search.funding_call.live and search.funding_call.status() != "closed"
        assert search.valid_until <= search.funding_call.next_deadline().passes_at()
    municipality = Poster.objects.get(kind=PosterKind.MUNICIPALITY)
    challenges = listings.filter(kind=ListingKind.CHALLENGE, poster=municipality)
    open_challenge = challenges.get(result="")
    assert open_challenge in public and open_challenge.reward_amount == 15000
    decided = challenges.exclude(result="").get()
    assert decided not in public and list(Listing.objects.results()) == [decided]
    assert all(listing.live for listing in listings)
    emails = list(Poster.objects.values_list("email", flat=True))
    assert emails and all(re.search(r"@[\w.-]+\.example\.org$", email) for email in emails)

    # Loading again adds nothing and keeps what a moderator changed.
    offer = listings.filter(kind=ListingKind.OFFER).first()
    edited = offer.get_latest_revision_as_object()
    edited.title = "Edited by a moderator"
    edited.save_revision().publish()
    count = listings.count()
    call_command("load_demo", "--no-index", "--no-admin", "--calls", "30", verbosity=0)
    assert Listing.objects.count() == count
    assert Listing.objects.get(pk=offer.pk).title == "Edited by a moderator"
