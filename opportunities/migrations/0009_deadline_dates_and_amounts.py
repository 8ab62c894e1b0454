"""Deadlines become a day, a time of day when it is known, and a time zone; ``at`` is derived.

Until now a deadline was one moment, and a deadline its source gave only as a day was stored as
some moment of that day: the EU API's midnight UTC (shown as 1:00 at night in Prague), or 23:59:59
in the source's zone for Czech and Slovenian pages. Existing rows are read back into what their
source said:

- a deadline of an EU call at exactly midnight UTC is that day, lasting until its end in Brussels;
- a deadline at 23:59:59 in its source's zone is that day (the crawler's old way of writing one);
- any other deadline keeps its moment, as a date and time in the site's zone.

The same reading is applied to what ingest compares (each source record's values and their hash,
each call's crawled values) and to the calls' revisions, so that a re-crawl of unchanged data
still writes nothing and a moderator's older revision still opens in the admin. Going back keeps
the moments as they now are (a day's end, not the old midnight).

The amount the finder's buckets and the alerts compare (``max_amount_eur``, the most one project
can get) now falls back on the call's whole budget when the source gives no limit per project
(a Slovenian call's "Vrednost razpisa: 48.825,00 €"): it is computed again for every call.
"""

import datetime as dt
import hashlib
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations, models

import opportunities.models.calls

# The zone each kind of source writes its local dates in (crawler/conventions.py at this time).
SOURCE_ZONES = {
    "eu_ft": "Europe/Brussels",
    "cz_dotaceeu": "Europe/Prague",
    "cz_mkcr": "Europe/Prague",
    "si_podjetniski": "Europe/Ljubljana",
}
END_OF_DAY = dt.time(23, 59, 59)


def _aware(value):
    moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class Reading:
    """How one call's stored moments are read back: its source's zone, and whether it is the EU's."""

    def __init__(self, source):
        self.eu = source is not None and source.kind == "eu_ft"
        config = (source.config if source is not None else None) or {}
        self.zone = SOURCE_ZONES.get(getattr(source, "kind", ""), config.get("timezone") or settings.TIME_ZONE)
        try:
            ZoneInfo(self.zone)
        except (KeyError, ValueError):
            self.zone = settings.TIME_ZONE

    def day(self, moment):
        """The day a stored moment stands for, or None when it is a real moment."""
        if self.eu and moment.astimezone(dt.UTC).time() == dt.time(0, 0):
            return moment.astimezone(dt.UTC).date()
        local = moment.astimezone(ZoneInfo(self.zone))
        if local.time().replace(microsecond=0) == END_OF_DAY:
            return local.date()
        return None

    def fields(self, moment):
        """A deadline's new fields (date, time, timezone, at) for a stored moment."""
        day = self.day(moment)
        if day is not None:
            at = dt.datetime.combine(day, END_OF_DAY, tzinfo=ZoneInfo(self.zone))
            return {"date": day, "time": None, "timezone": self.zone, "at": at}
        local = moment.astimezone(ZoneInfo(settings.TIME_ZONE))
        clock = local.time().replace(tzinfo=None)
        return {"date": local.date(), "time": clock, "timezone": settings.TIME_ZONE, "at": moment}

    def canonical(self, value):
        """A deadline as ingest compares it: "2026-12-17 Europe/Brussels" for a day, else as it was."""
        if not isinstance(value, str) or len(value) <= 10 or " " in value:
            return value
        day = self.day(_aware(value))
        return f"{day.isoformat()} {self.zone}" if day is not None else value

    def values(self, values):
        if not isinstance(values, dict) or not isinstance(values.get("deadlines"), list):
            return values
        return {**values, "deadlines": sorted({self.canonical(v) for v in values["deadlines"]})}


def digest(values):
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def convert(apps, schema_editor):
    FundingCall = apps.get_model("opportunities", "FundingCall")
    Deadline = apps.get_model("opportunities", "Deadline")
    SourceRecord = apps.get_model("opportunities", "SourceRecord")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")

    readings = {}

    def reading(call_id):
        if call_id not in readings:
            record = (
                SourceRecord.objects.filter(call_id=call_id).select_related("source").order_by("first_seen", "pk").first()
            )
            readings[call_id] = Reading(record.source if record else None)
        return readings[call_id]

    for deadline in Deadline.objects.all().iterator():
        for name, value in reading(deadline.call_id).fields(_aware(deadline.at)).items():
            setattr(deadline, name, value)
        deadline.save(update_fields=["date", "time", "timezone", "at"])

    for call in FundingCall.objects.all().iterator():
        final = Deadline.objects.filter(call_id=call.pk).aggregate(models.Max("at"))["at__max"]
        FundingCall.objects.filter(pk=call.pk).update(
            final_deadline=final, crawled_values=reading(call.pk).values(call.crawled_values)
        )

    for record in SourceRecord.objects.all().iterator():
        data = reading(record.call_id).values(record.data)
        if data != record.data:
            SourceRecord.objects.filter(pk=record.pk).update(data=data, data_hash=digest(data))

    content_type = ContentType.objects.filter(app_label="opportunities", model="fundingcall").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(base_content_type=content_type).iterator():
        content = revision.content or {}
        if not content.get("deadlines") and not content.get("crawled_values"):
            continue
        read = reading(int(revision.object_id))
        ats = []
        for deadline in content.get("deadlines") or []:
            if deadline.get("date") or not deadline.get("at"):
                continue
            fields = read.fields(_aware(deadline["at"]))
            deadline.update(
                date=fields["date"].isoformat(),
                time=fields["time"].isoformat() if fields["time"] else None,
                timezone=fields["timezone"],
                at=fields["at"].astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
            )
            ats.append(fields["at"])
        if ats:
            content["final_deadline"] = max(ats).astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
        content["crawled_values"] = read.values(content.get("crawled_values"))
        Revision.objects.filter(pk=revision.pk).update(content=content)


def amounts(apps, schema_editor):
    FundingCall = apps.get_model("opportunities", "FundingCall")
    for call in FundingCall.objects.filter(max_amount_eur__isnull=True, budget_total__isnull=False).iterator():
        rate = settings.FUNDING_EUR_RATES.get((call.currency or "EUR").upper())
        if rate is not None:
            value = (Decimal(call.budget_total) * Decimal(str(rate))).quantize(Decimal("1"))
            FundingCall.objects.filter(pk=call.pk).update(max_amount_eur=value)


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0008_moderation_queue"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="deadline",
            name="date",
            field=models.DateField(null=True, verbose_name="date"),
        ),
        migrations.AddField(
            model_name="deadline",
            name="time",
            field=models.TimeField(
                blank=True,
                help_text="Leave empty when the call gives only the day: the deadline then lasts until the day's end.",
                null=True,
                verbose_name="time",
            ),
        ),
        migrations.AddField(
            model_name="deadline",
            name="timezone",
            field=models.CharField(
                choices=opportunities.models.calls.deadline_zones,
                default=opportunities.models.calls.site_zone,
                max_length=64,
                verbose_name="time zone",
            ),
        ),
        migrations.AlterField(
            model_name="deadline",
            name="at",
            field=models.DateTimeField(editable=False, verbose_name="passes at"),
        ),
        migrations.RunPython(convert, migrations.RunPython.noop),
        migrations.RunPython(amounts, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="deadline",
            name="date",
            field=models.DateField(verbose_name="date"),
        ),
    ]
