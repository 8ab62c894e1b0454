"""What a domain tells the relay about what is contacted: ``RelayTarget``.

A domain subclasses it once per kind of thing strangers write to (the catalogue's profiles, the
exchange's listings), wrapping one object. The subclass names its ``kind`` (unique: held messages
and rate limits are stored under it) and is registered under it when defined, so that a held
message's confirmation link finds its target again.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from kreativ.relay.forms import RelayForm

_REGISTRY: dict[str, type[RelayTarget]] = {}


@dataclass(frozen=True)
class Recipient:
    """One person a message goes to, and the language they read it in."""

    email: str
    language: str


class RelayTarget(ABC):
    """What is contacted, as the relay needs it. Subclasses set ``kind``, ``namespace`` and the
    names of their two rate settings, and implement the abstract methods."""

    kind: ClassVar[str]  # e.g. "catalogue-contact": the rate limits' scope, a held message's kind
    namespace: ClassVar[str]  # the key of the senders' pseudonyms in this target's log
    per_target_setting: ClassVar[str]  # messages per hour to one target, whoever sends them
    per_client_setting: ClassVar[str]  # messages per hour from one client
    # Off: every message goes at once. On: a sender's first message waits for their confirmation.
    confirm_sender: ClassVar[bool] = False
    form_class: ClassVar[type[RelayForm]] = RelayForm
    contact_template: ClassVar[str] = "relay/contact.html"
    form_template: ClassVar[str] = "relay/includes/form.html"  # the form as a page includes it
    sent_template: ClassVar[str] = "relay/sent.html"
    mail_template: ClassVar[str] = "relay/email/message"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        kind = cls.__dict__.get("kind")
        if kind is None:
            return
        known = _REGISTRY.get(kind)
        if known is not None and known.__qualname__ != cls.__qualname__:
            raise ValueError(f"Two relay targets of the kind {kind!r}: {known.__qualname__}, {cls.__qualname__}")
        _REGISTRY[kind] = cls

    @classmethod
    @abstractmethod
    def find(cls, key: str) -> RelayTarget | None:
        """The public target named ``key`` in its URL, or None (then the page is not found)."""

    @property
    @abstractmethod
    def key(self) -> str:
        """What names this target in its URL (``find(target.key)`` finds it again)."""

    @property
    @abstractmethod
    def label(self) -> str:
        """Its name as the pages and e-mails show it."""

    @abstractmethod
    def recipients(self) -> list[Recipient]:
        """Who receives its messages; none means nobody can be written to (the page says so)."""

    @abstractmethod
    def public_url(self, request: HttpRequest | None = None) -> str:
        """Its public page, absolute (the e-mails link to it)."""

    @abstractmethod
    def contact_url(self) -> str:
        """The path of its relay form's page (the ``RelayView`` of its domain's URLs)."""

    @abstractmethod
    def log(self, language: str, sender: str) -> None:
        """Records one relayed message (a row of the domain's ``ContactLogBase`` model)."""

    @property
    def rate_key(self) -> str:
        """What its messages are counted under (the key, unless a domain counts by another)."""
        return self.key

    def rate_limits(self) -> tuple[int, int]:
        """Messages per hour to this target, and from one client."""
        return getattr(settings, self.per_target_setting), getattr(settings, self.per_client_setting)

    def subject(self) -> str:
        """The subject of the e-mail to a recipient, in the active language."""
        return _("A message through “%(name)s”") % {"name": self.label}

    def context(self) -> dict[str, Any]:
        """What its templates need besides ``relay_target``, ``label`` and the form."""
        return {}


def target_class(kind: str) -> type[RelayTarget] | None:
    """The registered target of ``kind`` (its module must have been imported: an app's URLconf,
    loaded before any request, imports its view and so its target)."""
    return _REGISTRY.get(kind)
