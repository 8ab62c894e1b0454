"""django-q2 schedules of the funding radar: one crawl schedule per enabled source.

Moderators set a source's frequency in the admin; the schedule follows on every save. The
function takes the models as arguments so the data migration can run it with historical models.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

CRAWL_TASK = "opportunities.intake.crawl.crawl_task"
# Crawls run at night, when the sources' servers and ours are quiet.
NIGHTLY_HOUR = 3


def first_run(frequency: str):
    """The first run of a new schedule: in an hour for hourly crawls, else the coming night."""
    now = timezone.localtime()
    if frequency == "H":
        return now + dt.timedelta(hours=1)
    night = now.replace(hour=NIGHTLY_HOUR, minute=0, second=0, microsecond=0)
    return night if night > now else night + dt.timedelta(days=1)


def sync_crawl_schedule(source: Any, schedule_model: Any) -> None:
    """Creates, updates or removes the source's schedule (none for disabled or hand-run sources)."""
    name = f"crawl:{source.slug}"
    wanted = source.enabled and source.frequency and source.kind != "manual"
    existing = schedule_model.objects.filter(name=name).first()
    if not wanted:
        if existing is not None:
            existing.delete()
        return
    if existing is None:
        schedule_model.objects.create(
            name=name,
            func=CRAWL_TASK,
            args=repr(source.slug),
            schedule_type=source.frequency,
            repeats=-1,
            next_run=first_run(source.frequency),
        )
    elif existing.schedule_type != source.frequency or existing.func != CRAWL_TASK:
        existing.schedule_type = source.frequency
        existing.func = CRAWL_TASK
        existing.args = repr(source.slug)
        existing.save()
