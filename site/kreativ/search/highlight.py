"""Highlighted matches: a passage of a result's text with the words the reader searched for marked.

The passage is computed from the text and the query with the index's own analysers, so ``výzvy``
in a text is marked for the query ``vyzva``, exactly when the search matched it; it needs nothing
from the index and works the same whichever search backend is configured. The equivalents of the
vocabulary's terms in the query are marked too (``expansion``): an English call found by ``hudba``
has its ``music`` marked.
"""

from __future__ import annotations

import html

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from . import analysis
from .expansion import expand

DEFAULT_WORDS = 30


def _wanted(query: str, languages: list[str]) -> set[str]:
    wanted: set[str] = set()
    for language in languages:
        for _pos, variants in analysis.query_terms(query, analysis.analyser(language)):
            wanted.update(variants)
    return wanted


def _marks(text: str, query: str, language: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` whose words match the query, in the text's language."""
    languages = [language, analysis.FALLBACK]
    wanted = _wanted(expand(query).words_to_mark(), languages)
    spans = {
        (token.startchar, token.endchar)
        for code in languages
        for token in analysis.analyser(code)(text, mode="index", chars=True, positions=True)
        if token.text in wanted
    }
    return sorted(spans)


def highlight(text: str, query: str, language: str | None = None, words: int = DEFAULT_WORDS) -> SafeString | None:
    """About ``words`` words of ``text`` around its first match, matches in ``<mark>``; ``None`` if none.

    ``text`` may be HTML (a rich-text description): its tags are dropped, its text escaped.
    """
    if not text or not query or not query.strip():
        return None
    text = " ".join(html.unescape(strip_tags(text)).split())
    language = analysis.analyser_language(language)
    spans = _merge(_marks(text, query, language))
    if not spans:
        return None
    start, end = _window(text, spans[0][0], words)
    parts = ["…" if start > 0 else ""]
    cursor = start
    for mark_start, mark_end in spans:
        if mark_start < start or mark_end > end:
            continue
        parts.append(escape(text[cursor:mark_start]))
        parts.append(f"<mark>{escape(text[mark_start:mark_end])}</mark>")
        cursor = mark_end
    parts.append(escape(text[cursor:end]))
    parts.append("…" if end < len(text) else "")
    return mark_safe("".join(parts))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _window(text: str, first_match: int, words: int) -> tuple[int, int]:
    """Word boundaries around the first match: a few words before it, the rest after."""
    before = text[:first_match].split(" ")
    lead = " ".join(before[-min(len(before), max(words // 4, 1) + 1) :])
    start = first_match - len(lead)
    after = text[start:].split(" ")
    end = start + len(" ".join(after[:words]))
    return max(start, 0), min(end, len(text))
