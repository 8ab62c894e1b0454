"""The moderators' queue tells the truth: the workflow's task names its actions ("Reject",
"Approve and publish"), and calls that closed before a decision are archived out of the queue.

- The "Funding call moderation" workflow's group approval task becomes a ``CallApprovalTask``
  (``opportunities/models/moderation.py``) with the same name and groups; the task states it had
  (calls waiting, rejected, decided) move to it, so no call leaves the queue or its history. Going
  back turns it into a group approval task again.
- ``FundingCall.archived_at`` marks a call archived (``opportunities/moderation/archive.py``), and
  the hourly schedule ``calls:archive-closed`` archives the crawled calls that closed while they
  waited, the first time an hour after ``migrate``. Calls already waiting are left to that run.
"""

import datetime as dt

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

from kreativ import data_migrations

WORKFLOW = "Funding call moderation"
ARCHIVE_SCHEDULE = "calls:archive-closed"


def _replace_tasks(apps, old_model: str, new_model: str, new_app: str) -> None:
    """Every task of ``old_model`` in the workflow becomes a task of ``new_model`` (same name,
    groups and order), taking its task states with it; the old task is then deleted. Where the
    workflow has a task of ``new_model`` already (0002's function run again, as the tests' fixture
    does after a flush), the old task's states move to that one and the old task goes."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Old = apps.get_model(*old_model.split("."))
    New = apps.get_model(*new_model.split("."))
    content_type, _ = ContentType.objects.get_or_create(app_label=new_app, model=New._meta.model_name)
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        return
    for link in WorkflowTask.objects.filter(workflow=workflow, task_id__in=Old.objects.values("pk")):
        old = Old.objects.get(pk=link.task_id)
        present = WorkflowTask.objects.filter(workflow=workflow, task_id__in=New.objects.values("pk")).first()
        if present is None:
            new = New.objects.create(name=old.name, active=old.active, content_type=content_type)
            new.groups.set(old.groups.all())
            link.task_id = new.pk
            link.save(update_fields=["task"])
        else:
            new = New.objects.get(pk=present.task_id)
            link.delete()
        TaskState.objects.filter(task_id=old.pk).update(task_id=new.pk)
        if not WorkflowTask.objects.filter(task_id=old.pk).exists():
            old.delete()


def use_call_approval_task(apps, schema_editor):
    _replace_tasks(apps, "wagtailcore.GroupApprovalTask", "opportunities.CallApprovalTask", "opportunities")


def use_group_approval_task(apps, schema_editor):
    _replace_tasks(apps, "opportunities.CallApprovalTask", "wagtailcore.GroupApprovalTask", "wagtailcore")


def create_archive_schedule(apps, schema_editor):
    data_migrations.add_schedules(
        apps,
        {
            ARCHIVE_SCHEDULE: {
                "func": "opportunities.moderation.archive.archive_closed_calls",
                "schedule_type": "H",
                "repeats": -1,
                "next_run": timezone.now() + dt.timedelta(hours=1),
            }
        },
    )


def remove_archive_schedule(apps, schema_editor):
    data_migrations.remove_schedules(apps, [ARCHIVE_SCHEDULE])


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("opportunities", "0007_eu_ft_address_from_the_environment"),
        ("wagtailcore", "0098_apitoken"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        migrations.CreateModel(
            name="CallApprovalTask",
            fields=[
                (
                    "task_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.task",
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        help_text=(
                            "Pages/snippets at this step in a workflow will be moderated or approved by these "
                            "groups of users"
                        ),
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
            ],
            options={
                "verbose_name": "funding call approval",
                "verbose_name_plural": "funding call approvals",
            },
            bases=("wagtailcore.task",),
        ),
        migrations.AddField(
            model_name="fundingcall",
            name="archived_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the call left the moderators' queue because it closed before anyone decided on it.",
                null=True,
                verbose_name="archived",
            ),
        ),
        migrations.RunPython(use_call_approval_task, use_group_approval_task),
        migrations.RunPython(create_archive_schedule, remove_archive_schedule),
    ]
