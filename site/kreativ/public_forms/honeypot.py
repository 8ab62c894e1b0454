"""The trap field of the public forms: hidden from people, filled in by bots.

A form that mixes in ``HoneypotForm`` gets a trap field, called ``website`` unless a form whose
fields editors name has a real field of that name (``trap_name_beside``); the form's
``trap_name`` says which. Templates render it with ``includes/honeypot_field.html``: visually
hidden, out of the tab order and away from assistive technology. Its value is taken out of
``cleaned_data`` (it is nobody's answer, so it is neither stored nor e-mailed); ``filled_by_bot``
tells whether it came back filled in.

Such a form was sent by a bot. A form whose answer tells nothing (an alert subscription: "check
your inbox") answers as if all went well and does nothing, so the bot learns nothing; a form whose
answer a person relies on (a seat on a course) says that nothing was saved, since a person whose
browser filled the field in would otherwise believe in a seat they do not have.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

FIELD_NAME = "website"
# Names for the trap when a real field is called ``website``: still words that bots fill in.
_OTHER_NAMES = ("homepage", "web_address", "url_address")


def trap_field() -> forms.CharField:
    """The trap itself: optional text that no person sees or reaches with the keyboard."""
    return forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))


def trap_name_beside(names: Iterable[str]) -> str:
    """A name for the trap that none of the form's real fields has."""
    taken = set(names)
    for name in (FIELD_NAME, *_OTHER_NAMES):
        if name not in taken:
            return name
    number = 2
    while f"{FIELD_NAME}_{number}" in taken:
        number += 1
    return f"{FIELD_NAME}_{number}"


class HoneypotForm(forms.Form):
    """Mix in first or last. A form built with the trap under another name sets ``trap_name`` and
    adds ``trap_field()`` under that name."""

    trap_name = FIELD_NAME
    website = trap_field()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self._filled_by_bot = bool(cleaned.pop(self.trap_name, ""))
        return cleaned

    def filled_by_bot(self) -> bool:
        """True when the trap field came back filled in (call after ``is_valid``)."""
        return getattr(self, "_filled_by_bot", False)
