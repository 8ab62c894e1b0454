"""Template tags of the catalogue's public pages: profile links, texts without addresses, JSON-LD,
and the relay contact form's place on a profile's page."""

from __future__ import annotations

from typing import Any

from django import template
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from catalogue.public.addresses import without_addresses
from catalogue.relay.target import ProfileRelay
from kreativ.seo import json_ld_script

register = template.Library()

CONTACT_FORM = "catalogue/includes/contact_form.html"


@register.simple_tag(takes_context=True)
def profile_url(context: dict[str, Any], catalogue, profile) -> str:
    """A profile's page under the catalogue page (``CatalogueIndexPage.profile_url``), or nothing."""
    return (catalogue.profile_url(profile, context.get("request")) if catalogue is not None else None) or ""


@register.filter(is_safe=True)
def hide_addresses(text: str) -> str:
    """The text without e-mail addresses (``catalogue.public.addresses``); safe HTML stays safe."""
    hidden = without_addresses(str(text))
    return mark_safe(hidden) if isinstance(text, SafeString) else hidden


@register.simple_tag(takes_context=True)
def contact_form(context: dict[str, Any], profile) -> SafeString:
    """The relay contact form (``catalogue/includes/contact_form.html``, the owners' part of the
    catalogue), rendered with the profile when it exists; nothing while it does not."""
    try:
        form = get_template(CONTACT_FORM)
    except TemplateDoesNotExist:
        return mark_safe("")
    flat = context.flatten()
    target = ProfileRelay(profile)
    flat.update(profile=profile, relay_target=target, label=target.label)
    return mark_safe(form.render(flat, context.get("request")))


@register.simple_tag(takes_context=True)
def profile_json_ld(context: dict[str, Any], catalogue, profile) -> SafeString:
    """The profile's schema.org data as a <script> no string in it can break out of (none for a
    person without consent)."""
    from catalogue.public.jsonld import profile_json_ld as data_of

    return json_ld_script(data_of(profile, catalogue, context.get("request")))
