"""Helpers for the funding radar's tests: crawled-looking items and the moderators' actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from opportunities.models import FundingCall


def make_item(external_id: str = "CREA-CULT-2027-COOP", **changes: Any) -> dict[str, Any]:
    """An item as the crawler hands it over (a Creative Europe call, as on the EU portal)."""
    now = timezone.now()
    item = {
        "source": "eu_ft",
        "external_id": external_id,
        "url": f"https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/{external_id.lower()}",
        "title": "European cooperation projects",
        "summary": "Transnational cooperation between cultural organisations.",
        "description": "<p>Supports <b>cooperation</b> projects.</p>",
        "call_identifier": external_id,
        "programme": "Creative Europe",
        "funder": "European Education and Culture Executive Agency",
        "support_kind": "grant",
        "opening_date": now - dt.timedelta(days=10),
        "deadlines": [now + dt.timedelta(days=40)],
        "budget_total": "60000000",
        "amount_min": None,
        "amount_max": "200000",
        "cofinancing_rate": "80",
        "currency": "EUR",
        "applicant_types": ["ngo", "sme"],
        "sectors": ["performing-arts", "music"],
        "regions": ["EU"],
        "language": "en",
    }
    item.update(changes)
    return item


@pytest.fixture
def moderator(db) -> User:
    user = User.objects.create_user("moderator", "moderator@example.com", "password")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def english_moderator(moderator):
    """A moderator whose admin speaks English (the site's default language is Czech)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "en"
    profile.save()
    return moderator


def act(call: FundingCall, user: User, action: str) -> None:
    """A moderator's workflow action ("approve" or "reject") on the call's current task."""
    call.refresh_from_db()
    task_state = call.current_workflow_task_state
    assert task_state is not None, "the call is not in moderation"
    call.current_workflow_task.on_action(task_state, user, action)
    call.refresh_from_db()


def approve(call: FundingCall, user: User) -> None:
    """A moderator publishes the call: approves it in the queue, or, when it closed before anyone
    decided (archived, out of the queue), publishes it from the archive."""
    call.refresh_from_db()
    if call.current_workflow_task_state is None and call.archived_at is not None:
        call.get_latest_revision().publish(user=user)
        call.refresh_from_db()
    else:
        act(call, user, "approve")


@pytest.fixture
def finder(home):
    from opportunities.models import FundingFinderPage

    page = FundingFinderPage(title="Dotace", slug="dotace", intro="Výzvy pro kulturu a kreativní odvětví.")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def publish(moderator):
    """Ingests an item and approves it, as a moderator would; returns the live call. A call that
    arrives closed is archived, not queued: the moderator publishes it from the archive."""
    from opportunities.intake import ingest
    from opportunities.models import SourceRecord

    def publish_item(item: dict[str, Any], source: str = "eu_ft") -> FundingCall:
        ingest.ingest_item(source, item)
        call = SourceRecord.objects.get(source__slug=source, external_id=item["external_id"]).call
        if call.archived_at is not None:
            call.get_latest_revision().publish(user=moderator)
            call.refresh_from_db()
        else:
            act(call, moderator, "approve")
        return call

    return publish_item


@pytest.fixture
def one_signing_second(monkeypatch):
    """Signed links carry the second they were signed in: a test that compares a link it signs
    with one a page signed fails when a second passes between the two (as on a loaded machine).
    Links signed during the test all carry the second the test began in; checking them still
    reads the clock, so expiry is untouched."""
    from django.core import signing

    second = signing.TimestampSigner().timestamp()
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: second)
