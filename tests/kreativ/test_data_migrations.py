"""The data migrations' shared steps (``kreativ.data_migrations``), as the apps' migrations call
them: a moderated model's workflow made with its one active task for the Moderators, attached to
the model; the Moderators' permissions; django-q2 schedules that an administrator's change
survives. Each is run twice, as the tests' fixture does after a flush: nothing is made twice."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django_q.models import Schedule
from wagtail.models import GroupApprovalTask, Task, Workflow, WorkflowContentType

from catalogue.models import Profile, ProfileApprovalTask
from exchange.models import Listing, ListingApprovalTask
from opportunities.models import FundingCall

pytestmark = pytest.mark.django_db

CATALOGUE = "catalogue.migrations.0005_owners_and_moderation"
RADAR = "opportunities.migrations.0002_vocabularies_sources_and_moderation"
EXCHANGE = "exchange.migrations.0001_initial"


def workflow_of(model) -> Workflow:
    return WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(model)).workflow


@pytest.mark.parametrize(
    ("migration", "function", "model", "name", "task_type", "task_name", "permission"),
    [
        (CATALOGUE, "create_workflow", Profile, "Profile moderation", ProfileApprovalTask,
         "Moderators approve the profile", "catalogue.publish_profile"),
        (RADAR, "create", FundingCall, "Funding call moderation", GroupApprovalTask,
         "Moderators approve the call", "opportunities.publish_fundingcall"),
        (EXCHANGE, "create_workflow", Listing, "Listing moderation", ListingApprovalTask,
         "Moderators approve the listing", "exchange.publish_listing"),
    ],
)  # fmt: skip
def test_a_moderated_models_workflow_is_made_with_its_one_task_for_the_moderators(
    migration, function, model, name, task_type, task_name, permission
):
    Workflow.objects.filter(name=name).delete()
    Task.objects.filter(name=task_name).delete()
    moderators = Group.objects.get(name="Moderators")
    moderators.permissions.clear()
    create = getattr(importlib.import_module(migration), function)
    create(apps, None)
    create(apps, None)
    workflow = workflow_of(model)
    assert workflow.name == name and workflow.active
    tasks = [task.specific for task in workflow.tasks.all()]
    assert [(type(task), task.name, task.active) for task in tasks] == [(task_type, task_name, True)]
    assert list(tasks[0].groups.values_list("name", flat=True)) == ["Moderators"]
    app_label, codename = permission.split(".")
    assert moderators.permissions.filter(content_type__app_label=app_label, codename=codename).count() == 1
    assert Workflow.objects.filter(name=name).count() == Task.objects.filter(name=task_name).count() == 1


def test_schedules_are_made_once_kept_as_changed_and_removed_when_undone():
    migration = importlib.import_module(CATALOGUE)
    names = list(migration.SCHEDULES)
    migration.remove_schedules(apps, None)
    assert not Schedule.objects.filter(name__in=names).exists()
    migration.create_schedules(apps, None)
    schedule = Schedule.objects.get(name="catalogue:retention")
    assert (schedule.func, schedule.schedule_type, schedule.repeats) == (
        "catalogue.privacy.retention.apply_retention",
        Schedule.DAILY,
        -1,
    )
    Schedule.objects.filter(name="catalogue:retention").update(schedule_type=Schedule.WEEKLY)
    migration.create_schedules(apps, None)
    assert Schedule.objects.filter(name__in=names).count() == 2
    assert Schedule.objects.get(name="catalogue:retention").schedule_type == Schedule.WEEKLY
    migration.remove_schedules(apps, None)
    assert not Schedule.objects.filter(name__in=names).exists()
