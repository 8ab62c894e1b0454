"""The public forms' shared defences: who the client is behind the configured proxies, the rate
limit's window on the deployed cache (files, or Redis), and the trap for bots."""

from __future__ import annotations

import time

import pytest
from django import forms
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from kreativ.public_forms import honeypot, ratelimit
from kreativ.public_forms.client import check_trusted_proxies, client_address

NGINX = "127.0.0.1"


def request(remote: str = "198.51.100.7", forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/cs/alerts/", **headers)


def test_without_a_proxy_the_connecting_address_is_the_client_and_the_header_is_ignored():
    assert client_address(request("198.51.100.7")) == "198.51.100.7"
    assert client_address(request("198.51.100.7", forwarded="203.0.113.9")) == "198.51.100.7"


@override_settings(KREATIV_TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_appended_is_the_client():
    # nginx appends the address that connected to it: the header's right-most entry.
    assert client_address(request(NGINX, forwarded="203.0.113.9")) == "203.0.113.9"
    assert client_address(request(NGINX, forwarded="203.0.113.10")) == "203.0.113.10"
    # Whatever the client sent stands left of it and is never read.
    assert client_address(request(NGINX, forwarded="8.8.8.8, 1.1.1.1, 203.0.113.9")) == "203.0.113.9"
    assert client_address(request(NGINX, forwarded="unknown, 203.0.113.9")) == "203.0.113.9"
    # Ports and IPv6 spellings are read as addresses.
    assert client_address(request(NGINX, forwarded="[2001:db8::1]:4711")) == "2001:db8::1"
    # A request that reached the site without the header (not through nginx) is its own client.
    assert client_address(request("198.51.100.7")) == "198.51.100.7"


@override_settings(KREATIV_TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_client_is_left_of_both():
    # A load balancer (192.0.2.50) in front of nginx: nginx appends the balancer's address.
    chain = "8.8.8.8, 203.0.113.9, 192.0.2.50"
    assert client_address(request(NGINX, forwarded=chain)) == "203.0.113.9"


@override_settings(KREATIV_TRUSTED_PROXIES=[NGINX])
def test_named_proxies_are_believed_only_when_the_request_came_through_them():
    assert client_address(request(NGINX, forwarded="1.1.1.1, 203.0.113.9")) == "203.0.113.9"
    # Straight to the application server, with a forged header: the peer itself is the client.
    assert client_address(request("198.51.100.7", forwarded="203.0.113.9")) == "198.51.100.7"


def test_the_proxy_settings_are_checked_at_start_up():
    with override_settings(KREATIV_TRUSTED_PROXIES=["10.0.0.0/8", "not an address"]):
        assert [e.id for e in check_trusted_proxies()] == ["kreativ.E103"]
    with override_settings(KREATIV_TRUSTED_PROXY_COUNT=2, KREATIV_TRUSTED_PROXIES=[NGINX]):
        assert [e.id for e in check_trusted_proxies()] == ["kreativ.E102"]
    with override_settings(KREATIV_TRUSTED_PROXY_COUNT=1, KREATIV_TRUSTED_PROXIES=["10.0.0.0/8"]):
        assert check_trusted_proxies() == []
    assert check_trusted_proxies() == []  # no proxy


def test_an_ipv6_client_counts_as_its_slash_64():
    first = ratelimit.client_key(request("2001:db8:1:2::1"))
    assert first == ratelimit.client_key(request("2001:db8:1:2:ffff::9")) == "2001:db8:1:2::/64"
    assert ratelimit.client_key(request("2001:db8:1:3::1")) != first
    assert ratelimit.client_key(request("::ffff:198.51.100.7")) == "198.51.100.7"
    assert ratelimit.client_key(request("198.51.100.7")) == "198.51.100.7"


@pytest.fixture
def clock(monkeypatch):
    """A settable clock, seen by the rate limit and by the cache's expiry alike."""
    now = [3600.0 * 500_000 + 10]  # ten seconds into an hour
    monkeypatch.setattr(time, "time", lambda: now[0])
    cache.clear()
    yield now
    cache.clear()


def test_a_window_counts_attempts_until_it_ends(clock):
    assert [ratelimit.allow("alerts:client:1", 2, 3600) for _ in range(3)] == [True, True, False]
    clock[0] += 400  # past the cache's default expiry of 300 s, which the file cache's incr gives
    assert ratelimit.allow("alerts:client:1", 2, 3600) is False
    assert ratelimit.allow("alerts:client:2", 2, 3600) is True  # another key has its own count
    clock[0] += 3600  # the next hour
    assert ratelimit.allow("alerts:client:1", 2, 3600) is True


def test_client_and_target_are_limited_apart_and_both_always_count(clock):
    def attempt(client: str, target: str) -> bool:
        return ratelimit.allow_client_and_target(request(client), "form", target, per_target=2, per_client=3)

    assert attempt("198.51.100.1", "a@example.com") and attempt("198.51.100.2", "a@example.com")
    assert not attempt("198.51.100.3", "a@example.com")  # the address's limit, whoever asks
    # 198.51.100.3's refused attempt still counted against it: two more and it is over.
    assert attempt("198.51.100.3", "b@example.com") and attempt("198.51.100.3", "c@example.com")
    assert not attempt("198.51.100.3", "d@example.com")


class Trapped(honeypot.HoneypotForm):
    name = forms.CharField()


def test_the_trap_tells_a_bot_and_is_nobodys_answer():
    person = Trapped({"name": "Anna", "website": ""})
    assert person.is_valid() and not person.filled_by_bot()
    bot = Trapped({"name": "Anna", "website": "https://spam.example"})
    assert bot.is_valid() and bot.filled_by_bot()
    # Its value is not among the answers, which forms store and e-mail.
    assert person.cleaned_data == bot.cleaned_data == {"name": "Anna"}


def test_the_trap_steps_aside_for_a_real_field_of_its_name():
    assert honeypot.trap_name_beside(["name", "email"]) == "website"
    assert honeypot.trap_name_beside(["website"]) == "homepage"
    assert honeypot.trap_name_beside(["website", "homepage", "web_address", "url_address"]) == "website_2"
