"""The services an actor may offer, from catalogue/data/services.yaml; existing entries are kept as a
moderator left them."""

from django.db import migrations


def create(apps, schema_editor):
    from catalogue.vocabulary import services

    Service = apps.get_model("catalogue", "Service")
    for order, (slug, cs, sl, en) in enumerate(services()):
        Service.objects.get_or_create(slug=slug, defaults={"name_cs": cs, "name_sl": sl, "name_en": en, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
