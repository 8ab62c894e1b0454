from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubsConfig(AppConfig):
    """The region's creative infrastructure and its Creative Academy."""

    name = "hubs"
    verbose_name = _("Hubs and academy")
    default_auto_field = "django.db.models.BigAutoField"
