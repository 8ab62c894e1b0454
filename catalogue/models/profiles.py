"""Profiles of the region's CCI actors: organisations and individual creatives in one model.

A profile is a snippet under moderation, like a funding call: its owners' edits are revisions that
wait for a moderator, and the public sees the live (published) version only. Everything the public
may see is a field of the profile, so it travels in revisions and previews; what identifies its
owners (their e-mail addresses) is kept beside it in ``ProfileMember`` rows, outside the revisions,
so a revision never holds an address and deleting the members removes them everywhere.

A person (a freelancer) is published only with their recorded consent (``consent_*``); a
profile's location is its municipality, never a street address. A profile whose owners have not
confirmed it for ``CONFIRMATION_MONTHS`` leaves public view until they do.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from stdnum import exceptions as stdnum_errors
from stdnum.cz import dic as cz_registry
from stdnum.si import maticna as si_registry
from wagtail.fields import RichTextField
from wagtail.models import (
    Orderable,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from kreativ.models.moderated import ModeratedSnippet
from kreativ.moderation.queue import ModerationQuerySet
from kreativ.personal_data import retention_cutoff
from kreativ.similarity import fold

# A profile not confirmed by its owners for this long leaves public view (kept, not deleted).
CONFIRMATION_MONTHS = 13
# A profile confirmed this long ago is due: its owners (or, if nobody keeps it, the moderators) are asked.
ASK_AFTER_MONTHS = 12
PROFILE_LANGUAGES = ("cs", "sl", "en")
# Languages an actor may say they work in (ISO 639-1), beyond the site's three.
SPOKEN_LANGUAGES = [
    ("cs", _("Czech")),
    ("sl", _("Slovenian")),
    ("en", _("English")),
    ("de", _("German")),
    ("sk", _("Slovak")),
    ("pl", _("Polish")),
    ("hr", _("Croatian")),
    ("it", _("Italian")),
    ("hu", _("Hungarian")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("uk", _("Ukrainian")),
]
DESCRIPTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]
# What belongs to the profile rather than to one revision: publishing an older revision never
# takes back a consent, a confirmation or a merge.
KEPT_BESIDE_REVISIONS = (
    "slug",
    "created_at",
    "confirmed_at",
    "confirmation_requested_at",
    "consent_given_at",
    "consent_version",
    "open_data_consent",
    "open_data_consent_at",
    "open_data_consent_version",
    "merged_into_id",
)


class ActorKind(models.TextChoices):
    FREELANCER = "freelancer", _("Freelancer")
    STUDIO = "studio", _("Studio or micro-firm")
    SME = "sme", _("Small or medium-sized enterprise")
    NGO = "ngo", _("Non-governmental organisation")
    PUBLIC = "public", _("Public institution")
    SCHOOL = "school", _("School or university")
    HUB_OPERATOR = "hub_operator", _("Hub operator")


class Country(models.TextChoices):
    CZ = "CZ", _("Czechia")
    SI = "SI", _("Slovenia")


def normalise_registry_number(country: str, number: str) -> str:
    """The registry number in its compact form, or ValidationError with the reason in the reader's
    language: a Czech IČO (8 digits, the last a check digit) or a Slovenian matična številka."""
    number = (number or "").strip()
    if not number:
        return ""
    try:
        if country == Country.CZ:
            compact = cz_registry.compact(number)
            if len(compact) != 8:
                raise stdnum_errors.InvalidLength()
            return cz_registry.validate(compact)
        if country == Country.SI:
            return si_registry.validate(number)
    except stdnum_errors.InvalidLength as error:
        raise ValidationError(_("The registry number has the wrong number of digits."), code="length") from error
    except stdnum_errors.InvalidChecksum as error:
        raise ValidationError(
            _("The registry number's check digit does not match: please check it for a typo."), code="checksum"
        ) from error
    except stdnum_errors.ValidationError as error:
        raise ValidationError(_("This is not a valid registry number."), code="invalid") from error
    raise ValidationError(_("Choose the country the registry number belongs to."), code="country")


class ProfileQuerySet(SearchableQuerySetMixin, ModerationQuerySet):
    def public(self, now: dt.datetime | None = None):
        """What the public may see: live profiles confirmed within ``CONFIRMATION_MONTHS``, and a
        person's only with their consent to publication."""
        fresh = retention_cutoff(CONFIRMATION_MONTHS, now)
        return self.filter(live=True, merged_into__isnull=True, confirmed_at__gte=fresh).exclude(
            kind=ActorKind.FREELANCER, consent_given_at__isnull=True
        )

    def unconfirmed(self, now: dt.datetime | None = None):
        """Profiles out of public view for want of a confirmation within ``CONFIRMATION_MONTHS``."""
        return self.filter(confirmed_at__lt=retention_cutoff(CONFIRMATION_MONTHS, now))

    def confirmation_due(self, now: dt.datetime | None = None):
        """Profiles confirmed ``ASK_AFTER_MONTHS`` ago or longer (not merged), whoever keeps them."""
        return self.filter(confirmed_at__lte=retention_cutoff(ASK_AFTER_MONTHS, now), merged_into__isnull=True)

    def not_asked_since_confirmed(self):
        """Profiles nobody was asked to confirm since their last confirmation."""
        return self.filter(
            models.Q(confirmation_requested_at__isnull=True)
            | models.Q(confirmation_requested_at__lt=models.F("confirmed_at"))
        )

    def unkept(self):
        """Profiles nobody keeps (no members, not merged): the moderators are their keepers."""
        return self.filter(members__isnull=True, merged_into__isnull=True)

    def confirm(self, now: dt.datetime | None = None) -> dt.datetime:
        """Confirms these profiles as still right, for another ``CONFIRMATION_MONTHS``; returns when."""
        now = now or timezone.now()
        self.update(confirmed_at=now)
        return now

    def waiting_for_decision(self):
        """The moderators' queue: profiles under review, not merged into another (the dashboard
        panel counts it, the listing's filter shows it)."""
        return self.under_review().filter(merged_into__isnull=True)

    def rejected(self):
        """Profiles whose last revision a moderator rejected, not resubmitted since."""
        return self.sent_back().filter(merged_into__isnull=True)


