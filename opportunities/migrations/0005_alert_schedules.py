"""The alert runs: daily and weekly digests in the morning, and an instant run every ten minutes
as a safety net behind the run that starts whenever a call is approved."""

import datetime as dt

from django.db import migrations
from django.utils import timezone

from kreativ import data_migrations

SCHEDULES = [
    ("alerts:instant", "instant", "I", 10),
    ("alerts:daily", "daily", "D", None),
    ("alerts:weekly", "weekly", "W", None),
]


def create(apps, schema_editor):
    now = timezone.localtime()
    morning = now.replace(hour=7, minute=0, second=0, microsecond=0)
    if morning <= now:
        morning += dt.timedelta(days=1)
    data_migrations.add_schedules(
        apps,
        {
            name: {
                "func": "opportunities.alerts.tasks.send",
                "args": repr(frequency),
                "schedule_type": kind,
                "minutes": minutes,
                "repeats": -1,
                "next_run": now + dt.timedelta(minutes=minutes) if minutes else morning,
            }
            for name, frequency, kind, minutes in SCHEDULES
        },
    )


def remove(apps, schema_editor):
    data_migrations.remove_schedules(apps, [s[0] for s in SCHEDULES])


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0004_alerts"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create, remove)]
