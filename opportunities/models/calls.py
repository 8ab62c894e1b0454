"""Funding calls: Wagtail snippets under moderation, with their deadlines and duplicate suggestions.

A call's public state is its live (published) version; crawled changes and moderators' edits are
revisions that go through the "Funding call moderation" workflow. Its status (forthcoming, open,
closed) is computed from its dates whenever it is asked for: sources keep saying "open" after the
deadline has passed.

A deadline is stored as its source gives it: a day, with the time of day when it is known, in a
time zone. A day without a time counts until the end of that day in its zone (the EU's in
Brussels); ``Deadline.at`` is that moment, kept in a column for every comparison (status, the
finder's window and order, "closing soon", reminders).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    Orderable,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from kreativ.admin_labels import PhrasedInlinePanel
from kreativ.models.duplicates import DuplicateSuggestionBase
from kreativ.models.moderated import ModeratedSnippet
from kreativ.moderation.queue import ModerationQuerySet
from kreativ.region_chooser import RegionsChooser
from opportunities.moderation.panels import CallSourcesPanel


class CallStatus(models.TextChoices):
    FORTHCOMING = "forthcoming", _("Forthcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class SupportKind(models.TextChoices):
    GRANT = "grant", _("Grant")
    LOAN = "loan", _("Loan")
    VOUCHER = "voucher", _("Voucher")
    PRIZE = "prize", _("Prize")
    RESIDENCY = "residency", _("Residency")
    MOBILITY = "mobility", _("Mobility")
    PROCUREMENT = "procurement", _("Public procurement")
    OTHER = "other", _("Other")


def status_of(opening: dt.datetime | None, final_deadline: dt.datetime | None, now: dt.datetime) -> str:
    """The status a call has at ``now``: closed once its last deadline passed, forthcoming before opening."""
    if final_deadline is not None and final_deadline < now:
        return CallStatus.CLOSED
    if opening is not None and opening > now:
        return CallStatus.FORTHCOMING
    return CallStatus.OPEN


def status_q(statuses: list[str] | set[str], now: dt.datetime) -> Q:
    """The database condition for calls having one of ``statuses`` at ``now`` (see ``status_of``)."""
    condition = Q()
    not_closed = Q(final_deadline__isnull=True) | Q(final_deadline__gte=now)
    if CallStatus.CLOSED in statuses:
        condition |= Q(final_deadline__lt=now)
    if CallStatus.FORTHCOMING in statuses:
        condition |= not_closed & Q(opening_date__gt=now)
    if CallStatus.OPEN in statuses:
        condition |= not_closed & (Q(opening_date__isnull=True) | Q(opening_date__lte=now))
    return condition


def to_eur(amount: Decimal | None, currency: str) -> Decimal | None:
    """An amount in euros at the configured reference rates, for comparing calls across currencies."""
    if amount is None:
        return None
    rate = settings.FUNDING_EUR_RATES.get((currency or "EUR").upper())
    if rate is None:
        return None
    return (Decimal(amount) * Decimal(str(rate))).quantize(Decimal("1"))


class FundingCallQuerySet(SearchableQuerySetMixin, ModerationQuerySet):
    def public(self):
        """What the public may see: live calls that were not merged into another."""
        return self.filter(live=True, merged_into__isnull=True)

    def with_status(self, statuses: list[str] | set[str], now: dt.datetime | None = None):
        condition = status_q(statuses, now or timezone.now())
        return self.filter(condition) if condition else self.none()

    def not_closed(self, now: dt.datetime | None = None):
        return self.with_status([CallStatus.OPEN, CallStatus.FORTHCOMING], now)

    def deadline_within(self, start: dt.datetime, end: dt.datetime):
        return self.filter(Exists(Deadline.objects.filter(call=OuterRef("pk"), at__gte=start, at__lte=end)))

    # --- moderation (the queue's states: ``kreativ.moderation.queue``) -----------------------

    def waiting_for_decision(self):
        """The moderators' queue: calls whose workflow is in progress on a moderation task (not
        rejected: Wagtail calls that "needs changes"), not merged into another call, not archived.

        The one definition: the dashboard counts it and the listing's "Waiting for a decision"
        filter shows it, so the two always agree.
        """
        return self.under_review().filter(merged_into__isnull=True, archived_at__isnull=True)

    def archived(self):
        """Calls that closed before anyone decided on them (``opportunities.moderation.archive``)."""
        return self.filter(archived_at__isnull=False)

    def rejected(self):
        """Calls a moderator rejected and nobody resubmitted since (not merged)."""
        return self.sent_back().filter(merged_into__isnull=True)


class FundingCall(ModeratedSnippet):
    """A national or EU call for funding that CCI actors may apply to."""

    title = models.CharField(_("title"), max_length=400)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, null=True, blank=True, editable=False)
    summary = models.TextField(_("summary"), blank=True)
    # Nothing sanitises here: crawled HTML arrives sanitised (kreativ.sanitise, applied by the
    # crawler; ingest refuses what is not), and the admin's editor stores only these features.
    description = RichTextField(
        _("description"),
        blank=True,
        features=["h3", "h4", "bold", "italic", "ol", "ul", "link"],
    )
    url = models.URLField(_("call page"), max_length=1000, blank=True)
    call_identifier = models.CharField(_("call identifier"), max_length=200, blank=True, db_index=True)
    programme = models.ForeignKey(
        "opportunities.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
    )
    funder = models.CharField(_("funder"), max_length=300, blank=True)
    support_kind = models.CharField(
        _("kind of support"), max_length=20, choices=SupportKind.choices, default=SupportKind.GRANT
    )
    opening_date = models.DateTimeField(_("opens"), null=True, blank=True)
    final_deadline = models.DateTimeField(_("final deadline"), null=True, blank=True, editable=False, db_index=True)
    budget_total = models.DecimalField(_("total budget"), max_digits=16, decimal_places=2, null=True, blank=True)
    amount_min = models.DecimalField(_("minimum per project"), max_digits=16, decimal_places=2, null=True, blank=True)
    amount_max = models.DecimalField(_("maximum per project"), max_digits=16, decimal_places=2, null=True, blank=True)
    max_amount_eur = models.DecimalField(
        _("maximum per project in EUR"),
        max_digits=16,
        decimal_places=0,
        null=True,
        blank=True,
        editable=False,
        db_index=True,
    )
    cofinancing_rate = models.DecimalField(
        _("co-financing rate (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The share of the costs the funder pays, in per cent."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    applicant_types = ParentalManyToManyField(
        "opportunities.ApplicantType", verbose_name=_("eligible applicants"), blank=True, related_name="calls"
    )
    sectors = ParentalManyToManyField("kreativ.Sector", verbose_name=_("CCI sectors"), blank=True, related_name="calls")
    regions = ParentalManyToManyField(
        "kreativ.Region", verbose_name=_("geographic scope"), blank=True, related_name="calls"
    )
    language = models.CharField(_("language"), max_length=5, blank=True, choices=settings.CALL_LANGUAGES)

    first_seen = models.DateTimeField(_("first seen"), default=timezone.now, editable=False)
    is_listed = models.BooleanField(
        _("listed by its source"),
        default=True,
        editable=False,
        help_text=_("Whether a source still lists the call; a call that vanished is never deleted."),
    )
    crawled_values = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="The values last taken from crawling; a field whose value differs was edited by a moderator.",
    )
    archived_at = models.DateTimeField(
        _("archived"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the call left the moderators' queue because it closed before anyone decided on it."),
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_calls",
        editable=False,
    )

    objects = FundingCallQuerySet.as_manager()
    # Nothing links to a call from content, and indexing references on every crawled save costs.
    wagtail_reference_index_ignore = True

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("url"),
                FieldRowPanel([FieldPanel("call_identifier"), FieldPanel("support_kind"), FieldPanel("language")]),
                FieldRowPanel([FieldPanel("programme"), FieldPanel("funder")]),
            ],
            heading=_("The call"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opening_date"),
                PhrasedInlinePanel("deadlines", label=_("Deadline"), add_label=_("Add deadline"), min_num=0),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("budget_total"), FieldPanel("currency")]),
                FieldRowPanel([FieldPanel("amount_min"), FieldPanel("amount_max"), FieldPanel("cofinancing_rate")]),
            ],
            heading=_("Money"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("applicant_types", widget=forms.CheckboxSelectMultiple),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldPanel("regions", widget=RegionsChooser),
            ],
            heading=_("Who and where"),
        ),
        CallSourcesPanel(heading=_("Sources and duplicates")),
    ]

    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("call_identifier", boost=5),
        index.SearchField("funder"),
        index.RelatedFields("programme", [index.SearchField("name")]),
        index.FilterField("live"),
        index.FilterField("merged_into"),
        index.FilterField("language"),
        index.FilterField("final_deadline"),
        index.FilterField("first_seen"),
    ]

    class Meta:
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")
        indexes = [models.Index(fields=["live", "merged_into", "final_deadline"], name="call_public_deadline")]

    def __str__(self) -> str:
        return self.title

    def get_search_language(self) -> str:
        """The search index reads the call with its own language's analyser (see kreativ.search)."""
        return self.language

    @property
    def revisions(self):
        return self._revisions

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The most one project can get: the limit per project, else the call's whole budget.
        self.max_amount_eur = to_eur(self.amount_max or self.amount_min or self.budget_total, self.currency)
        deadlines = list(self.deadlines.all())
        for deadline in deadlines:  # those of a form or a revision are not saved yet
            deadline.at = deadline.passes_at()
        self.final_deadline = max((d.at for d in deadlines), default=None)
        super().save(*args, **kwargs)
        if not self.slug:
            self.slug = f"{slugify(self.title)[:100].strip('-') or 'call'}-{self.pk}"
            type(self).objects.filter(pk=self.pk).update(slug=self.slug)

    # --- dates ---------------------------------------------------------------------------------

    def deadline_list(self) -> list[Deadline]:
        """The call's deadlines in the order they pass."""
        return sorted(self.deadlines.all(), key=lambda d: d.passes_at())

    def with_content_json(self, content: dict[str, Any]) -> FundingCall:
        """A revision's content, keeping what belongs to the call rather than to one revision."""
        obj = super().with_content_json(content)
        for name in ("slug", "first_seen", "is_listed", "archived_at", "merged_into_id"):
            setattr(obj, name, getattr(self, name))
        return obj

    def last_seen(self) -> dt.datetime | None:
        """When a source last listed the call: its last run for a listed call, else when it vanished.

        Derived rather than stored, so that a re-crawl of unchanged data writes nothing.
        """
        moments = []
        for record in self.records.select_related("source"):
            if record.is_listed:
                run = record.source.runs.exclude(status="running").order_by("-started_at").first()
                moments.append(run.started_at if run else record.last_changed)
            elif record.unlisted_at:
                moments.append(record.unlisted_at)
        return max(moments, default=None)

    def status(self, now: dt.datetime | None = None) -> str:
        deadlines = [d.passes_at() for d in self.deadlines.all()]
        return status_of(self.opening_date, max(deadlines) if deadlines else None, now or timezone.now())

    def get_status_display(self) -> str:
        return str(CallStatus(self.status()).label)

    def next_deadline(self, now: dt.datetime | None = None) -> Deadline | None:
        """The first deadline still ahead, or None once all have passed."""
        now = now or timezone.now()
        upcoming = [d for d in self.deadline_list() if d.passes_at() >= now]
        return upcoming[0] if upcoming else None

    def shown_deadline(self, now: dt.datetime | None = None) -> Deadline | None:
        """The deadline a listing shows: the next one, or the last one once all have passed."""
        deadlines = self.deadline_list()
        return self.next_deadline(now) or (deadlines[-1] if deadlines else None)

    # --- previews ------------------------------------------------------------------------------

    def get_preview_template(self, request, mode_name: str) -> str:
        return "opportunities/call_detail.html"

    def get_preview_context(self, request, mode_name: str) -> dict[str, Any]:
        from opportunities.models.pages import FundingFinderPage

        context = super().get_preview_context(request, mode_name)
        context.update(call=self, finder=FundingFinderPage.objects.live().first(), preview=True)
        return context


