"""Catalogue benchmark: 20,000 published profiles (invented); typical catalogue queries timed
in-process (p50/p95 of server time, the page cache off), facets plus text.

    python -m bench.catalogue.run [--profiles 20000] [--runs 30] [--keep]

Data lives in bench/results/catalogue-var/ (a separate SQLite database and search index); ``--keep``
reuses it on the next run instead of building it again.
"""

from __future__ import annotations

import argparse
import json
import time

from bench.listing import as_a_server, report_head, time_queries
from bench.own_data import RESULTS, office_home, setup_django
from bench.timing import percentiles

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


def build(profiles: int) -> dict[str, float]:
    from django.core.management import call_command

    from bench.profiles import create_profiles
    from catalogue.models import CatalogueIndexPage, Profile
    from kreativ.models import OfficeSettings, Region

    timings = {}
    call_command("migrate", verbosity=0)
    if CatalogueIndexPage.objects.exists() and Profile.objects.count() >= profiles:
        return timings
    home, site = office_home()
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
    from catalogue.models import CatalogueIndexPage
    from catalogue.public import facet_index

    base = CatalogueIndexPage.objects.get().url
    return time_queries(
        [(label, base + query) for label, query in QUERIES],
        [(label, base + first, base + then) for label, first, then in REFINED],
        runs,
        forget=lambda: facet_index.current().forget_texts(),
        total=_total,
    )


def measure_phrases_forgotten(runs: int) -> dict:
    """The text queries again, with where the vocabulary's phrases hold forgotten too (the search
    remembers that per index segment): the first reader naming a phrase after the index changed."""
    from catalogue.models import CatalogueIndexPage
    from catalogue.public import facet_index
    from kreativ.search import scoring

    def forget() -> None:
        facet_index.current().forget_texts()
        scoring.forget_phrases()

    base = CatalogueIndexPage.objects.get().url
    texts = [(label, base + query) for label, query in QUERIES if "q=" in query]
    return time_queries(texts, [], runs, forget=forget, total=_total)


def _total(query: str) -> int:
    """How many profiles a query string finds (the query timed, in numbers)."""
    from django.http import QueryDict

    from catalogue.public import facet_index
    from catalogue.public.search import Catalogue, CatalogueForm, taxonomy_choices

    index = facet_index.current()
    filters = CatalogueForm(QueryDict(query) or None, choices=taxonomy_choices(index)).filters()
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
    setup_django(VAR, fresh=not args.keep)
    report = report_head(profiles=args.profiles)
    report["build"] = build(args.profiles)
    as_a_server()
    report["in_process"] = measure_in_process(args.runs)
    report["in_process_phrases_forgotten"] = measure_phrases_forgotten(args.runs)
    report["index_build_ms"] = measure_build()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "catalogue.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
