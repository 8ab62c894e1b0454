"""``manage.py load_demo``: a believable creative region to explore, safe to run again."""

from __future__ import annotations

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from home import demo
from kreativ.search.batch import indexing_batch

DEMO_ADMIN = ("admin", "kreativ-demo")
# Apps with a ``demo`` module; each adds its own part of the region.
DEMO_APPS = ["hubs", "opportunities"]


class Command(BaseCommand):
    help = "Loads the demo region (pages in Czech, English and Slovenian) and a demo admin; idempotent."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-admin", action="store_true", help="Do not create the demo superuser.")
        parser.add_argument("--no-index", action="store_true", help="Do not rebuild the search index.")
        parser.add_argument(
            "--calls", type=int, default=None, help="How many calls of the EU snapshot to load (default 400)."
        )

    def handle(self, *args, **options) -> None:
        with translation.override("cs"), transaction.atomic(), indexing_batch():
            homes = demo.load_homes()
            demo.load_pages(homes)
            featured = []
            for label in DEMO_APPS:
                if not apps.is_installed(label):
                    continue
                module = importlib.import_module(f"{label}.demo")
                options_for_app = {"calls": options["calls"]} if label == "opportunities" and options["calls"] else {}
                featured += module.load(homes, **options_for_app) or []
            demo.load_navigation(homes, featured)
        if not options["no_admin"]:
            self._ensure_admin()
        if not options["no_index"]:
            call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def _ensure_admin(self) -> None:
        username, password = DEMO_ADMIN
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, f"{username}@example.com", password)
            self.stdout.write(f"Created the demo superuser {username!r} with password {password!r}.")
