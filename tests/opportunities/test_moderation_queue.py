"""The moderators' queue: one definition of "waiting for a decision" behind the dashboard and the
listing, and calls that closed before anyone decided archived out of it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, WorkflowState

from opportunities.intake import ingest
from opportunities.models import FundingCall, Source, SourceRecord
from opportunities.moderation.merge import merge_calls
from tests.opportunities.conftest import act, make_item
from tests.opportunities.test_ingest import writes_during

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


# --- calls that closed before a decision -------------------------------------------------------


def closed_item(external_id: str = "closed", **changes):
    now = timezone.now()
    dates = {"opening_date": now - dt.timedelta(days=90), "deadlines": [now - dt.timedelta(days=2)]}
    return make_item(external_id, **{"title": "Closed call", **dates, **changes})


def test_a_call_closed_when_it_arrives_is_archived_not_queued():
    assert ingest.ingest_item("eu_ft", closed_item()) == ingest.NEW
    call = call_of("closed")
    assert call.archived_at is not None
    assert call.current_workflow_state is None and not call.live
    assert not FundingCall.objects.waiting_for_decision().exists()
    assert list(FundingCall.objects.archived()) == [call]
    assert call.revisions.count() == 1  # kept, never deleted
    assert ModelLogEntry.objects.filter(object_id=str(call.pk), action="opportunities.archive").count() == 1


def test_a_closed_call_crawled_again_stays_out_of_the_queue():
    ingest.ingest_item("eu_ft", closed_item())
    call = call_of("closed")
    same = closed_item(
        deadlines=[d.at for d in call.deadlines.all()],
        opening_date=call.opening_date,
    )
    outcome, writes = writes_during(ingest.ingest_item, "eu_ft", same)
    assert (outcome, writes) == (ingest.UNCHANGED, [])

    assert ingest.ingest_item("eu_ft", {**same, "amount_max": "90000"}) == ingest.CHANGED
    call.refresh_from_db()
    assert call.revisions.count() == 2 and call.archived_at is not None
    assert call.current_workflow_state is None
    assert not FundingCall.objects.waiting_for_decision().exists()
    assert ModelLogEntry.objects.filter(object_id=str(call.pk), action="opportunities.archive").count() == 1

    # The source extends the deadline: the call is open again and waits for a decision.
    reopened = {**same, "amount_max": "90000", "deadlines": [timezone.now() + dt.timedelta(days=20)]}
    assert ingest.ingest_item("eu_ft", reopened) == ingest.CHANGED
    call.refresh_from_db()
    assert call.archived_at is None
    assert list(FundingCall.objects.waiting_for_decision()) == [call]


def test_a_waiting_call_its_source_closes_is_archived_and_its_workflow_cancelled():
    ingest.ingest_item("eu_ft", make_item("moved"))
    call = call_of("moved")
    state = call.current_workflow_state
    assert ingest.ingest_item("eu_ft", closed_item("moved")) == ingest.CHANGED
    call.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED and call.current_workflow_state is None
    assert list(FundingCall.objects.archived()) == [call]
    assert not FundingCall.objects.waiting_for_decision().exists()


def test_a_published_calls_change_after_closing_is_archived_and_the_call_stays_public(client, moderator):
    ingest.ingest_item("eu_ft", make_item("pub", title="Published call"))
    call = call_of("pub")
    act(call, moderator, "approve")
    assert ingest.ingest_item("eu_ft", closed_item("pub", title="Published call, closed")) == ingest.CHANGED
    call.refresh_from_db()
    assert call.live and call.title == "Published call" and call.archived_at is not None
    assert FundingCall.objects.public().get() == call
    assert not FundingCall.objects.waiting_for_decision().exists()
    client.force_login(moderator)
    assert listed(client, "") == ["Published call"]  # still a call of the site
    assert listed(client, "moderation=archived") == ["Published call"]


def test_a_rejected_call_that_changes_after_closing_stays_rejected(moderator):
    ingest.ingest_item("eu_ft", make_item("late", deadlines=[timezone.now() + dt.timedelta(days=1)]))
    call = call_of("late")
    act(call, moderator, "reject")
    past = closed_item("late", amount_max="1")
    assert ingest.ingest_item("eu_ft", past) == ingest.CHANGED
    call.refresh_from_db()
    assert call.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert call.archived_at is None
    assert list(FundingCall.objects.rejected()) == [call]


def test_the_schedule_archives_calls_that_closed_while_waiting_and_leaves_a_persons_submission(moderator):
    from django_q.models import Schedule

    from opportunities.moderation.archive import archive_closed_calls

    schedule = Schedule.objects.get(name="calls:archive-closed")
    assert (schedule.func, schedule.schedule_type) == (
        "opportunities.moderation.archive.archive_closed_calls",
        Schedule.HOURLY,
    )
    soon = timezone.now() + dt.timedelta(days=1)
    ingest.ingest_item("eu_ft", make_item("soon", title="Closes tomorrow", deadlines=[soon]))
    ingest.ingest_item("eu_ft", make_item("asked", title="Submitted by a person", deadlines=[soon]))
    ingest.ingest_item("eu_ft", make_item("later", title="Closes next month", deadlines=[soon + dt.timedelta(days=30)]))
    asked = call_of("asked")
    asked.current_workflow_state.cancel()
    asked.get_workflow().start(asked, user=moderator)

    assert archive_closed_calls() == "0 closed call(s) archived"
    the_day_after = soon + dt.timedelta(days=1)
    assert archive_closed_calls(the_day_after) == "1 closed call(s) archived"
    assert [c.title for c in FundingCall.objects.archived()] == ["Closes tomorrow"]
    assert sorted(c.title for c in FundingCall.objects.waiting_for_decision()) == [
        "Closes next month",
        "Submitted by a person",
    ]
    assert call_of("soon").current_workflow_state is None
    assert archive_closed_calls(the_day_after) == "0 closed call(s) archived"


def test_the_schedule_reads_the_revision_under_review_not_the_draft_row(moderator):
    """A published call whose source extended its deadline waits with the new date; the row keeps
    the published one until approval."""
    from opportunities.moderation.archive import archive_closed_calls

    soon = timezone.now() + dt.timedelta(days=1)
    ingest.ingest_item("eu_ft", make_item("ext", deadlines=[soon]))
    act(call_of("ext"), moderator, "approve")
    ingest.ingest_item("eu_ft", make_item("ext", deadlines=[soon + dt.timedelta(days=30)]))
    assert archive_closed_calls(soon + dt.timedelta(days=2)) == "0 closed call(s) archived"
    assert list(FundingCall.objects.waiting_for_decision()) == [call_of("ext")]


def test_archived_calls_are_listed_on_demand_and_a_moderator_can_still_publish_one(client, moderator, finder):
    ingest.ingest_item("eu_ft", closed_item())
    ingest.ingest_item("eu_ft", make_item("open", title="Open call"))
    call = call_of("closed")
    client.force_login(moderator)
    assert listed(client, "") == ["Open call"]
    assert listed(client, "moderation=archived") == ["Closed call"]
    assert listed(client, "moderation=all") == ["Closed call", "Open call"]
    assert listed(client, "moderation=archived&q=Closed") == ["Closed call"]
    assert listed(client, "q=call") == ["Open call"]
    assert listed(client, "moderation=waiting&q=call") == ["Open call"]
    assert listed(client, "call_status=closed&moderation=all&q=call") == ["Closed call"]

    assert client.get(reverse("wagtailsnippets_opportunities_fundingcall:edit", args=[call.pk])).status_code == 200
    call.get_latest_revision().publish(user=moderator)
    call.refresh_from_db()
    assert call.live and call.archived_at is None
    assert listed(client, "") == ["Closed call", "Open call"]
