"""The exchange: offers, requests, partner searches and creative challenges, posted by the
catalogue's actors and by firms and municipalities, moderated, with a life cycle of their own."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exchange"
    verbose_name = _("Exchange")

    def ready(self) -> None:
        from exchange import lifecycle

        lifecycle.connect()  # a listing's days count from its first publication
