"""Moving models to another app without losing their rows.

The home, standard and news pages began in ``kreativ`` and moved to apps of their own when the
foundation stopped knowing the domains above it. A database made before the move holds their rows
in ``kreativ_*`` tables under ``kreativ`` content types. The new apps' first migrations therefore
*adopt* those tables (rename them, and move the content types, so pages, revisions, permissions and
log entries keep pointing at the same rows) instead of creating empty ones; a fresh database simply
gets the tables created.
"""

from __future__ import annotations

from django.db import migrations


def adopt_or_create(old_app: str, new_app: str, model_names: list[str]) -> migrations.RunPython:
    """A migration operation that gives ``new_app`` the tables of ``model_names``.

    Use it after a ``SeparateDatabaseAndState`` whose state operations create the models: the
    models must be known to the migration state, the database is changed only here. Models are
    handled in the order given (a model before the models that point to it).
    """

    def forward(apps, schema_editor) -> None:
        content_types = apps.get_model("contenttypes", "ContentType")
        existing = set(schema_editor.connection.introspection.table_names())
        for name in model_names:
            model = apps.get_model(new_app, name)
            old_table = f"{old_app}_{name.lower()}"
            if old_table not in existing:
                schema_editor.create_model(model)
                continue
            schema_editor.alter_db_table(model, old_table, model._meta.db_table)
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                old_through = f"{old_table}_{field.name}"
                if through._meta.auto_created and old_through in existing:
                    schema_editor.alter_db_table(through, old_through, through._meta.db_table)
            moved = content_types.objects.filter(app_label=old_app, model=name.lower())
            if not content_types.objects.filter(app_label=new_app, model=name.lower()).exists():
                moved.update(app_label=new_app)

    return migrations.RunPython(forward, migrations.RunPython.noop, elidable=False)
