"""Listings are moderated like profiles and calls: the migration attaches the "Listing moderation"
workflow with an active task for the Moderators, whose approval publishes; the admin lists
listings under "Exchange" with filters by kind, moderation and end, and the dashboard counts those
waiting."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowContentType

from exchange.models import Listing, ListingApprovalTask, ListingKind
from kreativ.moderation.submit import moderation_ready, submit_for_moderation
from tests.exchange.builders import listing

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    user = get_user_model().objects.create_user("moderator", "moderator@office.example", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def submitted(**fields) -> Listing:
    item = listing(publish=False, **fields)
    item.save_revision()
    submit_for_moderation(item)
    return Listing.objects.get(pk=item.pk)


def test_the_migration_attaches_the_listing_moderation_workflow():
    attached = WorkflowContentType.objects.get(content_type__app_label="exchange", content_type__model="listing")
    assert attached.workflow.name == "Listing moderation" and attached.workflow.active
    task = attached.workflow.tasks.get().specific
    assert isinstance(task, ListingApprovalTask) and task.active
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    assert moderation_ready(Listing(kind=ListingKind.OFFER))


def test_submitting_does_not_publish_and_the_moderators_approval_does(moderator):
    item = submitted(title="A rehearsal room for rent")
    assert not item.live and item not in Listing.objects.public()
    assert list(Listing.objects.waiting_for_decision()) == [item]
    item.current_workflow_task.on_action(item.current_workflow_task_state, moderator, "approve")
    item.refresh_from_db()
    assert item.live and item in Listing.objects.public()
    assert not Listing.objects.waiting_for_decision().exists()


def test_the_moderators_may_publish_listings(moderator):
    assert moderator.has_perm("exchange.publish_listing") and moderator.has_perm("exchange.change_poster")


def test_the_admin_lists_listings_with_their_filters(client, moderator):
    waiting = submitted(title="Waiting offer")
    request = listing(kind=ListingKind.REQUEST, title="A running request")
    ended = listing(title="An ended offer")
    Listing.objects.filter(pk=ended.pk).update(valid_until=timezone.now() - dt.timedelta(days=1))
    client.force_login(moderator)
    base = reverse("wagtailsnippets_exchange_listing:list")

    def titles(query: str) -> set[str]:
        response = client.get(base + query)
        assert response.status_code == 200
        return {item.title for item in (waiting, request, ended) if item.title in response.content.decode()}

    assert titles("?moderation=waiting") == {"Waiting offer"}
    assert titles("?kind=request") == {"A running request"}
    assert titles("?ended=ended") == {"An ended offer"}
    assert "A running request" in titles("?ended=running")


def test_the_dashboard_panel_counts_the_listings_waiting(client, moderator):
    item = submitted(title="Our cooperative looks for a photographer")
    client.force_login(moderator)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert item.title in page and "?moderation=waiting" in page


def test_a_moderators_edit_form_opens(client, moderator):
    item = listing(kind=ListingKind.CHALLENGE, title="Ideas for the old brewery")
    client.force_login(moderator)
    response = client.get(reverse("wagtailsnippets_exchange_listing:edit", args=[item.pk]))
    assert response.status_code == 200 and b"reward_amount" in response.content
