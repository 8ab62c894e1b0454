"""What every public form of the site shares: who the client is, how often it may ask, and the trap
for bots.

The alert subscription forms and course registration use it today; the catalogue, the exchange,
event registration and consultations will use the same pieces, so that the reverse proxy is configured once
(``KREATIV_TRUSTED_PROXY_COUNT`` / ``KREATIV_TRUSTED_PROXIES``) and one client is one client on
every form:

- ``client``: the client's address behind the configured trusted proxies;
- ``ratelimit``: fixed-window limits on the shared cache, per client and per target;
- ``honeypot``: the field that people leave empty and bots fill in.
"""
