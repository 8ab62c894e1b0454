"""Demo content of the top floor: each office's site and home page, its standard pages, menu and footer.

The content is data beside this file: ``offices.yaml`` (each regional office: its site's host name,
region and name, its home page in every language, its menu, footer and featured hubs) and
``<office>/pages.yaml`` (its standard pages, such as "O nás"). ``prepare`` makes each office's site
and home pages, which every other app's demo hangs its sections under; ``load``, which runs last
(``home`` is the last of our apps in ``INSTALLED_APPS``), adds the standard pages and links the
menu, the footer and the featured hubs to the sections the other apps made. Nothing that exists is
changed (``kreativ.demo_tools``), with one exception asked for by name: ``--address`` moves the
demo's sites to where the demo is served (``make demo HOST=… PORT=…``), so that the links of
e-mails sent later, with no request to take an address from, lead there.
"""

from __future__ import annotations

import argparse
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
from kreativ.models import FooterSettings, NavigationSettings, OfficeSettings, Region

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


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--address",
        type=_address,
        help=(
            "Where the demo is served, e.g. http://127.0.0.1:8001: the default office's site takes this "
            "host and port, every other office's site its own host name (offices.yaml) on this port. "
            "Without it, existing sites keep their address and new ones take WAGTAILADMIN_BASE_URL's."
        ),
    )


def prepare(run: DemoRun) -> None:
    """Each office's site and its home page in every language."""
    address = run.options.get("address")
    for key, spec in _offices().items():
        where = f"{OFFICES}, {key}"
        office = Office(key=key, language=spec.get("language", ""), illustrations=spec.get("illustrations", "{title}"))
        if office.language not in languages():
            raise DemoDataError(f"{where}: language {office.language!r} is not one of the site's languages")
        default = bool(spec.get("default_site"))
        if not default and not spec.get("hostname"):
            raise DemoDataError(f"{where}: an office other than the default site's needs its hostname")
        home = _home(office, spec.get("home"), f"{where}, home", default)
        site = _make_default_site(home, spec) if default else _make_site(home, spec, where)
        if address is not None:
            _move(site, address, default)
        _region(site, spec.get("region"), f"{where}, region")
        office.homes = {office.language: home}
        for language in languages():
            translation = home.get_translation_or_none(locale(language))
            if translation is not None and language != office.language:
                office.homes[language] = translation.specific
        _count_children(office.homes.values())
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


def _home(office: Office, spec: Any, where: str, default: bool) -> HomePage:
    """The office's home page under the tree's root, with its translations."""
    if not isinstance(spec, Mapping) or not spec.get("slug"):
        raise DemoDataError(f"{where}: expected the home page's slug and texts")
    spec = dict(spec)
    image = spec.pop("image", None)
    existing = _existing_home(office, spec["slug"], default)
    if existing is not None:
        spec["slug"] = existing.slug  # an editor may have changed it: only missing translations are added
    elif image is not None:
        if not isinstance(image, Mapping) or not {"title", "seed"} <= set(image):
            raise DemoDataError(f"{where}, image: expected {{title: …, seed: …}}, found {image!r}")
        spec["listing_image"] = demo_image(image["title"], image["seed"])
    home, _ = ensure_translated_page(Page.get_first_root_node(), HomePage, spec, where, language=office.language)
    return home


def _existing_home(office: Office, slug: str, default: bool) -> HomePage | None:
    """The office's home page made by an earlier run: by its slug, else (the default office's)
    the default site's root."""
    found = HomePage.objects.filter(locale__language_code=office.language, slug=slug).first()
    if found is None and default:
        site = Site.objects.filter(is_default_site=True).first()
        root = site.root_page.specific if site is not None else None
        if isinstance(root, HomePage) and root.locale.language_code == office.language:
            found = root
    return found


def _make_default_site(home: HomePage, spec: Mapping[str, Any]) -> Site:
    """The default site shows ``home``; Wagtail's placeholder page goes once nothing points at it."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = str(spec.get("site_name") or settings.WAGTAIL_SITE_NAME)
        # Full URLs (e-mails, without --address) point where the demo is served by default.
        site.hostname = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or site.hostname
        site.port = _base_port()
        site.save()
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()
    return site


def _make_site(home: HomePage, spec: Mapping[str, Any], where: str) -> Site:
    """Another office's site: its own host name (on WAGTAILADMIN_BASE_URL's port), made once."""
    site = Site.objects.filter(root_page=home).first()
    if site is not None:
        return site
    hostname, port = str(spec["hostname"]).lower(), _base_port()
    taken = Site.objects.filter(hostname=hostname, port=port).first()
    if taken is not None:
        raise DemoDataError(f"{where}, hostname: {hostname}:{port} is the site of {taken.root_page.title!r} already")
    return Site.objects.create(
        hostname=hostname,
        port=port,
        root_page=home,
        site_name=str(spec.get("site_name") or home.title),
        is_default_site=False,
    )


def _base_port() -> int:
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return base.port or (443 if base.scheme == "https" else 80)


def _address(value: str) -> tuple[str, int]:
    """``http://HOST:PORT`` as the host name and port readers use (0.0.0.0 listens everywhere: the
    machine's own readers reach it as localhost)."""
    parts = urlsplit(value if "//" in value else f"http://{value}")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise argparse.ArgumentTypeError(f"{value!r} is not an address such as http://127.0.0.1:8000")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{value!r} has no valid port") from error
    hostname = "localhost" if parts.hostname in {"0.0.0.0", "::"} else parts.hostname
    return hostname, port


def _move(site: Site, address: tuple[str, int], default: bool) -> None:
    """The site where the demo is served: the default site on its host and port, another office's
    on its own host name and the served port. Saved only when it changes (a run stays idempotent)."""
    hostname, port = address
    wanted = {"port": port, **({"hostname": hostname} if default else {})}
    if any(getattr(site, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()


def _count_children(homes) -> None:
    """Puts right the child count of home pages that earlier versions of this loader left at zero
    (their sections then answered 404), and changes nothing where it is right."""
    for home in homes:
        count = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
        if home.numchild != count:
            Page.objects.filter(pk=home.pk).update(numchild=count)
            home.numchild = count


def _region(site: Site, code: Any, where: str) -> None:
    """The office's region (by slug or code), once, while the site has none."""
    if not code:
        return
    office = OfficeSettings.for_site(site)
    if office.region_id is not None:
        return
    region = Region.objects.filter(slug=code).first() or Region.objects.filter(code=code).first()
    if region is None:
        raise DemoDataError(f"{where}: no region with the slug or code {code!r}")
    office.region = region
    office.save()


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
    # Read afresh: the homes were read before the other apps added their sections, and publishing a
    # stale copy would write back its child count from then (zero), hiding every section.
    for page in HomePage.objects.filter(pk__in=[page.pk for page in office.homes.values()]):
        if not page.featured_hubs.exists():
            page.featured_hubs.set([page.featured_hubs.model(hub=hub) for hub in featured])
            page.save_revision().publish()


def _site_of(office: Office) -> Site:
    return Site.objects.get(root_page=office.home)
