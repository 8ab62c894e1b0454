from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpportunitiesConfig(AppConfig):
    """Funding calls under moderation, their sources, the public finder, feeds and alerts."""

    name = "opportunities"
    verbose_name = _("Funding")
    default_auto_field = "django.db.models.BigAutoField"