END_OF_DAY = dt.time(23, 59, 59)
# The zones a moderator picks from first; every other IANA zone follows.
FIRST_ZONES = ("Europe/Prague", "Europe/Ljubljana", "Europe/Brussels", "UTC")


def deadline_zones() -> list[tuple[str, str]]:
    """The time zones a deadline can be in (the admin's choices): the region's first."""
    rest = sorted(available_timezones() - set(FIRST_ZONES))
    return [(zone, zone.replace("_", " ")) for zone in (*FIRST_ZONES, *rest)]


def site_zone() -> str:
    return settings.TIME_ZONE


class Deadline(Orderable):
    """One deadline of a call; multi-stage calls have several.

    ``date`` and ``time`` are the day and the time of day in ``timezone``; without a time (the
    source gave only the day, or a moderator typed only the date) it lasts until the end of that
    day. ``at`` is the moment it passes, computed from the three and never edited.
    """

    call = ParentalKey(FundingCall, on_delete=models.CASCADE, related_name="deadlines")
    date = models.DateField(_("date"))
    time = models.TimeField(
        _("time"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the call gives only the day: the deadline then lasts until the day's end."),
    )
    timezone = models.CharField(_("time zone"), max_length=64, choices=deadline_zones, default=site_zone)
    at = models.DateTimeField(_("passes at"), editable=False)
    label = models.CharField(_("stage"), max_length=100, blank=True, help_text=_("e.g. first stage, full proposal"))

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("time"), FieldPanel("timezone"), FieldPanel("label")])]

    class Meta(Orderable.Meta):
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        indexes = [
            models.Index(fields=["call", "at"], name="deadline_call_at"),
            models.Index(fields=["at"], name="deadline_at"),
        ]

    def __str__(self) -> str:
        when = f"{self.date:%Y-%m-%d}" + (f" {self.time:%H:%M} {self.timezone}" if self.has_time else "")
        return f"{when} {self.label}".strip()

    @classmethod
    def of(cls, value: dt.date | dt.datetime, zone: str | None = None, **fields: Any) -> Deadline:
        """A deadline from a crawled value: a day (in ``zone``, the site's by default) or a moment
        (kept as the site's date and time, which is how a moderator reads and edits it)."""
        if isinstance(value, dt.datetime):
            zone = site_zone()
            local = value.astimezone(ZoneInfo(zone))
            deadline = cls(date=local.date(), time=local.time().replace(tzinfo=None), timezone=zone, **fields)
        else:
            deadline = cls(date=value, time=None, timezone=zone or site_zone(), **fields)
        deadline.at = deadline.passes_at()
        return deadline

    @property
    def has_time(self) -> bool:
        """Whether the time of day is known; without it the deadline is a day."""
        return self.time is not None

    def passes_at(self) -> dt.datetime:
        """The moment the deadline passes: its time on its day, or the day's end, in its zone."""
        if self.date is None and self.at is not None:
            # Made with a moment only (``Deadline(at=…)``): read it as the site's date and time.
            local = timezone.localtime(self.at, ZoneInfo(site_zone()))
            self.date, self.time, self.timezone = local.date(), local.time().replace(tzinfo=None), site_zone()
        clock = self.time if self.time is not None else END_OF_DAY
        return dt.datetime.combine(self.date, clock, tzinfo=ZoneInfo(self.timezone or site_zone()))

    def is_passed(self, now: dt.datetime | None = None) -> bool:
        return self.passes_at() < (now or timezone.now())

    def clean(self) -> None:
        super().clean()
        if self.date is not None:
            self.at = self.passes_at()

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.at = self.passes_at()
        super().save(*args, **kwargs)


class DuplicateSuggestion(DuplicateSuggestionBase):
    """Two calls that look like the same call from two sources, for a moderator to merge or dismiss."""

    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="duplicate_suggestions")
    duplicate_of = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="+")

    subject_field = "call"
    other_field = "duplicate_of"

    class Meta:
        verbose_name = _("duplicate suggestion")
        verbose_name_plural = _("duplicate suggestions")
        constraints = [models.UniqueConstraint(fields=["call", "duplicate_of"], name="unique_duplicate_pair")]
