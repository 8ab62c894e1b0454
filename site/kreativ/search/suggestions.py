""" "Did you mean": a spelling of the query that the index knows, for a search that found little.

Asks the configured search backend; the whoosh backend suggests from the words of the indexed
texts. A backend without suggestions (Elasticsearch, OpenSearch, the database) gives none, and the
finder simply shows no hint.
"""

from __future__ import annotations

import logging
from typing import Any

from modelsearch.backends import get_search_backend

logger = logging.getLogger(__name__)


def did_you_mean(query: str, model_or_queryset: Any) -> str | None:
    """A corrected query, or ``None`` when the backend has none (or the query needs none)."""
    if not query or not query.strip():
        return None
    backend = get_search_backend()
    suggest = getattr(backend, "suggest", None)
    if suggest is None:
        return None
    try:
        suggestion = suggest(query, model_or_queryset)
    except Exception:  # a hint is never worth an error page
        logger.exception("Search suggestion failed for %r", query)
        return None
    return suggestion if suggestion and suggestion != query.strip().lower() else None
