""" "Did you mean": a spelling of the query that the index knows, for a search that found little.

Asks the configured search backend; the whoosh backend suggests from the words of the indexed
texts. A backend without suggestions (Elasticsearch, OpenSearch, the database) gives none, and the
finder simply shows no hint.

Words of the search vocabulary (``expansion``) are never corrected: ``kultura`` already finds
``culture``, and offering the English word to a Czech reader is what this must not do. Among
spellings as close as each other, the reader's language (the active one) goes first.
"""

from __future__ import annotations

import logging
from typing import Any

from django.utils import translation
from modelsearch.backends import get_search_backend

from . import analysis
from .expansion import expand

logger = logging.getLogger(__name__)


def did_you_mean(query: str, model_or_queryset: Any, language: str | None = None) -> str | None:
    """A corrected query, or ``None`` when the backend has none (or the query needs none).

    ``language``: the reader's (default: the active language).
    """
    if not query or not query.strip():
        return None
    backend = get_search_backend()
    suggest = getattr(backend, "suggest", None)
    if suggest is None:
        return None
    try:
        known = expand(query).recognised_words
        typed = [token.text for token in analysis.spelling_analyser()(query)]
        if typed and all(word in known for word in typed):
            return None  # every word is the vocabulary's: found in every language as it is
        suggestion = suggest(query, model_or_queryset, language=language or translation.get_language(), keep=known)
    except Exception:  # a hint is never worth an error page
        logger.exception("Search suggestion failed for %r", query)
        return None
    return suggestion if suggestion and suggestion != query.strip().lower() else None
