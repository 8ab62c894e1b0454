"""Plain text out of crawled HTML: the words of a description, and a summary cut to size.

Summaries are plain text (the item contract) and keywords are matched in text, not markup, so the
parsers and the loader need a description's words without its tags. The tags that structure text
are those of the project's one allow-list (``kreativ.sanitise``): each becomes a space, so words on
either side stay apart; what that list drops with its content (``<script>``, ``<style>``) gives no
words at all.
"""

from __future__ import annotations

import re

import nh3

from crawler.normalise import clean_text
from kreativ.sanitise import ALLOWED_TAGS, DROPPED_WITH_CONTENT


def html_to_text(html: str | None) -> str:
    """The text of an HTML fragment on one line, for summaries and for matching keywords."""
    if not html:
        return ""
    without_dropped = nh3.clean(html, tags=set(ALLOWED_TAGS), clean_content_tags=set(DROPPED_WITH_CONTENT))
    return clean_text(re.sub(r"<[^>]*>", " ", without_dropped))


def summarise(text: str | None, limit: int = 500) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with an ellipsis if cut."""
    text = clean_text(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–")
    return f"{cut}…"
