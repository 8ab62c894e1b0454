"""Deadlines known only as a day stay a day: stored, compared, counted and shown as one.

The EU search API writes "17 December 2026" as 2026-12-17T00:00:00.000+0000; shown as a moment in
Prague that read "17. prosince 2026 1:00", a deadline in the night. A day counts until its end in
the source's zone (Brussels for the EU); a deadline whose time is known is shown with its zone.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import formats, timezone, translation
from icalendar import Calendar

from opportunities.intake import canonical, ingest
from opportunities.models import CallStatus, Deadline, FundingCall, SourceRecord
from tests.conftest import t
from tests.opportunities.conftest import act, make_item
from tests.opportunities.test_ingest import writes_during

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
PRAGUE = ZoneInfo("Europe/Prague")


def in_days(days: int) -> dt.date:
    return (timezone.now() + dt.timedelta(days=days)).astimezone(BRUSSELS).date()


def czech_date(day: dt.date) -> str:
    with translation.override("cs"):
        return formats.date_format(day, "DATE_FORMAT")


def eu_day_item(external_id: str = "EIC-2026-SHORT", day: dt.date | None = None, **changes):
    return make_item(external_id, **{"deadlines": [day or in_days(30)], "timezone": "Europe/Brussels", **changes})


def deadline_cells(html: str) -> list[str]:
    return re.findall(r'<dd class="deadline">(.*?)</dd>', html, re.S)


# --- stored -----------------------------------------------------------------------------------


def test_an_eu_day_is_stored_as_the_day_and_passes_at_its_end_in_brussels():
    day = in_days(30)
    ingest.ingest_item("eu_ft", eu_day_item(day=day))
    deadline = FundingCall.objects.get().deadlines.get()
    assert (deadline.date, deadline.time, deadline.timezone) == (day, None, "Europe/Brussels")
    assert not deadline.has_time
    assert deadline.at == dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=BRUSSELS)
    assert FundingCall.objects.get().final_deadline == deadline.at


def test_a_day_counts_until_the_end_of_that_day_in_the_sources_zone(publish):
    day = in_days(30)
    call = publish(eu_day_item(day=day))
    last_evening = dt.datetime.combine(day, dt.time(23, 30), tzinfo=BRUSSELS)
    next_morning = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, 0, 1), tzinfo=BRUSSELS)
    assert call.status(last_evening) == CallStatus.OPEN  # 23:30 in Brussels, 22:30 UTC
    assert call.status(next_morning) == CallStatus.CLOSED
    assert call.next_deadline(last_evening).date == day
    assert call.next_deadline(next_morning) is None
    # The database agrees (the finder's facet index, the digests' candidates ask it).
    assert FundingCall.objects.public().with_status([CallStatus.OPEN], last_evening).get() == call
    assert not FundingCall.objects.public().with_status([CallStatus.OPEN], next_morning).exists()
    assert FundingCall.objects.deadline_within(last_evening, last_evening + dt.timedelta(hours=1)).get() == call


def test_the_finders_window_and_order_count_a_day_until_its_end(client, finder, publish, monkeypatch):
    from opportunities.finder import facet_index

    today = in_days(0)
    tonight = dt.datetime.combine(today, dt.time(22, 0), tzinfo=BRUSSELS)
    publish(eu_day_item("TODAY", day=today, title="Closes today"))
    publish(make_item("TIMED", title="Closes tomorrow at noon", deadlines=[tonight + dt.timedelta(hours=14)]))
    monkeypatch.setattr(facet_index.timezone, "now", lambda: tonight)
    facet_index.invalidate()
    result = client.get(finder.url, {"deadline": "7"}).context["result"]
    assert [call.title for call in result.page.object_list] == ["Closes today", "Closes tomorrow at noon"]


# --- compared -----------------------------------------------------------------------------------


def test_a_recrawl_of_an_unchanged_day_writes_nothing():
    item = eu_day_item()
    assert ingest.ingest_item("eu_ft", item) == ingest.NEW
    outcome, writes = writes_during(ingest.ingest_item, "eu_ft", dict(item))
    assert (outcome, writes) == (ingest.UNCHANGED, [])
    record = SourceRecord.objects.get()
    assert record.data["deadlines"] == [f"{item['deadlines'][0].isoformat()} Europe/Brussels"]


def test_a_day_from_json_lines_is_the_same_day():
    from crawler.items import from_jsonable, to_jsonable

    item = eu_day_item()
    again = from_jsonable(json.loads(json.dumps(to_jsonable(item | {"source": "eu_ft"}))))
    assert canonical.crawled_values(again) == canonical.crawled_values(item)


def test_an_item_with_an_unknown_zone_is_refused():
    with pytest.raises(ingest.InvalidItem, match="time zone"):
        ingest.ingest_item("eu_ft", eu_day_item(timezone="Europe/Atlantis"))
    assert not FundingCall.objects.exists()


def test_a_moderator_gives_a_day_its_time_and_a_recrawl_keeps_it(moderator):
    day = in_days(30)
    ingest.ingest_item("eu_ft", eu_day_item(day=day))
    call = FundingCall.objects.get()
    act(call, moderator, "approve")
    draft = call.get_latest_revision_as_object()
    draft.deadlines.set([Deadline(date=day, time=dt.time(17, 0), timezone="Europe/Brussels")])
    draft.save_revision(user=moderator).publish()

    item = eu_day_item(day=day, title="EIC Accelerator: short proposals", opening_date=call.opening_date)
    assert ingest.ingest_item("eu_ft", item) == ingest.CHANGED
    latest = FundingCall.objects.get().get_latest_revision_as_object()
    assert latest.title == "EIC Accelerator: short proposals"
    [deadline] = latest.deadlines.all()
    assert deadline.time == dt.time(17, 0)
    assert deadline.passes_at() == dt.datetime.combine(day, dt.time(17, 0), tzinfo=BRUSSELS)


# --- converted ------------------------------------------------------------------------------------


def test_the_migration_reads_stored_moments_back_as_what_their_source_said():
    """Rows written before deadlines had days: EU midnight UTC and a Czech page's 23:59:59 become
    days, a cascade call's 17:00 stays a moment, and a re-crawl of the same data writes nothing."""
    from django.apps import apps

    migration = importlib.import_module("opportunities.migrations.0009_deadline_dates_and_amounts")
    eu_day, cz_day = in_days(30), in_days(20)
    moment = dt.datetime.combine(in_days(40), dt.time(17, 0), tzinfo=dt.UTC)
    items = {
        "eu_ft": eu_day_item(day=eu_day),
        "cz_mkcr": make_item("/dotace-2026", deadlines=[cz_day], timezone="Europe/Prague"),
    }
    items["eu_ft"]["deadlines"].append(moment)
    for source, item in items.items():
        ingest.ingest_item(source, item)
    old_moments = {
        "eu_ft": [dt.datetime.combine(eu_day, dt.time(0, 0), tzinfo=dt.UTC), moment],
        "cz_mkcr": [dt.datetime.combine(cz_day, dt.time(23, 59, 59), tzinfo=PRAGUE)],
    }
    for source, moments in old_moments.items():  # write them back the way they used to be stored
        record = SourceRecord.objects.get(source__slug=source)
        old = sorted(m.astimezone(dt.UTC).isoformat() for m in moments)
        data = {**record.data, "deadlines": old}
        SourceRecord.objects.filter(pk=record.pk).update(data=data, data_hash=canonical.digest(data))
        FundingCall.objects.filter(pk=record.call_id).update(crawled_values=data)
        Deadline.objects.filter(call_id=record.call_id).delete()
        Deadline.objects.bulk_create([Deadline.of(m, call_id=record.call_id) for m in moments])
        for revision in record.call.revisions.all():
            revision.content["deadlines"] = [
                {"pk": None, "call": record.call_id, "at": m.astimezone(dt.UTC).isoformat(), "label": ""}
                for m in moments
            ]
            revision.content["crawled_values"] = data
            revision.save(update_fields=["content"])

    migration.convert(apps, None)

    eu = SourceRecord.objects.get(source__slug="eu_ft").call
    assert [(d.date, d.time, d.timezone) for d in eu.deadline_list()] == [
        (eu_day, None, "Europe/Brussels"),
        (moment.astimezone(PRAGUE).date(), moment.astimezone(PRAGUE).time().replace(tzinfo=None), "Europe/Prague"),
    ]
    assert eu.deadline_list()[1].at == moment
    cz = SourceRecord.objects.get(source__slug="cz_mkcr").call
    assert [(d.date, d.time, d.timezone) for d in cz.deadline_list()] == [(cz_day, None, "Europe/Prague")]
    [revision_deadline] = cz.get_latest_revision_as_object().deadlines.all()
    assert (revision_deadline.date, revision_deadline.time) == (cz_day, None)
    for source, item in items.items():
        outcome, writes = writes_during(ingest.ingest_item, source, item)
        assert (outcome, writes) == (ingest.UNCHANGED, []), source


