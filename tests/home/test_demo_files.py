"""The demo's data files parse, and every sector, region, hub and page they refer to exists.

A communications officer corrects these files by hand; a misspelt slug must fail here, in the
suite, not in front of someone trying the demo.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kreativ.demo_data import read

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(ROOT.glob("*/demo/**/*.yaml"))
OFFICES = read(ROOT / "home" / "demo" / "offices.yaml")


def test_every_app_with_demo_content_has_its_files():
    names = {path.relative_to(ROOT).as_posix() for path in FILES}
    for office in OFFICES:
        assert {
            f"home/demo/{office}/pages.yaml",
            f"news/demo/{office}/news.yaml",
            f"hubs/demo/{office}/hubs.yaml",
            f"hubs/demo/{office}/academy.yaml",
            f"opportunities/demo/{office}/finder.yaml",
            f"catalogue/demo/{office}/catalogue.yaml",
            f"exchange/demo/{office}/listings.yaml",
        } <= names


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_each_file_parses(path):
    assert read(path)


def values_under(data: Any, key: str) -> Iterator[Any]:
    """Every value under ``key`` at any depth of the data (not in a source's ``fields``: selectors)."""
    if isinstance(data, dict):
        for name, value in data.items():
            if name == "fields":
                continue
            if name == key:
                yield from value if isinstance(value, list) else [value]
            else:
                yield from values_under(value, key)
    elif isinstance(data, list):
        for item in data:
            yield from values_under(item, key)


@pytest.mark.django_db
def test_every_sector_and_region_named_exists():
    from kreativ.models import Region, Sector

    sectors = set(Sector.objects.values_list("slug", flat=True))
    regions = set(Region.objects.values_list("code", flat=True)) | set(Region.objects.values_list("slug", flat=True))
    named_sectors, named_regions = set(), set()
    for path in FILES:
        data = read(path)
        named_sectors |= set(values_under(data, "sectors")) | set(values_under(data, "add_sectors"))
        named_regions |= set(values_under(data, "region")) | set(values_under(data, "regions"))
    assert named_sectors and named_regions
    assert named_sectors <= sectors, f"unknown sectors: {sorted(named_sectors - sectors)}"
    assert named_regions <= regions, f"unknown regions: {sorted(named_regions - regions)}"


@pytest.mark.parametrize("office", list(OFFICES))
def test_every_page_and_hub_an_office_refers_to_is_in_its_data(office):
    spec = OFFICES[office]
    hubs = read(ROOT / "hubs" / "demo" / office / "hubs.yaml")
    academy = read(ROOT / "hubs" / "demo" / office / "academy.yaml")
    sections = {
        read(ROOT / "news" / "demo" / office / "news.yaml")["index"]["slug"],
        hubs["index"]["slug"],
        academy["academy"]["slug"],
        read(ROOT / "opportunities" / "demo" / office / "finder.yaml")["finder"]["slug"],
        read(ROOT / "catalogue" / "demo" / office / "catalogue.yaml")["catalogue"]["slug"],
        *(page["slug"] for page in read(ROOT / "home" / "demo" / office / "pages.yaml")["pages"]),
    }
    hub_slugs = [hub["slug"] for hub in hubs["hubs"]]
    assert len(set(hub_slugs)) == len(hub_slugs), "two hubs with one slug"
    assert set(spec["menu"]) <= sections
    assert set(spec["footer"]["links"]) <= sections
    assert set(spec["featured_hubs"]) <= set(hub_slugs)
    assert set(values_under(academy["courses"], "hub")) <= set(hub_slugs)
    language = spec["language"]
    for page in [*hubs["hubs"], *academy["courses"]]:
        assert page[language]["title"], page["slug"]
