from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """The regional CCI magazine."""

    name = "news"
    verbose_name = _("Magazine")
    default_auto_field = "django.db.models.BigAutoField"
