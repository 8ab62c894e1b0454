"""Building blocks for the demo content: pages created once, translated, published.

Every function here is idempotent: what exists already (found by slug under its parent, or by
translation key in another language) is left as it is, so running ``load_demo`` again adds what is
missing and never overwrites what an editor changed. ``ensure_translated_page`` builds a page and
its translations from a spec of the demo data (``kreativ.demo_data``).
"""

from __future__ import annotations

import hashlib
import io
import random
from collections.abc import Mapping
from typing import Any

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from kreativ.demo_data import DemoDataError, field_values, split_languages


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def _assign(page: Page, fields: dict[str, Any]) -> dict[str, Any]:
    """Set plain fields; return the many-to-many and child-object values for later."""
    deferred = {}
    for name, value in fields.items():
        if name.startswith("m2m:") or name.startswith("children:"):
            deferred[name] = value
        else:
            setattr(page, name, value)
    return deferred


def _apply_deferred(page: Page, deferred: dict[str, Any]) -> None:
    for name, value in deferred.items():
        kind, attribute = name.split(":", 1)
        if kind == "m2m":
            getattr(page, attribute).set(value)
        else:
            manager = getattr(page, attribute)
            manager.set([manager.model(**item) for item in value])


@transaction.atomic
def ensure_page(
    parent: Page, model: type[Page], slug: str, fields: dict[str, Any], language: str | None = None
) -> tuple[Page, bool]:
    """The live child ``slug`` of ``parent``, created and published if missing.

    ``fields`` holds the page's field values; ``m2m:<name>`` keys set many-to-many relations and
    ``children:<name>`` keys give inline objects (sessions, opening hours) as lists of dicts. The
    page is in ``parent``'s language unless ``language`` says otherwise (a home page under the
    tree's root).
    """
    page_locale = locale(language) if language else parent.locale
    existing = model.objects.child_of(parent).filter(slug=slug, locale=page_locale).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, locale=page_locale)
    deferred = _assign(page, fields)
    _apply_deferred(page, deferred)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


@transaction.atomic
def ensure_translation(page: Page, language: str, fields: dict[str, Any]) -> tuple[Page, bool]:
    """The page's translation into ``language``, created from a copy with the given texts."""
    target_locale = locale(language)
    existing = page.get_translation_or_none(target_locale)
    if existing is not None:
        return existing.specific, False
    translation = page.copy_for_translation(target_locale, copy_parents=True)
    translation = translation.specific
    deferred = _assign(translation, fields)
    _apply_deferred(translation, deferred)
    translation.save()
    translation.save_revision().publish()
    return translation, True


def ensure_translated_page(
    parent: Page, model: type[Page], spec: Mapping[str, Any], where: str, language: str | None = None
) -> tuple[Page, bool]:
    """A page under ``parent`` and its translations, from a spec of the demo data.

    The spec's shared fields (``slug``, and what every language has alike: an address, sectors)
    and the texts of the page's language (``parent``'s, or ``language``) make the page; the texts
    under each other language (``en: {slug: …, title: …}``) make its translation, in the order the
    spec gives them. Pages and translations that exist already are left as they are (see the
    module docstring). ``where`` names the spec in errors (its file and entry).
    """
    source = language or parent.locale.language_code
    shared, texts = split_languages(spec, where)
    slug = shared.pop("slug", None)
    if not slug:
        raise DemoDataError(f"{where}: a page needs a slug")
    if source not in texts:
        raise DemoDataError(f"{where}: no {source!r} texts for the page (its parent is in {source!r})")
    page, created = ensure_page(parent, model, slug, field_values(model, {**shared, **texts[source]}, where), source)
    for language, values in texts.items():
        if language != source:
            ensure_translation(page, language, field_values(model, values, f"{where}, {language}"))
    return page, created


DEMO_MODERATOR = ("moderator", "kreativ-demo")


def demo_moderator():
    """The demo's moderator (in the group *Moderators*), who approves what the demo brings in."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    User = get_user_model()
    username, password = DEMO_MODERATOR
    moderator = User.objects.filter(username=username).first()
    if moderator is None:
        moderator = User.objects.create_user(username, f"{username}@example.com", password)
        moderator.groups.add(Group.objects.get(name="Moderators"))
    return moderator


def demo_image(title: str, seed: str, size: tuple[int, int] = (1200, 800)):
    """An abstract illustration (shapes in a palette chosen by ``seed``), stored once by title."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:12], 16))
    palettes = [
        ["#8a2d3b", "#f3f1ec", "#1d1d27", "#d9a441", "#3b6e8f"],
        ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51"],
        ["#3d405b", "#e07a5f", "#f2cc8f", "#81b29a", "#f4f1de"],
        ["#22223b", "#4a4e69", "#9a8c98", "#c9ada7", "#f2e9e4"],
    ]
    palette = rng.choice(palettes)
    width, height = size
    canvas = PILImage.new("RGB", size, palette[1])
    draw = ImageDraw.Draw(canvas)
    for _ in range(14):
        colour = rng.choice(palette)
        x, y = rng.randrange(-200, width), rng.randrange(-200, height)
        w, h = rng.randrange(120, 600), rng.randrange(120, 600)
        if rng.random() < 0.5:
            draw.ellipse([x, y, x + w, y + h], fill=colour)
        else:
            draw.rectangle([x, y, x + w, y + h], fill=colour)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    image = Image(title=title, collection=Collection.get_first_root_node())
    image.file = ImageFile(buffer, name=f"{hashlib.sha1(title.encode()).hexdigest()[:10]}.png")
    image.save()
    return image
