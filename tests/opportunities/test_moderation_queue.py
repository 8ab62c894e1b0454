"""The moderators' queue: one definition of "waiting for a decision" behind the dashboard and the
listing, and calls that closed before anyone decided archived out of it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from opportunities.intake import ingest
from opportunities.models import FundingCall, Source, SourceRecord
from opportunities.moderation.merge import merge_calls
from tests.opportunities.conftest import act, make_item

pytestmark = pytest.mark.django_db

LISTING = reverse("wagtailsnippets_opportunities_fundingcall:list")


def call_of(external_id: str, source: str = "eu_ft") -> FundingCall:
    return SourceRecord.objects.get(source__slug=source, external_id=external_id).call


def listed(client, query: str) -> list[str]:
    """The titles the admin's listing of calls shows for ``query``, every page of it."""
    response = client.get(f"{LISTING}?{query}")
    assert response.status_code == 200
    return sorted(call.title for call in response.context["page_obj"].paginator.object_list)


@pytest.fixture
def queue(moderator):
    """One call of each kind: waiting, rejected, published, published with a crawled change waiting,
    and a duplicate merged away while it waited."""
    for external_id, title in [
        ("waiting", "Waiting call"),
        ("rejected", "Rejected call"),
        ("published", "Published call"),
        ("changed", "Published call with a change"),
    ]:
        ingest.ingest_item("eu_ft", make_item(external_id, title=title))
    act(call_of("rejected"), moderator, "reject")
    act(call_of("published"), moderator, "approve")
    act(call_of("changed"), moderator, "approve")
    ingest.ingest_item("eu_ft", make_item("changed", title="Published call with a change", amount_max="1"))
    Source.objects.create(slug="desk", name="Desk", kind="listing")
    ingest.ingest_item("desk", make_item("dup", title="Merged duplicate", call_identifier="waiting"))
    merge_calls(call_of("dup", "desk"), call_of("waiting"))


def test_waiting_means_in_review_not_rejected_not_merged(queue):
    waiting = FundingCall.objects.waiting_for_decision()
    assert sorted(call.title for call in waiting) == ["Published call with a change", "Waiting call"]
    assert [call.title for call in FundingCall.objects.rejected()] == ["Rejected call"]


def test_the_dashboard_counts_what_its_link_lists(client, moderator, queue):
    client.force_login(moderator)
    dashboard = client.get("/admin/")
    assert dashboard.context["waiting_count"] == 2
    assert sorted(call.title for call in dashboard.context["waiting_calls"]) == [
        "Published call with a change",
        "Waiting call",
    ]
    html = dashboard.content.decode()
    assert f'href="{LISTING}?moderation=waiting"' in html
    assert listed(client, "moderation=waiting") == ["Published call with a change", "Waiting call"]
    assert listed(client, "moderation=rejected") == ["Rejected call"]
