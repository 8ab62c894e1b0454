"""The field's vocabulary: concepts of the creative industries, each named in every site language.

A Czech reader searches ``výtvarné umění``, a Slovenian one ``vizualne umetnosti``, and the EU's
calls say ``visual arts``. The words a reader types and the words a call uses are tied together by
data, not code: the TOML files in ``vocabulary/`` (read in the order of their names) hold one table
per concept, with its terms in each language and, optionally, the taxonomy value it stands for::

    [music]
    sector = "music"                  # a CCI sector's slug (kreativ.Sector)
    cs = ["hudba", "hudební", "hudebník"]
    sl = ["glasba", "glasbeni", "glasbenik"]
    en = ["music", "musician"]

``applicant`` names an applicant type's slug and ``support`` a kind of support (the slugs of the
funding radar, as ``crawler/vocabulary.py`` lists them). A communications officer edits these
files; ``docs/search.md`` says how. Terms are read with the index's own analysers (``analysis``):
each word of a term becomes the set of stems its language's analyser gives it, stop words dropped,
so ``výtvarného`` and ``vytvarne`` meet the term ``výtvarné`` as the index would meet them.

A file that cannot be used raises :class:`VocabularyError`, which says which file, which concept
and what is wrong; ``manage.py check`` reports it (``kreativ_search.E001``) and searches go on
without expansion meanwhile (``expansion``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from whoosh.analysis import RegexTokenizer

from . import analysis

VOCABULARY_DIR = Path(__file__).with_name("vocabulary")
# A concept's keys besides its languages: which taxonomy value it stands for.
FACETS = ("sector", "applicant", "support")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOKENS = RegexTokenizer(expression=analysis.WORD_PATTERN)


class VocabularyError(ImproperlyConfigured):
    """Vocabulary files that cannot be used: every problem found, each saying what is wrong and where."""

    def __init__(self, problems: str | list[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            message = f"{len(self.problems)} problems in the search vocabulary:\n- " + "\n- ".join(self.problems)
        super().__init__(message)


Stems = frozenset[str]


@dataclass(frozen=True, eq=False)
class Concept:
    """One notion of the field, named in every language (``music``: *hudba*, *glasba*, *music*)."""

    key: str
    terms: Mapping[str, tuple[str, ...]]
    sector: str | None = None
    applicant: str | None = None
    support: str | None = None
    source: str = ""

    def __repr__(self) -> str:
        return f"<Concept {self.key}>"

    @cached_property
    def equivalents(self) -> tuple[str, ...]:
        """Every term of every language, as written, once: a term is left out when an earlier one
        reads the same (the same text, or the same stems in the same language: ``hudby``, ``hudba``)."""
        seen: set[object] = set()
        found: list[str] = []
        for language, terms in self.terms.items():
            for term in terms:
                text = " ".join(words(term))
                read = (language, tuple(stems(word, language) for word in words(term)))
                if text not in seen and read not in seen:
                    found.append(term)
                seen.update((text, read))
        return tuple(found)


@dataclass(frozen=True, eq=False)
class Term:
    """A term of a concept in one language, as the stems of its words (stop words left out)."""

    concept: Concept
    language: str
    text: str
    stems: tuple[Stems, ...]


@dataclass
class Thesaurus:
    """The concepts, and their terms found by the stems of their first word and language."""

    concepts: list[Concept] = field(default_factory=list)
    languages: tuple[str, ...] = ()
    _by_first_stem: dict[tuple[str, str], list[Term]] = field(default_factory=dict, repr=False)
    _order: dict[str, int] = field(default_factory=dict, repr=False)

    def terms_starting_with(self, language: str, stem: str) -> list[Term]:
        return self._by_first_stem.get((language, stem), [])

    def order(self, concept: Concept) -> int:
        """Where the concept is written in the vocabulary (an earlier one wins a tie)."""
        return self._order[concept.key]

    def concept(self, key: str) -> Concept:
        for concept in self.concepts:
            if concept.key == key:
                return concept
        raise KeyError(key)


def words(text: str) -> list[str]:
    """The words of a text as every analyser cuts them (lower-cased, folded)."""
    return [analysis.fold(token.text) for token in _TOKENS(text.lower())]


@cache
def stems(word: str, language: str) -> Stems:
    """The stems a language's analyser gives one word; empty for a stop word of that language."""
    found: set[str] = set()
    for _pos, variants in analysis.query_terms(word, analysis.analyser(language)):
        found.update(variants)
    return frozenset(found)


def site_languages() -> tuple[str, ...]:
    return tuple(dict.fromkeys(code.lower().split("-")[0] for code, _name in settings.LANGUAGES))


