"""A faceted listing's form: its filters as a shareable URL gives them, read the same way by every
listing (the funding finder, the catalogue).

A listing's taxonomy facets (sectors, regions, ...) take their choices from the listing's facet
index in the active language, so the form is given them; the region facet also offers "every
region" (``EVERY_REGION``), which the form always sends beside the regions ticked. A value that
is not understood is left out of the filters, and its error shown beside the results.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kreativ.facets.listing import EVERY_REGION

Choices = dict[str, list[tuple[str, str]]]


class ListingForm(forms.Form):
    """A listing's filters; a subclass declares its fields and names its taxonomy facets."""

    # The fields whose choices are the listing's taxonomies (``choices`` has a list for each).
    TAXONOMY_FACETS: tuple[str, ...] = ()

    def __init__(self, *args: Any, choices: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.TAXONOMY_FACETS:
            self.fields[name].choices = choices[name]
        self.fields["region"].choices = [(EVERY_REGION, _("Every region")), *choices["region"]]

    def filters(self) -> dict[str, Any]:
        """The valid filters; a field with a bad value is left out (and its error shown)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "", [])}
