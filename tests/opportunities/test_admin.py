"""Moderators in Wagtail's admin: the listing, the edit view's sources panel, approval, merging."""

from __future__ import annotations

import datetime as dt
import re
from functools import partial
from html import unescape

import feedparser
import pytest
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.html import strip_tags

from opportunities.intake import ingest
from opportunities.models import DuplicateSuggestion, FundingCall, Source, SourceRecord
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_opportunities_fundingcall:{name}", args=args)


def test_moderator_approves_a_crawled_draft_in_the_admin_and_it_goes_public(client, moderator, finder):
    ingest.ingest_item("eu_ft", make_item(title="Literary translation 2027", sectors=["books-press"]))
    call = FundingCall.objects.get()
    client.force_login(moderator)

    listing = client.get(url("list")).content.decode()
    assert "Literary translation 2027" in listing
    edit = client.get(url("edit", call.pk))
    assert edit.status_code == 200
    assert "EU Funding &amp; Tenders portal" in edit.content.decode()  # the sources panel
    assert client.get(finder.call_url(call)).status_code == 404
    assert client.get(finder.url).context["result"].total == 0

    task_state = call.current_workflow_task_state
    response = client.post(url("workflow_action", call.pk, "approve", task_state.pk), {"comment": "Checked."})
    assert response.status_code in (200, 302)
    call.refresh_from_db()
    assert call.live

    assert [c.title for c in client.get(finder.url).context["result"].page.object_list] == ["Literary translation 2027"]
    assert client.get(finder.call_url(call)).status_code == 200
    rss = feedparser.parse(client.get(finder.url + "feed/rss/").content)
    assert [e.title for e in rss.entries] == ["Literary translation 2027"]
    assert "Literary translation 2027" in client.get(finder.url + "feed/json/").content.decode()
    assert b"Literary translation 2027" in client.get(finder.url + "feed/ical/").content


def test_listing_filters_by_status_source_and_duplicates(client, moderator, finder, publish):
    publish(make_item("open-one", title="Open call"))
    Source.objects.create(slug="desk", name="Desk", kind="listing")
    ingest.ingest_item("desk", make_item("other", title="Same call elsewhere", call_identifier="open-one"))
    client.force_login(moderator)
    by_source = client.get(url("list") + f"?source={Source.objects.get(slug='desk').pk}").content.decode()
    assert "Same call elsewhere" in by_source and "Open call" not in by_source
    duplicates = client.get(url("list") + "?duplicates=true").content.decode()
    assert "Same call elsewhere" in duplicates
    closed = client.get(url("list") + "?call_status=closed").content.decode()
    assert "Open call" not in closed


def test_moderator_merges_a_suggested_duplicate(client, moderator):
    ingest.ingest_item("eu_ft", make_item())
    Source.objects.create(slug="desk", name="Creative Europe Desk", kind="listing")
    ingest.ingest_item("desk", make_item("desk-1", title="Projekty spolupráce", call_identifier="CREA-CULT-2027-COOP"))
    suggestion = DuplicateSuggestion.objects.get()
    client.force_login(moderator)
    confirm = client.get(url("merge", suggestion.pk))
    assert confirm.status_code == 200
    assert "Projekty spolupráce" in confirm.content.decode()
    response = client.post(url("merge", suggestion.pk), {"keep": "duplicate_of"})
    kept = suggestion.duplicate_of
    assert response["Location"] == url("edit", kept.pk)
    assert sorted(SourceRecord.objects.filter(call=kept).values_list("source__slug", flat=True)) == ["desk", "eu_ft"]
    assert FundingCall.objects.get(pk=suggestion.call_id).merged_into_id == kept.pk


def test_editors_cannot_moderate_calls(client, home):
    from django.contrib.auth.models import Group, User

    editor = User.objects.create_user("editor", "editor@example.com", "password")
    editor.groups.add(Group.objects.get(name="Editors"))
    ingest.ingest_item("eu_ft", make_item())
    client.force_login(editor)
    assert client.get(url("list")).status_code in (302, 403)


def test_dashboard_shows_the_moderation_queue_and_failing_sources(client, moderator):
    from opportunities.models import CrawlRun

    ingest.ingest_item("eu_ft", make_item(title="Waiting call"))
    CrawlRun.objects.create(
        source=Source.objects.get(slug="cz_mkcr"),
        status="failed",
        errors=[{"url": "https://mk.gov.cz/", "message": "x"}],
    )
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert 'id="funding-radar-heading"' in html
    assert "Waiting call" in html
    assert "Ministerstvo kultury" in html


