from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KreativConfig(AppConfig):
    """The site itself: home and standard pages, news, navigation, shared taxonomies."""

    name = "kreativ"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from kreativ import fragments
        from kreativ.public_forms import client  # noqa: F401  (registers the check of the proxy settings)

        fragments.connect()
