"""Who posts a listing without a catalogue profile: a firm, a municipality or another body, known
by a name and an e-mail address (no account, no password).

A ``Poster`` is the light identity of issue 16: its address is confirmed by a signed link e-mailed
to it (``exchange.tokens``, ``exchange.posters.confirm``), and only a confirmed poster's listings
are public. The address is never shown: it is kept here, outside the listings' revisions, and
used only to send the poster their reminders and links. An actor with a catalogue profile posts as
that profile instead (``Listing.profile``), reached through its members.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PosterKind(models.TextChoices):
    FIRM = "firm", _("Firm")
    MUNICIPALITY = "municipality", _("Municipality")
    OTHER = "other", _("Other organisation")


class Poster(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PosterKind.choices, default=PosterKind.FIRM)
    email = models.EmailField(_("e-mail (never shown)"), db_index=True)
    confirmed_at = models.DateTimeField(
        _("address confirmed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the poster follows the link e-mailed to them; until then their listings are not public."),
    )
    # What the e-mails sent later (reminders) are written in, and the office's site their links go to.
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="cs")
    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("poster")
        verbose_name_plural = _("posters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
