"""What the apps' data migrations share: a moderated model's workflow, the Moderators' permissions,
django-q2 schedules.

The funding radar's calls and the catalogue's profiles are moderated the same way (DESIGN.md,
"Moderation"): a workflow whose one task is approved by the Moderators group, attached to the
model by its content type, and created together with its task, since a workflow with no active
task would publish at once when started. Each app's migration names its own workflow, task,
permissions and schedules and calls these with the historical models (``apps``). Every function
is idempotent (``get_or_create``): the tests run the migrations' functions again after a flush.

Old migrations call these functions, so what they create must not change: a migration that needs
something else gets a new function (or its own code), not an edit of one below.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

MODERATORS = "Moderators"


def grant_moderators(apps: Any, app_label: str, permissions: Iterable[tuple[str, Iterable[str]]]) -> Any:
    """The Moderators group (made if missing), given each ``(model, actions)`` of ``app_label``:
    the permission ``<action>_<model>``, made if missing with the name ``Can <action> <model>``."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    for model, actions in permissions:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            moderators.permissions.add(permission)
    return moderators


def attach_workflow(apps: Any, *, workflow: str, task: str, task_model: str, model: str, group: Any) -> None:
    """The workflow named ``workflow`` with its one task (``task``, a ``task_model`` such as
    ``"wagtailcore.GroupApprovalTask"``, active, approved by ``group``), made if missing, and
    attached to ``model`` (``"app_label.model_name"``)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    Task = apps.get_model(task_model)

    task_type, _ = ContentType.objects.get_or_create(app_label=Task._meta.app_label, model=Task._meta.model_name)
    approval, _ = Task.objects.get_or_create(name=task, defaults={"content_type": task_type, "active": True})
    approval.groups.add(group)
    flow, _ = Workflow.objects.get_or_create(name=workflow, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=flow, task=approval, defaults={"sort_order": 0})
    app_label, model_name = model.split(".")
    moderated, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
    WorkflowContentType.objects.update_or_create(content_type=moderated, defaults={"workflow": flow})


def add_schedules(apps: Any, schedules: Mapping[str, Mapping[str, Any]]) -> None:
    """django-q2 schedules by name, each made with its fields (``func``, ``schedule_type``, ...)
    unless one of that name exists (an administrator's change to it stays)."""
    Schedule = apps.get_model("django_q", "Schedule")
    for name, fields in schedules.items():
        Schedule.objects.get_or_create(name=name, defaults=dict(fields))


def remove_schedules(apps: Any, names: Iterable[str]) -> None:
    """The django-q2 schedules of these names deleted (a migration undone)."""
    apps.get_model("django_q", "Schedule").objects.filter(name__in=list(names)).delete()
