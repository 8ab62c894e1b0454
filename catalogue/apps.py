"""The catalogue of creatives: the region's CCI actors, kept by themselves, moderated, mapped."""

from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "catalogue"
    verbose_name = _("Catalogue of creatives")

    def ready(self) -> None:
        from wagtail.models import Revision

        from catalogue.duplicates import suggestions
        from catalogue.models import Profile

        # Duplicates are looked for whenever a profile, or a revision of one, is saved.
        post_save.connect(suggestions.on_profile_saved, sender=Profile, dispatch_uid="catalogue-duplicates")
        post_save.connect(suggestions.on_revision_saved, sender=Revision, dispatch_uid="catalogue-revision-duplicates")

        from catalogue.moderation import notifications

        notifications.connect()  # owners hear of a moderator's decision
