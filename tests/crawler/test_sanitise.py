"""Crawled HTML is made safe before it leaves the crawler (crawler.sanitise)."""

from __future__ import annotations

from crawler.sanitise import html_to_text, sanitise_html, summarise

HOSTILE = (
    '<h1>Výzva</h1><p onclick="x()" style="color:red">Text <a href="/doc/a.pdf" onmouseover="e()">doc</a> '
    '<a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt&#58;alert(2)">js2</a>'
    '<img src=x onerror="alert(3)"></p><script>alert(4)</script><style>p{}</style>'
    '<iframe src="https://evil.example/"></iframe><p>&nbsp;</p>'
)


def test_hostile_markup_is_removed():
    cleaned = sanitise_html(HOSTILE, "https://mk.gov.cz/vyzva")
    lowered = cleaned.lower()
    for needle in ("<script", "alert", "javascript", "onclick", "onmouseover", "onerror", "style", "<img", "iframe"):
        assert needle not in lowered, needle
    assert '<a href="https://mk.gov.cz/doc/a.pdf" rel="nofollow noopener noreferrer">doc</a>' in cleaned


def test_the_page_h1_is_demoted_and_empty_paragraphs_go():
    cleaned = sanitise_html(HOSTILE, "https://mk.gov.cz/vyzva")
    assert cleaned.startswith("<h2>Výzva</h2>")
    assert "<p> </p>" not in cleaned and "<p></p>" not in cleaned


def test_relative_links_without_a_base_are_dropped():
    assert sanitise_html('<a href="/x">x</a>') == '<a rel="nofollow noopener noreferrer">x</a>'


def test_allowed_structure_stays():
    html = "<ul><li><strong>a</strong></li></ul><table><tr><td colspan=2>b</td></tr></table>"
    assert (
        sanitise_html(html)
        == '<ul><li><strong>a</strong></li></ul><table><tbody><tr><td colspan="2">b</td></tr></tbody></table>'
    )


def test_text_keeps_words_apart_and_drops_scripts():
    assert html_to_text("<h2>Title</h2><p>One<br>two</p><script>x()</script>") == "Title One two"


def test_summarise_cuts_at_a_word():
    assert summarise("word " * 200, limit=22) == "word word word word…"
    assert summarise("short") == "short"
