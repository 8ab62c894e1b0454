"""What the relay's templates need: the form a page renders for a target (``kreativ.relay``).

A template variable that is not there reaches a simple tag as ``string_if_invalid`` (``""``), not
``None``: a page with no ``contact_form`` in its context (a profile's page) gets a new form."""

from __future__ import annotations

from django import template

from kreativ.relay.forms import RelayForm
from kreativ.relay.targets import RelayTarget

register = template.Library()


@register.simple_tag
def relay_form(form: object = None, target: object = None) -> RelayForm:
    """``{% relay_form contact_form relay_target as form %}``: the form given when it is one of the
    target's, bound with errors; else a new one of the target's class."""
    form_class = target.form_class if isinstance(target, RelayTarget) else RelayForm
    return form if isinstance(form, form_class) else form_class()
