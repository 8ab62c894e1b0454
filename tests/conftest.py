"""Fixtures shared by the suite: a site whose home page exists in Czech, English and Slovenian."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, Page, Site

from tests.factories import HomePageFactory


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home(db, locales):
    """The Czech home page, root of the default site, with live English and Slovenian translations."""
    root = Page.get_first_root_node()
    home_page = HomePageFactory(parent=root, slug="domu", locale=locales["cs"])
    site = Site.objects.get(is_default_site=True)
    site.root_page = home_page
    site.hostname = "testserver"
    site.port = 80
    site.save()
    for code in ("en", "sl"):
        translation = home_page.copy_for_translation(locales[code])
        translation.title = {"en": "Creative region", "sl": "Kreativna regija"}[code]
        translation.save_revision().publish()
    return home_page


def translate(page: Page, code: str, **fields) -> Page:
    """A live translation of ``page`` into ``code`` with the given field values."""
    locale = Locale.objects.get(language_code=code)
    translation = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation
