"""The catalogue's demo: at least 60 invented profiles across both offices, published, with pictures,
some at the demo's hubs, and partners on the demo's EU cooperation call; loading again changes nothing."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Site

from catalogue.models import ActorKind, Country, Profile, ProfileMember
from opportunities.finder.upcoming import finder_for
from opportunities.models import FundingCall

pytestmark = pytest.mark.django_db


def test_the_demo_catalogue(client):
    call_command("load_demo", "--no-index", "--no-admin", "--calls", "30", verbosity=0)
    profiles = Profile.objects.all()
    assert profiles.count() >= 60
    assert set(Profile.objects.public()) == set(profiles)  # all published, every person with consent
    assert profiles.filter(country=Country.CZ).count() >= 30 and profiles.filter(country=Country.SI).count() >= 30
    for profile in profiles:
        # Texts in the office's language and in English; organisations with a checked registry number.
        assert profile.short_en and (profile.short_cs if profile.country == Country.CZ else profile.short_sl)
        assert profile.registry_number or profile.kind == ActorKind.FREELANCER
        assert profile.has_location() and profile.regions.exists() and profile.sectors.exists()
        if profile.kind == ActorKind.FREELANCER:
            assert profile.consent_given_at and profile.consent_version == "2026-1"
    assert profiles.filter(short_cs__gt="", short_sl__gt="").count() >= 5  # some in both languages
    assert profiles.filter(portfolio_images__isnull=False).distinct().count() >= 20
    assert profiles.filter(hubs__isnull=False).distinct().count() >= 15
    emails = list(ProfileMember.objects.values_list("email", flat=True))
    assert emails and all(re.search(r"@example\.(com|org)$", email) for email in emails)
    websites = [url for url in profiles.values_list("website", flat=True) if url]
    assert all(".example." in url for url in websites)

    # The demo's open Creative Europe cooperation call lists partners of both offices.
    call = FundingCall.objects.public().get(call_identifier="CREA-CULT-2025-COOP-UA-1")
    # Each office lists its own region's actors first (more than the list holds are open to partnering).
    for hostname, language, local in (
        ("localhost", "cs", "Divadlo Na Cestě"),
        ("gorenjska.localhost", "sl", "Zavod Kres"),
    ):
        site = (
            Site.objects.get(hostname=hostname) if hostname != "localhost" else Site.objects.get(is_default_site=True)
        )
        finder = finder_for(site, Locale.objects.get(language_code=language))
        html = client.get(finder.call_url(call), HTTP_HOST=hostname).content.decode()
        section = re.search(r'<section class="call-partners".*?</section>', html, re.S).group(0)
        assert local in section

    # Loading again adds nothing and keeps what an editor changed.
    kres = Profile.objects.get(slug="zavod-kres")
    edited = kres.get_latest_revision_as_object()
    edited.short_en = "Edited by its owners."
    edited.save_revision().publish()
    count = profiles.count()
    call_command("load_demo", "--no-index", "--no-admin", "--calls", "0", verbosity=0)
    assert Profile.objects.count() == count
    assert Profile.objects.get(slug="zavod-kres").short_en == "Edited by its owners."