# --- shown ----------------------------------------------------------------------------------------


def test_the_call_page_shows_a_day_as_a_date_and_a_time_with_its_zone(client, finder, publish):
    day = in_days(30)
    five_pm = dt.datetime.combine(in_days(60), dt.time(17, 0), tzinfo=BRUSSELS)
    call = publish(eu_day_item(day=day, deadlines=[day, five_pm]))
    html = client.get(finder.call_url(call)).content.decode()
    first, second = deadline_cells(html)
    assert first == f'<time datetime="{day.isoformat()}">{czech_date(day)}</time>'
    local = five_pm.astimezone(PRAGUE)
    assert f'datetime="{local.isoformat()}" data-zone="Europe/Prague"' in second
    assert f"{local:%H:%M} {local.tzname()}</time>" in second  # 17:00 CET: Brussels and Prague agree
    assert "js/local-times.js" in html


def test_passed_deadlines_are_marked_on_the_page_and_the_card(client, finder, publish):
    passed = in_days(-3)
    call = publish(eu_day_item(title="Two stages", deadlines=[passed, in_days(30)]))
    first, second = deadline_cells(client.get(finder.call_url(call)).content.decode())
    with translation.override("cs"):
        passed_word = translation.pgettext("deadline", "passed")
    assert passed_word == "uplynula"  # "Uzávěrka: … (uplynula)"
    passed_mark = f'<span class="deadline__passed">({passed_word})</span>'
    assert passed_mark in first and passed_mark not in second
    closed = publish(eu_day_item("OLD", title="Closed last week", day=in_days(-7)))
    listing = client.get(finder.url, {"status": "closed"}).content.decode()
    card = listing[listing.index("Closed last week") :]
    card = card[: card.index("</article>")]
    assert f"{czech_date(in_days(-7))}</time> {passed_mark}" in card
    assert closed.status() == CallStatus.CLOSED


