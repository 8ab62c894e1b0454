"""Real funding calls for the search tests: the saved pages of three national sources, parsed by the
crawler's own parsers and approved as a moderator would, plus an EU call in English. And both whoosh
paths (accelerated and plain, kreativ/search/acceleration.py) for the tests that search."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import override_settings

from crawler.parsers import cz_dotaceeu, cz_mkcr, si_podjetniski
from kreativ.search import acceleration, whoosh_fixes
from opportunities.models import FundingCall
from tests.crawler.conftest import html_response
from tests.crawler.test_parsers import CALL_109, DOTACE, HRASTNIK_URL
from tests.opportunities.conftest import finder, make_item, moderator, publish  # noqa: F401 (fixtures)

MKCR_URL = "https://mk.gov.cz/zadost-o-dotaci-ze-statniho-rozpoctu-v-roce-2026"


@pytest.fixture(params=[pytest.param("accelerated", marks=pytest.mark.accelerated), "plain"])
def whoosh_path(request, search_index) -> Iterator[str]:
    """The test runs twice: on the accelerated path, and on the plain one (``ACCELERATED`` off, whoosh
    unpatched), with the index of ``search_index`` either way. The patches are process-wide: they are
    put back as they were afterwards."""
    if search_index is None:
        pytest.skip("the configured search backend is not the whoosh one")
    accelerated = request.param == "accelerated"
    was_applied = whoosh_fixes.is_applied()
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": {**backend, "ACCELERATED": accelerated}}):
        acceleration.install(accelerated)
        yield request.param
    acceleration.install(was_applied)


@pytest.fixture
def real_calls(publish) -> dict[str, FundingCall]:  # noqa: F811
    """Four live calls: Ministry of Culture (cs), EU funds portal (cs), Hrastnik (sl), Creative Europe (en)."""
    items = {
        "mkcr": ("cz_mkcr", cz_mkcr.parse_call(html_response(MKCR_URL, "cz_mkcr", "call-creative-europe.html"))),
        "dotaceeu": (
            "cz_dotaceeu",
            cz_dotaceeu.parse_call(html_response(DOTACE + CALL_109, "cz_dotaceeu", "call-109.html")),
        ),
        "hrastnik": (
            "si_podjetniski",
            si_podjetniski.parse_call(html_response(HRASTNIK_URL, "si_podjetniski", "razpis-hrastnik.html")),
        ),
        "creative_europe": ("eu_ft", make_item()),
    }
    return {name: publish(item, source=source) for name, (source, item) in items.items()}


def found(text: str, **filters) -> set[str]:
    """Titles of the live calls a search finds (all words required, as the finder asks)."""
    calls = FundingCall.objects.filter(live=True, **filters)
    return {call.title for call in calls.search(text, operator="and")}
