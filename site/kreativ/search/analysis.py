"""Analysers: how text becomes index terms, one analyser per language.

Every language field of the index (``$all.cs``, ``title.en``…) is analysed with its language's
analyser, and a query is analysed with each of them in turn, so a Czech call is found by Czech
inflections and an English one by English stems. All of them fold diacritics, so ``dotace`` finds
``dotáce`` and ``zari`` finds ``září``. Languages without a stemmer of their own fall back to
``xx``: words lower-cased and folded, not stemmed.

The spelling analyser keeps whole folded words, unstemmed: autocomplete matches them by prefix
(``Learni`` → *Learning*), and "did you mean" suggests from them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from whoosh import analysis
from whoosh.lang import has_stemmer
from whoosh.lang import stopwords as whoosh_stopwords

from .stemmers import czech_variants, fold, slovenian_stem

FALLBACK = "xx"
WORD_PATTERN = r"\w+(?:[.,]\w+)*"

# The commonest function words; they say nothing about a call, and would make an "and" query
# demand them.
_CZECH_STOPWORDS = (
    "a", "aby", "ale", "ani", "ba", "by", "či", "do", "i", "jak", "je", "jeho", "její", "jejich",
    "již", "jsem", "jsou", "k", "kde", "kdo", "kterou", "který", "která", "které", "ku", "mezi",
    "mu", "na", "nad", "ne", "nebo", "než", "o", "od", "ony", "po", "pod", "pro", "proto", "před",
    "při", "s", "se", "si", "tak", "také", "tato", "tedy", "ten", "tento", "to", "toto", "u", "v",
    "ve", "z", "za", "ze", "že",
)  # fmt: skip
_SLOVENIAN_STOPWORDS = (
    "a", "ali", "bi", "bil", "bila", "bili", "bilo", "do", "in", "iz", "je", "jih", "jo", "k", "ki",
    "ko", "kot", "na", "ne", "nad", "ni", "o", "od", "pa", "po", "pod", "pri", "s", "se", "so",
    "ter", "tudi", "v", "z", "za", "že",
)  # fmt: skip
CZECH_STOPWORDS = frozenset(_CZECH_STOPWORDS)
SLOVENIAN_STOPWORDS = frozenset(_SLOVENIAN_STOPWORDS)


class FoldFilter(analysis.Filter):
    """Removes diacritics from every token (``Záři`` → ``zari``)."""

    def __call__(self, tokens: Iterator[analysis.Token]) -> Iterator[analysis.Token]:
        for token in tokens:
            token.text = fold(token.text)
            yield token


class CzechStemFilter(analysis.Filter):
    """Yields the light stems of each Czech word: as written and folded (see ``stemmers``).

    Two different stems share the token's position, so phrases still match.
    """

    is_morph = True

    def __call__(self, tokens: Iterator[analysis.Token]) -> Iterator[analysis.Token]:
        for token in tokens:
            for variant in czech_variants(token.text):
                token.text = variant
                yield token


class SlovenianStemFilter(analysis.Filter):
    """Stems Slovenian words on their folded form (Slovenian endings carry no diacritics)."""

    is_morph = True

    def __call__(self, tokens: Iterator[analysis.Token]) -> Iterator[analysis.Token]:
        for token in tokens:
            token.text = slovenian_stem(token.text)
            yield token


def _tokenizer() -> analysis.Composable:
    return analysis.RegexTokenizer(expression=WORD_PATTERN) | analysis.LowercaseFilter()


def _stop(words: frozenset[str] | list[str]) -> analysis.StopFilter:
    return analysis.StopFilter(stoplist=words, minsize=1)


@cache
def analyser(language: str) -> analysis.Analyzer:
    """The analyser of a language field; languages whoosh cannot stem get the plain one."""
    if language == "cs":
        return _tokenizer() | _stop(CZECH_STOPWORDS) | CzechStemFilter()
    if language == "sl":
        return _tokenizer() | _stop(SLOVENIAN_STOPWORDS) | SlovenianStemFilter()
    if language != FALLBACK and has_stemmer(language):
        stop = whoosh_stopwords.stoplists.get(language)
        chain = _tokenizer()
        if stop:
            chain = chain | _stop(stop)
        return chain | analysis.StemFilter(lang=language, cachesize=50_000) | FoldFilter()
    return _tokenizer() | FoldFilter()


@cache
def spelling_analyser() -> analysis.Analyzer:
    """Whole words, folded and unstemmed: for autocomplete (matched by prefix) and suggestions."""
    return _tokenizer() | FoldFilter()


def analyser_language(code: str | None) -> str:
    """The analyser a text in ``code`` is best read with, whatever fields an index has."""
    if not code:
        return FALLBACK
    code = code.lower().replace("_", "-").split("-")[0]
    return code if code in ("cs", "sl") or has_stemmer(code) else FALLBACK


def normalise_language(code: str | None, languages: tuple[str, ...]) -> str:
    """The language field a text in ``code`` goes to (``en-gb`` → ``en``; unknown → ``xx``)."""
    if not code:
        return FALLBACK
    code = code.lower().replace("_", "-").split("-")[0]
    return code if code in languages else FALLBACK


def query_terms(text: str, ana: analysis.Analyzer) -> list[tuple[int, tuple[str, ...]]]:
    """The query's terms with their positions; a position may hold alternatives (``(2, ("cesk",))``)."""
    positions: dict[int, list[str]] = {}
    for token in ana(text, mode="query", positions=True, removestops=True):
        variants = positions.setdefault(token.pos, [])
        if token.text not in variants:
            variants.append(token.text)
    return [(pos, tuple(variants)) for pos, variants in sorted(positions.items())]
