"""The catalogue of creatives: the region's CCI actors, kept by themselves, moderated, mapped."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "catalogue"
    verbose_name = _("Catalogue of creatives")

    def ready(self) -> None:
        from catalogue.moderation import notifications

        notifications.connect()  # owners hear of a moderator's decision
