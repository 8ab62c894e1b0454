"""Where funding calls come from, what each source last said about each call, and crawl runs.

A ``SourceRecord`` is one source's view of one call, keyed on (source, external id). Calls and
records are apart so that one call can carry several sources (after a moderator merges duplicates)
and a source's re-crawl can be compared with what it said last time without touching the call.

A source names where its crawl starts in one of two fields, its address (one URL) or its
configuration's ``start_urls`` (several); when it names none, its spider's defaults apply
(``crawler.start_urls`` has the whole precedence). ``Source.clean`` refuses the two fields
naming different URLs, which would leave one of them silently ignored.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from crawler.start_urls import StartUrlsConflict, configured_start_urls, source_start_urls
from opportunities.moderation.panels import SourceStartUrlsPanel


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
        _("address"),
        blank=True,
        help_text=_(
            "The listing, feed or API address the crawl starts from. Leave it empty to start from the "
            "configuration's start_urls or, failing those, from the spider's own address (for the EU "
            "portal: EU_FT_API_URL)."
        ),
    )
    config = models.JSONField(
        _("configuration"),
        default=dict,
        blank=True,
        help_text=_(
            "Settings of the spider as a JSON object (start_urls, selectors, language, default region); "
            "see the README. Its start_urls must not name other URLs than the address."
        ),
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
        SourceStartUrlsPanel(heading=_("Where the crawl starts")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """Refuses a configuration that is not a JSON object, start URLs that are not http(s)
        URLs, and start URLs that contradict the address."""
        super().clean()
        if not isinstance(self.config, dict):
            raise ValidationError({"config": _("The configuration must be a JSON object, e.g. {}.")})
        try:
            configured = configured_start_urls(self.config)
        except ValueError as error:
            message = _("start_urls must be a list of URLs (%(error)s).") % {"error": error}
            raise ValidationError({"config": message}) from error
        check = URLValidator(schemes=["http", "https"])
        for url in configured:
            try:
                check(url)
            except ValidationError:
                raise ValidationError({"config": _("“%(url)s” is not an http(s) address.") % {"url": url}}) from None
        try:
            self.start_urls()
        except StartUrlsConflict:
            raise ValidationError(
                {
                    "config": _(
                        "The configuration's start URLs (%(configured)s) contradict the address (%(address)s). "
                        "Name the start in one place: clear the address to start from the configuration's "
                        "URLs, or remove start_urls and feed_url from the configuration to start from the address."
                    )
                    % {"configured": ", ".join(configured), "address": self.url}
                }
            ) from None

    def start_urls(self) -> list[str]:
        """Where the source itself says its crawl starts: its address, or its configuration's
        ``start_urls`` (or a feed's ``feed_url``); empty when it leaves it to the spider.
        Raises ``crawler.start_urls.StartUrlsConflict`` when the two disagree."""
        return source_start_urls(self.url, self.config if isinstance(self.config, dict) else {})

    def crawl_config(self) -> dict[str, Any]:
        """The configuration the spider gets: the source's own start URLs as ``start_urls``."""
        config = dict(self.config) if isinstance(self.config, dict) else {}
        urls = self.start_urls()
        if urls:
            config["start_urls"] = urls
        return config

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