def test_the_deadline_column_shows_the_next_deadline_as_a_date_and_sorts_by_it(client, english_moderator):
    tz = timezone.get_default_timezone()
    ahead = timezone.now() + dt.timedelta(days=30)
    first = dt.datetime.combine(ahead.date(), dt.time(17, 0), tz)
    last = ahead.date() + dt.timedelta(days=60)  # known only as a day
    ingest.ingest_item("eu_ft", make_item("two", title="Two stages", deadlines=[first, last]))
    ingest.ingest_item("eu_ft", make_item("soon", title="Soon", deadlines=[first - dt.timedelta(days=7)]))
    passed = timezone.localtime(timezone.now() - dt.timedelta(days=400))
    ingest.ingest_item("eu_ft", make_item("old", title="Passed", deadlines=[passed]))
    ingest.ingest_item("eu_ft", make_item("eod", title="End of a day", deadlines=[last]))
    client.force_login(english_moderator)

    cells = [
        " ".join(cell.split())
        for cell in re.findall(r"<td >(.*?)</td>", client.get(url("list") + "?moderation=all").content.decode(), re.S)
    ]
    with translation.override("en"):
        english = partial(dateformat.format, format_string="N j, Y")
        # The next stage with its time and zone, not the final one; a deadline known as a day is a date.
        assert f"{english(first)}, 5 p.m. {first.tzname()}" in cells
        soon = timezone.localtime(first - dt.timedelta(days=7))
        assert f"{english(soon)}, 5 p.m. {soon.tzname()}" in cells
        assert f"{english(passed)}, {dateformat.format(passed, 'P')} {passed.tzname()} (passed)" in cells
        assert english(last) in cells
    assert "Just now" not in cells

    def order(query: str) -> list[str]:
        return re.findall(r">(Two stages|Soon|Passed)<", client.get(url("list") + query).content.decode())

    assert order("?moderation=all&ordering=deadline_shown_at") == ["Passed", "Soon", "Two stages"]
    assert order("?moderation=all&ordering=-deadline_shown_at") == ["Two stages", "Soon", "Passed"]


def messages_of(response) -> list[str]:
    """The admin's messages on the page, as the moderator reads them (Wagtail adds their buttons' HTML)."""
    return [" ".join(unescape(strip_tags(str(message))).split()) for message in response.context["messages"]]


def test_the_moderation_task_names_its_actions_reject_and_approve_and_publish(client, english_moderator):
    from opportunities.models import CallApprovalTask

    ingest.ingest_item("eu_ft", make_item("one", title="To reject"))
    ingest.ingest_item("eu_ft", make_item("two", title="To approve"))
    rejected, approved = (SourceRecord.objects.get(external_id=e).call for e in ("one", "two"))
    task = rejected.current_workflow_task
    assert isinstance(task, CallApprovalTask) and task.name == "Moderators approve the call"
    client.force_login(english_moderator)

    edit = client.get(url("edit", rejected.pk)).content.decode()
    assert re.search(r">\s*Approve and publish\s*<", edit) and re.search(r">\s*Reject\s*<", edit)
    assert "Request changes" not in edit and not re.search(r">\s*Approve\s*<", edit)
    assert "and Publish" not in edit

    state = rejected.current_workflow_task_state
    response = client.post(url("workflow_action", rejected.pk, "reject", state.pk), {"comment": "No."}, follow=True)
    assert messages_of(response) == ["The funding call “To reject” was rejected: it stays off the public site."]
    assert not FundingCall.objects.waiting_for_decision().filter(pk=rejected.pk).exists()

    state = approved.current_workflow_task_state
    response = client.post(url("workflow_action", approved.pk, "approve", state.pk), {"comment": ""}, follow=True)
    assert messages_of(response) == ["The funding call “To approve” was approved and published."]
    assert FundingCall.objects.public().get() == approved


