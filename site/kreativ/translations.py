"""A page's translation is a draft until an editor publishes it.

wagtail-localize, left to itself, publishes too early: a translation of a live page is published
as soon as it is started (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE``, turned off in the
settings), and a parent that has no version in the target language, or any page a synchronised
locale mirrors, becomes an *alias*: a live copy of the Czech page, which Wagtail republishes each
time the original is published. A Slovenian reader then met Czech text at ``/sl/novice/...``.

So here, in one place:

- an alias made for another language (``copy_for_translation_done``, which both the Translate
  action and the tree synchronisation send) becomes an ordinary draft with a translation of its
  own, to translate and publish like any other (``draft_instead_of_alias``);
- the slug is a string like the others in the translation editor, on its Promote tab: it follows
  the translated title (ASCII, transliterated) until the editor writes one, and whatever the editor
  writes is transliterated rather than refused, so no forgotten string blocks a translation from
  being complete (``slug_follows_title``, ``ascii_slug``);
- an editor who opens a page whose section is not published in that language yet is told which
  pages those are (``unpublished_ancestors``, shown by ``kreativ.wagtail_hooks``).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done

TITLE_PATH = "title"
SLUG_PATH = "slug"


def draft_instead_of_alias(sender: Any, source_obj: Any, target_obj: Any, **kwargs: Any) -> None:
    """Turns an alias just made in another language into a draft translation of its source."""
    page = target_obj
    if not isinstance(page, Page) or page.alias_of_id is None or page.locale_id == source_obj.locale_id:
        return
    from wagtail_localize.models import Translation, TranslationSource

    draft = {
        "alias_of": None,
        "live": False,
        "has_unpublished_changes": True,
        "live_revision": None,
        "first_published_at": None,
        "last_published_at": None,
    }
    with transaction.atomic():
        Page.objects.filter(pk=page.pk).update(**draft)
        for name, value in draft.items():
            setattr(page, name, value)
        page.save_revision(changed=False, clean=False, log_action=False)
        source, _created = TranslationSource.get_or_create_from_instance(source_obj.specific)
        Translation.objects.get_or_create(source=source, target_locale=page.locale, defaults={"enabled": True})


def ascii_slug(text: str) -> str:
    """The address segment for a text: ASCII, lower case, transliterated (``Kreativní hub`` → ``kreativni-hub``)."""
    return slugify(text)


def _is_page_context(context: Any) -> bool:
    return context is not None and issubclass(context.object.content_type.model_class() or object, Page)


def transliterate_slug(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``pre_save`` of a string translation: a translated slug is stored as the address it becomes."""
    context = instance.context
    if context is None or context.path != SLUG_PATH or not _is_page_context(context):
        return
    cleaned = ascii_slug(instance.data)
    if cleaned:
        instance.data = cleaned


def remember_previous_title(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``pre_save``: keeps the title's previous translation, to tell a slug that followed it."""
    instance._kreativ_previous_data = None
    if instance.pk and instance.context is not None and instance.context.path == TITLE_PATH:
        instance._kreativ_previous_data = (
            type(instance).objects.filter(pk=instance.pk).values_list("data", flat=True).first()
        )


def slug_follows_title(sender: Any, instance: Any, **kwargs: Any) -> None:
    """``post_save`` of a title's translation: the page's slug in that language follows it.

    The slug's translation is written when there is none yet, or when it is still the one derived
    from the title's previous translation; a slug the editor wrote is left as it is.
    """
    context = instance.context
    if context is None or context.path != TITLE_PATH or not _is_page_context(context):
        return
    from wagtail_localize.models import StringSegment, StringTranslation

    slug = ascii_slug(instance.data)
    if not slug:
        return
    segments = StringSegment.objects.filter(context__object_id=context.object_id, context__path=SLUG_PATH)
    for segment in segments.select_related("string", "context").distinct():
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=instance.locale, context=segment.context
        ).first()
        if existing is not None and (
            existing.data == slug  # already there
            or existing.data != ascii_slug(getattr(instance, "_kreativ_previous_data", None) or "")  # the editor's
        ):
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=instance.locale,
            context=segment.context,
            defaults={
                "data": slug,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "",
                "last_translated_by": instance.last_translated_by,
                "has_error": False,
                "field_error": "",
            },
        )


def unpublished_ancestors(page: Page) -> list[Page]:
    """The pages above ``page`` (below its language's root) that are not live, nearest the root first."""
    return list(page.get_ancestors().filter(depth__gt=1, live=False).specific())


def connect() -> None:
    from wagtail_localize.models import StringTranslation

    copy_for_translation_done.connect(draft_instead_of_alias, dispatch_uid="kreativ-draft-instead-of-alias")
    pre_save.connect(transliterate_slug, sender=StringTranslation, dispatch_uid="kreativ-ascii-slug")
    pre_save.connect(remember_previous_title, sender=StringTranslation, dispatch_uid="kreativ-previous-title")
    post_save.connect(slug_follows_title, sender=StringTranslation, dispatch_uid="kreativ-slug-follows-title")
