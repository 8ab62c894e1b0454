"""Fixtures shared by the suite: a site whose home page exists in Czech, English and Slovenian, and
two regional offices (that site, and a Slovenian one on its own host name)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from wagtail.models import Locale, Page, Site

from kreativ.search.backend import close_all
from tests.factories import HomePageFactory


@pytest.fixture(autouse=True)
def search_index(request, tmp_path):
    """An empty search index for every test.

    The database of a test is rolled back, its search index on disk is not, and primary keys are
    reused after a rollback: a stale document would answer for another test's object. Tests that
    configure a backend of their own (modelsearch's peer suite) keep it.
    """
    from django.conf import settings
    from django.test import override_settings

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    if backend["BACKEND"] != "kreativ.search.backend" or Path(backend["PATH"]) != Path(settings.SEARCH_INDEX_PATH):
        yield None
        return
    path = tmp_path / "search-index"
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": {**backend, "PATH": path}}):
        yield path
    close_all(path)


@pytest.fixture
def base_data(transactional_db) -> None:
    """What the data migrations create, restored for tests that commit (and so flush) their data.

    Django's serialized rollback would do this, but Playwright's sync API runs tests in a context
    where the test database connection's serialized copy is not visible, so the migrations' own
    functions are run again instead (each is idempotent).
    """
    import importlib

    from django.apps import apps
    from django.conf import settings

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if not Site.objects.exists():
        Site.objects.create(hostname="localhost", port=80, root_page=Page.get_first_root_node(), is_default_site=True)
    for module, function in [
        ("kreativ.migrations.0002_taxonomies", "create_taxonomies"),
        ("kreativ.migrations.0003_locales_and_roles", "create_locales_and_roles"),
        ("opportunities.migrations.0002_vocabularies_sources_and_moderation", "create"),
        ("opportunities.migrations.0003_source_frequency", "create_schedules"),
        ("opportunities.migrations.0005_alert_schedules", "create"),
        ("opportunities.migrations.0007_eu_ft_address_from_the_environment", "clear_stored_default"),
        ("opportunities.migrations.0008_moderation_queue", "use_call_approval_task"),
        ("opportunities.migrations.0008_moderation_queue", "create_archive_schedule"),
        ("catalogue.migrations.0005_owners_and_moderation", "create_workflow"),
        ("exchange.migrations.0001_initial", "create"),
    ]:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def cached_fragments(settings):
    """The header and footer cached as on a server (the test settings keep them out of the cache)."""
    from django.core.cache import cache

    settings.SITE_FRAGMENT_CACHE_SECONDS = 300
    settings.CACHES = {**settings.CACHES, "fragments": settings.CACHES["default"]}
    cache.clear()
    yield
    cache.clear()


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


GORENJSKA_HOST = "gorenjska.localhost"


@dataclass
class Offices:
    """The default site (the Olomouc office, Czech first, on ``testserver``) and the Gorenjska office
    (Slovenian first, on ``gorenjska.localhost``), each with its region."""

    olomouc: Page
    gorenjska: Page
    olomouc_site: Site
    gorenjska_site: Site


@pytest.fixture
def offices(home, locales) -> Offices:
    from kreativ.models import OfficeSettings, Region

    olomouc_site = Site.objects.get(is_default_site=True)
    gorenjska = HomePageFactory(
        parent=Page.get_first_root_node(),
        slug="gorenjska",
        locale=locales["sl"],
        title="Kreativna Gorenjska",
        hero_title="Zaledje za ustvarjalce na Gorenjskem",
    )
    gorenjska_site = Site.objects.create(
        hostname=GORENJSKA_HOST, port=80, root_page=gorenjska, site_name="Kreativ Gorenjska"
    )
    translate(gorenjska, "en", title="Creative Gorenjska", hero_title="A home base for creators in Gorenjska")
    for site, region in ((olomouc_site, "olomoucky-kraj"), (gorenjska_site, "gorenjska")):
        office = OfficeSettings.for_site(site)
        office.region = Region.objects.get(slug=region)
        office.save()
    return Offices(home, gorenjska, olomouc_site, gorenjska_site)


def translate(page: Page, code: str, **fields) -> Page:
    """A live translation of ``page`` into ``code`` with the given field values."""
    locale = Locale.objects.get(language_code=code)
    translation = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def t(message: str, language: str = "cs", **values) -> str:
    """An interface string as a reader of ``language`` sees it (the compiled catalogue's translation)."""
    from django.utils import translation

    with translation.override(language):
        text = translation.gettext(message)
    return text % values if values else text


def tn(singular: str, plural: str, count: int, language: str = "cs") -> str:
    from django.utils import translation

    with translation.override(language):
        return translation.ngettext(singular, plural, count) % {"counter": count}
