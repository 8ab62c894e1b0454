"""A query in one language also looks for its equivalents in the others, through the vocabulary.

EU calls are written in English; a freelancer searches in Czech or Slovenian. ``expand(text)``
finds the vocabulary's terms in a query (``thesaurus``: ``výtvarné umění``, ``glasba``,
``nevladne organizacije``), longest first and across word boundaries, each word compared by the
stems its language's analyser gives it (so ``výtvarného``, ``vytvarne`` and ``výtvarné`` are one
word, and ``kult`` is not ``kultura``). Each recognised term becomes an OR of every term of its
concept in every language; the rest of the query stays as typed; the parts are ANDed::

    "vytvarne workshop"  →  And([Or([PlainText("vytvarne"), Phrase("výtvarné umění"), …,
                                     Phrase("visual arts"), PlainText("likovni"), …]),
                                 PlainText("workshop")])

The result is a modelsearch query object (``PlainText``, ``Phrase``, ``And``, ``Or``), so it goes
through Wagtail's search API to any backend; each of its texts is analysed there per language
field, so ``visual arts`` meets an English call as the English analyser indexed it. A query that
names nothing the vocabulary knows stays the one ``PlainText`` it always was.

Stop words of any site language are left out of the rest of an expanded query: a part made only of
them would require them, where the unexpanded query ignored them in that language.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache

from modelsearch.query import And, Or, Phrase, PlainText, SearchQuery
from whoosh.analysis import RegexTokenizer

from . import analysis, thesaurus
from .thesaurus import Concept, Term, Thesaurus, VocabularyError

logger = logging.getLogger(__name__)

_TOKENS = RegexTokenizer(expression=analysis.WORD_PATTERN)


@dataclass(frozen=True)
class Word:
    """A word of the query: as typed, folded, and where it is in the text."""

    typed: str
    folded: str
    start: int
    end: int


@dataclass(frozen=True)
class Part:
    """A stretch of the query: a term of a concept (``concept`` set), or words the vocabulary does not know."""

    text: str
    words: tuple[Word, ...]
    concept: Concept | None = None

    def searched_words(self, languages: tuple[str, ...]) -> list[str]:
        """The words of a part outside the vocabulary that are searched: all but the stop words of any language."""
        return [word.typed for word in self.words if all(thesaurus.stems(word.folded, code) for code in languages)]

    def query(self) -> SearchQuery:
        """The words as typed, or any term of their concept in any language."""
        typed = PlainText(self.text, operator="and")
        if self.concept is None:
            return typed
        own = thesaurus.words(self.text)
        alternatives: list[SearchQuery] = [typed]
        for term in self.concept.equivalents:
            written = thesaurus.words(term)
            if written == own:
                continue
            alternatives.append(Phrase(term) if len(written) > 1 else PlainText(term, operator="and"))
        return Or(alternatives)


@dataclass(frozen=True)
class Expansion:
    """A query cut into the vocabulary's terms and the rest, and the search query it becomes."""

    text: str
    parts: tuple[Part, ...]
    languages: tuple[str, ...] = ()

    @property
    def recognised(self) -> tuple[Part, ...]:
        """The parts that are terms of the vocabulary, in the order typed."""
        return tuple(part for part in self.parts if part.concept is not None)

    def query(self, without: Collection[int] = ()) -> SearchQuery | None:
        """The search query, leaving out the parts at the indexes ``without``; ``None`` when nothing is left.

        Nothing recognised: the text as one ``PlainText``, exactly the unexpanded query.
        """
        if not self.recognised and not without:
            return PlainText(self.text, operator="and") if self.text.strip() else None
        queries = [part.query() for i, part in enumerate(self.parts) if i not in without and part.concept]
        rest = [
            word
            for i, part in enumerate(self.parts)
            if i not in without and part.concept is None
            for word in part.searched_words(self.languages)
        ]
        if rest:
            queries.append(PlainText(" ".join(rest), operator="and"))
        if not queries:
            return None
        return queries[0] if len(queries) == 1 else And(queries)

    def text_without(self, without: Collection[int]) -> str:
        """The query as typed without some of its parts (the text a narrowed search keeps)."""
        return " ".join(part.text for i, part in enumerate(self.parts) if i not in without)

    def words_to_mark(self) -> str:
        """The query and every equivalent of its terms: what a result's highlight marks."""
        return " ".join([self.text, *(term for part in self.recognised for term in part.concept.equivalents)])

    @property
    def recognised_words(self) -> frozenset[str]:
        """The folded words typed that belong to a recognised term ("did you mean" leaves them alone)."""
        return frozenset(word.folded for part in self.recognised for word in part.words)


