"""Sections other apps add to a call's page, through the ``call_page_sections`` hook.

The funding radar knows nothing of the apps built on it, yet a call's page shows some of their
content (the catalogue's actors looking for partners on a call that needs a consortium). Such an
app registers a function ``(request, call) -> str | None`` with ``hooks.register("call_page_sections")``;
its HTML (or nothing) is shown under the call's description, in the order the hooks were
registered. The HTML must be marked safe by its maker (``render_to_string``, ``format_html``): a
plain string is escaped, as everything else the template shows. A call's page is computed for
each request (never kept by the finder's page cache), so a section shows what is true now.
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail import hooks

HOOK = "call_page_sections"


def call_page_sections(request: HttpRequest, call) -> list[str]:
    """The HTML of every section the registered hooks give for this call's page."""
    return [html for function in hooks.get_hooks(HOOK) if (html := function(request, call))]
