"""A Creative Europe cooperation call's page in a real browser: the catalogue's actors open to
partnering in its sectors, the office's region first, accessible (axe)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.browser.conftest import serious_violations
from tests.catalogue.builders import published_profile
from tests.conftest import t
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_consortium_calls_page_lists_partners(live_server, page, radar_of):
    from wagtail.models import Site

    from kreativ.models import OfficeSettings, Region

    office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
    office.region = Region.objects.get(slug="olomoucky-kraj")
    office.save()
    finder = radar_of(
        [
            make_item(
                "CREA-CULT-2027-COOP",
                title="European cooperation projects",
                deadlines=[timezone.now() + dt.timedelta(days=40)],
            )
        ]
    )
    published_profile(
        name="Zavod Kres",
        country="SI",
        seeks_partners=True,
        sectors=["performing-arts"],
        regions=["gorenjska"],
        municipality="Kranj",
        short_cs="Nezávislý institut pro současný tanec.",
    )
    published_profile(
        name="Hudební spolek Nová vlna",
        seeks_partners=True,
        sectors=["music"],
        regions=["olomoucky-kraj"],
        municipality="Olomouc",
        short_cs="Spolek pro soudobou hudbu.",
    )
    published_profile(name="Studio bez partnerů", seeks_partners=False, sectors=["music"], regions=["olomoucky-kraj"])

    page.goto(f"{live_server.url}{finder.url}")
    page.locator(".card--call .card__title a").first.click()
    page.wait_for_selector("h1")
    section = page.get_by_role("region", name=t("Partners for this call"))
    assert section.is_visible()
    names = section.locator(".call-partners__item > :first-child").all_inner_texts()
    assert names == ["Hudební spolek Nová vlna", "Zavod Kres"]
    assert "Spolek pro soudobou hudbu." in section.inner_text()
    assert "Studio bez partnerů" not in page.content()
    assert serious_violations(page) == []
    assert page.js_errors == []
