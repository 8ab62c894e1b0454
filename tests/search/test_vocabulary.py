"""The search vocabulary: the file is complete and consistent, a bad file says what is wrong and
where, and queries in any of the three languages are expanded to their equivalents.

No index here: these tests read the vocabulary and the query objects it builds. That the queries
find calls written in another language is in ``test_vocabulary_search.py``.
"""

from __future__ import annotations

import logging
from io import StringIO

import pytest
from django.core import checks
from django.core.management import CommandError, call_command
from modelsearch.query import And, Or, Phrase, PlainText

from crawler import vocabulary as crawler_vocabulary
from kreativ.search import expansion, thesaurus
from kreativ.search.thesaurus import VocabularyError
from tests.search.vocabulary_terms import BY_LANGUAGE, UNRELATED

LANGUAGES = ("cs", "sl", "en")


@pytest.fixture(scope="module")
def vocabulary() -> thesaurus.Thesaurus:
    return thesaurus.load()


def texts(query) -> list[str]:
    """Every text a query object searches for."""
    if isinstance(query, PlainText | Phrase):
        return [query.query_string]
    if isinstance(query, And | Or):
        return [text for sub in query.subqueries for text in texts(sub)]
    raise AssertionError(f"unexpected {query!r}")


def read(text: str, language: str) -> tuple:
    """A text as a language's analyser reads it: the stems of each word."""
    return tuple(thesaurus.stems(word, language) for word in thesaurus.words(text))


# --- the file ------------------------------------------------------------------------------------


def test_every_concept_is_named_in_czech_slovenian_and_english(vocabulary):
    assert len(vocabulary.concepts) >= 100
    for concept in vocabulary.concepts:
        assert set(concept.terms) == set(LANGUAGES), concept
    for language in LANGUAGES:
        assert sum(len(concept.terms[language]) for concept in vocabulary.concepts) >= 300


def test_taxonomy_values_are_the_funding_radars_slugs_and_every_sector_has_its_words(vocabulary):
    """The slugs are the crawler's (and the sector taxonomy's), not a copy of their own."""
    sectors = {concept.sector for concept in vocabulary.concepts if concept.sector}
    applicants = {concept.applicant for concept in vocabulary.concepts if concept.applicant}
    supports = {concept.support for concept in vocabulary.concepts if concept.support}
    assert sectors == set(crawler_vocabulary.SECTORS)
    assert applicants <= set(crawler_vocabulary.APPLICANT_TYPES)
    assert supports <= set(crawler_vocabulary.SUPPORT_KINDS)
    assert {"freelancer", "ngo", "sme", "municipality"} <= applicants


def test_every_term_typed_alone_means_its_own_concept(vocabulary):
    """No term is read as another concept's, in any language: the file has no hidden clash."""
    misread = []
    for concept in vocabulary.concepts:
        for language, terms in concept.terms.items():
            for term in terms:
                found = expansion.expand_with(vocabulary, term)
                concepts = [part.concept for part in found.recognised]
                rest = found.query(without=[i for i, part in enumerate(found.parts) if part.concept])
                if concepts != [concept] or rest is not None:
                    misread.append((concept.key, language, term, [c.key for c in concepts if c]))
    assert misread == []


# --- common terms, as readers type them -----------------------------------------------------------


