"""Each public profile's page in the sitemap, under each office's catalogue page, with hreflang alternates.

The catalogue is one, shared by every office: each office's sitemap lists the profiles' pages under
its own catalogue page (in each language it has), on its own address, each with the addresses of
the same profile under the catalogue page's other translations (the foundation's multilingual
sitemap, ``kreativ.views.MultilingualSitemap``, adds the page itself).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from catalogue.models import Profile
from kreativ.sites import page_url


def profile_entries(catalogue, request: HttpRequest | None = None) -> list[dict[str, Any]]:
    """Sitemap entries (Wagtail's dicts: location, lastmod, alternates) of every public profile."""
    base = page_url(catalogue, request)
    if not base:
        return []
    translations = [(code, url) for code, url in catalogue.get_translation_urls(request)]
    entries = []
    for slug, published in Profile.objects.public().order_by("name", "pk").values_list("slug", "last_published_at"):
        path = catalogue.reverse_subpage("profile", kwargs={"slug": slug})
        entry: dict[str, Any] = {"location": base + path, "lastmod": published}
        if len(translations) > 1:
            entry["alternates"] = [{"lang_code": code, "location": url + path} for code, url in translations]
        entries.append(entry)
    return entries
