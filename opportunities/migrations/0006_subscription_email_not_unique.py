"""An address may hold several alerts: the e-mail is no longer unique, and stays indexed (an
address's page and each confirmation look its alerts up)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('opportunities', '0005_alert_schedules'),
    ]

    operations = [
        migrations.AlterField(
            model_name='subscription',
            name='email',
            field=models.EmailField(db_index=True, max_length=254, verbose_name='e-mail'),
        ),
    ]