def rows(language: str):
    return [pytest.param(language, *row, id=f"{language}-{row[0]}") for row in BY_LANGUAGE[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_least_sixty_common_terms_per_language_are_tested(language):
    assert len(BY_LANGUAGE[language]) >= 60
    assert len({row[0].lower() for row in BY_LANGUAGE[language]}) == len(BY_LANGUAGE[language])


@pytest.mark.parametrize(
    ("query_language", "query", "equivalent", "call_language", "call_title"), [*rows("cs"), *rows("sl"), *rows("en")]
)
def test_a_common_term_expands_to_its_equivalents_in_every_language(
    vocabulary, query_language, query, equivalent, call_language, call_title
):
    found = expansion.expand_with(vocabulary, query)
    assert len(found.parts) == 1 and found.parts[0].concept is not None, f"{query!r} is not recognised"
    concept = found.parts[0].concept
    searched = texts(found.query())
    equivalent_language = "cs" if query_language == "en" else "en"
    assert read(equivalent, equivalent_language) in {read(text, equivalent_language) for text in searched}
    for language in LANGUAGES:  # and every term of the concept, in every language, as its analyser reads it
        assert {read(term, language) for term in concept.terms[language]} <= {read(text, language) for text in searched}
    assert query in searched  # the words typed are searched as well


@pytest.mark.parametrize("word", UNRELATED)
def test_unrelated_words_are_left_alone(vocabulary, word):
    found = expansion.expand_with(vocabulary, word)
    assert found.recognised == ()
    query = found.query()
    assert isinstance(query, PlainText) and (query.query_string, query.operator) == (word, "and")


def test_the_issues_words_each_name_a_concept(vocabulary):
    named = {
        text: [part.concept.key for part in expansion.expand_with(vocabulary, text).recognised]
        for text in ("výtvarné", "vytvarne", "umění", "kreativní vouchery", "nevladne organizacije", "kultura")
    }
    assert named == {
        "výtvarné": ["visual-arts"],
        "vytvarne": ["visual-arts"],
        "umění": ["arts"],
        "kreativní vouchery": ["creative-vouchers"],
        "nevladne organizacije": ["ngo"],
        "kultura": ["culture"],
    }


# --- how a query is cut ---------------------------------------------------------------------------


def test_the_longest_term_wins(vocabulary):
    def keys(text: str) -> list[str]:
        return [part.concept.key for part in expansion.expand_with(vocabulary, text).recognised]

    assert keys("kulturní dědictví") == ["cultural-heritage"]
    assert keys("kulturní") == ["culture"]
    assert keys("kreativní vouchery") == ["creative-vouchers"]
    assert keys("kreativní") == ["creative"]
    assert keys("vouchery") == ["voucher"]
    assert keys("nevladne organizacije") == ["ngo"]


def test_a_term_spans_the_stop_words_between_its_words(vocabulary):
    found = expansion.expand_with(vocabulary, "archivy a knihovny")
    assert [part.concept.key for part in found.recognised] == ["archives-and-libraries"]


def test_the_rest_of_the_query_stays_as_typed_and_every_part_is_required(vocabulary):
    found = expansion.expand_with(vocabulary, "vytvarne workshop v Praze")
    query = found.query()
    assert isinstance(query, And)
    terms, rest = query.subqueries
    assert isinstance(terms, Or)
    assert any(isinstance(sub, Phrase) and sub.query_string == "visual arts" for sub in terms.subqueries)
    assert any(isinstance(sub, PlainText) and sub.query_string == "likovni" for sub in terms.subqueries)
    assert isinstance(rest, PlainText) and (rest.query_string, rest.operator) == ("workshop Praze", "and")


def test_stop_words_between_terms_are_not_required(vocabulary):
    """ "hudba a design": two terms; "a" (a stop word) must not become a part of its own."""
    query = expansion.expand_with(vocabulary, "hudba a design").query()
    assert isinstance(query, And) and [type(sub) for sub in query.subqueries] == [Or, Or]


def test_a_query_without_terms_is_the_query_it_always_was(vocabulary):
    query = expansion.expand_with(vocabulary, "Hrastnik 2026").query()
    assert isinstance(query, PlainText) and (query.query_string, query.operator) == ("Hrastnik 2026", "and")
    assert expansion.expand_with(vocabulary, "   ").query() is None


def test_parts_can_be_left_out(vocabulary):
    found = expansion.expand_with(vocabulary, "hudba festival")
    rest = found.query(without={0})
    assert isinstance(rest, PlainText) and rest.query_string == "festival"
    assert found.text_without({0}) == "festival"
    assert expansion.expand_with(vocabulary, "hudba").query(without={0}) is None


def test_highlights_mark_the_equivalents(vocabulary):
    marked = expansion.expand_with(vocabulary, "hudba").words_to_mark()
    assert "hudba" in marked and "music" in marked and "glasba" in marked


# --- a bad file -----------------------------------------------------------------------------------


def problems(text: str, source: str = "cci.toml") -> list[str]:
    with pytest.raises(VocabularyError) as raised:
        thesaurus.build(thesaurus.parse(text, source, LANGUAGES), LANGUAGES)
    return raised.value.problems


GOOD = """
[music]
sector = "music"
cs = ["hudba"]
sl = ["glasba"]
en = ["music"]
"""


def test_a_good_file_reads():
    (concept,) = thesaurus.build(thesaurus.parse(GOOD, "x.toml", LANGUAGES), LANGUAGES).concepts
    assert (concept.key, concept.sector, concept.terms["sl"]) == ("music", "music", ("glasba",))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[music]\ncs = hudba\n", ["cci.toml: not valid TOML", "line 2", "Nothing of this file is used"]),
        ('[music]\ncs = ["hudba"]\nen = ["music"]\n', ["[music]", 'no terms in "sl"']),
        (GOOD.replace('sector = "music"', 'sectr = "music"'), ["[music]", "unknown key(s) sectr"]),
        (GOOD.replace('cs = ["hudba"]', 'cs = "hudba"'), ["[music]", '"cs" must be a list']),
        (GOOD.replace('cs = ["hudba"]', 'cs = ["hudba", ""]'), ["[music]", '"cs" must be a list of non-empty']),
        (GOOD.replace('sector = "music"', 'sector = "Music and sound"'), ["sector must be a slug"]),
        (GOOD.replace('en = ["music"]', 'en = ["music", "the"]'), ['en term "the"', "only stop words"]),
        (GOOD.replace('en = ["music"]', 'en = ["music", "not-for-profit"]'), ['"not-for-profit"', "only one"]),
        ('music = "hudba"\n', ["[music]", "a concept is a table"]),
        (
            GOOD + '[sound]\ncs = ["zvuk", "hudby"]\nsl = ["zvok"]\nen = ["sound"]\n',
            ['[sound]: the cs term "hudby" reads as "hudba" of concept [music]', "one concept only"],
        ),
    ],
)
def test_a_bad_file_says_what_is_wrong_and_where(text, says):
    message = "\n".join(problems(text))
    for expected in says:
        assert expected in message


