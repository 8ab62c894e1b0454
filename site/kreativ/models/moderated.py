"""The one shape of a moderated snippet (funding calls, profiles, listings): Wagtail's workflow,
draft, lock, revision and preview mixins, searchable, with inline panels, and the two generic
relations that let their querysets reach revisions and workflow states (``profile__…``).
Each domain's model inherits it instead of repeating the mixins and relations."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index


class ModeratedSnippet(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )

    class Meta:
        abstract = True
