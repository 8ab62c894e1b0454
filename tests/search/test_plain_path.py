"""The plain whoosh path answers as the accelerated one: same matches, same scores, same order.

One index of funding calls in three languages (words from rare to common, titles and call
identifiers boosted, updates leaving deleted documents behind) is searched with ``ACCELERATED`` on
and off. The accelerated run must really take its own path (bulk scoring, ``$pk`` column), and the
plain run must touch none of it, with whoosh unpatched.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings
from modelsearch.backends import get_search_backend
from modelsearch.query import MATCH_ALL, Boost, Fuzzy, Not, Phrase, PlainText
from whoosh.codec import whoosh3

from kreativ.search import acceleration, columns, scoring, whoosh_fixes
from opportunities.models import FundingCall, Programme

pytestmark = [pytest.mark.django_db, pytest.mark.accelerated]  # compares with the accelerated path

WORDS = {
    "en": ["culture", "music", "festival", "film", "design", "heritage", "digital", "skills", "touring", "rare"],
    "cs": ["kultura", "hudba", "festival", "film", "design", "dědictví", "digitální", "dovednosti", "turné", "vzácný"],
    "sl": ["kultura", "glasba", "festival", "film", "oblikovanje", "dediščina", "digitalne", "veščine", "turneja"],
}
CHANCES = [0.7, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.1, 0.05, 0.02]


def _text(rng: random.Random, words: list[str], filler: int) -> str:
    """Some of the words, common ones often, repeated up to three times, among up to ``filler`` others."""
    picked = [word for word, chance in zip(words, CHANCES, strict=False) if rng.random() < chance] or words[:1]
    tokens = picked * rng.randint(1, 3) + ["programme"] * rng.randint(0, filler)  # lengths count in BM25F
    rng.shuffle(tokens)
    return " ".join(tokens)


@pytest.fixture
def calls(db) -> list[FundingCall]:
    """Live calls saved one by one (one commit, so one segment, each: whoosh merges some of them)."""
    rng = random.Random(5)
    programmes = [Programme.objects.create(name="Creative Europe"), Programme.objects.create(name="Kreativní Česko")]
    found = []
    for number in range(30):
        language = ("en", "cs", "sl")[number % 3]
        words = WORDS[language]
        found.append(
            FundingCall.objects.create(
                title=_text(rng, words, 0).title(),
                summary=_text(rng, words, 10),
                description=f"<p>{_text(rng, words, 30)}</p>",
                call_identifier=f"KREA-{number:03d}",
                programme=programmes[number % 2],
                language=language,
                live=True,
            )
        )
    # Updates: whoosh deletes the old document and adds the new one, so segments have deletions.
    for call in found[:8]:
        call.summary += " festival"
        call.save()
    return found


def _searches() -> dict[str, Callable[[], Any]]:
    live = FundingCall.objects.filter(live=True)
    backend = get_search_backend()
    return {
        "one common word": lambda: live.search("festival"),
        "two words, all required": lambda: live.search("music festival", operator="and"),
        "two words, either": lambda: live.search("film design", operator="or"),
        "czech, without diacritics": lambda: live.search("digitalni dovednosti"),
        "slovenian": lambda: live.search("dediscina kultura"),
        "a less common word": lambda: live.search("heritage"),
        "a call identifier (boost 5)": lambda: live.search("KREA-007"),
        "a word of the programme": lambda: live.search("kreativni"),
        "a filter": lambda: live.filter(language="cs").search("festival"),
        "a phrase": lambda: live.search(Phrase("creative europe")),
        "fuzzy": lambda: live.search(Fuzzy("festivl")),
        "boosted and negated": lambda: live.search(Boost(PlainText("film"), 2.0) & Not(PlainText("design"))),
        "everything, newest first": lambda: live.order_by("-first_seen").search(MATCH_ALL, order_by_relevance=False),
        "sorted by a filter field": lambda: live.order_by("language", "-first_seen").search(
            "culture kultura", order_by_relevance=False
        ),
        "autocomplete": lambda: backend.autocomplete("fest", live),
        "nothing": lambda: live.search("nonexistentword"),
    }


def _answers() -> dict[str, dict[str, Any]]:
    answers = {}
    for name, search in _searches().items():
        results = search()
        scored = list(search().annotate_score("_score"))
        answers[name] = {
            "keys": results.keys(),
            "scores": [(str(call.pk), call._score) for call in scored],
            "page": [call.pk for call in search()[3:9]],
            "count": search().count(),
            "facet": dict(search().facet("language")),
        }
    return answers


@contextmanager
def _path(accelerated: bool) -> Iterator[None]:
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": {**backend, "ACCELERATED": accelerated}}):
        yield


def test_the_plain_path_answers_as_the_accelerated_one(calls, monkeypatch):
    was_applied = whoosh_fixes.is_applied()
    used: list[str] = []
    bulk_scores = scoring.scores
    monkeypatch.setattr(
        scoring, "scores", lambda *args, **kwargs: used.append("scores") or bulk_scores(*args, **kwargs)
    )
    whole_column = columns.integers
    monkeypatch.setattr(columns, "integers", lambda *args: used.append("integers") or whole_column(*args))
    try:
        with _path(True):
            accelerated = _answers()
            assert whoosh_fixes.is_applied() and whoosh3.W3LeafMatcher.skip_to is whoosh_fixes._skip_to
        assert "scores" in used and "integers" in used  # the accelerated path took its own way

        def forbidden(*args: Any, **kwargs: Any) -> None:
            raise AssertionError("the plain path used the accelerated code")

        for module, name in [(scoring, "scores"), (scoring, "matching_docnums"), (columns, "integers")]:
            monkeypatch.setattr(module, name, forbidden)
        with _path(False):
            plain = _answers()
            assert not whoosh_fixes.is_applied() and whoosh3.W3LeafMatcher.skip_to is not whoosh_fixes._skip_to
    finally:
        acceleration.install(was_applied)

    searcher = get_search_backend().get_index_for_model(FundingCall).searcher()
    assert len(searcher.leaf_searchers()) > 1 and searcher.reader().has_deletions()
    assert accelerated["one common word"]["count"] > 12  # the comparison is about something
    assert len({score for _pk, score in accelerated["one common word"]["scores"]}) > 5
    assert 0 < accelerated["a less common word"]["count"] < 8 and accelerated["nothing"]["count"] == 0
    for name, expected in accelerated.items():
        found = plain[name]
        assert found["keys"] == expected["keys"], name
        assert found["page"] == expected["page"], name
        assert found["count"] == expected["count"], name
        assert found["facet"] == expected["facet"], name
        assert [pk for pk, _score in found["scores"]] == [pk for pk, _score in expected["scores"]], name
        for (_pk, score), (_same, reference) in zip(found["scores"], expected["scores"], strict=True):
            assert (score is None and reference is None) or math.isclose(score, reference, rel_tol=1e-9), name