class Profile(ModeratedSnippet):
    """A CCI actor as the catalogue shows them: who they are, what they do, where, and how to reach
    them (through the relay form, never by a published address)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, null=True, blank=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=ActorKind.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.CZ)
    registry_number = models.CharField(
        _("registry number"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("Czech IČO or Slovenian matična številka; a freelancer may leave it empty."),
    )
    sectors = ParentalManyToManyField("kreativ.Sector", verbose_name=_("CCI sectors"), blank=True, related_name="+")
    regions = ParentalManyToManyField("kreativ.Region", verbose_name=_("regions"), blank=True, related_name="+")
    municipality = models.CharField(
        _("municipality"), max_length=120, blank=True, help_text=_("The town or village; never a street address.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Of the municipality, for the map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    services = ParentalManyToManyField(
        "catalogue.Service", verbose_name=_("services offered"), blank=True, related_name="profiles"
    )
    languages = models.JSONField(_("working languages"), default=list, blank=True)

    short_cs = models.CharField(_("short description (Czech)"), max_length=300, blank=True)
    short_sl = models.CharField(_("short description (Slovenian)"), max_length=300, blank=True)
    short_en = models.CharField(_("short description (English)"), max_length=300, blank=True)
    description_cs = RichTextField(_("description (Czech)"), blank=True, features=DESCRIPTION_FEATURES)
    description_sl = RichTextField(_("description (Slovenian)"), blank=True, features=DESCRIPTION_FEATURES)
    description_en = RichTextField(_("description (English)"), blank=True, features=DESCRIPTION_FEATURES)

    website = models.URLField(_("website"), max_length=500, blank=True)
    facebook_url = models.URLField(_("Facebook"), max_length=500, blank=True)
    instagram_url = models.URLField(_("Instagram"), max_length=500, blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), max_length=500, blank=True)
    hubs = ParentalManyToManyField("hubs.HubPage", verbose_name=_("based at hubs"), blank=True, related_name="+")

    open_to_commissions = models.BooleanField(_("open to commissions"), default=False)
    seeks_partners = models.BooleanField(_("looking for partners for funding calls"), default=False)
    voucher_provider = models.BooleanField(_("creative-voucher provider"), default=False)
    forum_member = models.BooleanField(_("member of the regional forum"), default=False)

    # Consent of a person to the publication of their profile, with the version of the text they
    # agreed to; organisations are published without it (their data are not a person's).
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True, editable=False)
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True, editable=False)
    # Consent to the open data, given apart from publication, also with its text's version; set by
    # the owner only (catalogue.privacy.consent), kept beside the revisions like the consent above.
    open_data_consent = models.BooleanField(
        _("may be published as open data"),
        default=False,
        editable=False,
        help_text=_("A person's profile is in the open data only with this consent; an organisation's always."),
    )
    open_data_consent_at = models.DateTimeField(_("open data consent given"), null=True, blank=True, editable=False)
    open_data_consent_version = models.CharField(
        _("open data consent text version"), max_length=20, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(
        _("last confirmed by its owners"),
        default=timezone.now,
        editable=False,
        help_text=_("A profile not confirmed for 13 months leaves public view until its owners confirm it."),
    )
    # When the owners were last asked to confirm it (catalogue.owners.confirmation), once a year.
    confirmation_requested_at = models.DateTimeField(
        _("confirmation last asked for"), null=True, blank=True, editable=False
    )
    imported_from = models.CharField(
        _("imported from"), max_length=200, blank=True, editable=False, help_text=_("The mapping study it came from.")
    )
    # What the last import of a mapping study gave (``catalogue.imports``): a field whose value now
    # differs was edited by a moderator or an owner, and a later import leaves it alone.
    imported_values = models.JSONField(default=dict, blank=True, editable=False)
    # The municipality folded (no case, no accents): duplicates are looked for within one.
    municipality_key = models.CharField(max_length=120, blank=True, db_index=True, editable=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_profiles",
        editable=False,
    )

    objects = ProfileQuerySet.as_manager()
    wagtail_reference_index_ignore = True

    search_fields = [
        index.SearchField("name", boost=4),
        index.AutocompleteField("name"),
        index.SearchField("short_cs", language="cs"),
        index.SearchField("short_sl", language="sl"),
        index.SearchField("short_en", language="en"),
        index.SearchField("description_cs", language="cs"),
        index.SearchField("description_sl", language="sl"),
        index.SearchField("description_en", language="en"),
        index.SearchField("municipality", boost=2),
        index.RelatedFields(
            "services",
            [
                index.SearchField("name_cs", language="cs"),
                index.SearchField("name_sl", language="sl"),
                index.SearchField("name_en", language="en"),
            ],
        ),
        index.FilterField("live"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def is_person(self) -> bool:
        """A freelancer is a person: their profile holds personal data and needs their consent."""
        return self.kind == ActorKind.FREELANCER

    def clean(self) -> None:
        super().clean()
        try:
            self.registry_number = normalise_registry_number(self.country, self.registry_number)
        except ValidationError as error:
            raise ValidationError({"registry_number": error.messages}) from error
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Enter both latitude and longitude, or neither.")})
        unknown = set(self.languages or []) - {code for code, _label in SPOKEN_LANGUAGES}
        if unknown:
            raise ValidationError(
                {"languages": _("Unknown language: %(codes)s") % {"codes": ", ".join(sorted(unknown))}}
            )

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.municipality_key = fold(self.municipality)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "municipality" in update_fields:
            kwargs["update_fields"] = {*update_fields, "municipality_key"}
        super().save(*args, **kwargs)
        if not self.slug:
            self.slug = f"{slugify(self.name)[:100].strip('-') or 'profile'}-{self.pk}"
            type(self).objects.filter(pk=self.pk).update(slug=self.slug)

    def with_content_json(self, content: dict[str, Any]) -> Profile:
        """A revision's content, keeping what belongs to the profile rather than to one revision."""
        obj = super().with_content_json(content)
        for name in KEPT_BESIDE_REVISIONS:
            setattr(obj, name, getattr(self, name))
        return obj

    # --- texts in the reader's language ---------------------------------------------------------

    def get_search_language(self) -> str:
        """The language of the name and municipality in the search index: the country's. The
        descriptions and services say their own (``search_fields``), so each is stemmed as written."""
        return "sl" if self.country == Country.SI else "cs"

    def _in_language(self, field: str, language: str | None = None) -> str:
        language = (language or translation.get_language() or "cs").split("-")[0]
        order = [language, *[code for code in ("en", "cs", "sl") if code != language]]
        for code in order:
            value = getattr(self, f"{field}_{code}", "")
            if value:
                return value
        return ""

    def short_description(self, language: str | None = None) -> str:
        """The short description in ``language`` (default: the active one), else English, Czech, Slovenian."""
        return self._in_language("short", language)

    def description(self, language: str | None = None) -> str:
        return self._in_language("description", language)

    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    # --- previews -------------------------------------------------------------------------------

    def get_preview_template(self, request, mode_name: str) -> str:
        return "catalogue/profile_detail.html"

    def get_preview_context(self, request, mode_name: str) -> dict[str, Any]:
        """The public profile page's context (``catalogue.public.profile_page``), marked as a preview."""
        from catalogue.public.profile_page import profile_context

        context = super().get_preview_context(request, mode_name)
        context.update(profile_context(self, request), preview=True)
        return context


