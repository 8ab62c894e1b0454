"""What a moderator needs to see what changed: links to Wagtail's compare view of an object's
latest revision against the one before, and to its history (every revision). The funding radar's
sources panel and the catalogue's owners panel show them."""

from __future__ import annotations

from django.urls import reverse


def compare_links(obj) -> dict[str, str]:
    """``compare_url`` and ``history_url`` of a snippet with two revisions or more (else none)."""
    revisions = list(obj.revisions.order_by("-created_at", "-pk").values_list("pk", flat=True)[:2])
    if len(revisions) < 2:
        return {}
    latest, previous = revisions
    name = obj.snippet_viewset.get_url_name
    return {
        "compare_url": reverse(name("revisions_compare"), args=[obj.pk, previous, latest]),
        "history_url": reverse(name("history"), args=[obj.pk]),
    }
