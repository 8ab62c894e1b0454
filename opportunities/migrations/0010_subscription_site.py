"""A subscription remembers the office's site it was made on, so that its e-mails link to that site.

Alerts made before there were several offices were all made on the default site: they get it.
"""

import django.db.models.deletion
from django.db import migrations, models


def on_the_default_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Subscription = apps.get_model("opportunities", "Subscription")
    default = Site.objects.filter(is_default_site=True).first()
    if default is not None:
        Subscription.objects.filter(site__isnull=True).update(site=default)


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0009_deadline_dates_and_amounts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscription",
            name="site",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.site",
                verbose_name="site",
            ),
        ),
        migrations.RunPython(on_the_default_site, migrations.RunPython.noop),
    ]
