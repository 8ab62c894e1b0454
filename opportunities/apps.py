from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    """Funding calls under moderation, their sources, the public finder, feeds and alerts."""

    name = "opportunities"
    verbose_name = _("Funding")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from wagtail.signals import published, unpublished

        from opportunities import facet_index, notifications
        from opportunities.models import FundingCall

        notifications.connect()
        for signal in (published, unpublished, post_delete):
            signal.connect(facet_index.invalidate, sender=FundingCall, dispatch_uid=f"facet-index-{id(signal)}")
