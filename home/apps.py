from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The top floor: each office's home page, which shows every domain, and the general pages."""

    name = "home"
    verbose_name = _("Home and general pages")
    default_auto_field = "django.db.models.BigAutoField"
