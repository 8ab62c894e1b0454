"""The finder's controls and facets tell the truth: a deadline filter that clears, language links
that keep the reader's filters (never cached for the next reader), checkboxes for long lists with a
box that narrows them, amount buckets that count calls giving only their whole budget."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from opportunities.finder import facet_index
from tests.conftest import translate
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db


def language_links(html: str) -> dict[str, str]:
    switcher = html[html.index('class="language-switcher"') :].split("</nav>")[0]
    return {code: url for url, code in re.findall(r'<a href="([^"]+)" lang="(\w+)"', switcher)}


def test_the_deadline_filter_can_be_cleared(client, finder, publish):
    publish(make_item("a", title="Soon"))
    html = client.get(finder.url, {"deadline": "90"}).content.decode()
    assert 'name="deadline" value="" id="f-deadline-any"' in html
    assert re.search(r'value="90" id="f-deadline-90" checked', html)
    assert 'id="f-deadline-any" checked' not in html
    result = client.get(finder.url, {"deadline": ""}).context["result"]  # "any time" ticked
    assert result.filters.get("deadline") is None and result.total == 1
    assert 'id="f-deadline-any" checked' in client.get(finder.url).content.decode()
    deadline = next(facet for facet in result.facets if facet.name == "deadline")
    assert (deadline.options[0].value, deadline.options[0].selected) == ("", True)
    assert deadline.options[0].count == 1


def test_switching_language_keeps_the_filters_and_the_call(client, finder, publish, cached_fragments):
    translate(finder, "sl", title="Razpisi", slug="razpisi")
    translate(finder, "en", title="Funding", slug="funding")
    call = publish(make_item("m", title="Music export", sectors=["music"]))
    links = language_links(client.get(finder.url, {"sector": "music", "deadline": "30"}).content.decode())
    assert links["sl"].endswith("?sector=music&amp;deadline=30") and links["sl"].startswith("/sl/")
    assert links["en"].endswith("?sector=music&amp;deadline=30")
    # The next reader, without filters, gets the cached header's links: not the first reader's.
    assert "?" not in "".join(language_links(client.get(finder.url).content.decode()).values())
    links = language_links(client.get(finder.call_url(call), {"q": "hudba"}).content.decode())
    assert links["sl"].startswith("/sl/") and links["sl"].endswith(f"/calls/{call.slug}/?q=hudba")
    sl_page = client.get(links["sl"].replace("&amp;", "&"))
    assert sl_page.status_code == 200 and sl_page.context["call"] == call


def test_long_lists_are_checkboxes_with_a_box_that_narrows_them(client, finder):
    from crawler.vocabulary import EU_PROGRAMMES
    from opportunities.models import Programme

    Programme.objects.bulk_create([Programme(name=name) for name in EU_PROGRAMMES.values()])
    html = client.get("/cs/alerts/").content.decode()
    for name in ("regions", "programmes", "sectors"):
        assert f'type="checkbox" name="{name}"' in html, name
    form = html[html.index('<form method="post"') :]
    form = form[: form.index("</form>")]
    assert re.findall(r'<select name="(\w+)"', form) == ["frequency", "language"]  # single choices only
    for name in ("regions", "programmes"):  # long lists: a box to narrow them (shown by filters.js)
        before = html[: html.index(f'name="{name}"')]
        fieldset = before[before.rindex("<fieldset") :]
        assert "data-filterable" in fieldset and 'class="list-filter" hidden' in fieldset, name
    assert "js/filters.js" in html


def test_the_finders_region_facet_can_be_narrowed_and_the_filters_fold(client, finder, publish):
    html = client.get(finder.url).content.decode()
    assert '<details class="finder__facets" id="filters" open data-closed-below="50rem">' in html
    assert "js/filters.js" in html


def test_a_call_giving_only_its_whole_budget_counts_in_the_amount_buckets(client, finder, publish):
    publish(make_item("hrastnik", budget_total="48825.00", amount_max=None, currency="EUR"))
    publish(make_item("usti", budget_total="15000000", amount_max=None, currency="CZK"))
    publish(make_item("none", budget_total=None, amount_max=None))
    facet_index.invalidate()
    result = client.get(finder.url).context["result"]
    amounts = {o.value: o.count for o in next(f for f in result.facets if f.name == "amount").options}
    assert amounts == {"small": 0, "medium": 1, "large": 1, "xlarge": 0}
    from opportunities.models import FundingCall

    assert FundingCall.objects.get(call_identifier="usti").max_amount_eur == Decimal("600000")
    # Among calls none of whose sources names an amount, the facet is left out, not four "(0)".
    result = client.get(finder.url, {"q": "none-such-word"}).context["result"]
    assert not next(f for f in result.facets if f.name == "amount").options
    assert "Částka na projekt" not in client.get(finder.url, {"q": "none-such-word"}).content.decode()


def test_the_migration_gives_calls_with_only_a_budget_their_amount(publish):
    import importlib

    from django.apps import apps

    from opportunities.models import FundingCall

    call = publish(make_item("old", budget_total="48825.00", amount_max=None, currency="EUR"))
    FundingCall.objects.filter(pk=call.pk).update(max_amount_eur=None)  # as saved before the fallback
    importlib.import_module("opportunities.migrations.0009_deadline_dates_and_amounts").amounts(apps, None)
    assert FundingCall.objects.get(pk=call.pk).max_amount_eur == Decimal("48825")
