"""Catalogue benchmark: 20,000 published profiles (invented); typical catalogue queries timed
in-process (p50/p95 of server time, the page cache off), facets plus text.

    python -m bench.catalogue.run [--profiles 20000] [--runs 30] [--keep]

Data lives in bench/results/catalogue-var/ (a separate SQLite database and search index); ``--keep``
reuses it on the next run instead of building it again.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.timing import percentiles, yardstick

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
VAR = RESULTS / "catalogue-var"
# What readers ask: the office's default listing, facets, flags, other regions, text in the three
# languages alone and with facets, another order and page, one place of the map.
QUERIES = [
    ("default (the office's region, by name)", ""),
    ("two sectors", "?sector=design&sector=music"),
    ("kind + two flags", "?kind=studio&kind=sme&flag=open_to_commissions&flag=voucher_provider"),
    ("every region + service + language", "?region=all&service=graphic-design&language=en"),
    ("a country (its regions within)", "?region=si"),
    ("text, Czech (`grafický design`)", "?q=grafick%C3%BD+design&region=all"),
    ("text, Slovenian, + sector (`glasbena produkcija`)", "?q=glasbena+produkcija&region=all&sector=music"),
    ("text, English, by relevance (`ceramics workshop`)", "?q=ceramics+workshop&region=all&sort=relevance"),
    ("text naming a sector (`hudba`) + region", "?q=hudba&region=gorenjska"),
    ("newest, page 3", "?region=all&sort=newest&page=3"),
    ("one place of the map", "?region=all&place=cz-prerov"),
]
REFINED = [
    (
        "`grafický design`, then a flag",
        "?q=grafick%C3%BD+design&region=all",
        "?q=grafick%C3%BD+design&region=all&flag=open_to_commissions",
    ),
]


def setup_django(fresh: bool) -> None:
    if fresh and VAR.exists():
        shutil.rmtree(VAR)
    VAR.mkdir(parents=True, exist_ok=True)
    os.environ["KREATIV_VAR_DIR"] = str(VAR)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build(profiles: int) -> dict[str, float]:
    from django.core.management import call_command
    from wagtail.models import Locale, Page, Site

    from bench.profiles import create_profiles
    from catalogue.models import CatalogueIndexPage, Profile
    from home.models import HomePage
    from kreativ.models import OfficeSettings, Region

    timings = {}
    call_command("migrate", verbosity=0)
    if CatalogueIndexPage.objects.exists() and Profile.objects.count() >= profiles:
        return timings
    root = Page.get_first_root_node()
    home = HomePage(title="Bench", slug="bench", locale=Locale.objects.get(language_code="cs"))
    root.add_child(instance=home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    office = OfficeSettings.for_site(site)
    office.region = Region.objects.get(slug="olomoucky-kraj")
    office.save()
    home.add_child(instance=CatalogueIndexPage(title="Katalog kreativců", slug="katalog"))
    started = time.perf_counter()
    create_profiles(profiles)
    timings["insert_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    timings["index_s"] = round(time.perf_counter() - started, 1)
    return timings


def measure_in_process(runs: int) -> dict:
    """Each query computed afresh (its text searched every time), then a refinement of a search."""
    from django.test import Client

    from catalogue.models import CatalogueIndexPage
    from catalogue.public import facet_index

    catalogue = CatalogueIndexPage.objects.get()
    client = Client()

    def sample(url: str, before: Callable[[], None]) -> float:
        before()
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, (url, response.status_code)
        return elapsed

    def forget() -> None:
        facet_index.current().forget_texts()

    per_query = {}
    everything = []
    for label, query in QUERIES:
        url = catalogue.url + query
        client.get(url)  # warm up
        samples = sorted(sample(url, forget) for _ in range(runs))
        per_query[label] = {"url": url, "results": _total(query)} | percentiles(samples)
        everything += samples
    refined = {}
    for label, first, then in REFINED:

        def search_first(first: str = first) -> None:
            forget()
            client.get(catalogue.url + first)

        samples = sorted(sample(catalogue.url + then, search_first) for _ in range(runs))
        refined[label] = {"url": catalogue.url + then} | percentiles(samples)
    return {**percentiles(sorted(everything)), "queries": per_query, "refined": refined}


def _total(query: str) -> int:
    from django.http import QueryDict

    from catalogue.public import facet_index
    from catalogue.public.search import Catalogue, CatalogueForm, taxonomy_choices

    index = facet_index.current()
    filters = CatalogueForm(QueryDict(query.lstrip("?")) or None, choices=taxonomy_choices(index)).filters()
    # The default listing is the office's region, as the page gives it.
    return Catalogue(filters, index=index, default_regions=["olomoucky-kraj"]).run().total


def measure_build() -> dict[str, float]:
    """How long the index of the public profiles takes to build (after a profile is published)."""
    from catalogue.public import facet_index

    samples = []
    for _ in range(5):
        started = time.perf_counter()
        facet_index.build(0)
        samples.append((time.perf_counter() - started) * 1000)
    return percentiles(sorted(samples))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profiles", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="reuse the data of the previous run")
    args = parser.parse_args()
    setup_django(fresh=not args.keep)
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "yardstick_s": yardstick(),
        "profiles": args.profiles,
        "build": build(args.profiles),
    }
    from django.conf import settings
    from django.core.cache import cache

    cache.clear()
    # Server time is the catalogue computing each answer: its page cache is off in-process.
    settings.LISTING_CACHE_SECONDS = 0
    # As a server process starts (kreativ.wsgi): start-up objects frozen, fewer full collections.
    from kreativ.wsgi import tune_garbage_collector

    tune_garbage_collector()
    report["in_process"] = measure_in_process(args.runs)
    report["index_build_ms"] = measure_build()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "catalogue.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
