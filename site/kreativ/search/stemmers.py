"""Light stemmers for Czech and Slovenian, and the accent folding both languages need.

whoosh ships no stemmer for either language. A *light* stemmer only strips inflectional endings
(case, number, possessive), which is what full-text search of short texts such as funding calls
needs: ``výzvy``, ``výzvě`` and ``výzvou`` all find ``výzva``, while unrelated words stay apart.

Czech follows the light stemmer of Dolamic and Savoy ("Indexing and stemming approaches for the
Czech language", Information Processing & Management 45, 2009), the algorithm behind Lucene's
``CzechStemmer``. Readers often type without diacritics, and many Czech endings differ only by them
(``-ých`` / ``-ych``), so :func:`czech_variants` returns the stem of the word as written *and* the
stem of its accent-folded form, computed with the same rules folded; the analyser indexes both, so a
query with or without diacritics meets the document halfway.

Slovenian endings carry no diacritics (``razpisa``, ``razpisov``, ``razpisih``), so one stemmer on
the folded word serves both spellings. Its suffix list is ours, written for nominal and adjectival
inflection in the same light spirit as the Czech one.

Pure Python, no dependencies: the same code stems at indexing, at query time and in highlighting.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose but that readers type without their mark.
_EXTRA_FOLDS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower-case ``text`` and remove its diacritics: ``Září`` → ``zari``, ``Kočevje`` → ``kocevje``."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_EXTRA_FOLDS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# --- Czech ---------------------------------------------------------------------------------------

# Endings by the length of the word they may be removed from (Dolamic & Savoy's light stemmer).
_CS_CASE_ENDINGS: list[tuple[int, tuple[str, ...]]] = [
    (7, ("atech",)),
    (6, ("ětem", "etem", "atům")),
    (
        5,
        (
            "ech", "ich", "ích", "ého", "ěmi", "emi", "ému", "ěte", "ete", "ěti", "eti", "ího", "iho",
            "ími", "ímu", "imu", "ách", "ata", "aty", "ých", "ama", "ami", "ové", "ovi", "ými",
        ),
    ),
    (4, ("em", "es", "ém", "ím", "ům", "at", "ám", "os", "us", "ým", "mi", "ou")),
]  # fmt: skip
_CS_VOWELS = frozenset("aeiouůyáéíýě")
_CS_POSSESSIVES = ("ov", "in", "ův")


def _folded_rules() -> list[tuple[int, tuple[str, ...]]]:
    rules = []
    for length, endings in _CS_CASE_ENDINGS:
        rules.append((length, tuple(dict.fromkeys(fold(ending) for ending in endings))))
    return rules


_CS_CASE_ENDINGS_FOLDED = _folded_rules()
_CS_VOWELS_FOLDED = frozenset(fold("".join(_CS_VOWELS)))
_CS_POSSESSIVES_FOLDED = tuple(dict.fromkeys(fold(ending) for ending in _CS_POSSESSIVES))


def _cs_remove_case(word: str, folded: bool) -> str:
    length = len(word)
    for min_length, endings in _CS_CASE_ENDINGS_FOLDED if folded else _CS_CASE_ENDINGS:
        if length > min_length:
            for ending in endings:
                if word.endswith(ending):
                    return word[: -len(ending)]
    if length > 3 and word[-1] in (_CS_VOWELS_FOLDED if folded else _CS_VOWELS):
        return word[:-1]
    return word


def _cs_remove_possessive(word: str, folded: bool) -> str:
    if len(word) > 5 and word.endswith(_CS_POSSESSIVES_FOLDED if folded else _CS_POSSESSIVES):
        return word[:-2]
    return word


def _cs_normalise(word: str) -> str:
    """Undo the consonant alternations of Czech inflection (``-čt-`` → ``-ck-``, ``c``/``č`` → ``k``…).

    Folded words share every rule but ``-št`` → ``-sk``: folded, it would make ``cesta`` (road) and
    ``český`` (Czech) one word.
    """
    if word.endswith(("čt", "ct")):
        return word[:-2] + "ck"
    if word.endswith("št"):
        return word[:-2] + "sk"
    last = word[-1]
    if last in "cč":
        return word[:-1] + "k"
    if last in "zž":
        return word[:-1] + "h"
    if len(word) > 1 and word[-2] == "e":
        return word[:-2] + last
    if len(word) > 2 and word[-2] == "ů":
        return word[:-2] + "o" + last
    return word


def czech_stem(word: str, folded: bool = False) -> str:
    """The light stem of a lower-case Czech word; ``folded`` when the word has no diacritics."""
    stem = _cs_remove_possessive(_cs_remove_case(word, folded), folded)
    return _cs_normalise(stem) if stem else stem


@lru_cache(maxsize=100_000)
def czech_variants(word: str) -> tuple[str, ...]:
    """The folded stem of the word as written and the stem of its folded form (one when they agree)."""
    word = word.lower()
    as_written = fold(czech_stem(word))
    without_marks = czech_stem(fold(word), folded=True)
    return (as_written,) if as_written == without_marks else (as_written, without_marks)


# --- Slovenian -----------------------------------------------------------------------------------

# Inflectional endings of Slovenian nouns and adjectives, longest first. A stem keeps at least
# three letters, so short words (``ali``, ``pri``) are never cut.
_SL_ENDINGS = (
    "ovega", "ovemu", "ovih", "ovim", "ega", "emu", "ima", "imi", "ami", "ama", "oma", "ema", "jem",
    "jih", "ov", "ev", "ih", "im", "om", "em", "ah", "ij", "ja", "je", "ji", "jo", "ju",
    "a", "e", "i", "o", "u",
)  # fmt: skip
_SL_MIN_STEM = 3


@lru_cache(maxsize=100_000)
def slovenian_stem(word: str) -> str:
    """The light stem of a Slovenian word, folded: ``Razpisov`` → ``razpis``, ``dediščino`` → ``dediscin``."""
    word = fold(word)
    for ending in _SL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _SL_MIN_STEM:
            return word[: -len(ending)]
    return word
