"""The finder's full text: matches highlighted in the results, and "did you mean" for typing errors."""

from __future__ import annotations

import pytest

from kreativ.search.highlight import highlight
from kreativ.search.suggestions import did_you_mean
from opportunities.models import FundingCall

pytestmark = pytest.mark.usefixtures("whoosh_path")  # each test on both whoosh paths (conftest.py)

ALL_STATUSES = "&status=open&status=forthcoming&status=closed"


@pytest.mark.django_db
def test_results_show_the_matched_words_highlighted(client, finder, real_calls):
    html = client.get(finder.url + "?q=zari" + ALL_STATUSES).content.decode()
    assert "Žádost o dotaci ze státního rozpočtu v roce 2026" in html
    assert "<mark>září</mark>" in html  # found without diacritics, marked as written

    html = client.get(finder.url + "?q=podjetnistvo" + ALL_STATUSES).content.decode()
    assert "<mark>podjetništva</mark>" in html


@pytest.mark.django_db
def test_a_typing_error_gets_a_suggestion_the_index_knows(client, finder, real_calls):
    response = client.get(finder.url + "?q=hrastnk" + ALL_STATUSES)
    assert response.context["result"].total == 0
    assert response.context["suggestion"]["text"] == "hrastnik"
    assert ">hrastnik</a>?</p>" in response.content.decode()
    assert "q=hrastnik" in response.context["suggestion"]["query"]
    assert "status=closed" in response.context["suggestion"]["query"]  # the other filters are kept

    assert client.get(finder.url + "?q=hrastnik" + ALL_STATUSES).context["suggestion"] is None


@pytest.mark.django_db
def test_suggestions_come_from_the_words_of_indexed_titles(real_calls):
    calls = FundingCall.objects.filter(live=True)
    assert did_you_mean("dotaci statnhio rozpcotu", calls) == "dotaci statniho rozpoctu"
    assert did_you_mean("podjetnistav", calls) == "podjetnistva"
    assert did_you_mean("Kreativni Evropa", calls) is None  # nothing to correct
    assert did_you_mean("", calls) is None


def test_a_highlight_is_escaped_text_with_marks_only():
    text = '<p>Hudba &amp; <b>zvuk</b> <img src=x onerror="alert(1)"> 5 < 6 <script>alert(2)</script></p>'
    passage = highlight(text, "hudbu", "cs")
    assert passage.startswith("<mark>Hudba</mark> &amp; zvuk 5 &lt; 6")
    assert "<img" not in passage and "<script" not in passage and "<b>" not in passage


def test_no_match_no_highlight():
    assert highlight("Kreativní Evropa – kultura", "film", "cs") is None
    assert highlight("", "film", "cs") is None
