"""The region's creative infrastructure: one page model for every kind of place.

A fab-lab, a coworking space and a creative centre differ in what they offer, not in what they
are to a visitor (an address, opening hours, a contact), so one model with a ``kind`` serves
them all and the index filters by it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kreativ.blocks import BodyBlock
from kreativ.location_panel import LocationPanel
from kreativ.models import BasePage
from kreativ.sites import page_url

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
# The hook through which other apps add a section to a hub's page (see ``HubPage.sections``).
HUB_PAGE_SECTIONS = "hub_page_sections"
SCHEMA_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class HubKind(models.TextChoices):
    CREATIVE_HUB = "creative_hub", _("Creative hub")
    FABLAB = "fablab", _("Fab-lab / makerspace")
    COWORKING = "coworking", _("Coworking")
    CREATIVE_CENTRE = "creative_centre", _("Creative centre")
    SUPPORT_POINT = "support_point", _("Support point")


class ServiceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("service"), max_length=150)
    description = blocks.TextBlock(label=_("description"), required=False)
    price = blocks.CharBlock(
        label=_("price"), required=False, max_length=100, help_text=_("e.g. free, 150 CZK per hour")
    )

    class Meta:
        icon = "tick"


class HubIndexPage(BasePage):
    """All hubs on a map and as a list, filterable by kind, region and sector."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["hubs.HubPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("hub index")

    def hubs(self):
        return (
            HubPage.objects.child_of(self)
            .live()
            .public()
            .select_related("region", "listing_image")
            .prefetch_related("sectors")
            .order_by("title")
        )

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from hubs.forms import HubFilterForm

        context = super().get_context(request, *args, **kwargs)
        hubs = self.hubs()
        form = HubFilterForm(request.GET or None, hubs=hubs)
        if form.is_valid():
            hubs = form.filter(hubs)
        hubs = list(hubs)
        context.update(
            filter_form=form,
            hubs=hubs,
            map_points=[hub.map_point() for hub in hubs if hub.has_location],
        )
        return context


