"""One funding radar, several offices: each site shows the calls for its region and the wider scopes.

A call is moderated once; the Olomouc site's finder starts from Olomoucký kraj (and so Czechia and
the EU), the Gorenjska site's from Gorenjska (Slovenia, the EU). A reader can still widen or change
the filter. Alerts start from the site's region and remember their site, whose address every link
of their e-mails is on.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from kreativ.models import OfficeSettings, Region
from opportunities.alerts.digests import send_alerts
from opportunities.models import FundingFinderPage, Subscription
from tests.conftest import GORENJSKA_HOST, translate
from tests.opportunities.conftest import make_item

pytestmark = pytest.mark.django_db

CALLS = {
    "for-gorenjska": ("Kreativni boni Gorenjska", ["SI042"]),
    "for-slovenia": ("Javni razpis za kulturne projekte", ["SI"]),
    "for-olomouc": ("Kreativní vouchery Olomouckého kraje", ["CZ071"]),
    "for-czechia": ("Program podpory kultury", ["CZ"]),
    "for-the-eu": ("Creative Europe cooperation projects", ["EU"]),
    "for-prague": ("Pražské granty", ["CZ010"]),
}


@pytest.fixture
def radar(offices, publish):
    """Each office's finder page (and the Gorenjska one in English too), and a call for each scope."""
    finders = {}
    for name, home, slug, title in (
        ("olomouc", offices.olomouc, "dotace", "Dotace"),
        ("gorenjska", offices.gorenjska, "razpisi", "Razpisi"),
    ):
        page = FundingFinderPage(title=title, slug=slug)
        home.add_child(instance=page)
        page.save_revision().publish()
        finders[name] = page
    finders["gorenjska-en"] = translate(finders["gorenjska"], "en", title="Funding", slug="funding")
    calls = {
        key: publish(make_item(key, title=title, regions=regions, deadlines=[timezone.now() + dt.timedelta(days=days)]))
        for days, (key, (title, regions)) in enumerate(CALLS.items(), start=10)
    }
    return finders, calls


def titles(response) -> set[str]:
    return {call.title for call in response.context["result"].page.object_list}


def test_each_sites_finder_starts_from_its_region_and_the_wider_scopes(client, radar):
    gorenjska = client.get("/sl/razpisi/", HTTP_HOST=GORENJSKA_HOST)
    assert titles(gorenjska) == {
        "Kreativni boni Gorenjska",
        "Javni razpis za kulturne projekte",
        "Creative Europe cooperation projects",
    }
    html = gorenjska.content.decode()
    assert "Razpisi za Gorenjska in širše enote (državo, EU)." in html
    assert '<input type="checkbox" name="region" value="gorenjska" id="f-region-gorenjska" checked>' in html
    olomouc = client.get("/cs/dotace/")
    assert titles(olomouc) == {
        "Kreativní vouchery Olomouckého kraje",
        "Program podpory kultury",
        "Creative Europe cooperation projects",
    }
    # The same call, moderated once, is on both sites.
    assert "Creative Europe cooperation projects" in titles(client.get("/en/funding/", HTTP_HOST=GORENJSKA_HOST))


def test_a_regions_count_is_what_ticking_it_shows(client, radar):
    """The ticked default region counts its calls and those of its wider scopes, as the results do
    (it said "Olomoucký kraj (1)" above three results)."""
    olomouc = client.get("/cs/dotace/")
    region = {option.value: option for option in _facet(olomouc, "region").options}
    assert region["olomoucky-kraj"].selected and region["olomoucky-kraj"].count == olomouc.context["result"].total == 3
    assert region["cz"].count == 2 and region["eu"].count == 1  # Czechia: its call and the EU's
    everywhere = client.get("/cs/dotace/", {"region": "all"})
    region = {option.value: option for option in _facet(everywhere, "region").options}
    assert region["praha"].count == 3 and region["gorenjska"].count == 3 and region["eu"].count == 1
    # A region no call names is still not offered, however many wider calls would serve it.
    assert "karlovarsky-kraj" not in region


def _facet(response, name: str):
    return next(facet for facet in response.context["result"].facets if facet.name == name)


