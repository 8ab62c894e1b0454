"""A small test recipient for the foundation's relay: a "note" pinned up by people, each note with
its recipients (in their languages) in a dictionary, its contacts logged in a list; and a URLconf
(the site's, with the notes' relay pages) for ``pytest.mark.urls``."""

from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest
from django.urls import path, reverse

from kreativ.relay.targets import Recipient, RelayTarget
from kreativ.relay.views import RelayView
from kreativ.urls import urlpatterns as site_patterns

NOTES: dict[str, list[Recipient]] = {}
LOG: list[tuple[str, str, str]] = []  # (note, language, sender)


class Note(RelayTarget):
    kind = "test-note"
    namespace = "tests.notes"
    per_target_setting = "TEST_NOTE_RATE_PER_NOTE"
    per_client_setting = "TEST_NOTE_RATE_PER_CLIENT"
    url_name = "note"

    def __init__(self, name: str) -> None:
        self.name = name

    @classmethod
    def find(cls, key: str) -> Note | None:
        return cls(key) if key in NOTES else None

    @property
    def key(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return f"Note {self.name}"

    def recipients(self) -> list[Recipient]:
        return list(NOTES.get(self.name, []))

    def public_url(self, request: HttpRequest | None = None) -> str:
        return f"http://testserver/notes/{self.name}/"

    def contact_url(self) -> str:
        return reverse(self.url_name, args=[self.name])

    def log(self, language: str, sender: str) -> None:
        LOG.append((self.name, language, sender))


class ConfirmedNote(Note):
    """The same, but its senders confirm their address the first time."""

    kind = "test-confirmed-note"
    confirm_sender = True
    url_name = "confirmed_note"


urlpatterns = [
    *i18n_patterns(
        path("notes/<str:key>/", RelayView.as_view(target_class=Note), name="note"),
        path("confirmed-notes/<str:key>/", RelayView.as_view(target_class=ConfirmedNote), name="confirmed_note"),
    ),
    *site_patterns,
]
