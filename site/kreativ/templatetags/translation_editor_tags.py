"""The labels of wagtail-localize's translation editor, for the template that wraps it (kreativ.translation_editor)."""

from __future__ import annotations

from typing import Any

from django import template
from wagtail.models import Locale

from kreativ.translation_editor import editor_labels

register = template.Library()


@register.simple_tag
def translation_editor_labels(source_locale: Locale, target_locale: Locale) -> dict[str, Any]:
    return editor_labels(source_locale, target_locale)