def test_a_reader_can_widen_or_change_the_region(client, radar):
    everywhere = client.get("/sl/razpisi/", {"region": "all"}, HTTP_HOST=GORENJSKA_HOST)
    assert titles(everywhere) == {title for title, _regions in CALLS.values()}
    assert "širše enote" not in everywhere.content.decode()  # no default region to speak of
    # The form sends region=all with what is ticked: ticking Czechia on the Gorenjska site.
    czech = client.get("/sl/razpisi/", {"region": ["all", "cz"]}, HTTP_HOST=GORENJSKA_HOST)
    assert titles(czech) == {"Program podpory kultury", "Creative Europe cooperation projects"}
    # A link that names a region, from anywhere, is that region.
    assert titles(client.get("/cs/dotace/", {"region": "praha"})) == {
        "Pražské granty",
        "Program podpory kultury",
        "Creative Europe cooperation projects",
    }
    # The note's link leads to every region, keeping the other filters.
    html = client.get("/sl/razpisi/", {"q": "kultur"}, HTTP_HOST=GORENJSKA_HOST).content.decode()
    assert re.search(r'<a href="\?q=kultur&amp;region=all">', html)


def test_the_finders_feeds_start_from_the_sites_region_too(client, radar):
    rss = client.get("/sl/razpisi/feed/rss/", HTTP_HOST=GORENJSKA_HOST).content.decode()
    assert "Kreativni boni Gorenjska" in rss and "Program podpory kultury" not in rss
    # The feed's links are on the address the reader used.
    assert (
        "http://gorenjska.localhost:8001/sl/razpisi/calls/"
        in client.get("/sl/razpisi/feed/rss/", HTTP_HOST=f"{GORENJSKA_HOST}:8001").content.decode()
    )
    ical = client.get("/sl/razpisi/feed/ical/", {"region": "all"}, HTTP_HOST=GORENJSKA_HOST).content.decode()
    assert "Program podpory kultury" in ical


def test_a_cached_finder_view_is_one_sites(client, radar, settings):
    finders, _calls = radar
    translate(finders["olomouc"], "sl", title="Razpisi", slug="razpisi")  # the same path on both sites
    settings.FINDER_CACHE_SECONDS = 60
    cache.clear()
    try:
        olomouc = titles(client.get("/sl/razpisi/"))
        assert "Program podpory kultury" in olomouc and "Kreativni boni Gorenjska" not in olomouc
        gorenjska = client.get("/sl/razpisi/", HTTP_HOST=GORENJSKA_HOST)
        assert gorenjska.context is not None, "answered from the other site's cached view"
        assert "Kreativni boni Gorenjska" in titles(gorenjska)
        again = client.get("/sl/razpisi/", HTTP_HOST=GORENJSKA_HOST)
        assert again.context is None and again.content == gorenjska.content  # now cached, for this site
        # An administrator gives the office another region: the cached view goes at once.
        office = OfficeSettings.for_site(Site.objects.get(hostname=GORENJSKA_HOST))
        office.region = Region.objects.get(slug="cz")
        office.save()
        moved = client.get("/sl/razpisi/", HTTP_HOST=GORENJSKA_HOST)
        assert moved.context is not None and "Program podpory kultury" in titles(moved)
    finally:
        cache.clear()


def test_each_home_page_lists_the_next_deadlines_for_its_region(client, radar):
    gorenjska = client.get("/sl/", HTTP_HOST=GORENJSKA_HOST).content.decode()
    assert "Kreativni boni Gorenjska" in gorenjska and "Creative Europe cooperation projects" in gorenjska
    assert "Kreativní vouchery Olomouckého kraje" not in gorenjska
    assert '<a href="/sl/razpisi/calls/' in gorenjska  # its own finder, on the address read
    olomouc = client.get("/cs/").content.decode()
    assert "Kreativní vouchery Olomouckého kraje" in olomouc and "Kreativni boni Gorenjska" not in olomouc