def test_every_problem_is_reported_at_once():
    text = GOOD.replace('sector = "music"', 'sectr = "music"') + '[dance]\ncs = ["tanec"]\n[film]\ncs = 3\n'
    found = problems(text)
    assert len(found) == 3
    assert str(VocabularyError(found)).startswith("3 problems in the search vocabulary:")


def test_files_are_read_in_order_and_a_concept_key_is_used_once(tmp_path):
    (tmp_path / "a.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.toml").write_text('[dance]\ncs = ["tanec"]\nsl = ["ples"]\nen = ["dance"]\n', encoding="utf-8")
    assert [c.key for c in thesaurus.load(tmp_path, LANGUAGES).concepts] == ["music", "dance"]

    (tmp_path / "c.toml").write_text(GOOD.replace("hudba", "muzika"), encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"c.toml, concept \[music\]: the key is already used in a.toml"):
        thesaurus.load(tmp_path, LANGUAGES)


def test_manage_py_check_reports_a_broken_vocabulary(tmp_path, monkeypatch):
    assert [m for m in checks.run_checks() if m.id == "kreativ_search.E001"] == []
    (tmp_path / "cci.toml").write_text(GOOD.replace('sl = ["glasba"]\n', ""), encoding="utf-8")
    monkeypatch.setattr(thesaurus, "VOCABULARY_DIR", tmp_path)
    (error,) = [m for m in checks.run_checks() if m.id == "kreativ_search.E001"]
    assert error.level == checks.ERROR and 'cci.toml, concept [music]: no terms in "sl"' in error.msg


@pytest.fixture
def fresh_expansions():
    """``expand`` remembers texts and the vocabulary per process: forgotten before and after."""
    caches = (expansion.expand, expansion._vocabulary, thesaurus.current)
    for cached in caches:
        cached.cache_clear()
    yield
    for cached in caches:
        cached.cache_clear()


def test_a_broken_vocabulary_leaves_searches_unexpanded(tmp_path, monkeypatch, caplog, fresh_expansions):
    (tmp_path / "cci.toml").write_text("[music\n", encoding="utf-8")
    monkeypatch.setattr(thesaurus, "VOCABULARY_DIR", tmp_path)
    with caplog.at_level(logging.ERROR, logger="kreativ.search.expansion"):
        query = expansion.expand("hudba festival").query()
        expansion.expand("glasba").query()
    assert isinstance(query, PlainText) and query.query_string == "hudba festival"
    assert expansion.expand("hudba festival").recognised == ()
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(errors) == 1 and "cci.toml: not valid TOML" in errors[0].exc_text


# --- manage.py search_vocabulary ------------------------------------------------------------------


def test_the_command_shows_how_a_query_is_read():
    out = StringIO()
    call_command("search_vocabulary", "vytvarne workshop", "Hrastnik", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "'vytvarne workshop'"
    assert lines[1] == "  'vytvarne': [visual-arts] (sector visual-arts), in cci.toml"
    assert lines[2].startswith("    or any of: výtvarné umění; ") and "; visual arts;" in lines[2]
    assert lines[3:] == [
        "  'workshop': searched as typed",
        "'Hrastnik'",
        "  no term of the vocabulary: searched as typed",
    ]


def test_the_command_checks_the_files(tmp_path, monkeypatch):
    out = StringIO()
    call_command("search_vocabulary", stdout=out)
    assert out.getvalue().startswith("The vocabulary is usable: ")

    (tmp_path / "cci.toml").write_text(GOOD + GOOD.replace("[music]", "[sound]"), encoding="utf-8")
    monkeypatch.setattr(thesaurus, "VOCABULARY_DIR", tmp_path)
    with pytest.raises(CommandError, match=r"3 problems in the search vocabulary:\n- cci.toml, concept \[sound\]"):
        call_command("search_vocabulary", stdout=out)
