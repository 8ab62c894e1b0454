"""Absolute addresses for e-mails and feeds (e-mails have no request to build them from)."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from opportunities.alerts import tokens
from opportunities.models import FundingCall, Subscription


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@lru_cache(maxsize=16)
def _pattern(name: str) -> str:
    """An absolute URL with ``{}`` where the token goes (reversing once, not once per e-mail)."""
    args = ["TOKEN", 0] if name == "alerts:watch" else ["TOKEN"]
    return absolute(reverse(name, args=args)).replace("TOKEN", "{}", 1)


def manage_url(subscription: Subscription) -> str:
    """The page of the subscription's address, where all its alerts are managed."""
    return _pattern("alerts:manage").format(tokens.manage_token(subscription.email))


def unsubscribe_url(subscription: Subscription) -> str:
    return _pattern("alerts:unsubscribe").format(tokens.unsubscribe_token(subscription.pk, subscription.email))


def watch_url(subscription: Subscription, call: FundingCall | int, token: str | None = None) -> str:
    """The link that adds ``call`` to the reminders; pass ``token`` to reuse one across many calls."""
    token = token or tokens.watch_token(subscription.pk)
    call_pk = call if isinstance(call, int) else call.pk
    return _pattern("alerts:watch").format(token).removesuffix("0/") + f"{call_pk}/"


def feed_url(subscription: Subscription, kind: str) -> str:
    return _pattern(f"alerts:feed_{kind}").format(subscription.feed_token)


def call_url(call: FundingCall, language: str, finder=None) -> str:
    """The call's page on the finder in the subscriber's language (pass the finder to save a query)."""
    finder = finder or finder_in(language)
    if finder is None:
        return call.url
    with translation.override(language):
        return absolute(finder.call_url(call))


def finder_in(language: str):
    from opportunities.finder.upcoming import finder_for_locale

    return finder_for_locale(Locale.objects.filter(language_code=language).first())


def finder_url(subscription: Subscription, finder=None, filters: dict[str, list[str]] | None = None) -> str:
    """The finder showing what this subscription asks for (where a long digest sends the reader).

    ``filters`` (sector, region, applicant and programme values) saves the queries when known.
    """
    from django.http import QueryDict

    finder = finder or finder_in(subscription.language)
    if finder is None:
        return absolute("/")
    if filters is None:
        filters = {
            "sector": [s.slug for s in subscription.sectors.all()],
            "region": [r.slug for r in subscription.regions.all()],
            "applicant": [a.slug for a in subscription.applicant_types.all()],
            "programme": [str(p.pk) for p in subscription.programmes.all()],
        }
    query = QueryDict(mutable=True)
    for name in ("sector", "region", "applicant", "programme"):
        query.setlist(name, [str(value) for value in filters.get(name, [])])
    query["sort"] = "newest"
    with translation.override(subscription.language):
        return absolute(finder.get_url()) + "?" + query.urlencode()
