"""``manage.py list_sites``: every office's site, where it is served, its language and region.

One installation serves several regional offices, each on its own host name. This says which
address opens which office (``.ci/serve-demo`` prints it when the demo starts), so nobody has to
read *Settings → Sites* to find the second office.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from wagtail.models import Site

from kreativ.sites import language_of, name_of, region_of


class Command(BaseCommand):
    help = "Lists every office's site: its address, language and region."

    def handle(self, *args: Any, **options: Any) -> None:
        for site in Site.objects.select_related("root_page__locale").order_by("-is_default_site", "hostname"):
            language, region = language_of(site), region_of(site)
            # The region as the office names it, in its own language.
            details = [language, *([getattr(region, f"name_{language}", "") or region.name_cs] if region else [])]
            default = " (also every other host name)" if site.is_default_site else ""
            self.stdout.write(f"{name_of(site):<24} {site.root_url}/{default}  [{', '.join(details)}]")