def test_the_migration_moves_a_waiting_call_to_the_named_task_and_back():
    import importlib

    from django.apps import apps
    from wagtail.models import GroupApprovalTask

    from opportunities.models import CallApprovalTask

    migration = importlib.import_module("opportunities.migrations.0008_moderation_queue")
    ingest.ingest_item("eu_ft", make_item())
    call = FundingCall.objects.get()
    migration.use_group_approval_task(apps, None)
    call.refresh_from_db()
    assert type(call.current_workflow_task) is GroupApprovalTask
    assert not CallApprovalTask.objects.exists()
    migration.use_call_approval_task(apps, None)
    call.refresh_from_db()
    task = call.current_workflow_task
    assert type(task) is CallApprovalTask and [g.name for g in task.groups.all()] == ["Moderators"]
    assert call.current_workflow_task_state.status == "in_progress"
    assert not GroupApprovalTask.objects.filter(name="Moderators approve the call").exists()

    # 0002's function run again (the browser tests' fixture does, after a flush) adds its group
    # approval task back; converting again leaves the workflow one task, not two.
    importlib.import_module("opportunities.migrations.0002_vocabularies_sources_and_moderation").create(apps, None)
    migration.use_call_approval_task(apps, None)
    workflow = call.get_workflow()
    assert [type(task.specific) for task in workflow.tasks.all()] == [CallApprovalTask]
    assert not GroupApprovalTask.objects.filter(name="Moderators approve the call").exists()


def test_the_edit_page_links_to_what_the_last_crawl_changed(client, english_moderator):
    ingest.ingest_item("eu_ft", make_item(title="Literary translation"))
    call = FundingCall.objects.get()
    client.force_login(english_moderator)
    assert "Compare with the previous revision" not in client.get(url("edit", call.pk)).content.decode()

    ingest.ingest_item("eu_ft", make_item(title="Literary translation 2027"))
    first, second = call.revisions.order_by("created_at", "pk").values_list("pk", flat=True)
    compare = url("revisions_compare", call.pk, first, second)
    edit = client.get(url("edit", call.pk)).content.decode()
    assert f'href="{compare}"' in edit and f'href="{url("history", call.pk)}"' in edit
    changes = client.get(compare)
    assert changes.status_code == 200
    assert 'Literary translation<span class="addition"> 2027</span>' in changes.content.decode()


def runs_url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_opportunities_crawlrun:{name}", args=args)


def test_crawl_runs_are_read_only_even_for_a_superuser(client, moderator):
    from django.contrib.auth.models import User

    from opportunities.models import CrawlRun

    run = CrawlRun.objects.create(source=Source.objects.get(slug="eu_ft"), status="ok", items_seen=3)
    admin = User.objects.create_superuser("admin", "admin@example.com", "x")
    for user in (moderator, admin):
        client.force_login(user)
        listing = client.get(runs_url("list"))
        assert listing.status_code == 200
        html = listing.content.decode()
        assert runs_url("add") not in html and runs_url("edit", run.pk) not in html
        assert f'href="{runs_url("inspect", run.pk)}"' in html  # a row opens what was recorded
        assert client.get(runs_url("inspect", run.pk)).status_code == 200
        for address in (runs_url("add"), runs_url("edit", run.pk), runs_url("delete", run.pk)):
            assert client.get(address).status_code in (302, 403), address
        assert client.post(runs_url("edit", run.pk), {"status": "failed"}).status_code in (302, 403)
    run.refresh_from_db()
    assert run.status == "ok"


def sources_url(name: str, *args) -> str:
    return reverse(f"wagtailsnippets_opportunities_source:{name}", args=args)


