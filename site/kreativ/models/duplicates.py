"""Suggested duplicates: two records (funding calls, profiles) that look like one, for a moderator to decide.

A suggestion names two objects of one model and says why they look alike; a moderator merges them
(``kreativ.merging``, from the admin views of ``kreativ.merge_views``) or says they are not
duplicates, which is remembered: a dismissed pair is not suggested again. Each model that has
duplicates has its own concrete suggestion model with two foreign keys, named in
``subject_field`` and ``other_field``; what they share is here.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DuplicateSuggestionBase(models.Model):
    """Two objects that look like the same one (``subject_field`` ≈ ``other_field``)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for a decision")
        MERGED = "merged", _("Merged")
        DISMISSED = "dismissed", _("Not a duplicate")

    reason = models.CharField(_("why"), max_length=200)
    score = models.FloatField(_("similarity"), default=1.0)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("suggested"), default=timezone.now)

    # The names of the two foreign keys of the concrete model.
    subject_field = "subject"
    other_field = "duplicate_of"

    class Meta:
        abstract = True

    def __str__(self) -> str:
        first, second = self.pair
        return f"{first} ≈ {second}"

    @property
    def pair(self) -> tuple[models.Model, models.Model]:
        """The two objects: the one the suggestion was made for, and the one it may duplicate."""
        return getattr(self, self.subject_field), getattr(self, self.other_field)

    @classmethod
    def involving(cls, obj: models.Model) -> Q:
        """Suggestions that name ``obj`` on either side."""
        return Q(**{cls.subject_field: obj}) | Q(**{cls.other_field: obj})

    @classmethod
    def between(cls, first: models.Model, second: models.Model) -> Q:
        """The suggestions of this pair, in either direction."""
        return Q(**{cls.subject_field: first, cls.other_field: second}) | Q(
            **{cls.subject_field: second, cls.other_field: first}
        )

    @classmethod
    def close_after_merge(cls, duplicate: models.Model, into: models.Model) -> None:
        """The merged pair is marked merged; any other open suggestion about the merged one is moot."""
        cls.objects.filter(cls.between(duplicate, into)).update(status=cls.Status.MERGED)
        cls.objects.filter(cls.involving(duplicate), status=cls.Status.OPEN).update(status=cls.Status.DISMISSED)
