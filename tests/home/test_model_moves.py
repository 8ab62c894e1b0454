"""A database made before the home and news pages left ``kreativ`` keeps its pages."""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page

from home.models import HomePage, HomePageFeaturedHub, StandardPage
from kreativ.model_moves import adopt_or_create
from tests.factories import HubIndexPageFactory, HubPageFactory, StandardPageFactory

MOVED = [HomePage, HomePageFeaturedHub, StandardPage]


def _as_before_the_move() -> None:
    """The tables and content types as the old ``kreativ`` migrations left them."""
    with connection.schema_editor() as editor:
        for model in MOVED:
            editor.alter_db_table(model, model._meta.db_table, f"kreativ_{model._meta.model_name}")
    ContentType.objects.filter(app_label="home").update(app_label="kreativ")
    ContentType.objects.clear_cache()


def test_the_first_migration_adopts_the_old_tables_with_their_rows(transactional_db, base_data, home):
    about = StandardPageFactory(parent=home, slug="o-nas", title="O nás")
    hub = HubPageFactory(parent=HubIndexPageFactory(parent=home), slug="dilna", title="Dílna")
    HomePageFeaturedHub.objects.create(page=home, hub=hub)
    _as_before_the_move()
    assert "home_homepage" not in connection.introspection.table_names()

    operation = adopt_or_create("kreativ", "home", ["HomePage", "HomePageFeaturedHub", "StandardPage"])
    with connection.schema_editor() as editor:
        operation.code(apps, editor)
    ContentType.objects.clear_cache()

    tables = connection.introspection.table_names()
    assert {"home_homepage", "home_homepagefeaturedhub", "home_standardpage"} <= set(tables)
    assert not [table for table in tables if table.startswith("kreativ_") and "page" in table]
    assert not ContentType.objects.filter(app_label="kreativ", model__in=["homepage", "standardpage"]).exists()
    assert Page.objects.get(pk=about.pk).specific.title == "O nás"
    assert isinstance(Page.objects.get(pk=home.pk).specific, HomePage)
    assert list(HomePage.objects.get(pk=home.pk).featured_hubs.values_list("hub_id", flat=True)) == [hub.pk]


def test_a_new_database_gets_the_tables(transactional_db):
    operation = adopt_or_create("kreativ", "home", ["StandardPage"])
    with connection.schema_editor() as editor:
        editor.delete_model(StandardPage)
        assert "home_standardpage" not in connection.introspection.table_names()
        operation.code(apps, editor)
    assert "home_standardpage" in connection.introspection.table_names()
