"""Absolute addresses for e-mails and feeds, on the office's site the subscription was made on.

E-mails are sent later, by the task queue, with no request to build their links from: each link
is built from the subscription's site (``Site.root_url``, which the admin's *Settings → Sites* and
``load_demo --address`` keep where the site really runs), and points to that office's finder in the
subscriber's language. A subscription of no known site (its site was deleted) links to the default
site, and only an installation with no site at all to ``WAGTAILADMIN_BASE_URL``
(``kreativ.sites.root_url``). Pass ``site`` when it is at hand already (a digest run sends thousands
of e-mails from a handful of sites).
"""

from __future__ import annotations

from functools import lru_cache

from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Site

from kreativ.sites import default_site, page_url, root_url
from opportunities.alerts import tokens
from opportunities.models import FundingCall, Subscription

_UNSET = object()


def _site(subscription: Subscription, site: Site | object | None) -> Site | None:
    return subscription.site if site is _UNSET else site


def absolute(path: str, site: Site | None = None) -> str:
    return root_url(site) + path


@lru_cache(maxsize=16)
def _pattern(name: str) -> str:
    """A path with ``{}`` where the token goes (reversing once, not once per e-mail)."""
    args = ["TOKEN", 0] if name == "alerts:watch" else ["TOKEN"]
    return reverse(name, args=args).replace("TOKEN", "{}", 1)


def manage_url(subscription: Subscription, site: Site | object | None = _UNSET) -> str:
    """The page of the subscription's address, where all its alerts are managed."""
    return absolute(
        _pattern("alerts:manage").format(tokens.manage_token(subscription.email)), _site(subscription, site)
    )


def unsubscribe_url(subscription: Subscription, site: Site | object | None = _UNSET) -> str:
    token = tokens.unsubscribe_token(subscription.pk, subscription.email)
    return absolute(_pattern("alerts:unsubscribe").format(token), _site(subscription, site))


def watch_url(
    subscription: Subscription,
    call: FundingCall | int,
    token: str | None = None,
    site: Site | object | None = _UNSET,
) -> str:
    """The link that adds ``call`` to the reminders; pass ``token`` to reuse one across many calls."""
    token = token or tokens.watch_token(subscription.pk)
    call_pk = call if isinstance(call, int) else call.pk
    path = _pattern("alerts:watch").format(token).removesuffix("0/") + f"{call_pk}/"
    return absolute(path, _site(subscription, site))


def feed_url(subscription: Subscription, kind: str, site: Site | object | None = _UNSET) -> str:
    return absolute(_pattern(f"alerts:feed_{kind}").format(subscription.feed_token), _site(subscription, site))


def call_url(call: FundingCall, language: str, finder=None, site: Site | None = None) -> str:
    """The call's page on the office's finder in the subscriber's language (pass the finder to
    save a query; it knows its site)."""
    finder = finder or finder_in(language, site or default_site())
    if finder is None:
        return call.url
    with translation.override(language):
        return page_url(finder) + finder.reverse_subpage("call", kwargs={"slug": call.slug})


def finder_in(language: str, site: Site | None = None):
    """The finder of the office's ``site`` in ``language`` (see ``finder.upcoming.finder_for``)."""
    from opportunities.finder.upcoming import finder_for

    return finder_for(site or default_site(), Locale.objects.filter(language_code=language).first())


def finder_url(
    subscription: Subscription,
    finder=None,
    filters: dict[str, list[str]] | None = None,
    site: Site | object | None = _UNSET,
) -> str:
    """The finder showing what this subscription asks for (where a long digest sends the reader).

    ``filters`` (sector, region, applicant and programme values) saves the queries when known. An
    alert for every region says so (``region=all``), or the finder would show the office's region.
    """
    from django.http import QueryDict

    from opportunities.finder.search import EVERY_REGION

    site = _site(subscription, site)
    finder = finder or finder_in(subscription.language, site)
    if finder is None:
        return absolute("/", site)
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
    if not filters.get("region"):
        query.setlist("region", [EVERY_REGION])
    query["sort"] = "newest"
    with translation.override(subscription.language):
        return page_url(finder) + "?" + query.urlencode()
