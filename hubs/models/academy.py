"""The Creative Academy: courses with sessions, and registration with a seat limit.

Registration is a Wagtail form page, so editors choose the questions and see the answers in the
admin's form submissions; what Wagtail does not have, the seat limit and the waiting list, is
decided when a submission is saved, inside one transaction, so two people cannot take the last seat.
Like every public form it is rate limited and trapped for bots (``kreativ.public_forms``), and
each registration is confirmed by e-mail with the sessions attached (``hubs.mails``).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Max, Min, Q
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page
from wagtail.search import index

from hubs.forms import RegistrationFormBuilder
from kreativ.blocks import BodyBlock
from kreativ.models import BasePage
from kreativ.public_forms import ratelimit
from kreativ.sites import page_url

logger = logging.getLogger(__name__)


class AcademyPage(BasePage):
    """The Creative Academy: upcoming courses first, past ones below."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["hubs.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("academy")

    def courses(self):
        return (
            CoursePage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .annotate(first_start=Min("sessions__start"), last_end=Max("sessions__end"))
        )

    def upcoming_courses(self):
        now = timezone.now()
        return self.courses().filter(Q(last_end__gte=now) | Q(last_end__isnull=True)).order_by("first_start", "title")

    def past_courses(self):
        return self.courses().filter(last_end__lt=timezone.now()).order_by("-last_end")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_courses"] = self.upcoming_courses()
        context["past_courses"] = self.past_courses()[:30]
        return context


class LecturerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=150)
    role = blocks.CharBlock(
        label=_("role"), required=False, max_length=150, help_text=_("e.g. product designer, studio XY")
    )
    bio = blocks.TextBlock(label=_("short biography"), required=False)
    photo = ImageChooserBlock(label=_("photo"), required=False)

    class Meta:
        icon = "user"


class CourseFormField(AbstractFormField):
    page = ParentalKey("CoursePage", on_delete=models.CASCADE, related_name="form_fields")


