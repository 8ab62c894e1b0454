"""How ``load_demo`` finds each app's demo content, and what it hands every app's loader.

An app with demo content has a package ``<app>.demo`` beside its models: YAML files, and a small
loader with ``load(run)``. An app whose pages others build on also has ``prepare(run)`` (the home
page app makes each office's home pages there); ``add_arguments(parser)`` adds options of its own
to the command (``--calls``). ``load_demo`` calls every ``prepare``, then every ``load``, each in
the order of ``INSTALLED_APPS`` (the foundation, the domains, the home page), so no app is named in
code: the top app prepares the home pages the domains hang their sections under, and, loading last,
links the menu and the footer to sections that exist by then.

The demo region is made of offices (``Office``): each a site with a home page in every language.
An app keeps what it adds to an office in a folder named after the office
(``hubs/demo/olomoucko/hubs.yaml``), so another office is more data, not more code.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from django.apps import apps
from wagtail.models import Page

from kreativ.demo_data import DemoDataError
from kreativ.demo_tools import demo_image

STEPS = ("prepare", "load")


@dataclass
class Office:
    """A regional office of the demo: a site and its home page in each language."""

    key: str  # the name of its folder in each app's demo package
    language: str  # the language its editors write in; the others are translations
    homes: dict[str, Page] = field(default_factory=dict)
    illustrations: str = "{title}"  # the title of a page's generated picture, e.g. "Ilustrace: {title}"

    @property
    def home(self) -> Page:
        return self.homes[self.language]

    def data_file(self, package_file: str, name: str) -> Path | None:
        """The office's file ``name`` in the demo package whose ``__file__`` is given, if there is one."""
        path = Path(package_file).parent / self.key / name
        return path if path.exists() else None

    def illustration(self, spec: Mapping[str, Any], where: str):
        """A page's listing picture, generated once: titled after the page's title in the office's
        language, its shapes chosen by the page's slug (see ``demo_tools.demo_image``)."""
        texts = spec.get(self.language) if isinstance(spec, Mapping) else None
        if not isinstance(texts, Mapping) or not texts.get("title") or not spec.get("slug"):
            raise DemoDataError(f"{where}: a page needs a slug and a title in {self.language!r}")
        return demo_image(self.illustrations.format(title=texts["title"]), spec["slug"])


@dataclass
class DemoRun:
    """What every app's loader is handed: the command's options and the offices made so far."""

    options: dict[str, Any]
    offices: list[Office] = field(default_factory=list)


def demo_packages() -> list[ModuleType]:
    """The installed apps' demo packages (those with a ``load``), in the order of ``INSTALLED_APPS``."""
    found = []
    for app in apps.get_app_configs():
        name = f"{app.name}.demo"
        if importlib.util.find_spec(name) is None:
            continue
        module = importlib.import_module(name)
        if callable(getattr(module, "load", None)):
            found.append(module)
    return found


def run_steps(run: DemoRun, packages: list[ModuleType]) -> None:
    """Every package's ``prepare``, then every package's ``load``."""
    for step in STEPS:
        for package in packages:
            function = getattr(package, step, None)
            if function is not None:
                function(run)