def test_the_alert_form_starts_from_the_sites_region(client, radar):
    form = client.get("/sl/alerts/", HTTP_HOST=GORENJSKA_HOST).context["form"]
    assert [region.slug for region in form.initial["regions"]] == ["gorenjska"]
    everywhere = client.get("/sl/alerts/", {"region": "all"}, HTTP_HOST=GORENJSKA_HOST).context["form"]
    assert list(everywhere.initial["regions"]) == []
    # From the finder: its default region is the alert's too (the finder links without a region).
    html = client.get("/sl/razpisi/", HTTP_HOST=GORENJSKA_HOST).content.decode()
    assert 'href="/sl/alerts/"' in html


def test_an_alert_made_on_the_gorenjska_site_links_to_it_in_every_email(client, radar, offices):
    response = client.post(
        "/sl/alerts/",
        {"email": "drustvo@example.si", "frequency": "daily", "language": "sl", "regions": ["gorenjska"]},
        HTTP_HOST=f"{GORENJSKA_HOST}:8001",
    )
    assert response.status_code == 200
    [confirmation] = mail.outbox
    assert confirmation.subject.startswith("Kreativ Gorenjska: ")
    confirm = next(link for link in re.findall(r"https?://[^\s<>\"]+", confirmation.body) if "/confirm/" in link)
    assert confirm.startswith("http://gorenjska.localhost:8001/alerts/confirm/")
    client.post(confirm.split(":8001", 1)[1], HTTP_HOST=f"{GORENJSKA_HOST}:8001")
    subscription = Subscription.objects.get(email="drustvo@example.si")
    assert subscription.site == offices.gorenjska_site
    welcome = mail.outbox[1]
    assert welcome.subject.startswith("Kreativ Gorenjska: ")
    # The welcome is sent at once, the digests later by the task queue: both from the site's record.
    offices.gorenjska_site.port = 8001
    offices.gorenjska_site.save()
    Subscription.objects.filter(pk=subscription.pk).update(new_calls_since=timezone.now() - dt.timedelta(days=1))
    mail.outbox.clear()
    send_alerts("daily")
    [digest] = mail.outbox
    assert digest.subject.startswith("Kreativ Gorenjska: ")
    links = re.findall(r"https?://[^\s<>\"]+", digest.body)
    assert links and all(link.startswith("http://gorenjska.localhost:8001/") for link in links), links
    assert "http://gorenjska.localhost:8001/sl/razpisi/calls/" in digest.body  # the office's own finder
    assert digest.extra_headers["List-Unsubscribe"].startswith("<http://gorenjska.localhost:8001/alerts/")
    assert "Kreativni boni Gorenjska" in digest.body and "Program podpory kultury" not in digest.body
    # The alert's private feed links to the office's finder too.
    feed = next(link for link in links if "/feed/" in link or "/rss/" in link)
    rss = client.get(feed.split(":8001", 1)[1]).content.decode()
    assert "<link>http://gorenjska.localhost:8001/sl/razpisi/calls/" in rss


def test_two_offices_alerts_in_one_run_each_link_to_their_own_site(radar, offices):
    earlier = timezone.now() - dt.timedelta(days=1)
    for email, site in (("jana@example.cz", offices.olomouc_site), ("ana@example.si", offices.gorenjska_site)):
        Subscription.objects.create(email=email, site=site, language="en", frequency="daily", new_calls_since=earlier)
    send_alerts("daily")
    by_address = {message.to[0]: message for message in mail.outbox}
    olomouc, gorenjska = by_address["jana@example.cz"], by_address["ana@example.si"]
    assert olomouc.subject.startswith("Kreativ: ") and gorenjska.subject.startswith("Kreativ Gorenjska: ")
    for message, address in ((olomouc, "http://testserver/"), (gorenjska, "http://gorenjska.localhost/")):
        links = re.findall(r"https?://[^\s<>\"]+", message.body)
        assert links and all(link.startswith(address) for link in links), links
    # Each in its office's finder: Gorenjska's in English; Olomouc has no English finder, so its own.
    assert "http://gorenjska.localhost/en/funding/calls/" in gorenjska.body
    assert "http://testserver/cs/dotace/calls/" in olomouc.body
