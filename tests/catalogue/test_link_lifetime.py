"""The owners' e-mails say how long their link works from ``CATALOGUE_LINK_MAX_AGE`` itself, in
the reader's language (``catalogue.owners.mails.link_lifetime``), never a period written in words."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import translation

from catalogue.models import ProfileMember
from catalogue.owners import mails
from tests.catalogue.owners_support import fresh_limits, published_profile  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "one_day", "three_days"), [("en", "1 day", "3 days"), ("cs", "1 den", "3 dny")])
def test_the_welcome_and_the_decision_say_the_links_lifetime_from_the_setting(home, language, one_day, three_days):
    profile = published_profile()
    member = ProfileMember.objects.create(profile=profile, email="owner@example.org", language=language)
    with override_settings(CATALOGUE_LINK_MAX_AGE=86400):
        mails.send_welcome_member(member)
        mails.send_decision(profile, approved=True)
    mails.send_welcome_member(member)
    welcome, decision, default = mail.outbox
    for message in (welcome, decision):
        assert one_day in message.body and three_days not in message.body
    assert three_days in default.body and one_day not in default.body
    with translation.override(language):
        assert translation.gettext("three days") not in welcome.body


@override_settings(CATALOGUE_LINK_MAX_AGE=86400)
def test_the_sign_in_and_create_links_say_one_day_in_czech(client, home):
    profile = published_profile()
    ProfileMember.objects.create(profile=profile, email="owner@example.org", language="cs")
    client.post("/cs/catalogue/join/", {"intent": "sign_in", "email": "owner@example.org"})
    client.post(
        "/cs/catalogue/join/", {"intent": "create", "kind": "studio", "name": "Nové studio", "email": "new@example.org"}
    )
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "1 den" in message.body and "3 dny" not in message.body
