"""The relay contact form: the visitor's name, address and message, and the trap for bots.

A domain may subclass it for its own words (the catalogue says who sees the address)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kreativ.public_forms.honeypot import HoneypotForm


class RelayForm(HoneypotForm):
    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your e-mail"), help_text=_("Only the people you write to see it, to answer you; nobody else does.")
    )
    message = forms.CharField(label=_("Your message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
