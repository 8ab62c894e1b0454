"""Searches with the vocabulary: a common term finds a call written in another language.

One live call per row of ``vocabulary_terms`` (its title in the row's language), indexed once for
the module: each of the 60+ terms per language finds its call through Wagtail's search API, and
does not find it unexpanded. The query shapes the expansion builds (several terms, terms and
plain words, phrases) are searched on both whoosh paths.
"""

from __future__ import annotations

import math

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from modelsearch.backends import get_search_backend
from modelsearch.query import PlainText

from kreativ.search.backend import close_all
from kreativ.search.batch import indexing_batch
from kreativ.search.expansion import expanded_query
from opportunities.finder.text_search import ranked_keys
from opportunities.models import FundingCall
from tests.search.vocabulary_terms import BY_LANGUAGE

# Calls that need two terms, or a term and a plain word, to be found.
COMBINED = [
    ("en", "Music and theatre touring"),
    ("en", "Creative vouchers for micro-enterprises"),
    ("sl", "Glasba in ples za otroke"),
    ("cs", "Festival současného tance"),
]


@pytest.fixture(scope="module")
def calls(tmp_path_factory, django_db_setup, django_db_blocker):
    """``(index path, {(language, query or title): call pk})``: the module's calls, rolled back after it."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    if backend["BACKEND"] != "kreativ.search.backend":
        pytest.skip("the configured search backend is not the whoosh one")
    path = tmp_path_factory.mktemp("vocabulary") / "search-index"
    with (
        override_settings(WAGTAILSEARCH_BACKENDS={"default": {**backend, "PATH": path}}),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        created: dict[tuple[str, str], int] = {}
        with indexing_batch():
            for language, rows in BY_LANGUAGE.items():
                for query, _equivalent, call_language, title in rows:
                    call = FundingCall.objects.create(title=title, language=call_language, live=True)
                    created[(language, query)] = call.pk
            for call_language, title in COMBINED:
                created[(call_language, title)] = FundingCall.objects.create(
                    title=title, language=call_language, live=True
                ).pk
        yield path, created
        transaction.set_rollback(True)
    close_all(path)


@pytest.fixture
def search_index(calls):
    """This module's index, built once, instead of an empty one per test (tests/conftest.py)."""
    return calls[0]


def found(query) -> set[int]:
    return set(ranked_keys(query))


def rows():
    return [
        pytest.param(language, *row, id=f"{language}-{row[0]}")
        for language, language_rows in BY_LANGUAGE.items()
        for row in language_rows
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "query", "equivalent", "call_language", "call_title"), rows())
def test_a_common_term_finds_a_call_written_in_another_language(
    calls, language, query, equivalent, call_language, call_title
):
    call = calls[1][(language, query)]
    assert call in found(expanded_query(query)), f"{query!r} ({language}) misses {call_title!r} ({call_language})"
    assert call not in found(PlainText(query, operator="and")), "found without the vocabulary: the row tests nothing"


@pytest.mark.django_db
@pytest.mark.usefixtures("whoosh_path")
@pytest.mark.parametrize(
    ("query", "expected", "not_expected"),
    [
        # two terms, each in another language than the call: both required
        ("hudba divadlo", ("en", "Music and theatre touring"), ("cs", "hudba")),
        ("hudba a divadlo", ("en", "Music and theatre touring"), ("cs", "divadlo")),
        # a multi-word term (phrases in the expansion) and a plain word
        (
            "kreativní vouchery mikropodniky",
            ("en", "Creative vouchers for micro-enterprises"),
            ("cs", "kreativní vouchery"),
        ),
        ("glasba export", ("sl", "glasbo"), ("en", "music")),
        ("glasbo otroke", ("sl", "Glasba in ples za otroke"), ("cs", "hudby")),
        # an English query finding a Czech call by an inflected form ("tance")
        ("contemporary dance festival", ("cs", "Festival současného tance"), ("en", "dance")),
    ],
)
def test_terms_and_words_are_all_required_on_both_paths(calls, query, expected, not_expected):
    """``not_expected`` is a call matching one part of the query only."""
    result = found(expanded_query(query))
    assert calls[1][expected] in result
    assert calls[1][not_expected] not in result


@pytest.mark.django_db
@pytest.mark.accelerated
@pytest.mark.parametrize("query", ["hudba divadlo", "kreativní vouchery mikropodniky"])
def test_the_bulk_scorer_takes_expanded_words_and_phrases_with_whooshs_scores(calls, query):
    """Terms of one word compile to ``And``/``Or`` of terms, terms of several to phrases
    (``Sequence``): the accelerated path scores both in bulk, finding what whoosh finds, as whoosh scores it."""
    from kreativ.search import scoring

    compiled = FundingCall.objects.filter(live=True).search(expanded_query(query)).query_compiler.get_query()
    searcher = get_search_backend().get_index_for_model(FundingCall).searcher()
    scored = scoring.scores(searcher, compiled)
    own = {docnum: score for score, docnum in searcher.search(compiled, limit=None).top_n}
    assert own
    assert scored is not None and scored.keys() == own.keys()
    assert all(math.isclose(scored[docnum], own[docnum], rel_tol=1e-9) for docnum in own)