def test_crawl_now_queues_the_sources_scheduled_task(client, english_moderator, monkeypatch):
    """django-q2 runs queued tasks at once in the tests (Q_CLUSTER sync): the task the schedule
    names is run, with the source; only the spider's child process is stood in for."""
    from opportunities.intake import crawl
    from opportunities.models import CrawlRun

    crawled = []

    def crawl_source(source, urls=None, fast=False):
        crawled.append(source.slug)
        return CrawlRun.objects.create(source=source, status="ok")

    monkeypatch.setattr(crawl, "crawl_source", crawl_source)
    eu = Source.objects.get(slug="eu_ft")
    manual = Source.objects.create(slug="desk", name="Desk", kind="manual")
    client.force_login(english_moderator)

    listing = client.get(sources_url("list")).content.decode()
    assert f'href="{sources_url("crawl", eu.pk)}"' in listing
    assert sources_url("crawl", manual.pk) not in listing
    assert f'href="{sources_url("crawl", eu.pk)}"' in client.get(sources_url("edit", eu.pk)).content.decode()

    confirm = client.get(sources_url("crawl", eu.pk))
    assert confirm.status_code == 200 and crawled == []  # asking first queues nothing
    response = client.post(sources_url("crawl", eu.pk), follow=True)
    assert crawled == ["eu_ft"]
    assert messages_of(response) == [
        "The crawl of “EU Funding & Tenders portal” is queued; its run will be listed in Crawl runs when it is done."
        " Crawl runs"  # the message's button, to the source's runs
    ]
    assert f'href="{runs_url("list")}?source={eu.pk}"' in response.content.decode()
    response = client.post(sources_url("crawl", manual.pk), follow=True)
    assert crawled == ["eu_ft"]
    assert messages_of(response) == ["“Desk” is entered by hand: there is nothing to crawl."]


def test_crawl_now_needs_the_permission_to_change_sources(client, monkeypatch):
    from django.contrib.auth.models import Permission, User

    from opportunities.intake import crawl

    monkeypatch.setattr(crawl, "crawl_source", lambda *args, **kwargs: pytest.fail("crawled"))
    viewer = User.objects.create_user("viewer", "viewer@example.com", "x")
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_source")
    )
    eu = Source.objects.get(slug="eu_ft")
    client.force_login(viewer)
    assert client.get(sources_url("list")).status_code == 200
    assert sources_url("crawl", eu.pk) not in client.get(sources_url("list")).content.decode()
    refused = client.post(sources_url("crawl", eu.pk))
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail: "permission denied"


def test_boolean_columns_are_icons_not_true(client, english_moderator):
    ingest.ingest_item("eu_ft", make_item())
    client.force_login(english_moderator)
    for listing in (url("list"), sources_url("list")):
        html = client.get(listing).content.decode()
        cells = [" ".join(cell.split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)]
        assert not {"True", "False"} & set(cells), listing
        assert "icon-check" in html, listing


LABELS = {
    # model: language: (the listing's add button, the create view's title)
    "fundingcall": {"cs": ("Přidat dotační výzvu", "Nová dotační výzva"), "sl": ("Dodaj razpis", "Nov razpis")},
    "programme": {"cs": ("Přidat program", "Nový program"), "sl": ("Dodaj program", "Nov program")},
    "applicanttype": {
        "cs": ("Přidat typ žadatele", "Nový typ žadatele"),
        "sl": ("Dodaj vrsto prijavitelja", "Nova vrsta prijavitelja"),
    },
    "source": {"cs": ("Přidat zdroj", "Nový zdroj"), "sl": ("Dodaj vir", "Nov vir")},
}


@pytest.mark.parametrize("language", ["cs", "sl"])
def test_add_and_new_labels_are_whole_phrases_in_czech_and_slovenian(client, moderator, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = language
    profile.save()
    client.force_login(moderator)
    for model, labels in LABELS.items():
        add, new = labels[language]
        listing = " ".join(client.get(reverse(f"wagtailsnippets_opportunities_{model}:list")).content.decode().split())
        assert add in listing, model
        page = " ".join(client.get(reverse(f"wagtailsnippets_opportunities_{model}:add")).content.decode().split())
        assert f"<title>{new} - " in page, model  # the page's title
        assert 'id="header-title">' in page and f"<span>{new}</span> </h2>" in page, model  # the header
        assert f'href=""> {new} </a> </li> </ol>' in page, model  # the breadcrumb
        assert "New:" not in page and "Nový:" not in page and "Nov:" not in page, model
    create_call = " ".join(client.get(url("add")).content.decode().split())
    assert {"cs": "Přidat uzávěrku", "sl": "Dodaj rok"}[language] in create_call
    assert {"cs": "Přidat Uzávěrka", "sl": "Dodaj Rok"}[language] not in create_call

    ingest.ingest_item("eu_ft", make_item())
    edit = client.get(url("edit", FundingCall.objects.get().pk)).content.decode()
    for label in {"cs": ["Zamítnout", "Schválit a zveřejnit"], "sl": ["Zavrni", "Odobri in objavi"]}[language]:
        assert re.search(rf">\s*{label}\s*<", edit), label
