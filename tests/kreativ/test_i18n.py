"""Every interface string is translated into Czech and Slovenian, and the site serves them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

CATALOGUE = Path(settings.PROJECT_DIR) / "locale"
LANGUAGES = ["cs", "sl"]


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory) -> dict[str, polib.POFile]:
    """The committed catalogues merged with every string the code and templates use today."""
    target = tmp_path_factory.mktemp("locale")
    for language in LANGUAGES:
        (target / language / "LC_MESSAGES").mkdir(parents=True)
        shutil.copy(CATALOGUE / language / "LC_MESSAGES" / "django.po", target / language / "LC_MESSAGES")
    ignore = [".venv", "var", "tests", "bench", "docs", "*/static/*", "*/locale", "node_modules", "build"]
    with override_settings(LOCALE_PATHS=[target]):
        import os

        cwd = os.getcwd()
        os.chdir(settings.BASE_DIR)
        try:
            call_command("makemessages", locale=LANGUAGES, ignore_patterns=ignore, no_obsolete=True, verbosity=0)
        finally:
            os.chdir(cwd)
    return {language: polib.pofile(str(target / language / "LC_MESSAGES" / "django.po")) for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(fresh_catalogues, language):
    catalogue = fresh_catalogues[language]
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert missing == [], f"untranslated in {language} (run `make makemessages` and translate): {missing}"
    assert fuzzy == [], f"fuzzy in {language}: {fuzzy}"
    assert len(catalogue.translated_entries()) > 100


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_are_complete(fresh_catalogues, language):
    for entry in fresh_catalogues[language]:
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_catalogues_compile(tmp_path, language):
    """``make messages`` compiles them with msgfmt, which refuses what polib reads without complaint
    (a previous ``msgid_plural`` comment without its ``msgid``, a broken placeholder)."""
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt is missing: `make messages` installs gettext"
    source = CATALOGUE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "django.mo"), str(source)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "expected"), [("cs", "Přeskočit na obsah"), ("sl", "Preskoči na vsebino")])
def test_pages_speak_the_readers_language(client, home, language, expected):
    from django.utils import translation

    with translation.override(language):
        assert translation.gettext("Skip to content") == expected
    html = client.get(f"/{language}/").content.decode()
    assert expected in html
