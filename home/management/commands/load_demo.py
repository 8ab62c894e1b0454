"""``manage.py load_demo``: a believable creative region to explore, safe to run again.

Each installed app with a ``demo`` package adds its part, in the order of ``INSTALLED_APPS`` (see
``kreativ.demo_loaders``); this command names none of them. A mistake in the demo data stops the
command with the file and the place of the mistake, and leaves the database as it was.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import translation

from kreativ.demo_data import DemoDataError
from kreativ.demo_loaders import DemoRun, demo_packages, run_steps
from kreativ.search.batch import indexing_batch

DEMO_ADMIN = ("admin", "kreativ-demo")


class Command(BaseCommand):
    help = "Loads the demo region (pages in Czech, English and Slovenian) and a demo admin; idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-admin", action="store_true", help="Do not create the demo superuser.")
        parser.add_argument("--no-index", action="store_true", help="Do not rebuild the search index.")
        for package in demo_packages():
            add_arguments = getattr(package, "add_arguments", None)
            if add_arguments is not None:
                add_arguments(parser)

    def handle(self, *args, **options) -> None:
        run = DemoRun(options=options)
        try:
            with translation.override(settings.LANGUAGE_CODE), transaction.atomic(), indexing_batch():
                run_steps(run, demo_packages())
        except DemoDataError as error:
            raise CommandError(f"The demo data has a mistake; nothing was loaded. {error}") from error
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
