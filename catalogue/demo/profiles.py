"""The demo's profiles: an office's invented CCI actors, from ``<office>/profiles.yaml``.

A profile is written as its fields (``kind``, ``registry_number``, ``sectors``, ``regions``,
``services`` by their slugs, the flags, ``municipality`` with its coordinates), the file's
``defaults`` (the office's country and region) filling what it leaves out, and its texts under
each language it has (``cs``, ``sl``, ``en``: ``short`` and ``description``, a blank line between
paragraphs). ``hubs`` names the demo's hubs it is based at by their slugs, ``portfolio`` the
captions of its generated pictures, ``links`` its portfolio links, ``owner`` the (example.com)
address of the member who keeps it. A freelancer's consent is recorded with the file's
``consent_version``.

Each profile is found by its ``slug``: one that exists already is left as it is (an editor's or
an owner's changes are kept), so loading the demo again adds only what is missing. A new one is
validated as the admin would (registry numbers with their check digits), saved and published by
the demo's moderator.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from catalogue.imports.values import paragraphs
from catalogue.models import ActorKind, Profile, ProfileImage, ProfileLink, ProfileMember
from hubs.models import HubPage
from kreativ.demo_data import DemoDataError, field_values, read, split_languages
from kreativ.demo_loaders import Office
from kreativ.demo_tools import demo_image, demo_moderator

TEXTS = {"short": "short_{language}", "description": "description_{language}"}
OWN_KEYS = ("slug", "hubs", "portfolio", "links", "owner")


def load_profiles(office: Office, path: Path) -> None:
    data = read(path) or {}
    if not isinstance(data, Mapping):
        raise DemoDataError(f"{path}: expected defaults, consent_version and profiles")
    defaults = data.get("defaults") or {}
    consent_version = str(data.get("consent_version") or "")
    moderator = demo_moderator()
    for number, spec in enumerate(data.get("profiles") or []):
        where = f"{path}, profiles[{number}]"
        if not isinstance(spec, Mapping):
            raise DemoDataError(f"{where}: expected a profile's fields, found {spec!r}")
        ensure_profile({**defaults, **spec}, where, office, moderator, consent_version)


def ensure_profile(
    spec: Mapping[str, Any], where: str, office: Office, moderator, consent_version: str
) -> tuple[Profile, bool]:
    """The profile of this spec: the existing one (left as it is) or a new one, published."""
    slug = spec.get("slug")
    if not slug:
        raise DemoDataError(f"{where}: a profile needs a slug")
    existing = Profile.objects.filter(slug=slug).first()
    if existing is not None:
        return existing, False
    shared, texts = split_languages(spec, where)
    own = {key: shared.pop(key, None) for key in OWN_KEYS}
    fields = dict(shared)
    for language, values in texts.items():
        unknown = set(values) - set(TEXTS)
        if unknown:
            raise DemoDataError(
                f"{where}, {language}: unknown text(s) {', '.join(sorted(unknown))} (short, description)"
            )
        for key, field in TEXTS.items():
            if values.get(key):
                text = values[key] if key == "short" else paragraphs(values[key])
                fields[field.format(language=language)] = text
    values = field_values(Profile, fields, where)
    profile = Profile(slug=slug, live=False, imported_from="demo")
    for name, value in values.items():
        if name.startswith("m2m:"):
            getattr(profile, name[4:]).set(value)
        else:
            setattr(profile, name, value)
    profile.hubs.set(_hubs(own["hubs"] or [], office, where))
    profile.portfolio_images = [
        ProfileImage(image=demo_image(f"{profile.name}: {caption}", f"{slug}-{n}"), caption=caption)
        for n, caption in enumerate(own["portfolio"] or [])
    ]
    profile.portfolio_links = [ProfileLink(url=link["url"], title=link.get("title", "")) for link in own["links"] or []]
    if profile.kind == ActorKind.FREELANCER:
        profile.consent_given_at, profile.consent_version = timezone.now(), consent_version
        profile.open_data_consent = bool(spec.get("open_data_consent", False))
    try:
        profile.full_clean(exclude=["sectors", "regions", "services", "hubs", "slug"])
    except ValidationError as error:
        raise DemoDataError(f"{where}: {error.message_dict}") from error
    profile.save()
    # The demo's moderator stands for the moderators' group, whose right to publish profiles comes
    # with the profiles' moderation.
    profile.save_revision(user=moderator).publish(user=moderator, skip_permission_checks=True)
    if own["owner"]:
        ProfileMember.objects.create(profile=profile, email=own["owner"], role=ProfileMember.Role.OWNER)
    return profile, True


def _hubs(slugs: list[str], office: Office, where: str) -> list[HubPage]:
    found = []
    for slug in slugs:
        hubs = HubPage.objects.live().filter(slug=slug)
        hub = hubs.filter(locale__language_code=office.language).first() or hubs.first()
        if hub is None:
            raise DemoDataError(f"{where}: no hub {slug!r} (see hubs/demo/{office.key}/hubs.yaml)")
        found.append(hub)
    return found
