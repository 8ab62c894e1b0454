"""Listings of the exchange: offers, requests, partner searches and creative challenges, in one
moderated snippet.

A listing is a snippet under moderation like a funding call or a profile (draft state, revisions,
lock, workflow, preview): the public sees the live version only, and only while it runs
(``Listing.objects.public``). Its texts are rich text from outside the office, so every one is
sanitised (``kreativ.sanitise``) whenever the listing or a revision of it is saved.

Who posts it is a catalogue ``Profile`` (reached through its members) or a light ``Poster`` (a
firm or municipality without a profile, confirmed by e-mail): never an address in the listing.

Its life cycle (``exchange.lifecycle``, docs/exchange.md) lives beside its revisions, like a
profile's confirmation: when it ends (``valid_until``), whether its poster closed it or a moderator
took it down, the reminders sent and the links used. Publishing an older revision never takes back
a renewal or a closing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from exchange.vocabulary import budget_band_choices
from kreativ.models.moderated import ModeratedSnippet
from kreativ.moderation.queue import ModerationQuerySet
from kreativ.sanitise import sanitise_html

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]
# The tags those features write, and so all a listing's texts may hold once sanitised.
TEXT_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a"})
SANITISED_FIELDS = ("description", "rules", "result")
# What belongs to the listing rather than to one revision: its poster and its life cycle.
KEPT_BESIDE_REVISIONS = (
    "slug",
    "created_at",
    "profile_id",
    "poster_id",
    "valid_until",
    "closed_at",
    "taken_down_at",
    "reminded_before_at",
    "reminded_on_day_at",
    "last_link_used_at",
)


class ListingKind(models.TextChoices):
    OFFER = "offer", _("Offer")
    REQUEST = "request", _("Request")
    PARTNER_SEARCH = "partner_search", _("Partner search")
    CHALLENGE = "challenge", _("Challenge")


def listing_days() -> dt.timedelta:
    """How long a listing runs, and how much a renewal adds (``EXCHANGE_LISTING_DAYS``)."""
    return dt.timedelta(days=settings.EXCHANGE_LISTING_DAYS)


class ListingQuerySet(SearchableQuerySetMixin, ModerationQuerySet):
    def running(self, now: dt.datetime | None = None):
        """Listings that have not ended: not past ``valid_until``, not closed, not taken down."""
        now = now or timezone.now()
        return self.filter(valid_until__gt=now, closed_at__isnull=True, taken_down_at__isnull=True)

    def ended(self, now: dt.datetime | None = None):
        """Listings that ran out, were closed by their poster or taken down by a moderator."""
        now = now or timezone.now()
        return self.filter(Q(valid_until__lte=now) | Q(closed_at__isnull=False) | Q(taken_down_at__isnull=False))

    def public(self, now: dt.datetime | None = None):
        """What the public may see: live listings still running, whose poster is known (a
        catalogue profile, or a poster who confirmed their address)."""
        return (
            self.running(now).filter(live=True).filter(Q(profile__isnull=False) | Q(poster__confirmed_at__isnull=False))
        )

    def results(self):
        """Decided challenges: live, with a result, not taken down (their result stays public after
        the challenge has ended; the challenge's page shows it)."""
        return self.filter(
            live=True, kind=ListingKind.CHALLENGE, taken_down_at__isnull=True, closed_at__isnull=True
        ).exclude(result="")

    def waiting_for_decision(self):
        """The moderators' queue (the dashboard panel counts it, the listing's filter shows it)."""
        return self.under_review()

    def rejected(self):
        return self.sent_back()


class Listing(ModeratedSnippet):
    """One offer, request, partner search or challenge, as the exchange shows it."""

    kind = models.CharField(_("kind"), max_length=20, choices=ListingKind.choices, default=ListingKind.OFFER)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, null=True, blank=True, editable=False)
    description = RichTextField(_("description"), features=TEXT_FEATURES)
    sectors = ParentalManyToManyField("kreativ.Sector", verbose_name=_("CCI sectors"), blank=True, related_name="+")
    regions = ParentalManyToManyField("kreativ.Region", verbose_name=_("regions"), blank=True, related_name="+")
    category = models.ForeignKey(
        "exchange.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="listings",
    )
    budget_band = models.CharField(_("budget"), max_length=20, choices=budget_band_choices, blank=True)

    # Who posts it: a catalogue profile, or a light poster identity (exactly one).
    profile = models.ForeignKey(
        "catalogue.Profile",
        verbose_name=_("posted by the profile"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="listings",
    )
    poster = models.ForeignKey(
        "exchange.Poster",
        verbose_name=_("posted by"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="listings",
    )
    hub = models.ForeignKey(
        "hubs.HubPage", verbose_name=_("hub"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    funding_call = models.ForeignKey(
        "opportunities.FundingCall",
        verbose_name=_("funding call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="listings",
        help_text=_("Required for a partner search: the call the partners are sought for."),
    )

    # A challenge's own: the reward or budget, its deadline, its rules, and later its result.
    reward_amount = models.DecimalField(
        _("reward or budget"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    reward_currency = models.CharField(_("currency"), max_length=3, default="EUR", blank=True)
    deadline = models.DateTimeField(
        _("deadline"), null=True, blank=True, help_text=_("A challenge's: proposals are accepted until then.")
    )
    rules = RichTextField(_("rules"), blank=True, features=TEXT_FEATURES)
    result = RichTextField(
        _("result"), blank=True, features=TEXT_FEATURES, help_text=_("A challenge's result, once the jury decided.")
    )

    # The life cycle, beside the revisions (exchange.lifecycle).
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    valid_until = models.DateTimeField(_("runs until"), null=True, blank=True, editable=False, db_index=True)
    closed_at = models.DateTimeField(_("closed by its poster"), null=True, blank=True, editable=False)
    taken_down_at = models.DateTimeField(_("taken down"), null=True, blank=True, editable=False)
    reminded_before_at = models.DateTimeField(_("reminded before the end"), null=True, blank=True, editable=False)
    reminded_on_day_at = models.DateTimeField(_("reminded on the last day"), null=True, blank=True, editable=False)
    # The moment a renew or close link was last used: a link signed before it is spent (single use).
    last_link_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ListingQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.SearchField("rules"),
        index.FilterField("live"),
        index.FilterField("kind"),
        index.FilterField("valid_until"),
    ]

    class Meta:
        verbose_name = _("listing")
        verbose_name_plural = _("listings")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(profile__isnull=True) | Q(poster__isnull=True), name="listing_one_poster"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def revisions(self):
        return self._revisions

    # --- validation -----------------------------------------------------------------------------

    def clean(self) -> None:
        super().clean()
        self.sanitise_texts()
        errors: dict[str, Any] = {}
        if self.profile_id and self.poster_id:
            errors["poster"] = _("A listing is posted by a catalogue profile or by a poster, not both.")
        elif not (self.profile_id or self.poster_id):
            errors["poster"] = _("Say who posts the listing: a catalogue profile or a poster.")
        # What it held when saved last: a listing's call or deadline is checked when it is new or
        # changes, so a moderator can still edit a partner search whose call has closed since.
        before = type(self).objects.filter(pk=self.pk).values("kind", "funding_call_id", "deadline").first() or {}
        changed = before.get("kind") != self.kind
        if self.kind == ListingKind.PARTNER_SEARCH and (
            changed or self.funding_call_id != before.get("funding_call_id")
        ):
            error = self.call_error()
            if error:
                errors["funding_call"] = error
        if self.kind == ListingKind.CHALLENGE:
            if self.deadline is None:
                errors["deadline"] = _("A challenge needs a deadline: the day proposals are due.")
            elif (changed or self.deadline != before.get("deadline")) and self.deadline <= timezone.now():
                errors["deadline"] = _("A challenge's deadline must be in the future.")
            if self.reward_amount is None:
                errors["reward_amount"] = _("A challenge states its reward or budget.")
            if not (self.reward_currency or "").strip():
                errors["reward_currency"] = _("Give the currency of the reward, such as EUR.")
        if errors:
            raise ValidationError(errors)

    def call_error(self, now: dt.datetime | None = None) -> str | None:
        """Why this partner search cannot be made on its call (None when it can)."""
        from opportunities.models import CallStatus, FundingCall

        if not self.funding_call_id:
            return _("A partner search is for one funding call: choose the call.")
        call = FundingCall.objects.public().filter(pk=self.funding_call_id).first()
        if call is None:
            return _("This funding call is not published on the portal: a partner search needs a published call.")
        if call.status(now) == CallStatus.CLOSED:
            return _("This funding call is closed: a partner search can only be made on a call still open.")
        return None

    # --- life cycle -----------------------------------------------------------------------------

    def end_limit(self, now: dt.datetime | None = None) -> dt.datetime | None:
        """The latest a listing may run: a challenge's deadline, a partner search's call's next
        deadline (None for a call without one); an offer or a request has none."""
        if self.kind == ListingKind.CHALLENGE:
            return self.deadline
        if self.kind == ListingKind.PARTNER_SEARCH and self.funding_call_id:
            deadline = self.funding_call.next_deadline(now)
            return deadline.passes_at() if deadline else None
        return None

    def limit_passed(self, now: dt.datetime | None = None) -> bool:
        """Whether the listing's limit is behind it: a challenge's deadline passed (or none), a
        partner search's call closed (or none); an offer or a request never has one."""
        from opportunities.models import CallStatus

        now = now or timezone.now()
        if self.kind == ListingKind.CHALLENGE:
            return self.deadline is None or self.deadline <= now
        if self.kind == ListingKind.PARTNER_SEARCH:
            return self.funding_call_id is None or self.funding_call.status(now) == CallStatus.CLOSED
        return False

    def initial_end(self, now: dt.datetime | None = None) -> dt.datetime:
        """When a new listing ends: a challenge at its deadline; any other ``EXCHANGE_LISTING_DAYS``
        from now, a partner search no later than its call's next deadline."""
        now = now or timezone.now()
        limit = self.end_limit(now)
        if self.kind == ListingKind.CHALLENGE and limit is not None:
            return limit
        end = now + listing_days()
        return min(end, limit) if limit is not None else end

    def has_ended(self, now: dt.datetime | None = None) -> bool:
        now = now or timezone.now()
        return bool(self.closed_at or self.taken_down_at or (self.valid_until is not None and self.valid_until <= now))

    @property
    def is_decided(self) -> bool:
        return self.kind == ListingKind.CHALLENGE and bool(self.result)

    # --- saving ---------------------------------------------------------------------------------

    def sanitise_texts(self) -> None:
        """Every rich text of the listing reduced to its few allowed tags (scripts go)."""
        for name in SANITISED_FIELDS:
            setattr(self, name, sanitise_html(getattr(self, name), tags=TEXT_TAGS))

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.sanitise_texts()
        if self.kind == ListingKind.CHALLENGE and self.deadline is not None:
            self.valid_until = self.deadline  # a challenge ends at its own deadline
        elif self.valid_until is None:
            self.valid_until = self.initial_end()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *SANITISED_FIELDS, "valid_until"}
        super().save(*args, **kwargs)
        if not self.slug:
            self.slug = f"{slugify(self.title)[:100].strip('-') or 'listing'}-{self.pk}"
            type(self).objects.filter(pk=self.pk).update(slug=self.slug)

    def save_revision(self, *args: Any, **kwargs: Any):
        """A revision holds sanitised texts too: the admin saves a live listing's draft as a revision
        only, and a preview or a moderator's compare view shows it."""
        self.sanitise_texts()
        return super().save_revision(*args, **kwargs)

    def with_content_json(self, content: dict[str, Any]) -> Listing:
        """A revision's content, keeping what belongs to the listing rather than to one revision."""
        obj = super().with_content_json(content)
        for name in KEPT_BESIDE_REVISIONS:
            setattr(obj, name, getattr(self, name))
        return obj

    # --- previews -------------------------------------------------------------------------------

    def get_preview_template(self, request, mode_name: str) -> str:
        return "exchange/listing_preview.html"
