"""Plain text out of crawled HTML (crawler.text): words kept apart, scripts giving no words."""

from __future__ import annotations

from crawler.text import html_to_text, summarise


def test_text_keeps_words_apart_and_drops_scripts():
    assert html_to_text("<h2>Title</h2><p>One<br>two</p><script>x()</script>") == "Title One two"
    assert html_to_text("<p>Hudba &amp; zvuk</p><style>p{color:red}</style>") == "Hudba & zvuk"


def test_summarise_cuts_at_a_word():
    assert summarise("word " * 200, limit=22) == "word word word word…"
    assert summarise("short") == "short"
