"""The one allow-list for HTML written by others (kreativ.sanitise): what goes, what stays, and that
a second pass changes nothing, which is what lets ingest check crawled items instead of cleaning them."""

from __future__ import annotations

import pytest

from kreativ.sanitise import is_sanitised, sanitise_html

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


@pytest.mark.parametrize(
    "html",
    [
        HOSTILE,
        "<p>a&nbsp;&nbsp;b</p><p><br></p><p>5 &lt; 6 &amp; 7 > 3 \"quoted\" 'single'</p>",
        '<table><tr><th rowspan="2" class="x">h</th></tr></table><dl><dt>t</dt><dd>d</dd></dl>',
        '<a href="mailto:a@example.com" rel="author" target="_blank">mail</a> <a href="tel:+420123">tel</a>',
        "<div><span>loose</span> text<p>and<b>unclosed",
    ],
)
def test_a_second_pass_changes_nothing(html):
    once = sanitise_html(html, "https://mk.gov.cz/vyzva")
    assert sanitise_html(once) == once
    assert is_sanitised(once)


def test_is_sanitised_tells_raw_markup_apart():
    assert not is_sanitised(HOSTILE)
    assert not is_sanitised('<p style="color:red">x</p>')
    assert not is_sanitised('<a href="https://ok.example">no rel</a>')
    assert is_sanitised("") and is_sanitised(None)
