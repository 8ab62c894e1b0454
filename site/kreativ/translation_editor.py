"""wagtail-localize's screens in real Czech and Slovenian.

wagtail-localize builds sentences by gluing a language's name to a fragment: its translation
editor's button is ``"Publish in " + name`` (Czech: "PublikovatSlovenščina"), its heading the
untranslatable ``"{source} to {target} translation"``, an image "Uses %s version" ("Používá
Čeština verzi"); several of its Czech and Slovenian strings are missing or say something else
("Locales": "Místní nastavení"). Czech and Slovenian decline a language's name, so no fragment
can be glued to it. Both fixes come from the project's one catalogue:

- the strings of its Python views and templates are listed in ``SERVER_STRINGS``, so that
  ``makemessages`` keeps them in our catalogue, which ``LOCALE_PATHS`` puts before its own;
- its editor is a JavaScript application with a catalogue of its own. ``editor_labels`` gives the
  template that wraps it (``kreativ/templates/wagtail_localize/admin/edit_translation.html``) our
  translation of each of its strings (under the context "translation editor", so that a word such
  as "Save" changes nowhere else) and the whole sentences that name a language, in the right case
  ("Publikovat ve slovinštině", "Překlad z češtiny do slovinštiny"); ``static/js/translation-editor.js``
  hands the strings to the editor and puts the sentences in place of the glued ones.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from wagtail.models import Locale

# What the views and templates of wagtail-localize say on the way to a translated page, in its own
# words (the msgids must stay exactly its own).
SERVER_STRINGS = (
    gettext_noop("Locales"),
    gettext_noop("{} locales"),
    gettext_noop("The page '{page_title}' was successfully submitted for translation into {locales}"),
    gettext_noop("Published '{object}' in {locale}."),
    gettext_noop("Published '{object}' in {locale} with missing translations - see below."),
    gettext_noop(
        "New validation errors were found when publishing '{object}' in {locale}. Please fix them or click "
        "publish again to ignore these translations for now."
    ),
    gettext_noop("Translation of %(instance)s into %(locale)s"),
    gettext_noop("Start Synced translation"),
    gettext_noop("Convert to alias page"),
)

# Every string of the editor's JavaScript (wagtail-localize 1.14), under the context "translation editor".
EDITOR_STRINGS = {
    "[DELETED]": pgettext_lazy("translation editor", "[DELETED]"),
    "Actions": pgettext_lazy("translation editor", "Actions"),
    "Applying editor lock": pgettext_lazy("translation editor", "Applying editor lock"),
    "Cancel": pgettext_lazy("translation editor", "Cancel"),
    "Change %s": pgettext_lazy("translation editor", "Change %s"),
    "Change document": pgettext_lazy("translation editor", "Change document"),
    "Change image": pgettext_lazy("translation editor", "Change image"),
    "Change page": pgettext_lazy("translation editor", "Change page"),
    "Changed": pgettext_lazy("translation editor", "Changed"),
    "Choose a %s": pgettext_lazy("translation editor", "Choose a %s"),
    "Choose a document": pgettext_lazy("translation editor", "Choose a document"),
    "Choose a page": pgettext_lazy("translation editor", "Choose a page"),
    "Choose an image": pgettext_lazy("translation editor", "Choose an image"),
    "Convert to alias page": pgettext_lazy("translation editor", "Convert to alias page"),
    "Delete": pgettext_lazy("translation editor", "Delete"),
    "Download PO file": pgettext_lazy("translation editor", "Download PO file"),
    "Download PO file and input translations offline": pgettext_lazy(
        "translation editor", "Download PO file and input translations offline"
    ),
    "Edit": pgettext_lazy("translation editor", "Edit"),
    "Edit this %s": pgettext_lazy("translation editor", "Edit this %s"),
    "Edit this document": pgettext_lazy("translation editor", "Edit this document"),
    "Edit this image": pgettext_lazy("translation editor", "Edit this image"),
    "Edit this page": pgettext_lazy("translation editor", "Edit this page"),
    "Fetching %s information...": pgettext_lazy("translation editor", "Fetching %s information..."),
    "Fetching document information...": pgettext_lazy("translation editor", "Fetching document information..."),
    "Fetching image information...": pgettext_lazy("translation editor", "Fetching image information..."),
    "Fetching page information...": pgettext_lazy("translation editor", "Fetching page information..."),
    "Lock": pgettext_lazy("translation editor", "Lock"),
    "Not translated": pgettext_lazy("translation editor", "Not translated"),
    "Preview": pgettext_lazy("translation editor", "Preview"),
    # Glued to the language's name; the whole sentence replaces it (see SENTENCES), this is the fallback.
    "Publish in ": pgettext_lazy("translation editor", "Publish in "),
    "Publishing...": pgettext_lazy("translation editor", "Publishing..."),
    "Removing editor lock": pgettext_lazy("translation editor", "Removing editor lock"),
    "Revert to %s version": pgettext_lazy("translation editor", "Revert to %s version"),
    "Save": pgettext_lazy("translation editor", "Save"),
    "Saving...": pgettext_lazy("translation editor", "Saving..."),
    "segments translated": pgettext_lazy("translation editor", "segments translated"),
    "Server error": pgettext_lazy("translation editor", "Server error"),
    "Stop Synced translation": pgettext_lazy("translation editor", "Stop Synced translation"),
    "Stopping Synced translation": pgettext_lazy("translation editor", "Stopping Synced translation"),
    "There are unsaved segments. Please save or cancel them before leaving.": pgettext_lazy(
        "translation editor", "There are unsaved segments. Please save or cancel them before leaving."
    ),
    "Translate": pgettext_lazy("translation editor", "Translate"),
    "Translate all missing strings with ": pgettext_lazy("translation editor", "Translate all missing strings with "),
    "Translate with ": pgettext_lazy("translation editor", "Translate with "),
    "Unlock": pgettext_lazy("translation editor", "Unlock"),
    "Unpublish": pgettext_lazy("translation editor", "Unpublish"),
    "Upload PO file": pgettext_lazy("translation editor", "Upload PO file"),
    "Upload translated PO file to submit translations": pgettext_lazy(
        "translation editor", "Upload translated PO file to submit translations"
    ),
    "Uses %s version": pgettext_lazy("translation editor", "Uses %s version"),
}

# The sentences that name a language, per content language, each in its grammatical case.
SENTENCES = {
    "cs": {
        "publish": gettext_noop("Publish in Czech"),
        "from": gettext_noop("from Czech"),
        "into": gettext_noop("into Czech"),
        "uses": gettext_noop("Uses the Czech version"),
        "revert": gettext_noop("Revert to the Czech version"),
    },
    "sl": {
        "publish": gettext_noop("Publish in Slovenian"),
        "from": gettext_noop("from Slovenian"),
        "into": gettext_noop("into Slovenian"),
        "uses": gettext_noop("Uses the Slovenian version"),
        "revert": gettext_noop("Revert to the Slovenian version"),
    },
    "en": {
        "publish": gettext_noop("Publish in English"),
        "from": gettext_noop("from English"),
        "into": gettext_noop("into English"),
        "uses": gettext_noop("Uses the English version"),
        "revert": gettext_noop("Revert to the English version"),
    },
}
HEADING = gettext_noop("Translation %(from_language)s %(into_language)s")


def editor_labels(source: Locale, target: Locale) -> dict[str, Any]:
    """What the translation editor from ``source`` into ``target`` should say, in the active language.

    ``catalog`` holds its strings; ``publish``, ``heading``, ``uses`` and ``revert`` the sentences
    that replace its glued ones (absent for a language ``SENTENCES`` does not know: the glued
    sentence then stays).
    """
    labels: dict[str, Any] = {"catalog": {msgid: str(text) for msgid, text in EDITOR_STRINGS.items()}}
    source_words = SENTENCES.get(source.language_code)
    target_words = SENTENCES.get(target.language_code)
    if source_words and target_words:
        labels["publish"] = gettext(target_words["publish"])
        labels["heading"] = gettext(HEADING) % {
            "from_language": gettext(source_words["from"]),
            "into_language": gettext(target_words["into"]),
        }
        labels["uses"] = gettext(source_words["uses"])
        labels["revert"] = gettext(source_words["revert"])
    return labels