def parse(text: str, source: str, languages: tuple[str, ...]) -> list[Concept]:
    """The concepts of one vocabulary file's text; :class:`VocabularyError` for anything unusable."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise VocabularyError(f"{source}: not valid TOML: {error}. Nothing of this file is used.") from error
    concepts: list[Concept] = []
    problems: list[str] = []
    for key, value in data.items():
        try:
            concepts.append(_concept(key, value, source, languages))
        except VocabularyError as error:
            problems.extend(error.problems)
    if problems:
        raise VocabularyError(problems)
    return concepts


def _concept(key: str, value: Any, source: str, languages: tuple[str, ...]) -> Concept:
    where = f"{source}, concept [{key}]"
    if not isinstance(value, dict):
        raise VocabularyError(
            f"{where}: a concept is a table of its terms ([{key}] then cs = [...], sl = [...], ...), "
            f"not {type(value).__name__}."
        )
    unknown = sorted(set(value) - set(languages) - set(FACETS))
    if unknown:
        raise VocabularyError(
            f"{where}: unknown key(s) {', '.join(unknown)}; a concept has the languages "
            f"{', '.join(languages)} and optionally {', '.join(FACETS)}."
        )
    terms: dict[str, tuple[str, ...]] = {}
    for language in languages:
        listed = value.get(language)
        if not listed:
            raise VocabularyError(f'{where}: no terms in "{language}"; write {language} = ["…", "…"].')
        if not isinstance(listed, list) or not all(isinstance(term, str) and term.strip() for term in listed):
            raise VocabularyError(f'{where}: "{language}" must be a list of non-empty texts, as ["…", "…"].')
        terms[language] = tuple(" ".join(term.split()) for term in listed)
    facets: dict[str, str] = {}
    for name in FACETS:
        slug = value.get(name)
        if slug is None:
            continue
        if not isinstance(slug, str) or not SLUG.fullmatch(slug):
            raise VocabularyError(f'{where}: {name} must be a slug such as "visual-arts", not {slug!r}.')
        facets[name] = slug
    return Concept(key=key, terms=terms, source=source, **facets)


def build(concepts: Iterable[Concept], languages: tuple[str, ...]) -> Thesaurus:
    """The thesaurus of these concepts: each term's stems, indexed by its first word's.

    Refuses a term that is only stop words, a term of several words that keeps one (it would
    stand for that word alone: ``not-for-profit`` is ``profit``), a concept key used twice, and a
    term that two concepts share in one language (which concept would it mean?).
    """
    thesaurus = Thesaurus(languages=languages)
    owners: dict[tuple[str, tuple[Stems, ...]], Term] = {}
    keys: dict[str, Concept] = {}
    problems: list[str] = []
    for concept in concepts:
        if concept.key in keys:
            problems.append(
                f"{concept.source}, concept [{concept.key}]: the key is already used in {keys[concept.key].source}."
            )
            continue
        keys[concept.key] = concept
        thesaurus._order[concept.key] = len(thesaurus.concepts)
        thesaurus.concepts.append(concept)
        for language, texts in concept.terms.items():
            for text in texts:
                try:
                    term = _term(concept, language, text)
                except VocabularyError as error:
                    problems.extend(error.problems)
                    continue
                signature = (language, term.stems)
                owner = owners.get(signature)
                if owner is not None:
                    if owner.concept is not concept:
                        problems.append(
                            f'{concept.source}, concept [{concept.key}]: the {language} term "{text}" reads as '
                            f'"{owner.text}" of concept [{owner.concept.key}] ({owner.concept.source}); '
                            "a term can mean one concept only."
                        )
                    continue  # else another spelling of a term the concept has: nothing new
                owners[signature] = term
                for stem in term.stems[0]:
                    thesaurus._by_first_stem.setdefault((language, stem), []).append(term)
    if problems:
        raise VocabularyError(problems)
    return thesaurus


def _term(concept: Concept, language: str, text: str) -> Term:
    where = f'{concept.source}, concept [{concept.key}], {language} term "{text}"'
    written = words(text)
    analysed = tuple(stems(word, language) for word in written)
    kept = tuple(found for found in analysed if found)
    if not kept:
        raise VocabularyError(f"{where}: only stop words, which search ignores; name the concept with other words.")
    if len(written) > 1 and len(kept) == 1:
        raise VocabularyError(
            f"{where}: of its words only one is searched (the others are stop words), so it would stand for "
            "that word alone; write the word itself if that is what is meant."
        )
    return Term(concept=concept, language=language, text=text, stems=kept)


def load(directory: Path | None = None, languages: tuple[str, ...] | None = None) -> Thesaurus:
    """The thesaurus of every ``*.toml`` file of ``directory`` (``VOCABULARY_DIR``), in the order of their names."""
    languages = languages or site_languages()
    concepts: list[Concept] = []
    problems: list[str] = []
    for path in sorted((directory or VOCABULARY_DIR).glob("*.toml")):
        try:
            concepts.extend(parse(path.read_text(encoding="utf-8"), path.name, languages))
        except (OSError, UnicodeDecodeError) as error:
            problems.append(f"{path.name}: cannot be read as UTF-8 text: {error}.")
        except VocabularyError as error:
            problems.extend(error.problems)
    try:
        thesaurus = build(concepts, languages)
    except VocabularyError as error:
        problems.extend(error.problems)
    if problems:
        raise VocabularyError(problems)
    return thesaurus


@cache
def current() -> Thesaurus:
    """The project's thesaurus, read once per process (restart the processes after editing it)."""
    return load()


def check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """``manage.py check``: the vocabulary files can be used (a Django system check)."""
    try:
        load()
    except VocabularyError as error:
        return [
            checks.Error(
                str(error),
                hint="Fix the file under site/kreativ/search/vocabulary/; until then searches are not expanded.",
                id="kreativ_search.E001",
            )
        ]
    return []
