"""The foundation's personal data: consent texts as versioned data, consent recorded with its
version, the JSON export, and erasure that takes Wagtail's log entries along."""

from __future__ import annotations

import json

import pytest
from django.utils import translation
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from kreativ.personal_data import ConsentTexts, erase, json_download, record_consent

TEXTS = """
publication:
  - {version: "1", cs: "Souhlasím.", sl: "Soglašam.", en: "I agree."}
  - {version: "2", cs: "Souhlasím znovu.", sl: "Znova soglašam.", en: "I agree again."}
"""


def test_the_current_consent_text_is_the_newest_version_in_the_readers_language(tmp_path):
    path = tmp_path / "consent.yaml"
    path.write_text(TEXTS, encoding="utf-8")
    texts = ConsentTexts(path)
    assert texts.current("publication").version == "2"
    with translation.override("sl"):
        assert texts.current("publication").text() == "Znova soglašam."
    assert texts.version("publication", "1").text("cs") == "Souhlasím."
    assert texts.version("publication", "9") is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('publication:\n  - {version: "1", cs: "A", sl: "B"}\n', "missing en"),
        ("publication: []\n", "has no version"),
        ('p:\n  - {version: "1", cs: A, sl: B, en: C}\n  - {version: "1", cs: A, sl: B, en: C}\n', "version twice"),
    ],
)
def test_a_consent_file_with_a_gap_is_refused_with_what_is_missing(tmp_path, content, message):
    path = tmp_path / "consent.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        ConsentTexts(path)


@pytest.mark.django_db
def test_consent_is_recorded_with_its_version(tmp_path):
    from opportunities.models import Subscription  # any model with a moment and a text field will do

    path = tmp_path / "consent.yaml"
    path.write_text(TEXTS, encoding="utf-8")
    text = ConsentTexts(path).current("publication")
    alert = Subscription.objects.create(email="ana@example.com")
    record_consent(alert, ("confirmed_at", "keywords"), text)
    stored = Subscription.objects.get(pk=alert.pk)
    assert stored.keywords == "2" and stored.confirmed_at == alert.confirmed_at
    # Withdrawing empties both (tests/catalogue/test_consent.py, on a profile whose moment may be empty).


def test_an_export_is_a_json_file_to_download():
    response = json_download({"name": "Žofie"}, "mine.json")
    assert response["Content-Disposition"] == 'attachment; filename="mine.json"'
    assert json.loads(response.content) == {"name": "Žofie"}
    assert "Žofie" in response.content.decode()  # letters as they are, not \\u escapes


@pytest.mark.django_db
def test_erasure_takes_the_log_entries_that_keep_the_objects_label():
    from opportunities.models import Subscription

    alert = Subscription.objects.create(email="ana@example.com")
    other = Subscription.objects.create(email="bob@example.com")
    log(alert, "wagtail.edit")
    log(other, "wagtail.edit")
    assert erase(Subscription.objects.filter(email="ana@example.com")) == 1
    assert list(Subscription.objects.all()) == [other]
    assert not ModelLogEntry.objects.filter(label__contains="ana@example.com").exists()
    assert ModelLogEntry.objects.filter(label__contains="bob@example.com").exists()
