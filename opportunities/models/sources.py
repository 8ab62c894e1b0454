"""Where funding calls come from, what each source last said about each call, and crawl runs.

A ``SourceRecord`` is one source's view of one call, keyed on (source, external id). Calls and
records are apart so that one call can carry several sources (after a moderator merges duplicates)
and a source's re-crawl can be compared with what it said last time without touching the call.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class Frequency(models.TextChoices):
    HOURLY = "H", _("Every hour")
    DAILY = "D", _("Every day")
    WEEKLY = "W", _("Every week")
    NEVER = "", _("Only when started by hand")


class Source(models.Model):
    """A place the crawler reads: an API, a ministry's page, a feed, a configurable listing."""

    class Kind(models.TextChoices):
        EU_FT = "eu_ft", _("EU Funding & Tenders portal (API)")
        CZ_DOTACEEU = "cz_dotaceeu", _("Czech EU funds portal (dotaceeu.cz)")
        CZ_MKCR = "cz_mkcr", _("Czech Ministry of Culture")
        SI_PODJETNISKI = "si_podjetniski", _("Slovenian business portal (podjetniski-portal.si)")
        FEED = "feed", _("RSS or Atom feed")
        LISTING = "listing", _("Listing page with selectors")
        MANUAL = "manual", _("Entered by hand")

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    url = models.URLField(
        _("address"), blank=True, help_text=_("The listing, feed or API address the crawl starts from.")
    )
    config = models.JSONField(
        _("configuration"),
        default=dict,
        blank=True,
        help_text=_("Settings of the feed or listing spider (selectors, language, default region); see the README."),
    )
    language = models.CharField(_("language of the source"), max_length=5, blank=True)
    enabled = models.BooleanField(_("enabled"), default=True)
    frequency = models.CharField(
        _("crawl"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.DAILY,
        help_text=_("How often the crawler reads this source (a django-q2 schedule)."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language")]),
        FieldRowPanel([FieldPanel("enabled"), FieldPanel("frequency")]),
        FieldPanel("url"),
        MultiFieldPanel([FieldPanel("config")], heading=_("Spider configuration")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.name

    @property
    def schedule_name(self) -> str:
        return f"crawl:{self.slug}"

    def last_run(self) -> CrawlRun | None:
        return self.runs.exclude(status=CrawlRun.Status.RUNNING).order_by("-started_at").first()


class SourceRecord(models.Model):
    """What one source last said about one call."""

    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="records")
    external_id = models.CharField(_("external id"), max_length=255)
    call = models.ForeignKey(
        "opportunities.FundingCall", verbose_name=_("call"), on_delete=models.CASCADE, related_name="records"
    )
    url = models.URLField(_("address"), max_length=1000, blank=True)
    data = models.JSONField(_("crawled values"), default=dict)
    data_hash = models.CharField(max_length=64)
    first_seen = models.DateTimeField(_("first seen"), default=timezone.now)
    last_changed = models.DateTimeField(_("last changed"), default=timezone.now)
    is_listed = models.BooleanField(_("listed by its source"), default=True)
    unlisted_at = models.DateTimeField(_("no longer listed since"), null=True, blank=True)

    class Meta:
        verbose_name = _("source record")
        verbose_name_plural = _("source records")
        constraints = [models.UniqueConstraint(fields=["source", "external_id"], name="unique_source_record")]

    def __str__(self) -> str:
        return f"{self.source.slug}:{self.external_id}"


class CrawlRun(models.Model):
    """One run of one source's spider, with what it found and what failed."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        OK = "ok", _("Finished")
        PARTIAL = "partial", _("Finished with errors")
        FAILED = "failed", _("Failed")

    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RUNNING)
    pages = models.PositiveIntegerField(_("pages fetched"), default=0)
    items_seen = models.PositiveIntegerField(_("calls seen"), default=0)
    items_new = models.PositiveIntegerField(_("new"), default=0)
    items_changed = models.PositiveIntegerField(_("changed"), default=0)
    items_unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    items_unlisted = models.PositiveIntegerField(_("no longer listed"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("crawl run")
        verbose_name_plural = _("crawl runs")

    def __str__(self) -> str:
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def error_count(self) -> int:
        return len(self.errors)
