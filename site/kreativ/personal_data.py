"""Personal data, done once for every app that holds some: consent with its text's version, the
export a person downloads (their right of access), erasure that reaches everything Wagtail keeps
beside a row, and the cut-off of a retention period.

- Consent texts are data: a YAML file per app (``catalogue/data/consent.yaml``), each kind of
  consent a list of versions, newest last, each in Czech, Slovenian and English. A consent is
  recorded as the moment and the version of the text agreed to (``record_consent``); the version
  names the words a person saw, even after the text has changed.
- ``json_download``: an export as a JSON file (the alerts' address, a profile and its members).
- ``erase``: deleting a row is not enough where Wagtail keeps copies: revisions (every old version
  of a snippet), workflow and task states (a moderator's comment), log entries (each keeps the
  object's label, its name), the reference index and the search index. ``erase`` removes those,
  then the rows.
- ``retention_cutoff``: the moment before which records of a kind are anonymised; the schedules
  that apply it are each app's (django-q2).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.http import HttpResponse
from django.utils import timezone, translation

TEXT_LANGUAGES = ("cs", "sl", "en")


@dataclass(frozen=True)
class ConsentText:
    """One version of the words a person agrees to, in the site's three languages."""

    kind: str
    version: str
    texts: dict[str, str]

    def text(self, language: str | None = None) -> str:
        """The text in ``language`` (default: the active one), else English."""
        language = (language or translation.get_language() or "en").split("-")[0]
        return self.texts.get(language) or self.texts["en"]


class ConsentTexts:
    """The consent texts of an app, read from its YAML file: ``{kind: [{version, cs, sl, en}, ...]}``."""

    def __init__(self, path: Path) -> None:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        self.versions: dict[str, list[ConsentText]] = {}
        for kind, entries in data.items():
            if not entries:
                raise ValueError(f"{path}: {kind!r} has no version")
            texts = []
            for number, entry in enumerate(entries, start=1):
                missing = [key for key in ("version", *TEXT_LANGUAGES) if not str(entry.get(key, "")).strip()]
                if missing:
                    raise ValueError(f"{path}: {kind!r}, version {number}: missing {', '.join(missing)}")
                texts.append(
                    ConsentText(
                        kind, str(entry["version"]), {code: str(entry[code]).strip() for code in TEXT_LANGUAGES}
                    )
                )
            if len({text.version for text in texts}) != len(texts):
                raise ValueError(f"{path}: {kind!r} names a version twice")
            self.versions[kind] = texts

    def current(self, kind: str) -> ConsentText:
        return self.versions[kind][-1]

    def version(self, kind: str, version: str) -> ConsentText | None:
        return next((text for text in self.versions[kind] if text.version == version), None)


def record_consent(
    obj: models.Model, fields: tuple[str, str], text: ConsentText | None, now: dt.datetime | None = None
) -> None:
    """Sets the consent held in ``fields`` (moment, version) of ``obj`` and saves those two fields:
    given to ``text`` now, or withdrawn (``text`` None: both emptied)."""
    moment_field, version_field = fields
    setattr(obj, moment_field, (now or timezone.now()) if text is not None else None)
    setattr(obj, version_field, text.version if text is not None else "")
    type(obj)._default_manager.filter(pk=obj.pk).update(
        **{moment_field: getattr(obj, moment_field), version_field: getattr(obj, version_field)}
    )


def json_download(data: Any, filename: str) -> HttpResponse:
    """``data`` as a JSON file to download (readable: indented, letters as they are)."""
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _traces(obj: models.Model) -> list[models.QuerySet]:
    """What Wagtail keeps about ``obj`` outside its row, in the order it can be deleted."""
    from wagtail.models import ModelLogEntry, ReferenceIndex, Revision, WorkflowState

    concrete = ContentType.objects.get_for_model(obj)
    specific = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    object_id = str(obj.pk)
    found = [
        ModelLogEntry.objects.filter(content_type__in={concrete, specific}, object_id=object_id),
        # Task states go with their workflow state (a moderator's comment among them).
        WorkflowState.objects.filter(base_content_type=concrete, object_id=object_id),
        Revision.objects.filter(base_content_type=concrete, object_id=object_id),
        ReferenceIndex.objects.filter(base_content_type=concrete, object_id=object_id),
    ]
    try:
        from wagtail.admin.models import EditingSession
    except ImportError:  # pragma: no cover - Wagtail without editing sessions
        return found
    return [*found, EditingSession.objects.filter(content_type__in={concrete, specific}, object_id=object_id)]


def erase(objects: Iterable[models.Model]) -> int:
    """Deletes ``objects`` (rows of any model, or a queryset) with their revisions, workflow and
    task states, log entries, reference index and search index entries; returns how many."""
    from wagtail.search import index

    count = 0
    with transaction.atomic():
        for obj in list(objects):
            if isinstance(obj, index.Indexed):
                index.remove_object(obj)
            for traces in _traces(obj):
                traces.delete()
            obj.delete()
            count += 1
    return count


def retention_cutoff(months: int, now: dt.datetime | None = None) -> dt.datetime:
    """The moment ``months`` months (of 30.44 days) before ``now``: older records are anonymised."""
    return (now or timezone.now()) - dt.timedelta(days=round(months * 30.44))