class ProfileImage(Orderable):
    """A picture of the actor's work; deleting the profile deletes the image too (it is theirs)."""

    profile = ParentalKey(Profile, on_delete=models.CASCADE, related_name="portfolio_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)


class ProfileLink(Orderable):
    """A link to the actor's work elsewhere (a portfolio, a record label, a shop)."""

    profile = ParentalKey(Profile, on_delete=models.CASCADE, related_name="portfolio_links")
    url = models.URLField(_("address"), max_length=500)
    title = models.CharField(_("title"), max_length=200, blank=True)


class ProfileMember(models.Model):
    """Someone who keeps a profile, known by their e-mail address only (no account, no password).

    Kept outside the profile's revisions on purpose: an address is never part of what a revision,
    a preview or the search index holds, and removing a member removes their address everywhere.
    """

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="members")
    email = models.EmailField(_("e-mail"), db_index=True)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    added_at = models.DateTimeField(_("added"), default=timezone.now)
    # The moment of the last link used: a link signed before it is spent (single use).
    last_link_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    # What e-mails sent later (the yearly confirmation, a moderator's decision) are written in,
    # and the office's site their links go to: the member's last choice.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="cs")
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("profile member")
        verbose_name_plural = _("profile members")
        constraints = [models.UniqueConstraint(fields=["profile", "email"], name="unique_profile_member")]

    def __str__(self) -> str:
        return f"{self.profile} ({self.get_role_display()})"
