"""Czech, Slovenian and English searches on real calls: diacritics optional, inflections found."""

from __future__ import annotations

import pytest

from kreativ.search import analysis
from kreativ.search.stemmers import czech_variants, fold, slovenian_stem
from tests.factories import HubIndexPageFactory, HubPageFactory
from tests.search.conftest import found

pytestmark = pytest.mark.usefixtures("whoosh_path")  # each test on both whoosh paths (conftest.py)

MKCR = "Žádost o dotaci ze státního rozpočtu v roce 2026"
DOTACEEU = "MŽP_109. výzva, SC 1.3, opatření 1.3.3, průběžná"
HRASTNIK = "Javni razpis za spodbujanje razvoja podjetništva v občini Hrastnik v letu 2026"
CREATIVE_EUROPE = "European cooperation projects"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("with_marks", "without", "expected"),
    [
        ("žádost o dotaci", "zadost o dotaci", MKCR),
        ("státního rozpočtu", "statniho rozpoctu", MKCR),
        ("září", "zari", MKCR),  # "Termín uzávěrky pro příjem žádostí: 16. září 2026."
        ("průběžná výzva", "prubezna vyzva", DOTACEEU),
        ("Životní prostředí", "zivotni prostredi", DOTACEEU),
        ("podjetništva občini", "podjetnistva obcini", HRASTNIK),
    ],
)
def test_queries_with_and_without_diacritics_find_the_same_calls(real_calls, with_marks, without, expected):
    assert expected in found(with_marks)
    assert found(with_marks) == found(without)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dotace", MKCR),  # the page says "dotaci", "dotace" and "dotačního"
        ("výzvy", DOTACEEU),  # plural of "výzva"
        ("vyzvou", DOTACEEU),  # instrumental, typed without diacritics
        ("spolufinancování projektu", MKCR),  # "spolufinancování projektů"
        ("kulturních služeb", MKCR),  # "veřejné kulturní služby"
        ("razpisi", HRASTNIK),  # plural of "razpis"
        ("podjetništvo", HRASTNIK),  # "podjetništva"
        ("občina Hrastnik", HRASTNIK),  # "v občini Hrastnik"
        ("project cooperation", CREATIVE_EUROPE),  # English stems: "cooperation projects"
        ("organisation", CREATIVE_EUROPE),  # "cultural organisations"
    ],
)
def test_inflected_forms_find_the_call(real_calls, query, expected):
    assert expected in found(query)


@pytest.mark.django_db
def test_all_words_are_required_and_stop_words_are_not(real_calls):
    assert found("dotace Hrastnik") == set()
    assert found("dotace pro kulturu a") == found("dotace kulturu")


@pytest.mark.django_db
def test_each_page_is_read_in_its_own_language(home, locales):
    """The analyser follows the page's locale: Czech inflection for the Czech page, English stems for
    the English one, and neither leaks into the other language's rules."""
    from wagtail.models import Page

    index_cs = HubIndexPageFactory(parent=home, title="Kreativní centra", slug="centra")
    HubPageFactory(parent=index_cs, title="Kreativní centrum Olomouc", slug="kco", body=None)
    english_home = home.get_translation(locales["en"])
    index_en = HubIndexPageFactory(parent=english_home, title="Creative centres", slug="centres")
    HubPageFactory(parent=index_en, title="Creative centre Olomouc", slug="cco", body=None)

    def titles(query: str) -> set[str]:
        return {page.title for page in Page.objects.live().search(query, operator="and")}

    assert titles("kreativních center") == {"Kreativní centra", "Kreativní centrum Olomouc"}
    assert titles("creative centres") == {"Creative centres", "Creative centre Olomouc"}
    assert titles("centru Olomouci") == {"Kreativní centrum Olomouc"}


def test_stemmers_on_their_own():
    assert czech_variants("výzvami") == czech_variants("vyzvy") == ("vyzv",)
    assert "cesk" in czech_variants("ceskych") and czech_variants("českých") == ("cesk",)
    assert czech_variants("cesta") != czech_variants("český")  # folding does not merge road and Czech
    assert {slovenian_stem(w) for w in ("razpis", "razpisa", "razpisov", "razpisih", "razpisom")} == {"razpis"}
    assert slovenian_stem("ali") == "ali"  # short words are never cut
    assert fold("Příliš žluťoučký kůň") == "prilis zlutoucky kun"


@pytest.mark.django_db
def test_autocomplete_matches_word_prefixes_with_or_without_diacritics(real_calls):
    from modelsearch.backends import get_search_backend

    from opportunities.models import FundingCall

    def titles(text: str) -> set[str]:
        return {call.title for call in get_search_backend().autocomplete(text, FundingCall, operator="and")}

    assert titles("Hrast") == {HRASTNIK}
    assert titles("statn rozpo") == titles("státn rozpo") == {MKCR}
    assert titles("rozpočet") == set()  # a prefix of no word: "rozpočtu" is not "rozpočet…"
    assert [t.text for t in analysis.spelling_analyser()("Kočevje-Ribnica")] == ["kocevje", "ribnica"]
