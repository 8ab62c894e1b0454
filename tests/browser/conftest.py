"""Headless Chromium (Debian's, at /usr/bin/chromium) driven by Playwright against a live server.

The browser is the system's, installed by the project's scripts (`make test`), because Playwright's
own browser download needs the internet. Chromium's background networking is switched off: this
machine has no internet and would otherwise refuse its many connection attempts.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = os.environ.get("KREATIV_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

# Playwright's sync API runs an event loop in the test's thread; the ORM calls made by fixtures
# in the same thread are synchronous and safe, so Django's async guard is relaxed for these tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if not executable:
        pytest.fail(f"Chromium is not installed at {CHROMIUM}; run `make test`, which installs it.")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser) -> Iterator[Any]:
    context = browser.new_context(locale="cs-CZ", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.js_errors = errors
    yield tab
    context.close()
    _wait_for_the_live_servers_requests()


def _wait_for_the_live_servers_requests(timeout: float = 10.0) -> None:
    """Lets the live server finish the requests the closed tab left running (a last page's images,
    a form's background fetch). The test's database is flushed next: on SQLite's shared in-memory
    database a request still reading a table (an admin page's permissions) locks it, and the flush
    failed with "database table is locked" on a busy machine. Django's threaded server names each
    request's thread after ``process_request_thread``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(thread.name.endswith("(process_request_thread)") for thread in threading.enumerate()):
            return
        time.sleep(0.05)


def serious_violations(tab) -> list[str]:
    """axe-core's serious and critical accessibility violations on the open page, as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(", ".join(node["target"]) for node in violation["nodes"])
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


@pytest.fixture
def czech_home(base_data, live_server):
    """A Czech home page, the root of the default site, whose record says where the live server
    runs, as an installation's does: e-mails sent later link to the site's record."""
    from urllib.parse import urlsplit

    from wagtail.models import Page, Site

    from tests.factories import HomePageFactory

    home = HomePageFactory(parent=Page.get_first_root_node(), slug="domu")
    address = urlsplit(live_server.url)
    site = Site.objects.get(is_default_site=True)
    site.root_page, site.hostname, site.port = home, address.hostname, address.port
    site.save()
    return home


@pytest.fixture
def radar_of(czech_home):
    """Builds the funding finder under the home page with these crawled items, each approved."""
    from django.contrib.auth.models import Group, User

    from opportunities.intake import ingest
    from opportunities.models import FundingFinderPage, SourceRecord

    def build(items: list[dict[str, Any]]) -> Any:
        finder = FundingFinderPage(title="Radar dotací", slug="dotace")
        czech_home.add_child(instance=finder)
        moderator = User.objects.create_user("moderator", "m@example.com", "x")
        moderator.groups.add(Group.objects.get(name="Moderators"))
        for item in items:
            ingest.ingest_item("eu_ft", item)
            call = SourceRecord.objects.get(external_id=item["external_id"]).call
            call.current_workflow_task.on_action(call.current_workflow_task_state, moderator, "approve")
        return finder

    return build


@pytest.fixture
def finder_page(czech_home):
    """The funding finder under the Czech home page, with no call yet (unpublished calls are the tests' to add)."""
    from opportunities.models import FundingFinderPage

    finder = FundingFinderPage(title="Radar dotací", slug="dotace")
    czech_home.add_child(instance=finder)
    return finder
