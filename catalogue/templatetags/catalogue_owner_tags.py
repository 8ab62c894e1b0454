"""What the catalogue's owner and relay templates need: the relay form for a profile's page (the
one given, bound with errors, else a new one), and whether a field is the form's trap."""

from __future__ import annotations

from django import template

from catalogue.relay.forms import ContactForm

register = template.Library()


@register.simple_tag
def relay_form(form=None) -> ContactForm:
    """``{% relay_form contact_form as form %}``: the form the include renders."""
    return form if form is not None else ContactForm()
