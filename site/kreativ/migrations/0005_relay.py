"""The relay contact form's own records (``kreativ.relay``): messages held until their sender
confirms the address, the senders who confirmed; and the daily schedule of their retention,
``kreativ:relay-retention``."""

import datetime as dt

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models
from django.utils import timezone

from kreativ import data_migrations

SCHEDULES = {"kreativ:relay-retention": "kreativ.relay.retention.apply_retention"}


def create_schedules(apps, schema_editor):
    daily = {"schedule_type": "D", "repeats": -1, "next_run": timezone.now() + dt.timedelta(hours=1)}
    data_migrations.add_schedules(apps, {name: {"func": func, **daily} for name, func in SCHEDULES.items()})


def remove_schedules(apps, schema_editor):
    data_migrations.remove_schedules(apps, SCHEDULES)


class Migration(migrations.Migration):

    dependencies = [
        ('django_q', '0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more'),
        ('kreativ', '0004_office_region'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='ConfirmedSender',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sender', models.CharField(max_length=64, unique=True)),
                ('confirmed_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('last_sent_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
            ],
            options={
                'verbose_name': 'confirmed sender',
                'verbose_name_plural': 'confirmed senders',
            },
        ),
        migrations.CreateModel(
            name='HeldMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=60)),
                ('key', models.CharField(max_length=255)),
                ('name', models.CharField(max_length=120)),
                ('email', models.EmailField(max_length=254)),
                ('message', models.TextField()),
                ('language', models.CharField(choices=[('cs', 'Čeština'), ('sl', 'Slovenščina'), ('en', 'English')], max_length=5)),
                ('token', models.CharField(max_length=43, unique=True)),
                ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('site', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'message waiting for its sender',
                'verbose_name_plural': 'messages waiting for their senders',
            },
        ),
        migrations.RunPython(create_schedules, remove_schedules),
    ]
