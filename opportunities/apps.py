from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    """Funding calls under moderation, their sources, the public finder, feeds and alerts."""

    name = "opportunities"
    verbose_name = _("Funding")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import WorkflowState
        from wagtail.signals import published, unpublished, workflow_submitted

        from kreativ.models import Region, Sector
        from opportunities.finder import facet_index
        from opportunities.models import ApplicantType, FundingCall, Programme
        from opportunities.moderation import archive, notifications

        notifications.connect()
        workflow_submitted.connect(archive.restore_when_submitted, sender=WorkflowState, dispatch_uid="archive-submit")
        published.connect(archive.restore_when_published, sender=FundingCall, dispatch_uid="archive-publish")
        self._connect_schedules()
        for signal in (published, unpublished, post_delete):
            signal.connect(facet_index.invalidate, sender=FundingCall, dispatch_uid=f"facet-index-{id(signal)}")
        # The index holds the taxonomies too (names, region parents): an edited entry shows at once.
        for model in (Sector, Region, ApplicantType, Programme):
            for signal in (post_save, post_delete):
                uid = f"facet-index-{model.__name__}-{id(signal)}"
                signal.connect(facet_index.invalidate, sender=model, dispatch_uid=uid)
        # What else a cached finder view shows (pages, settings, privacy) is kreativ.fragments' version.
        from opportunities.alerts.tasks import on_call_published

        published.connect(on_call_published, sender=FundingCall, dispatch_uid="alerts-instant")

    def _connect_schedules(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from django_q.models import Schedule

        from opportunities.intake.schedules import sync_crawl_schedule
        from opportunities.models import Source

        def source_saved(sender, instance, raw=False, **kwargs):
            if not raw:
                sync_crawl_schedule(instance, Schedule)

        def source_deleted(sender, instance, **kwargs):
            Schedule.objects.filter(name=instance.schedule_name).delete()

        post_save.connect(source_saved, sender=Source, weak=False, dispatch_uid="source-schedule")
        post_delete.connect(source_deleted, sender=Source, weak=False, dispatch_uid="source-schedule-delete")
