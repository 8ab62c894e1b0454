from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KreativConfig(AppConfig):
    """The foundation every app builds on: settings, URLs, the base page and SEO, taxonomies,
    navigation and footer settings, the search backend. It knows no app above it."""

    name = "kreativ"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from kreativ import fragments, translations
        from kreativ.public_forms import client  # noqa: F401  (registers the check of the proxy settings)

        fragments.connect()
        translations.connect()