class CourseRegistration(AbstractFormSubmission):
    """A form submission that also knows whether it holds a seat or waits for one."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    email = models.EmailField(_("e-mail"), blank=True, db_index=True)

    class Meta:
        verbose_name = _("course registration")
        verbose_name_plural = _("course registrations")

    def get_data(self) -> dict[str, Any]:
        return {**super().get_data(), "status": self.get_status_display()}


class SessionQuerySet(models.QuerySet):
    def upcoming_under(self, page: Page):
        """Sessions not yet over, of the live courses under ``page`` (an office's home: its
        academy's courses, in the home's language), soonest first."""
        return (
            self.filter(
                course__live=True,
                course__locale_id=page.locale_id,
                course__path__startswith=page.path,
                end__gte=timezone.now(),
            )
            .select_related("course", "venue_hub")
            .order_by("start")
        )


class CoursePage(RoutablePageMixin, BasePage, AbstractEmailForm):
    """A course of the academy, with its sessions, its lecturers and its registration."""

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")
        ALL = "all", _("All levels")

    class Registration(models.TextChoices):
        FORM = "form", _("Registration form on this page")
        EXTERNAL = "external", _("External registration link")
        NONE = "none", _("No registration needed")

    form_builder = RegistrationFormBuilder

    description = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    lecturers = StreamField([("lecturer", LecturerBlock())], verbose_name=_("lecturers"), blank=True)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.ALL)
    language = models.CharField(_("language of instruction"), max_length=5, choices=settings.LANGUAGES, default="cs")
    price = models.DecimalField(
        _("price"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty for a free course."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="CZK")
    sectors = ParentalManyToManyField(
        "kreativ.Sector", verbose_name=_("CCI sectors"), blank=True, related_name="courses"
    )

    registration = models.CharField(
        _("registration"), max_length=20, choices=Registration.choices, default=Registration.FORM
    )
    external_registration_url = models.URLField(_("external registration address"), blank=True)
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("Leave empty for no limit.")
    )
    waiting_list_size = models.PositiveIntegerField(
        _("places on the waiting list"),
        null=True,
        blank=True,
        default=10,
        help_text=_("0 for no waiting list; empty for no limit."),
    )
    thank_you_text = RichTextField(_("message after registering"), blank=True, features=["bold", "italic", "link"])

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("listing_image"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("language")]),
                FieldRowPanel([FieldPanel("price"), FieldPanel("currency")]),
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("About the course"),
        ),
        InlinePanel("sessions", label=_("Session"), min_num=1),
        FieldPanel("lecturers"),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldPanel("external_registration_url"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list_size")]),
                InlinePanel("form_fields", label=_("Registration form fields")),
                FieldPanel("thank_you_text"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail to the organisers about each registration"),
            classname="collapsed",
        ),
        FormSubmissionsPanel(),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("lecturers"),
        index.FilterField("level"),
        index.FilterField("language"),
    ]

    parent_page_types = ["hubs.AcademyPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def clean(self) -> None:
        super().clean()
        if self.registration == self.Registration.EXTERNAL and not self.external_registration_url:
            raise ValidationError({"external_registration_url": _("Enter the address where people register.")})

    # --- dates -------------------------------------------------------------------------------

    def ordered_sessions(self) -> list[CourseSession]:
        return sorted(self.sessions.all(), key=lambda s: s.start)

    @property
    def next_session(self) -> CourseSession | None:
        now = timezone.now()
        return next((s for s in self.ordered_sessions() if s.end >= now), None)

    @property
    def is_past(self) -> bool:
        sessions = self.ordered_sessions()
        return bool(sessions) and max(s.end for s in sessions) < timezone.now()

    @property
    def is_free(self) -> bool:
        return not self.price

    # --- seats -------------------------------------------------------------------------------

    def registrations(self):
        """Registrations in every language version: the translations share one set of seats."""
        return CourseRegistration.objects.filter(page__translation_key=self.translation_key)

    def confirmed_count(self) -> int:
        return self.registrations().filter(status=CourseRegistration.Status.CONFIRMED).count()

    def waiting_count(self) -> int:
        return self.registrations().filter(status=CourseRegistration.Status.WAITING).count()

    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count(), 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.seats_left() == 0

    def waiting_list_open(self) -> bool:
        if self.waiting_list_size is None:
            return True
        return self.waiting_count() < self.waiting_list_size

    def accepts_registrations(self) -> bool:
        """Whether the form is offered: a form course, not over, with a seat or a waiting place."""
        if self.registration != self.Registration.FORM or self.is_past:
            return False
        return not self.is_full or self.waiting_list_open()

    # --- the form ----------------------------------------------------------------------------

    def get_submission_class(self):
        return CourseRegistration

    def get_data_fields(self):
        fields = super().get_data_fields()
        if not any(field.field_type == "email" for field in self.get_form_fields()):
            email = self.get_form_class().email_field_name  # the form asks for it when editors did not
            fields.append((email, _("E-mail")))
        return [*fields, ("status", _("Status"))]

    def process_form_submission(self, form) -> CourseRegistration:
        """Saves a valid registration with a seat or a waiting place, or raises ``CourseFullError``."""
        email = form.email()
        with transaction.atomic():
            # Lock the course (all its translations) so concurrent registrations count seats one at a time.
            list(Page.objects.select_for_update().filter(translation_key=self.translation_key).values_list("pk"))
            if self.is_full:
                if not self.waiting_list_open():
                    raise CourseFullError
                status = CourseRegistration.Status.WAITING
            else:
                status = CourseRegistration.Status.CONFIRMED
            registration = CourseRegistration.objects.create(
                form_data=form.cleaned_data,
                page=self,
                status=status,
                email=email,
            )
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception as error:  # the registration stands; the organisers see it in the admin
                logger.warning("Registration %s: the organisers' e-mail failed: %s", registration.pk, error)
        return registration

    def waiting_position(self, registration: CourseRegistration) -> int | None:
        """Where a waiting registration stands on the waiting list (1 is next), None for a seat."""
        if registration.status != CourseRegistration.Status.WAITING:
            return None
        return self.registrations().filter(status=CourseRegistration.Status.WAITING, id__lte=registration.id).count()

    @path("")
    def index_route(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """The course page itself: details, and the registration form while it is open.

        A valid form is counted against the rate limits (per client, per course in all its
        languages) and checked for the trap before anything is saved; either refusal says so on
        the page and keeps the answers, and saves and sends nothing.
        """
        if request.method != "POST":
            return self._render_form(request, self.get_form(page=self, user=request.user))
        if not self.accepts_registrations():
            return self._render_form(request, self.get_form(page=self, user=request.user), status=409)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if not form.is_valid():
            return self._render_form(request, form)
        if not ratelimit.allow_client_and_target(
            request,
            "academy",
            str(self.translation_key),
            per_target=settings.ACADEMY_RATE_PER_COURSE,
            per_client=settings.ACADEMY_RATE_PER_CLIENT,
        ):
            refusal = _("Too many registrations were sent in the last hour. Please try again later.")
            return self._render_form(request, form, status=429, refusal=refusal)
        if form.filled_by_bot():
            # Perhaps a browser's autofill: the person is told, and sends the form again without it.
            data = request.POST.copy()
            data.pop(form.trap_name, None)
            form = self.get_form(data, page=self, user=request.user)
            refusal = _("Your registration was not saved. Please check your answers and send the form again.")
            return self._render_form(request, form, status=400, refusal=refusal)
        try:
            registration = self.process_form_submission(form)
        except CourseFullError:
            return self._render_form(request, self.get_form(page=self, user=request.user), status=409)
        from hubs.mails import send_registration_confirmation

        sent = send_registration_confirmation(registration, request)
        return self.render_landing_page(request, registration, confirmation_sent=sent)

    def _render_form(self, request: HttpRequest, form, status: int = 200, refusal: str = "") -> HttpResponse:
        context = self.get_context(request)
        context["form"] = form
        context["refusal"] = refusal
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def render_landing_page(self, request: HttpRequest, form_submission=None, *args: Any, **kwargs: Any):
        context = self.get_context(request)
        context["registration"] = form_submission
        context["confirmation_sent"] = kwargs.get("confirmation_sent", False)
        if form_submission is not None:
            context["waiting_position"] = self.waiting_position(form_submission)
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    @path("ical/", name="ical")
    def sessions_ics(self, request: HttpRequest) -> HttpResponse:
        from hubs.ical import course_calendar

        response = HttpResponse(course_calendar(self, request), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    def get_json_ld(self, request: HttpRequest | None = None) -> dict[str, Any]:
        from django.conf import settings as conf

        organiser = {"@type": "Organization", "name": str(conf.KREATIV_ORGANISATION_NAME)}
        instances = []
        for session in self.ordered_sessions():
            instance: dict[str, Any] = {
                "@type": "CourseInstance",
                "startDate": session.start.isoformat(),
                "endDate": session.end.isoformat(),
                "courseMode": "online" if session.is_online else "onsite",
                "inLanguage": self.language,
            }
            if session.venue_hub_id:
                hub = session.venue_hub
                instance["location"] = {
                    "@type": "Place",
                    "name": hub.title,
                    "address": ", ".join(hub.address_lines()),
                }
            elif session.venue_address:
                instance["location"] = {"@type": "Place", "address": session.venue_address}
            elif session.online_url:
                instance["location"] = {"@type": "VirtualLocation", "url": session.online_url}
            instances.append(instance)
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Course",
            "name": self.title,
            "description": self.intro or self.title,
            "url": page_url(self, request),
            "provider": organiser,
            "inLanguage": self.language,
            "educationalLevel": self.get_level_display(),
            "offers": {
                "@type": "Offer",
                "category": "Free" if self.is_free else "Paid",
                "price": str(self.price or 0),
                "priceCurrency": self.currency,
            },
        }
        if instances:
            data["hasCourseInstance"] = instances
        return data


class CourseFullError(Exception):
    """Raised when the last seat and the last waiting place went while a form was being filled."""


class CourseSession(Orderable):
    """One meeting of a course: when, and where (a hub of ours, another address, or online)."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="sessions")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    venue_hub = models.ForeignKey(
        "hubs.HubPage",
        verbose_name=_("venue (one of our hubs)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="course_sessions",
    )
    venue_address = models.CharField(_("venue (other address)"), max_length=250, blank=True)
    online_url = models.URLField(_("online (meeting address)"), blank=True)
    note = models.CharField(_("note"), max_length=250, blank=True)

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        PageChooserPanel("venue_hub", "hubs.HubPage"),
        FieldPanel("venue_address"),
        FieldPanel("online_url"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def clean(self) -> None:
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("A session must end after it starts.")
        elif self.start and self.end and self.end - self.start > timedelta(days=14):
            errors["end"] = _("A session lasts at most two weeks; add several sessions instead.")
        if not (self.venue_hub_id or self.venue_address or self.online_url):
            errors["venue_address"] = _("Choose a hub, enter an address, or give the online meeting address.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not (self.venue_hub_id or self.venue_address)

    def venue_label(self) -> str:
        if self.venue_hub_id:
            hub = self.venue_hub.localized
            return ", ".join([hub.title, *hub.address_lines()])
        if self.venue_address:
            return self.venue_address
        return str(_("Online"))
