"""The cache the tests use on Redis (REDIS_URL): clearing it deletes this test run's keys only.

Django's ``RedisCache.clear()`` empties the whole Redis database (FLUSHDB). Tests clear the cache
to start from nothing; on a Redis that other test runs or a developer's site also use, that would
delete their keys too. The test settings give every run its own ``KEY_PREFIX`` (inherited by the
child processes a test starts), and this backend's ``clear()`` deletes the keys under it.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache


class RunScopedRedisCache(RedisCache):
    def clear(self) -> bool:
        client = self._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
        for start in range(0, len(keys), 1000):
            client.delete(*keys[start : start + 1000])
        return True
