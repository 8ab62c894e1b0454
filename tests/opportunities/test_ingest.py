"""Ingest: new, changed (moderator's edits kept), unchanged (nothing written), vanished, rejected."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import WorkflowState, WorkflowTask

from kreativ.sanitise import sanitise_html
from opportunities.intake import ingest
from opportunities.models import CrawlRun, DuplicateSuggestion, FundingCall, Source, SourceRecord
from opportunities.moderation.merge import merge_calls
from tests.opportunities.conftest import act, make_item

pytestmark = pytest.mark.django_db


def writes_during(function, *args, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        result = function(*args, **kwargs)
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    return result, [s for s in statements if s in {"INSERT", "UPDATE", "DELETE", "REPLACE"}]


def test_new_call_is_a_draft_waiting_for_moderators():
    assert ingest.ingest_item("eu_ft", make_item()) == ingest.NEW
    call = FundingCall.objects.get()
    assert not call.live
    assert call.title == "European cooperation projects"
    assert call.programme.name == "Creative Europe"
    assert sorted(s.slug for s in call.sectors.all()) == ["music", "performing-arts"]
    assert [r.code for r in call.regions.all()] == ["EU"]
    assert call.deadlines.count() == 1
    assert call.revisions.count() == 1
    state = call.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Funding call moderation"
    assert call.current_workflow_task.name == "Moderators approve the call"
    assert not FundingCall.objects.public().exists()


def test_approval_publishes(moderator):
    ingest.ingest_item("eu_ft", make_item())
    call = FundingCall.objects.get()
    act(call, moderator, "approve")
    assert call.live
    assert FundingCall.objects.public().get() == call


def test_unchanged_call_writes_nothing():
    ingest.ingest_item("eu_ft", make_item())
    item = make_item()
    item["deadlines"] = list(FundingCall.objects.get().deadlines.values_list("at", flat=True))
    item["opening_date"] = FundingCall.objects.get().opening_date
    outcome, writes = writes_during(ingest.ingest_item, "eu_ft", item)
    assert outcome == ingest.UNCHANGED
    assert writes == []


def test_an_unchanged_call_in_a_run_costs_one_query_that_reads_only_the_hash():
    ingest.ingest_item("eu_ft", make_item())
    call = FundingCall.objects.get()
    item = make_item()
    item["deadlines"] = list(call.deadlines.values_list("at", flat=True))
    item["opening_date"] = call.opening_date
    context = ingest.RunContext.of("eu_ft")
    with CaptureQueriesContext(connection) as queries:
        assert ingest.ingest_item("eu_ft", item, context=context) == ingest.UNCHANGED
    [query] = queries.captured_queries
    assert "data_hash" in query["sql"] and '"data"' not in query["sql"] and "fundingcall" not in query["sql"]


def test_change_keeps_the_moderators_edit_and_goes_back_to_moderation(moderator):
    first = make_item()
    ingest.ingest_item("eu_ft", first)
    call = FundingCall.objects.get()
    # A moderator corrects the title, and approves.
    edited = call.get_latest_revision_as_object()
    edited.title = "Cooperation projects (Creative Europe, culture strand)"
    edited.save_revision(user=moderator)
    ingest.submit_for_moderation(call)
    act(call, moderator, "approve")
    assert call.live and call.title.startswith("Cooperation projects")

    # The source changes the title and moves the deadline.
    new_deadline = (timezone.now() + dt.timedelta(days=55)).replace(microsecond=0)
    changed = make_item(title="European cooperation projects 2027", deadlines=[new_deadline])
    assert ingest.ingest_item("eu_ft", changed) == ingest.CHANGED

    call.refresh_from_db()
    # The public version is what the moderator approved until the change is approved.
    assert call.title == "Cooperation projects (Creative Europe, culture strand)"
    assert call.has_unpublished_changes
    latest = call.get_latest_revision_as_object()
    assert latest.title == "Cooperation projects (Creative Europe, culture strand)"
    assert [d.at for d in latest.deadlines.all()] == [new_deadline]
    state = call.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision == call.latest_revision

    act(call, moderator, "approve")
    assert call.title == "Cooperation projects (Creative Europe, culture strand)"
    assert [d.at for d in call.deadlines.all()] == [new_deadline]


def test_unedited_fields_follow_the_source(moderator):
    ingest.ingest_item("eu_ft", make_item())
    call = FundingCall.objects.get()
    act(call, moderator, "approve")
    ingest.ingest_item("eu_ft", make_item(title="Renamed by the source", sectors=["music"]))
    latest = FundingCall.objects.get().get_latest_revision_as_object()
    assert latest.title == "Renamed by the source"
    assert [s.slug for s in latest.sectors.all()] == ["music"]


def test_vanished_call_is_marked_never_deleted():
    ingest.ingest_item("eu_ft", make_item("A"))
    ingest.ingest_item("eu_ft", make_item("B", title="Another call"))
    run = ingest.finish_run("eu_ft", {"A"}, {"ingest_counts": {"new": 2}, "listing_complete": True}, [])
    assert run.items_unlisted == 1
    assert run.status == CrawlRun.Status.OK
    record = SourceRecord.objects.get(external_id="B")
    assert not record.is_listed and record.unlisted_at is not None
    assert FundingCall.objects.count() == 2
    assert not record.call.__class__.objects.get(pk=record.call_id).is_listed
    # Seen again: listed again, without a new revision.
    item = make_item("B", title="Another call")
    call = FundingCall.objects.get(pk=record.call_id)
    item.update(deadlines=[d.at for d in call.deadlines.all()], opening_date=call.opening_date)
    assert ingest.ingest_item("eu_ft", item) == ingest.UNCHANGED
    assert SourceRecord.objects.get(external_id="B").is_listed
    assert FundingCall.objects.get(pk=record.call_id).is_listed


def test_a_run_whose_listing_failed_marks_nothing_as_vanished():
    ingest.ingest_item("eu_ft", make_item("A"))
    ingest.ingest_item("eu_ft", make_item("B", title="Another call"))
    error = {"url": "https://example.org/page-2", "kind": "http", "page": "listing", "message": "HTTP 500"}
    run = ingest.finish_run("eu_ft", {"A"}, {"listing_complete": False}, [error])
    assert run.status == CrawlRun.Status.PARTIAL
    assert run.items_unlisted == 0
    assert SourceRecord.objects.filter(is_listed=True).count() == 2


def test_stats_that_do_not_say_the_listing_was_whole_mark_nothing():
    ingest.ingest_item("eu_ft", make_item("A"))
    ingest.ingest_item("eu_ft", make_item("B", title="Another call"))
    for stats in ({}, {"finish_reason": "finished"}, {"listing_complete": "true"}):
        run = ingest.finish_run("eu_ft", {"A"}, stats, [])
        assert run.items_unlisted == 0
    assert SourceRecord.objects.filter(is_listed=True).count() == 2


def test_a_failed_call_page_does_not_stop_vanished_calls_being_marked():
    for external_id in ("A", "B", "C"):
        ingest.ingest_item("eu_ft", make_item(external_id, title=f"Call {external_id}"))
    error = {"url": "https://example.org/call-b", "kind": "timeout", "page": "call", "message": "timed out"}
    run = ingest.finish_run("eu_ft", {"A", "B"}, {"listing_complete": True}, [error])
    assert run.status == CrawlRun.Status.PARTIAL
    assert list(SourceRecord.objects.filter(is_listed=False).values_list("external_id", flat=True)) == ["C"]


def test_an_empty_listing_marks_nothing_and_counts_as_a_failure():
    ingest.ingest_item("eu_ft", make_item("A"))
    run = ingest.finish_run("eu_ft", set(), {"listing_complete": False, "finish_reason": "finished"}, [])
    assert run.status == CrawlRun.Status.FAILED
    assert SourceRecord.objects.get().is_listed


def test_rejected_call_stays_out_until_its_data_changes(moderator):
    item = make_item()
    ingest.ingest_item("eu_ft", item)
    call = FundingCall.objects.get()
    act(call, moderator, "reject")
    assert not call.live
    assert call.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    revisions = call.revisions.count()

    same = make_item(deadlines=[d.at for d in call.deadlines.all()], opening_date=call.opening_date)
    assert ingest.ingest_item("eu_ft", same) == ingest.UNCHANGED
    call.refresh_from_db()
    assert call.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert call.revisions.count() == revisions

    assert ingest.ingest_item("eu_ft", make_item(amount_max="250000")) == ingest.CHANGED
    call.refresh_from_db()
    assert call.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not FundingCall.objects.public().exists()


def test_ingest_refuses_a_workflow_without_an_active_task():
    WorkflowTask.objects.filter(workflow__name="Funding call moderation").delete()
    with pytest.raises(ingest.ModerationNotConfigured):
        ingest.ingest_item("eu_ft", make_item())
    assert not FundingCall.objects.exists()
    assert not FundingCall.objects.filter(live=True).exists()


def test_item_without_title_or_id_is_refused_with_a_reason():
    with pytest.raises(ingest.InvalidItem, match="title"):
        ingest.ingest_item("eu_ft", make_item(title="  "))
    with pytest.raises(ingest.InvalidItem, match="external id"):
        ingest.ingest_item("eu_ft", make_item(external_id=""))
    with pytest.raises(ingest.InvalidItem, match="date"):
        ingest.ingest_item("eu_ft", make_item(deadlines=["the 32nd of Smarch"]))
    assert not FundingCall.objects.exists()


def test_a_description_the_crawler_did_not_sanitise_is_refused_not_cleaned():
    """Crawled HTML is sanitised once, in the crawler; an item that skipped it gets a clear error."""
    hostile = (
        '<p onclick="steal()">Apply <a href="javascript:alert(1)">here</a></p>'
        '<script>alert("x")</script><img src=x onerror="alert(2)"><a href="https://ok.example">ok</a>'
    )
    with pytest.raises(ingest.InvalidItem, match="not sanitised"):
        ingest.ingest_item("eu_ft", make_item(description=hostile))
    assert not FundingCall.objects.exists() and not SourceRecord.objects.exists()

    sanitised = sanitise_html(hostile)
    assert ingest.ingest_item("eu_ft", make_item(description=sanitised)) == ingest.NEW
    assert FundingCall.objects.get().description == sanitised


def test_same_identifier_from_another_source_is_suggested_as_a_duplicate_and_merged(moderator):
    ingest.ingest_item("eu_ft", make_item())
    Source.objects.create(slug="cz_desk", name="Creative Europe Desk CZ", kind="listing")
    ingest.ingest_item(
        "cz_desk",
        make_item(
            "desk-123", call_identifier="CREA-CULT-2027-COOP", title="Projekty evropské spolupráce", language="cs"
        ),
    )
    eu_call = SourceRecord.objects.get(source__slug="eu_ft").call
    desk_call = SourceRecord.objects.get(source__slug="cz_desk").call
    suggestion = DuplicateSuggestion.objects.get()
    assert (suggestion.call, suggestion.duplicate_of) == (desk_call, eu_call)
    assert suggestion.reason == "same call identifier"

    merge_calls(desk_call, eu_call, user=moderator)
    assert sorted(eu_call.records.values_list("source__slug", flat=True)) == ["cz_desk", "eu_ft"]
    desk_call.refresh_from_db()
    assert desk_call.merged_into == eu_call
    assert desk_call.current_workflow_state is None
    assert DuplicateSuggestion.objects.get().status == DuplicateSuggestion.Status.MERGED


def test_similar_title_same_deadline_and_funder_is_suggested():
    deadline = timezone.now() + dt.timedelta(days=30)
    ingest.ingest_item(
        "eu_ft", make_item("X", call_identifier="", title="Support for literary translation", deadlines=[deadline])
    )
    Source.objects.create(slug="other", name="Other", kind="listing")
    ingest.ingest_item(
        "other", make_item("Y", call_identifier="", title="Support for literary translations", deadlines=[deadline])
    )
    ingest.ingest_item(
        "other",
        make_item(
            "Z",
            call_identifier="",
            title="Support for literary translations",
            deadlines=[deadline + dt.timedelta(days=3)],
        ),
    )
    assert DuplicateSuggestion.objects.count() == 1
    assert DuplicateSuggestion.objects.get().reason == "similar title, same deadline and funder"


def test_cascade_calls_sharing_an_identifier_in_one_source_are_not_duplicates():
    ingest.ingest_item("eu_ft", make_item("ref-1", call_identifier="HORIZON-CL2-CASCADE"))
    ingest.ingest_item("eu_ft", make_item("ref-2", call_identifier="HORIZON-CL2-CASCADE", title="Open call 2"))
    assert FundingCall.objects.count() == 2
    assert not DuplicateSuggestion.objects.exists()


def test_crawled_submissions_email_nobody_but_a_persons_submission_does(moderator, mailoutbox):
    ingest.ingest_item("eu_ft", make_item())
    assert mailoutbox == []
    call = FundingCall.objects.get()
    call.current_workflow_state.cancel()
    call.get_workflow().start(call, user=moderator.__class__.objects.create_user("editor", "e@example.com", "x"))
    assert [message.to for message in mailoutbox] == [["moderator@example.com"]]
