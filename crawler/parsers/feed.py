"""Any RSS or Atom feed of calls (feedparser reads RSS 0.9x/1.0/2.0 and Atom alike).

An entry becomes a call: its ``id``/``guid`` (else its link) is the external id, its link the URL,
its title the title, its content or summary the description. Feeds have no deadline field: the
deadline is the last date after a deadline word in the entry's text ("uzávěrka", "rok",
"deadline"…, or the source's ``deadline_pattern``, a regular expression). The publication date is
kept in ``raw.published``; it becomes the opening date only with ``published_is_opening``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import feedparser

from crawler.items import CallItem
from crawler.loaders import CallLoader
from crawler.normalise import clean_text, fold, parse_deadline

DEADLINE_WORDS = r"(?:deadline|closing date|closes|uzaverk\w*|termin\w*|lhut\w*|rok\b|rok za oddajo|odprt do|do\b)"


def deadline_text(text: str, pattern: str | None = None) -> str:
    """The part of ``text`` that gives the deadline: after ``pattern`` or a deadline word."""
    if pattern:
        match = re.search(pattern, text, re.IGNORECASE)
        return (match.group(1) if match and match.groups() else match.group(0)) if match else ""
    folded = fold(text)  # month names are matched folded anyway ("zari", "avgusta")
    matches = list(re.finditer(DEADLINE_WORDS, folded))
    return folded[matches[-1].start() : matches[-1].start() + 80] if matches else ""


def parse_feed(body: bytes | str, url: str, context: dict[str, Any]) -> list[CallItem]:
    """The calls in a feed document; ``context`` is the loader context plus the feed's options."""
    feed = feedparser.parse(body)
    if feed.bozo and not feed.entries:
        raise ValueError(f"not a feed: {feed.get('bozo_exception')}")
    items = []
    for entry in feed.entries:
        link = entry.get("link") or ""
        loader = CallLoader(**(context | {"base_url": link or url}))
        loader.add_value("external_id", entry.get("id") or entry.get("guid") or link)
        loader.add_value("url", link)
        loader.add_value("title", entry.get("title"))
        contents = [c.get("value") for c in entry.get("content") or [] if c.get("value")]
        description = contents[0] if contents else entry.get("summary") or ""
        loader.add_value("description", description)
        loader.add_value("summary", entry.get("summary") or description)
        text = clean_text(re.sub(r"<[^>]+>", " ", f"{entry.get('title', '')} {description}"))
        deadline = parse_deadline(
            deadline_text(text, context.get("deadline_pattern")),
            tz=context.get("timezone") or "UTC",
            languages=context.get("languages") or ("en",),
        )
        loader.add_value("deadlines", deadline)
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        published_at = datetime(*published[:6], tzinfo=UTC) if published else None
        if context.get("published_is_opening"):
            loader.add_value("opening_date", published_at)
        loader.add_value("support_kind", entry.get("title"))
        loader.add_value("applicant_types", text if context.get("map_applicants", True) else None)
        loader.add_value("sectors", entry.get("title"))
        loader.add_value("sectors", [t.get("term") for t in entry.get("tags") or [] if t.get("term")])
        loader.add_value("raw", {"published": published_at.isoformat() if published_at else None})
        items.append(loader.load_item())
    return items
