"""Factories that build the portal's pages in a line (wagtail-factories on factory-boy)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from home.models import HomePage, StandardPage
from hubs.models import (
    AcademyPage,
    CourseFormField,
    CoursePage,
    CourseSession,
    Equipment,
    HubIndexPage,
    HubPage,
    OpeningHours,
)
from news.models import NewsArticlePage, NewsIndexPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Kreativní region"
    hero_title = "Zázemí pro kreativní lidi"
    intro = "Dílny, kurzy a dotace pro kulturní a kreativní odvětví."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Stránka {n}")
    intro = "Úvod stránky."

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuality"

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Článek {n}")
    intro = "Perex článku."
    author = "Tereza Vlčková"
    date = dt.date(2026, 10, 1)

    class Meta:
        model = NewsArticlePage


class HubIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kreativní místa"

    class Meta:
        model = HubIndexPage


class HubPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kreativní centrum {n}")
    intro = "Sdílené ateliéry a coworking."
    kind = "creative_hub"
    street_address = "Horní náměstí 5"
    postal_code = "779 00"
    city = "Olomouc"
    latitude = Decimal("49.593800")
    longitude = Decimal("17.250900")
    email = "info@hub.example"

    class Meta:
        model = HubPage


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    weekday = 0
    opens = dt.time(9)
    closes = dt.time(17)

    class Meta:
        model = OpeningHours


class EquipmentFactory(factory.django.DjangoModelFactory):
    name = "3D tiskárna"
    quantity = 2
    training = "induction"
    booking = "rezervační kalendář"

    class Meta:
        model = Equipment


class AcademyPageFactory(wagtail_factories.PageFactory):
    title = "Kreativní akademie"

    class Meta:
        model = AcademyPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kurz {n}")
    intro = "Praktický kurz pro tvůrce."
    level = "beginner"
    language = "cs"
    capacity = 2
    waiting_list_size = 1

    class Meta:
        model = CoursePage


class CourseSessionFactory(factory.django.DjangoModelFactory):
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=10))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=3))
    venue_address = "Horní náměstí 5, Olomouc"

    class Meta:
        model = CourseSession


def add_registration_fields(course: CoursePage) -> None:
    """The two questions every demo course asks: a name and an e-mail address."""
    CourseFormField.objects.create(page=course, label="Jméno", field_type="singleline", required=True, sort_order=0)
    CourseFormField.objects.create(page=course, label="E-mail", field_type="email", required=True, sort_order=1)
