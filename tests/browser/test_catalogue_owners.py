"""The catalogue's owners in a real browser, as issue 15 asks them tried: a freelancer asks for a
link from the catalogue page, fills the profile on the owner's page and consents; a moderator
approves; an edit waits while the public keeps the approved text; another visitor writes through
the relay form without seeing an address; the owner exports and deletes. Every page checked with axe."""

from __future__ import annotations

import json

import pytest
from django.core import mail

from catalogue.models import ActorKind, Profile
from kreativ.models import Region, Sector
from tests.browser.conftest import serious_violations
from tests.catalogue.owners_support import (  # noqa: F401 (fresh_limits is a fixture)
    decide,
    fresh_limits,
    links_in,
    moderator,
    path_of,
)
from tests.conftest import t

pytestmark = pytest.mark.django_db(transaction=True)

OWNER = "jana.keramika@example.org"
VISITOR = "petr.navstevnik@example.org"
NAME = "Jana Hrnčířová"


@pytest.fixture
def catalogue(czech_home):
    from catalogue.models import CatalogueIndexPage

    page = CatalogueIndexPage(title="Katalog kreativců", slug="katalog", intro="Najděte, s kým spolupracovat.")
    czech_home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _main_text(tab) -> str:
    return tab.locator("main").inner_text()


def _submit(tab, button: str) -> None:
    """Sends the form by its button and waits for the answer: the page it was on may already hold
    what the next step waits for (a heading, a section)."""
    with tab.expect_navigation():
        tab.get_by_role("button", name=t(button)).click()


def _ask_for_a_link(tab, base: str, email: str, intent: str = "create") -> str:
    tab.check(f"input[name=intent][value={intent}]")
    tab.fill("input[name=email]", email)
    if intent == "create":
        tab.fill("input[name=name]", NAME)
        tab.select_option("select[name=kind]", ActorKind.FREELANCER)
    tab.get_by_role("button", name=t("Send me the link")).click()
    tab.locator("h1", has_text=t("Check your inbox")).wait_for()
    assert serious_violations(tab) == []
    text = _main_text(tab)
    tab.goto(f"{base}/cs/catalogue/join/")
    return text.replace(email, "ADDRESS")


def test_a_freelancer_keeps_a_profile_that_visitors_reach_without_an_address(live_server, browser, page, catalogue):
    base = live_server.url
    design, region = Sector.objects.get(slug="design"), Region.objects.filter(level=Region.Level.REGION).first()

    # 1. From the catalogue page to the join form; the answer does not tell whether an address is known.
    page.goto(f"{base}{catalogue.url}")
    page.get_by_role("link", name=t("Add your profile, or update yours")).click()
    page.wait_for_selector("input[name=email]")
    assert serious_violations(page) == []
    created = _ask_for_a_link(page, base, OWNER)
    assert created == _ask_for_a_link(page, base, "nobody@example.org", intent="sign_in")
    assert not Profile.objects.filter(name=NAME).exists()  # nothing stored before the link is used
    (message,) = [sent for sent in mail.outbox if sent.to == [OWNER]]

    # 2. The link opens the owner's page; consent, then the profile filled and sent for review.
    (link,) = links_in(message)
    page.goto(base + path_of(link))
    assert serious_violations(page) == []
    page.get_by_role("button", name=t("Create the profile")).click()
    page.wait_for_selector("#state-heading")
    profile = Profile.objects.get(name=NAME)
    assert serious_violations(page) == []
    page.get_by_role("button", name=t("I agree to publication")).click()
    page.wait_for_selector("button[name=withdraw]")
    page.fill("textarea[name=profile-short_cs], input[name=profile-short_cs]", "Ručně točená keramika.")
    page.check(f"input[name=profile-sectors][value='{design.pk}']")
    page.check(f"input[name=profile-regions][value='{region.pk}']")
    page.fill("input[name=profile-municipality]", "Přerov")
    _submit(page, "Save and send for review")
    waiting = t(
        "Your latest changes wait for a moderator. Until they are approved, the public sees the version "
        "approved before (if any)."
    )
    assert waiting in _main_text(page)
    assert serious_violations(page) == []
    owner_page = page.url

    # 3. A moderator approves: the profile is listed, counted in its kind's facet, and its page opens.
    reviewer = moderator()
    decide(profile, user=reviewer)
    page.goto(f"{base}{catalogue.url}")
    assert page.locator(".card--profile .card__title").all_inner_texts() == [NAME]
    assert page.locator(f"label[for=f-kind-{ActorKind.FREELANCER}] .facet__count").inner_text() == "(1)"
    page.get_by_role("link", name=NAME).click()
    page.locator("h1", has_text=NAME).wait_for()
    assert page.locator("h1").inner_text() == NAME
    assert "Ručně točená keramika." in _main_text(page)
    assert serious_violations(page) == []
    profile_page = page.url

    # 4. An edit waits for approval; until then the public sees the approved text.
    page.goto(owner_page)
    page.fill("textarea[name=profile-short_cs], input[name=profile-short_cs]", "Keramika a ilustrace.")
    _submit(page, "Save and send for review")
    assert waiting in _main_text(page)
    page.goto(profile_page)
    assert "Ručně točená keramika." in _main_text(page) and "Keramika a ilustrace." not in _main_text(page)
    decide(Profile.objects.get(pk=profile.pk), user=reviewer)
    page.reload()
    assert "Keramika a ilustrace." in _main_text(page)

    # 5. Another visitor writes through the relay form; the owner's address is nowhere in the page.
    context = browser.new_context(locale="cs-CZ", viewport={"width": 1280, "height": 900})
    visitor = context.new_page()
    try:
        assert visitor.goto(profile_page).status == 200
        assert OWNER not in visitor.content() and "jana.keramika" not in visitor.content()
        mail.outbox.clear()
        form = visitor.locator(".contact-form form")
        form.locator("input[name=name]").fill("Petr")
        form.locator("input[name=email]").fill(VISITOR)
        form.locator("textarea[name=message]").fill("Dobrý den, uděláte nám hrnky?")
        assert serious_violations(visitor) == []
        with visitor.expect_navigation():
            form.get_by_role("button", name=t("Send the message")).click()
        assert visitor.locator("h1").inner_text() == t("Your message is sent")
        assert OWNER not in visitor.content() and "jana.keramika" not in visitor.content()
        assert serious_violations(visitor) == []
        (relayed,) = mail.outbox
        assert relayed.to == [OWNER] and relayed.reply_to == [VISITOR]
        assert "uděláte nám hrnky" in relayed.body
    finally:
        context.close()

    # 6. The owner downloads everything held, then deletes the profile: gone from public view.
    page.goto(owner_page)
    with page.expect_download() as download:
        page.get_by_role("link", name=t("Download everything we hold about the profile and its members (JSON)")).click()
    with open(download.value.path(), encoding="utf-8") as exported:
        data = json.load(exported)
    assert data["profile"]["name"] == NAME and data["members"][0]["email"] == OWNER
    page.get_by_role("link", name=t("Delete the profile")).click()
    page.locator("h1", has_text=t("Delete the profile?")).wait_for()
    assert serious_violations(page) == []
    _submit(page, "Delete it for good")
    assert page.locator("h1").inner_text() == t("The profile is deleted")
    assert serious_violations(page) == []
    assert not Profile.objects.filter(pk=profile.pk).exists()
    assert page.goto(profile_page).status == 404
    page.goto(f"{base}{catalogue.url}")
    assert page.locator(".card--profile").count() == 0
    assert NAME not in page.content()
    assert page.js_errors == []