class HubPage(BasePage):
    """A creative hub, fab-lab, coworking space, creative centre or support point."""

    kind = models.CharField(_("kind of place"), max_length=30, choices=HubKind.choices, default=HubKind.CREATIVE_HUB)
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)

    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    city = models.CharField(_("town"), max_length=100)
    country = models.CharField(_("country"), max_length=2, default="CZ", help_text=_("ISO code, e.g. CZ or SI."))
    region = models.ForeignKey(
        "kreativ.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hubs",
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
    )

    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=150, blank=True)

    opening_hours_note = models.CharField(
        _("note on opening hours"),
        max_length=250,
        blank=True,
        help_text=_("Exceptions, e.g. closed on public holidays, open by appointment in August."),
    )
    services = StreamField([("service", ServiceBlock())], verbose_name=_("services"), blank=True)
    sectors = ParentalManyToManyField(
        "kreativ.Sector", verbose_name=_("CCI sectors served"), blank=True, related_name="hubs"
    )

    booking_url = models.URLField(
        _("equipment booking address"),
        blank=True,
        help_text=_("Where members book machines, e.g. an online calendar."),
    )
    booking_info = models.TextField(_("how to book equipment"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("region"),
                LocationPanel(
                    "latitude",
                    "longitude",
                    address={
                        "street": "street_address",
                        "postal_code": "postal_code",
                        "city": "city",
                        "country": "country",
                    },
                ),
            ],
            heading=_("Address and location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("opening_hours", label=_("Opening hours")),
        FieldPanel("opening_hours_note"),
        FieldPanel("services"),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [InlinePanel("equipment", label=_("Machine")), FieldPanel("booking_info"), FieldPanel("booking_url")],
            heading=_("Equipment (fab-labs and makerspaces)"),
        ),
        InlinePanel("gallery_images", label=_("Gallery")),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("city"),
        index.SearchField("services"),
        index.FilterField("kind"),
        index.FilterField("region"),
        index.RelatedFields("equipment", [index.SearchField("name")]),
    ]

    parent_page_types = ["hubs.HubIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("hub")
        verbose_name_plural = _("hubs")

    def clean(self) -> None:
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Enter both latitude and longitude, or neither.")})

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def address_lines(self) -> list[str]:
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        return [line for line in (self.street_address, town) if line]

    def map_point(self) -> dict[str, Any]:
        """What the map needs to draw this hub's marker."""
        return {
            "title": self.title,
            "url": self.url,
            "kind": self.get_kind_display(),
            "address": ", ".join(self.address_lines()),
            "lat": float(self.latitude),
            "lng": float(self.longitude),
        }

    def map_points(self) -> list[dict[str, Any]]:
        return [self.map_point()] if self.has_location else []

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.sections(request)
        return context

    def sections(self, request: HttpRequest | None = None) -> list[SafeString]:
        """What other apps show on a hub's page (the actors based there, from the catalogue), which
        this app does not know: each ``@hooks.register("hub_page_sections")`` function takes the hub
        page and the request and returns HTML or None."""
        found = (hook(self, request) for hook in hooks.get_hooks(HUB_PAGE_SECTIONS))
        return [section for section in found if section]

    def opening_hours_by_day(self) -> list[tuple[str, list[OpeningHours]]]:
        """Each weekday with its opening intervals (empty means closed)."""
        hours = list(self.opening_hours.all())
        return [(str(label), [h for h in hours if h.weekday == day]) for day, label in WEEKDAYS]

    def get_json_ld(self, request: HttpRequest | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "LocalBusiness",
            "name": self.title,
            "url": page_url(self, request),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.street_address,
                "postalCode": self.postal_code,
                "addressLocality": self.city,
                "addressCountry": self.country,
            },
        }
        if self.region_id:
            data["address"]["addressRegion"] = self.region.name
        if self.intro:
            data["description"] = self.intro
        if self.has_location:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        if self.website:
            data["sameAs"] = [self.website]
        specification = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_WEEKDAYS[h.weekday]}",
                "opens": h.opens.strftime("%H:%M"),
                "closes": h.closes.strftime("%H:%M"),
            }
            for h in self.opening_hours.all()
        ]
        if specification:
            data["openingHoursSpecification"] = specification
        if self.listing_image and request is not None:
            data["image"] = request.build_absolute_uri(self.listing_image.get_rendition("fill-1200x630").url)
        return data


class OpeningHours(Orderable):
    """One opening interval on one weekday; two rows make a lunch break."""

    page = ParentalKey(HubPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]

    def clean(self) -> None:
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})


class Equipment(Orderable):
    """A machine of a fab-lab: what it is, how many, what a member must know to use it."""

    class Training(models.TextChoices):
        NONE = "none", _("No training needed")
        INDUCTION = "induction", _("Short induction")
        COURSE = "course", _("Course with certificate")
        STAFF_ONLY = "staff", _("Operated by staff only")

    page = ParentalKey(HubPage, on_delete=models.CASCADE, related_name="equipment")
    name = models.CharField(_("machine"), max_length=150)
    quantity = models.PositiveSmallIntegerField(_("quantity"), default=1, validators=[MinValueValidator(1)])
    training = models.CharField(
        _("training needed"), max_length=20, choices=Training.choices, default=Training.INDUCTION
    )
    booking = models.CharField(
        _("how to book"),
        max_length=200,
        blank=True,
        help_text=_("e.g. online calendar, at the reception, by e-mail a day ahead"),
    )
    note = models.CharField(_("note"), max_length=250, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("quantity")]),
        FieldRowPanel([FieldPanel("training"), FieldPanel("booking")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("machine")
        verbose_name_plural = _("equipment")


class HubGalleryImage(Orderable):
    page = ParentalKey(HubPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
