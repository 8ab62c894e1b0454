"""``load_demo`` builds a believable region, and running it again changes nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from home.models import HomePage
from hubs.models import CoursePage, HubPage
from news.models import NewsArticlePage
from opportunities.models import FundingCall, FundingFinderPage

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    from wagtail.models import Page, Revision

    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "calls": FundingCall.objects.count(),
        "live calls": FundingCall.objects.filter(live=True).count(),
    }


@pytest.fixture
def demo(db):
    """The demo loaded twice (with a smaller share of the EU snapshot, to keep the suite quick)."""
    call_command("load_demo", "--no-index", "--calls", "60", verbosity=0)
    first = counts()
    call_command("load_demo", "--no-index", "--calls", "60", verbosity=0)
    return first, counts()


def test_demo(demo):
    first, second = demo
    assert first == second, "a second run must not add or change anything"
    check_region()
    check_calls()


def check_region():
    homes = HomePage.objects.values_list("locale__language_code", flat=True)
    assert set(homes) == {"cs", "en", "sl"}
    czech_hubs = HubPage.objects.filter(locale__language_code="cs")
    assert czech_hubs.count() >= 8
    fablabs = czech_hubs.filter(kind="fablab").annotate(machines=Count("equipment"))
    assert fablabs.count() >= 3 and all(lab.machines > 0 for lab in fablabs)
    assert HubPage.objects.filter(locale__language_code="en").count() == czech_hubs.count()
    courses = CoursePage.objects.filter(locale__language_code="cs")
    assert courses.count() >= 6
    now = timezone.now()
    assert any(course.is_past for course in courses)
    assert any(course.is_full and course.sessions.filter(end__gte=now).exists() for course in courses)
    assert NewsArticlePage.objects.filter(locale__language_code="cs").count() >= 3
    assert NewsArticlePage.objects.filter(locale__language_code="en").count() >= 3
    assert FundingFinderPage.objects.count() == 3


def check_calls():
    assert FundingCall.objects.filter(records__source__slug="eu_ft").count() == 60
    live = FundingCall.objects.filter(live=True).count()
    assert 0 < live < FundingCall.objects.count()
    assert any(call.current_workflow_state for call in FundingCall.objects.filter(live=False))
    assert FundingCall.objects.filter(call_identifier__startswith="CREA").exists()
    assert FundingCall.objects.filter(records__source__slug="cz_mkcr").exists()
