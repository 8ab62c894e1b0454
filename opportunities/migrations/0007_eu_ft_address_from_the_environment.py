"""The EU portal's source leaves its address to the spider, so that ``EU_FT_API_URL`` is used.

0002 stored the real API's address on the ``eu_ft`` source. A source's address comes before the
spider's defaults (``crawler.start_urls``), so that stored copy silently beat ``EU_FT_API_URL``, the
documented way to point the crawler at a mirror. The address is cleared where it is still that
stored default; an address a moderator set is kept (it is then meant to win). Going back puts the
default address back on a source whose address is empty.
"""

from django.db import migrations, models

STORED_DEFAULT = "https://api.tech.ec.europa.eu/search-api/prod/rest/search"


def clear_stored_default(apps, schema_editor):
    Source = apps.get_model("opportunities", "Source")
    Source.objects.filter(slug="eu_ft", kind="eu_ft", url=STORED_DEFAULT).update(url="")


def restore_stored_default(apps, schema_editor):
    Source = apps.get_model("opportunities", "Source")
    Source.objects.filter(slug="eu_ft", kind="eu_ft", url="").update(url=STORED_DEFAULT)


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0006_subscription_email_not_unique"),
    ]

    operations = [
        migrations.AlterField(
            model_name="source",
            name="config",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text=(
                    "Settings of the spider as a JSON object (start_urls, selectors, language, default region); "
                    "see the README. Its start_urls must not name other URLs than the address."
                ),
                verbose_name="configuration",
            ),
        ),
        migrations.AlterField(
            model_name="source",
            name="url",
            field=models.URLField(
                blank=True,
                help_text=(
                    "The listing, feed or API address the crawl starts from. Leave it empty to start from the "
                    "configuration's start_urls or, failing those, from the spider's own address (for the EU "
                    "portal: EU_FT_API_URL)."
                ),
                verbose_name="address",
            ),
        ),
        migrations.RunPython(clear_stored_default, restore_stored_default),
    ]
