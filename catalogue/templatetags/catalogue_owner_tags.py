"""What the catalogue's owner and relay templates need: the relay form for a profile's page (the
one given, bound with errors, else a new one).

A template variable that is not there reaches a simple tag as ``string_if_invalid`` (``""``), not
``None``: the profile's page has no ``contact_form`` in its context, so anything but a form given
means a new form."""

from __future__ import annotations

from django import template

from catalogue.relay.forms import ContactForm

register = template.Library()


@register.simple_tag
def relay_form(form: object = None) -> ContactForm:
    """``{% relay_form contact_form as form %}``: the form the include renders (a new one unless
    ``contact_form`` is a relay form)."""
    return form if isinstance(form, ContactForm) else ContactForm()
