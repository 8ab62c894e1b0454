"""What the public catalogue's tests share: published profiles built directly (as the owners' and
moderators' flows would leave them) and each office's catalogue page."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from catalogue.models import ActorKind, CatalogueIndexPage, Profile, Service
from kreativ.models import Region, Sector
from tests.conftest import Offices, translate


def publish(name: str, kind: str = ActorKind.STUDIO, **fields: Any) -> Profile:
    """A published profile; ``sectors``, ``regions``, ``services`` (slugs) and ``hubs`` set its relations."""
    relations = {key: fields.pop(key) for key in ("sectors", "regions", "services", "hubs") if key in fields}
    if kind == ActorKind.FREELANCER and fields.pop("consent", True):
        fields.setdefault("consent_given_at", timezone.now())
        fields.setdefault("consent_version", "2026-1")
    profile = Profile.objects.create(name=name, kind=kind, live=False, **fields)
    models = {"sectors": Sector, "regions": Region, "services": Service}
    for key, values in relations.items():
        if key == "hubs":
            profile.hubs.set(values)
        else:
            getattr(profile, key).set(models[key].objects.filter(slug__in=values))
    profile.save_revision().publish()
    return Profile.objects.get(pk=profile.pk)


OLOMOUC = {"municipality": "Olomouc", "latitude": Decimal("49.593778"), "longitude": Decimal("17.250879")}
KRANJ = {"municipality": "Kranj", "country": "SI", "latitude": Decimal("46.239180"), "longitude": Decimal("14.355540")}


@dataclass
class Catalogues:
    """Each office's catalogue page: the Olomouc one in Czech (with English and Slovenian
    translations), the Gorenjska one in Slovenian (with an English one)."""

    olomouc: CatalogueIndexPage
    gorenjska: CatalogueIndexPage


@pytest.fixture
def catalogues(offices: Offices) -> Catalogues:
    olomouc = CatalogueIndexPage(title="Katalog kreativců", slug="katalog", intro="Najděte, s kým spolupracovat.")
    offices.olomouc.add_child(instance=olomouc)
    olomouc.save_revision().publish()
    translate(olomouc, "en", title="Catalogue of creatives", slug="catalogue")
    translate(olomouc, "sl", title="Katalog ustvarjalcev", slug="katalog")
    gorenjska = CatalogueIndexPage(title="Katalog ustvarjalcev", slug="katalog")
    offices.gorenjska.add_child(instance=gorenjska)
    gorenjska.save_revision().publish()
    translate(gorenjska, "en", title="Catalogue of creatives", slug="catalogue")
    return Catalogues(olomouc, gorenjska)
