"""Downloader middlewares: retries that back off instead of hammering a struggling server."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.asyncio import sleep

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retry middleware, waiting ``RETRY_BACKOFF_BASE * 2**n`` seconds (capped at
    ``RETRY_BACKOFF_MAX``) before the n-th retry of a request.

    Scrapy retries at once; a server answering 503 or timing out is better given a moment. The
    wait happens in the middleware, so only that request waits while the rest of the crawl goes on.
    """

    def __init__(self, settings: BaseSettings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    def backoff(self, retry_request: Request) -> float:
        tries = retry_request.meta.get("retry_times", 1)
        return min(self.backoff_max, self.backoff_base * 2 ** (tries - 1))

    async def _backed_off(self, result: Request | Response | None) -> Request | Response | None:
        if isinstance(result, Request) and self.backoff_base > 0:
            await sleep(self.backoff(result))
        return result

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response, spider: object = None
    ) -> Request | Response:
        return await self._backed_off(super().process_response(request, response))

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception, spider: object = None
    ) -> Request | Response | None:
        return await self._backed_off(super().process_exception(request, exception))
