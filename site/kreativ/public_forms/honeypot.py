"""The trap field of the public forms: hidden from people, filled in by bots.

A form that mixes in ``HoneypotForm`` gets a ``website`` field; templates render it visually
hidden, out of the tab order and away from assistive technology (see
``opportunities/templates/opportunities/alerts/_form_fields.html``). A form that comes back with
it filled in was sent by a bot: the view answers as if all went well and does nothing, so the bot
learns nothing.
"""

from __future__ import annotations

from django import forms

FIELD_NAME = "website"


class HoneypotForm(forms.Form):
    """Mix in first or last; the trap field is called ``website`` on every form."""

    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    def filled_by_bot(self) -> bool:
        """True when the trap field came back filled in (call after ``is_valid``)."""
        return bool(self.cleaned_data.get(FIELD_NAME))
