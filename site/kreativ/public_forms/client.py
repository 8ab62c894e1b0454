"""The address of the client that sent a request, as the public forms' rate limits count it.

Behind a reverse proxy (nginx), ``REMOTE_ADDR`` is the proxy's address, so every visitor would be
one and the same client. The client's own address is then in ``X-Forwarded-For``, which each proxy
extends with the address it received the request from. Anybody can send that header, though, so
only what our own proxies wrote into it may be believed:

- the chain of addresses a request passed through is ``X-Forwarded-For`` followed by
  ``REMOTE_ADDR`` (the peer that connected to us);
- its right-most ``KREATIV_TRUSTED_PROXY_COUNT`` entries are our proxies; or, with
  ``KREATIV_TRUSTED_PROXIES``, its right-most entries must match those addresses, one entry per
  proxy, the one nearest to us last (a request that did not come through them is taken as direct);
- the entry just left of our proxies is the client. Whatever a client wrote into the header itself
  stands further left and is never read, so prepending addresses cannot change who it is.

With no proxy configured (the default, ``0``) the header is ignored and ``REMOTE_ADDR`` is the
client. Configuring more proxies than there are lets clients choose their address: the count must
be exactly the number of proxies in front of the site, and every one of them must append to the
header (nginx: ``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;``).

python-ipware (the engine of django-ipware) parses and validates the chain: ports, brackets,
IPv4-mapped IPv6, malformed entries. django-ipware's own ``get_client_ip`` is not used, because it
validates ``X-Forwarded-For`` alone, without ``REMOTE_ADDR``: the one proxy of a typical set-up
(nginx on the same machine, which appends the client and is itself only ``REMOTE_ADDR``) could not
be named as trusted.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.core import checks
from django.http import HttpRequest
from python_ipware import IpWare

# The only header read, under the name python-ipware looks for in a WSGI environment.
_CHAIN = "HTTP_X_FORWARDED_FOR"


def trusted_proxies() -> tuple[int, tuple[str, ...]]:
    """The configured proxies: how many, and which (an empty tuple when only counted)."""
    proxies = tuple(p.strip() for p in getattr(settings, "KREATIV_TRUSTED_PROXIES", []) or [])
    count = int(getattr(settings, "KREATIV_TRUSTED_PROXY_COUNT", 0) or 0)
    return (len(proxies), proxies) if proxies else (count, ())


@lru_cache(maxsize=8)
def _resolver(count: int, proxies: tuple[str, ...]) -> IpWare:
    return IpWare(
        precedence=(_CHAIN,),
        proxy_count=None if proxies else count,
        proxy_list=list(proxies) or None,
        algorithm="modern",
    )


def client_address(request: HttpRequest) -> str:
    """The client's IP address: the right-most address in the chain that is not a trusted proxy."""
    remote = (request.META.get("REMOTE_ADDR") or "").strip()
    count, proxies = trusted_proxies()
    if count:
        forwarded = (request.META.get(_CHAIN) or "").strip()
        chain = f"{forwarded}, {remote}" if forwarded else remote
        # Not strict: entries left of the client (anything a client prepends) are not validated.
        address, _trusted = _resolver(count, proxies).get_client_ip({_CHAIN: chain}, strict=False)
        if address is not None:
            return str(address)
    # No proxy, a request that did not come through the trusted proxies, or no usable address.
    return remote or "unknown"


@checks.register(checks.Tags.security)
def check_trusted_proxies(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A misconfigured proxy list fails at start-up rather than on a visitor's form."""
    errors: list[checks.CheckMessage] = []
    count = getattr(settings, "KREATIV_TRUSTED_PROXY_COUNT", 0)
    proxies = list(getattr(settings, "KREATIV_TRUSTED_PROXIES", []) or [])
    if not isinstance(count, int) or count < 0:
        errors.append(checks.Error("KREATIV_TRUSTED_PROXY_COUNT must be 0 or more.", id="kreativ.E101"))
    elif proxies and count and count != len(proxies):
        errors.append(
            checks.Error(
                f"KREATIV_TRUSTED_PROXY_COUNT is {count} but KREATIV_TRUSTED_PROXIES names {len(proxies)}.",
                hint="Set one of the two, or make the count the number of listed proxies.",
                id="kreativ.E102",
            )
        )
    if proxies:
        try:
            IpWare(proxy_list=proxies)
        except ValueError as error:
            errors.append(checks.Error(f"KREATIV_TRUSTED_PROXIES: {error}", id="kreativ.E103"))
    return errors
