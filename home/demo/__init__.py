"""Demo content of the top floor: each office's site and home page, its standard pages, menu and footer.

The content is data beside this file: ``offices.yaml`` (each regional office: its home page in
every language, its menu, footer and featured hubs) and ``<office>/pages.yaml`` (its standard
pages, such as "O nás"). ``prepare`` makes the offices' home pages, which every other app's demo
hangs its sections under; ``load``, which runs last (``home`` is the last of our apps in
``INSTALLED_APPS``), adds the standard pages and links the menu, the footer and the featured hubs to
the sections the other apps made. Nothing that exists is changed (``kreativ.demo_tools``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage
from hubs.models import HubPage
from kreativ.demo_data import DemoDataError, languages, read
from kreativ.demo_loaders import DemoRun, Office
from kreativ.demo_tools import demo_image, ensure_translated_page, locale
from kreativ.models import FooterSettings, NavigationSettings

OFFICES = Path(__file__).with_name("offices.yaml")
FOOTER_FIELDS = (
    "organisation",
    "address",
    "email",
    "phone",
    "facebook_url",
    "instagram_url",
    "linkedin_url",
    "youtube_url",
)


def prepare(run: DemoRun) -> None:
    """Each office's home page in every language (the first run also makes it the default site)."""
    for key, spec in _offices().items():
        where = f"{OFFICES}, {key}"
        office = Office(key=key, language=spec.get("language", ""), illustrations=spec.get("illustrations", "{title}"))
        if office.language not in languages():
            raise DemoDataError(f"{where}: language {office.language!r} is not one of the site's languages")
        if not spec.get("default_site"):
            # Issue 14 adds a site per office; until then the demo has one, the default site.
            raise DemoDataError(f"{where}: only the office of the default site (default_site: true) can be loaded yet")
        home = _home(office, spec.get("home"), f"{where}, home")
        _make_default_site(home)
        office.homes = {office.language: home}
        for language in languages():
            translation = home.get_translation_or_none(locale(language))
            if translation is not None and language != office.language:
                office.homes[language] = translation.specific
        run.offices.append(office)


def load(run: DemoRun) -> None:
    """Each office's standard pages, then its menu, footer and featured hubs."""
    offices = _offices()
    for office in run.offices:
        spec = offices[office.key]
        where = f"{OFFICES}, {office.key}"
        pages = office.data_file(__file__, "pages.yaml")
        if pages is not None:
            for number, page in enumerate((read(pages) or {}).get("pages") or []):
                ensure_translated_page(office.home, StandardPage, page, f"{pages}, pages[{number}]")
        _menu(office, spec.get("menu") or [])
        _footer(office, spec.get("footer") or {}, f"{where}, footer")
        _featured_hubs(office, spec.get("featured_hubs") or [], f"{where}, featured_hubs")


def _offices() -> dict[str, Any]:
    offices = read(OFFICES)
    if not isinstance(offices, Mapping) or not offices:
        raise DemoDataError(f"{OFFICES}: expected one entry per office, found {offices!r}")
    return dict(offices)


def _home(office: Office, spec: Any, where: str) -> HomePage:
    """The office's home page under the tree's root, with its translations."""
    if not isinstance(spec, Mapping) or not spec.get("slug"):
        raise DemoDataError(f"{where}: expected the home page's slug and texts")
    spec = dict(spec)
    image = spec.pop("image", None)
    existing = _existing_home(office, spec["slug"])
    if existing is not None:
        spec["slug"] = existing.slug  # an editor may have changed it: only missing translations are added
    elif image is not None:
        if not isinstance(image, Mapping) or not {"title", "seed"} <= set(image):
            raise DemoDataError(f"{where}, image: expected {{title: …, seed: …}}, found {image!r}")
        spec["listing_image"] = demo_image(image["title"], image["seed"])
    home, _ = ensure_translated_page(Page.get_first_root_node(), HomePage, spec, where, language=office.language)
    return home


def _existing_home(office: Office, slug: str) -> HomePage | None:
    """The office's home page made by an earlier run: by its slug, else the default site's root."""
    found = HomePage.objects.filter(locale__language_code=office.language, slug=slug).first()
    if found is None:
        site = Site.objects.filter(is_default_site=True).first()
        root = site.root_page.specific if site is not None else None
        if isinstance(root, HomePage) and root.locale.language_code == office.language:
            found = root
    return found


def _make_default_site(home: HomePage) -> None:
    """The default site shows ``home``; Wagtail's placeholder page goes once nothing points at it."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = str(settings.WAGTAIL_SITE_NAME)
        # Full URLs (canonical, sitemap, feeds) point where the demo is served.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = base.hostname or site.hostname
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.save()
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()


def _menu(office: Office, slugs: list[str]) -> None:
    """The main menu: the home page's sections, by slug, in the order given (once, while it is empty).

    A section that does not exist (its app is not installed) is left out.
    """
    navigation = NavigationSettings.for_site(_site_of(office))
    if navigation.main_links.exists():
        return
    sections = {page.slug: page for page in office.home.get_children().live()}
    navigation.main_links.set([navigation.main_links.model(page=sections[slug]) for slug in slugs if slug in sections])
    navigation.save()


def _footer(office: Office, spec: Mapping[str, Any], where: str) -> None:
    """The footer's organisation, contacts and links (once, while it names no organisation)."""
    footer = FooterSettings.for_site(_site_of(office))
    if footer.organisation:
        return
    unknown = set(spec) - {*FOOTER_FIELDS, "links"}
    if unknown:
        raise DemoDataError(
            f"{where}: unknown field(s) {', '.join(sorted(unknown))} (known: {', '.join(FOOTER_FIELDS)}, links)"
        )
    for name in FOOTER_FIELDS:
        if name in spec:
            setattr(footer, name, spec[name])
    sections = {page.slug: page for page in office.home.get_children()}
    links = [sections[slug] for slug in spec.get("links") or [] if slug in sections]
    if links:
        footer.footer_links.set([footer.footer_links.model(page=page) for page in links])
    footer.save()


def _featured_hubs(office: Office, slugs: list[str], where: str) -> None:
    """The hubs the home page shows first, in every language (once, while it features none)."""
    home = office.home
    if not slugs or home.featured_hubs.exists():
        return
    hubs = {hub.slug: hub for hub in HubPage.objects.descendant_of(home).filter(slug__in=slugs)}
    missing = [slug for slug in slugs if slug not in hubs]
    if missing:
        raise DemoDataError(f"{where}: no hub with the slug(s) {', '.join(missing)} under {home.title!r}")
    featured = [hubs[slug] for slug in slugs]
    for page in [home, *(office.homes[language] for language in office.homes if language != office.language)]:
        if not page.featured_hubs.exists():
            page.featured_hubs.set([page.featured_hubs.model(hub=hub) for hub in featured])
            page.save_revision().publish()


def _site_of(office: Office) -> Site:
    return Site.objects.get(root_page=office.home)
