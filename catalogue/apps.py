"""The catalogue of creatives: the region's CCI actors, kept by themselves, moderated, mapped."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "catalogue"
    verbose_name = _("Catalogue of creatives")

    def ready(self) -> None:
        from catalogue.moderation import notifications, unkept

        self._connect_duplicates()
        self._connect_facet_index()
        notifications.connect()  # owners hear of a moderator's decision
        unkept.connect()  # a moderator publishing a profile nobody keeps confirms it

    def _connect_duplicates(self) -> None:
        """Duplicates are looked for whenever a profile, or a revision of one, is saved."""
        from django.db.models.signals import post_save
        from wagtail.models import Revision

        from catalogue.duplicates import suggestions
        from catalogue.models import Profile

        post_save.connect(suggestions.on_profile_saved, sender=Profile, dispatch_uid="catalogue-duplicates")
        post_save.connect(suggestions.on_revision_saved, sender=Revision, dispatch_uid="catalogue-revision-duplicates")

    def _connect_facet_index(self) -> None:
        """The public catalogue's index is rebuilt when what it holds changes (``public.facet_index``)."""
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import published, unpublished

        from catalogue.models import Profile, Service
        from catalogue.public import facet_index
        from kreativ.models import Region, Sector

        for signal in (published, unpublished, post_delete):
            signal.connect(facet_index.invalidate, sender=Profile, dispatch_uid=f"catalogue-index-{id(signal)}")
        post_save.connect(facet_index.invalidate_on_save, sender=Profile, dispatch_uid="catalogue-index-save")
        # The index holds the taxonomies too (names, region parents): an edited entry shows at once.
        for model in (Sector, Region, Service):
            for signal in (post_save, post_delete):
                uid = f"catalogue-index-{model.__name__}-{id(signal)}"
                signal.connect(facet_index.invalidate, sender=model, dispatch_uid=uid)
