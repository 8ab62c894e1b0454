"""Absolute addresses for e-mails and feeds (e-mails have no request to build them from)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from opportunities.alerts import tokens
from opportunities.models import FundingCall, Subscription


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def manage_url(subscription: Subscription) -> str:
    return absolute(reverse("alerts:manage", args=[tokens.manage_token(subscription.pk)]))


def unsubscribe_url(subscription: Subscription) -> str:
    return absolute(reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription.pk, subscription.email)]))


def watch_url(subscription: Subscription, call: FundingCall) -> str:
    return absolute(reverse("alerts:watch", args=[tokens.watch_token(subscription.pk, call.pk)]))


def feed_url(subscription: Subscription, kind: str) -> str:
    return absolute(reverse(f"alerts:feed_{kind}", args=[subscription.feed_token]))


def call_url(call: FundingCall, language: str) -> str:
    """The call's page on the finder in the subscriber's language."""
    from opportunities.public import finder_for_locale

    locale = Locale.objects.filter(language_code=language).first()
    finder = finder_for_locale(locale)
    if finder is None:
        return call.url
    with translation.override(language):
        return absolute(finder.call_url(call))
