"""Moderation e-mails: none per crawled call.

Wagtail e-mails every moderator on each workflow submission. A crawl can submit hundreds of calls
at once, so submissions made by ingest (no user) send nothing; moderators see the queue on their
dashboard instead. Calls a person submits in the admin still notify as usual.

Wagtail connects its notifiers with fixed ``dispatch_uid``s when ``wagtail.admin`` becomes ready;
connecting these subclasses first under the same uids (this app is listed before ``wagtail.admin``)
makes them the ones in use.
"""

from __future__ import annotations

from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier, WorkflowStateSubmissionEmailNotifier
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted


def _crawled_call(workflow_state: WorkflowState) -> bool:
    from opportunities.models import FundingCall

    return workflow_state.requested_by_id is None and workflow_state.content_type.model_class() is FundingCall


class TaskSubmissionNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    def can_handle(self, instance, **kwargs) -> bool:
        return super().can_handle(instance, **kwargs) and not _crawled_call(instance.workflow_state)


class WorkflowSubmissionNotifier(WorkflowStateSubmissionEmailNotifier):
    def can_handle(self, instance, **kwargs) -> bool:
        return super().can_handle(instance, **kwargs) and not _crawled_call(instance)


# Module-level, because signals hold receivers by weak reference.
task_submission_notifier = TaskSubmissionNotifier()
workflow_submission_notifier = WorkflowSubmissionNotifier()


def connect() -> None:
    task_submitted.connect(
        task_submission_notifier, sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
    )
    workflow_submitted.connect(
        workflow_submission_notifier, sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