def words_of(text: str) -> list[Word]:
    """The query's words as the analysers cut them, with their place in the text."""
    return [
        Word(token.text, analysis.fold(token.text), token.startchar, token.endchar)
        for token in _TOKENS(text, chars=True)
    ]


def expand_with(vocabulary: Thesaurus, text: str) -> Expansion:
    """``text`` cut into the vocabulary's terms (the longest at each place first) and the rest."""
    found = words_of(text)
    parts: list[Part] = []
    pending: list[Word] = []

    def flush() -> None:
        if pending:
            parts.append(Part(text[pending[0].start : pending[-1].end], tuple(pending)))
            pending.clear()

    i = 0
    while i < len(found):
        match = _longest_term(vocabulary, found, i)
        if match is None:
            pending.append(found[i])
            i += 1
            continue
        term, end = match
        flush()
        parts.append(Part(text[found[i].start : found[end - 1].end], tuple(found[i:end]), term.concept))
        i = end
    flush()
    return Expansion(text, tuple(parts), vocabulary.languages)


def _longest_term(vocabulary: Thesaurus, found: list[Word], start: int) -> tuple[Term, int] | None:
    """The term starting at word ``start`` that covers the most words, and the index after it.

    Ties go to the term with more words, then to the concept written first in the vocabulary.
    """
    best: tuple[Term, int] | None = None
    best_key: tuple[int, int, int] | None = None
    for language in vocabulary.languages:
        for stem in thesaurus.stems(found[start].folded, language):
            for term in vocabulary.terms_starting_with(language, stem):
                end = _term_end(term, found, start, language)
                if end is None:
                    continue
                key = (end, len(term.stems), -vocabulary.order(term.concept))
                if best_key is None or key > best_key:
                    best, best_key = (term, end), key
    return best


def _term_end(term: Term, found: list[Word], start: int, language: str) -> int | None:
    """Where the term ends if the words from ``start`` spell it (stop words between its words allowed)."""
    position, k = start + 1, 1
    while k < len(term.stems):
        if position >= len(found):
            return None
        word_stems = thesaurus.stems(found[position].folded, language)
        if not word_stems:  # a stop word of this language: "archivy a knihovny"
            position += 1
            continue
        if not word_stems & term.stems[k]:
            return None
        position, k = position + 1, k + 1
    return position


@cache
def _vocabulary() -> Thesaurus | None:
    """The project's vocabulary, or ``None`` (logged once) when its files cannot be used."""
    try:
        return thesaurus.current()
    except VocabularyError:
        logger.exception("The search vocabulary cannot be used; searches are not expanded")
        return None


@lru_cache(maxsize=2048)
def expand(text: str) -> Expansion:
    """The query expanded with the project's vocabulary (unexpanded if the vocabulary is broken)."""
    vocabulary = _vocabulary()
    if vocabulary is None:
        return Expansion(text, (Part(text, tuple(words_of(text))),) if text.strip() else ())
    return expand_with(vocabulary, text)


def expanded_query(text: str) -> SearchQuery | None:
    """What a search box's text asks the search backend: ``expand(text).query()``."""
    return expand(text).query()
