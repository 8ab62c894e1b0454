"""The relay contact form of a profile: the foundation's (``kreativ.relay``), saying who sees the
visitor's address."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kreativ.relay.forms import RelayForm


class ContactForm(RelayForm):
    email = forms.EmailField(
        label=_("Your e-mail"), help_text=_("The profile's keepers see it, to answer you; nobody else does.")
    )
