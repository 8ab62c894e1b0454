"""The index follows Wagtail's own signals: publishing, unpublishing, deleting, moderating snippets."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from modelsearch.query import MATCH_ALL
from wagtail.models import Page

from opportunities.intake import ingest
from opportunities.models import FundingCall, SourceRecord
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory
from tests.opportunities.conftest import act, make_item
from tests.search.conftest import found

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("whoosh_path")]  # both whoosh paths


def page_titles(query: str, queryset=None) -> set[str]:
    queryset = Page.objects.all() if queryset is None else queryset
    return {page.title for page in queryset.search(query, operator="and")}


def test_publishing_unpublishing_and_deleting_a_page(home):
    news = NewsIndexPageFactory(parent=home, title="Magazín", slug="magazin")
    article = NewsArticlePageFactory(parent=news, title="Textilní dílna v Šumperku otevírá", slug="dilna")
    assert page_titles("textilní dílna", Page.objects.live()) == {article.title}

    article.unpublish()
    assert page_titles("textilní dílna", Page.objects.live()) == set()
    assert page_titles("textilní dílna") == {article.title}  # the admin still finds the draft

    article.title = "Textilní dílna v Šumperku se otevírá v září"
    article.save_revision().publish()
    assert page_titles("zari", Page.objects.live()) == {"Textilní dílna v Šumperku se otevírá v září"}

    article.delete()
    assert page_titles("textilní dílna") == set()


def test_a_crawled_call_is_found_once_a_moderator_approves_it(moderator):
    ingest.ingest_item("eu_ft", make_item(title="Music Moves Europe: a new call for touring musicians"))
    call = SourceRecord.objects.get(external_id="CREA-CULT-2027-COOP").call
    assert found("touring musicians") == set()  # a draft waiting for moderation is not public
    assert {c.title for c in FundingCall.objects.search("touring musicians")} == {call.title}  # the admin's view

    act(call, moderator, "approve")
    assert found("touring musicians") == {call.title}

    call.delete()
    assert {c.title for c in FundingCall.objects.search("touring musicians")} == set()


def test_a_rejected_call_stays_out_of_public_search(moderator):
    ingest.ingest_item("eu_ft", make_item(title="Circus and street arts residencies"))
    call = SourceRecord.objects.get(external_id="CREA-CULT-2027-COOP").call
    act(call, moderator, "reject")
    assert found("street arts residencies") == set()


def test_update_index_rebuilds_from_the_database(real_calls):
    backend = get_search_backend()
    backend.reset_indexes()
    assert found("Hrastnik") == set()

    out = StringIO()
    call_command("update_index", stdout=out)
    assert "opportunities_fundingcall" in out.getvalue()
    assert found("Hrastnik") == {real_calls["hrastnik"].title}
    assert backend.search(MATCH_ALL, FundingCall).count() == FundingCall.objects.count()


def test_facets_count_the_matches(real_calls):
    facets = get_search_backend().search(MATCH_ALL, FundingCall.objects.filter(live=True)).facet("language")
    assert facets == {"cs": 2, "sl": 1, "en": 1}
    assert next(iter(facets)) == "cs"  # the most frequent first


def test_filters_sorting_and_slicing_run_in_the_index(real_calls):
    results = (
        FundingCall.objects.filter(live=True).order_by("final_deadline").search(MATCH_ALL, order_by_relevance=False)
    )
    deadlines = [call.final_deadline for call in results]
    assert deadlines == sorted(deadlines) and len(deadlines) == 4
    assert [call.title for call in results[1:3]] == [call.title for call in list(results)[1:3]]
    assert FundingCall.objects.filter(live=True, language="sl").search(MATCH_ALL).count() == 1


def test_an_empty_slice_asks_the_index_nothing(real_calls):
    results = FundingCall.objects.search("Hrastnik")
    assert list(results[0:0]) == [] and results[0:0].count() == 0
    assert list(results[1:]) == [] and results.count() == 1
