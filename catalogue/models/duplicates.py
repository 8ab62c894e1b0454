"""Suggested duplicate profiles: the same registry number, or a similar name in the same municipality.

The suggestion is the foundation's (``kreativ.models.duplicates``), shared with the funding radar's
calls; this is the catalogue's concrete pair of profiles. Suggestions are computed whenever a
profile or one of its revisions is saved (``catalogue.duplicates.suggestions``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from kreativ.models.duplicates import DuplicateSuggestionBase


class ProfileDuplicateSuggestion(DuplicateSuggestionBase):
    """Two profiles that look like the same actor, for a moderator to merge or dismiss."""

    profile = models.ForeignKey("catalogue.Profile", on_delete=models.CASCADE, related_name="duplicate_suggestions")
    duplicate_of = models.ForeignKey("catalogue.Profile", on_delete=models.CASCADE, related_name="+")

    subject_field = "profile"
    other_field = "duplicate_of"

    class Meta:
        verbose_name = _("possible duplicate profile")
        verbose_name_plural = _("possible duplicate profiles")
        constraints = [models.UniqueConstraint(fields=["profile", "duplicate_of"], name="unique_profile_duplicate")]