def test_the_home_page_lists_the_next_deadlines_as_days(client, home, finder, publish):
    day = in_days(12)
    publish(eu_day_item(title="EIC Accelerator", day=day))
    html = client.get(home.url).content.decode()
    assert f'<time datetime="{day.isoformat()}">{czech_date(day)}</time>' in html


def test_feeds_the_calendar_and_schema_org_keep_a_day_a_day(client, finder, publish):
    day = in_days(30)
    call = publish(eu_day_item(day=day))
    data = json.loads(client.get(finder.url + "feed/json/").content)
    assert data["items"][0]["_kreativ"]["deadlines"] == [day.isoformat()]
    assert czech_date(day) in data["items"][0]["content_text"]
    [event] = Calendar.from_ical(client.get(finder.url + "feed/ical/").content).walk("VEVENT")
    assert event.decoded("dtstart") == day and event.decoded("dtend") == day + dt.timedelta(days=1)
    assert b"DTSTART;VALUE=DATE:" + day.strftime("%Y%m%d").encode() in event.to_ical()
    html = client.get(finder.call_url(call)).content.decode()
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["potentialAction"]["endTime"] == day.isoformat()


def test_a_digest_announces_a_day_closing_soon_as_the_date(finder, publish):
    from opportunities.alerts.digests import send_alerts
    from opportunities.models import Subscription

    day = in_days(3)
    publish(eu_day_item(title="Closes soon", day=day))
    Subscription.objects.create(email="jana@example.com", language="cs", frequency="daily")
    send_alerts("daily")
    [message] = mail.outbox
    line = next(line for line in message.body.splitlines() if line.strip().startswith(t("Deadline")))
    assert czech_date(day) in line
    assert not re.search(r"\d:\d\d", line)


# --- edited ---------------------------------------------------------------------------------------


def edit_form_data(response) -> dict:
    """The admin edit form's current values, as the browser would post them back."""
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        else:
            data[name] = field.widget.format_value(value) if hasattr(field.widget, "format_value") else value
    for prefix, formset in form.formsets.items():
        for key, value in formset.management_form.initial.items():
            data[f"{prefix}-{key}"] = value
        for child in formset.forms:
            for name in child.fields:
                value = child[name].value()
                data[child.add_prefix(name)] = "" if value is None else str(value)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize(("typed_time", "expected_time"), [("", None), ("17:00", dt.time(17, 0))])
def test_a_moderator_enters_a_deadline_with_or_without_a_time(client, moderator, typed_time, expected_time):
    from django.urls import reverse

    ingest.ingest_item("eu_ft", make_item(deadlines=[dt.datetime(2030, 3, 1, 12, 0, tzinfo=PRAGUE)]))
    call = FundingCall.objects.get()
    client.force_login(moderator)
    url = reverse("wagtailsnippets_opportunities_fundingcall:edit", args=[call.pk])
    response = client.get(url)
    html = response.content.decode()
    assert 'name="deadlines-0-date"' in html and 'name="deadlines-0-time"' in html
    data = edit_form_data(response)
    assert data["deadlines-0-date"] == "2030-03-01" and data["deadlines-0-time"].startswith("12:00")
    data.update(
        {"deadlines-0-date": "2030-03-15", "deadlines-0-time": typed_time, "deadlines-0-timezone": "Europe/Brussels"}
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    [deadline] = FundingCall.objects.get().get_latest_revision_as_object().deadlines.all()
    assert (deadline.date, deadline.time, deadline.timezone) == (dt.date(2030, 3, 15), expected_time, "Europe/Brussels")
    assert deadline.passes_at() == dt.datetime.combine(
        dt.date(2030, 3, 15), expected_time or dt.time(23, 59, 59), tzinfo=BRUSSELS
    )
