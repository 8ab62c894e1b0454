"""``manage.py crawl [SOURCE ...] [--url URL ...]``: crawl sources now and bring their calls in."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from opportunities.intake.crawl import crawl_sources
from opportunities.models import CrawlRun, Source


class Command(BaseCommand):
    help = (
        "Runs the spiders of the named sources (every enabled source when none is named) in child "
        "processes and hands their calls to moderation."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("sources", nargs="*", metavar="SOURCE", help="source slugs, e.g. eu_ft cz_mkcr")
        parser.add_argument(
            "--url",
            action="append",
            default=[],
            help=(
                "the start URL, before the source's address or configured start_urls and the spider's "
                "defaults (for eu_ft: the API's base URL, else EU_FT_API_URL), e.g. a saved copy or a mirror; "
                "repeatable"
            ),
        )
        parser.add_argument(
            "--fast", action="store_true", help="no throttling or delays: only for a local mirror or test double"
        )

    def handle(self, *args, **options) -> None:
        slugs = options["sources"]
        unknown = set(slugs) - set(Source.objects.values_list("slug", flat=True))
        if unknown:
            raise CommandError(f"Unknown source(s): {', '.join(sorted(unknown))}")
        if options["url"] and len(slugs) != 1:
            raise CommandError("--url names one source's start URLs: name exactly one source.")
        runs = crawl_sources(slugs or None, options["url"] or None, fast=options["fast"])
        failed = False
        for run in runs:
            self.stdout.write(
                f"{run.source.slug}: {run.get_status_display()} - seen {run.items_seen}, new {run.items_new}, "
                f"changed {run.items_changed}, unchanged {run.items_unchanged}, "
                f"no longer listed {run.items_unlisted}, errors {run.error_count}"
            )
            for error in run.errors[:10]:
                self.stdout.write(f"  {error.get('kind', '')} {error.get('url', '')}: {error.get('message', '')}")
            failed = failed or run.status == CrawlRun.Status.FAILED
        if failed:
            raise CommandError("At least one source failed; see the errors above and its crawl runs in the admin.")
