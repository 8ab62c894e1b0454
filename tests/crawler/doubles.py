"""Stand-ins for the crawler's remote hosts, on loopback: for the tests and the crawl benchmark.

Test code, so it lives with the tests (``bench/crawl/run.py`` imports it from here too); reading a
snapshot is the shipped ``crawler.snapshots``. Two pieces:

``EuSearchDouble``
    The EU Funding & Tenders search API, answering from a list of results. ``from_snapshot_csv``
    rebuilds the results from a weekly snapshot (``tests/fixtures/eu_ft/eu_calls_snapshot_*.csv``,
    read by ``crawler.snapshots.snapshot_results``), in the snapshot's row order, repeats included.
    It filters by the ``terms`` of the request's ``query`` part (type, status), pages by
    ``pageSize``/``pageNumber``, and serves topic details for the identifiers it was given (404 for
    the rest, as for a topic the portal has no page for).

``LoopbackServer``
    A threaded HTTP server on 127.0.0.1 and a free port, serving ``routes``: a path (with query)
    mapped to a ``Route`` (status, body, headers, delay) or to a function of the request. It keeps a
    log of the requests it answered. ``LoopbackServer.for_eu_api(double)`` serves a double at
    ``/search-api/prod/rest/search`` and ``/topicDetails/<id>.json``.

``nominatim_search``
    A Nominatim-compatible geocoder's ``/search`` (the admin's "find from address",
    ``kreativ.geocoding``): answers the place it was given for the query's town, nothing for others.

Typical use (``tests/opportunities/test_crawl.py`` and the benchmark do the same with ``manage.py crawl``)::

    double = EuSearchDouble.from_snapshot_csv("tests/fixtures/eu_ft/eu_calls_snapshot_2026-08-15.csv")
    with LoopbackServer.for_eu_api(double) as server:
        env = {"EU_FT_API_URL": server.url("/search-api/prod/rest/search"),
               "EU_FT_TOPIC_URL": server.url("/topicDetails")}
        subprocess.run([sys.executable, "-m", "crawler.run", "eu_ft", "--output", "items.jsonl",
                        "--fast"], env=os.environ | env, check=True)
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from crawler.snapshots import snapshot_results

SEARCH_PATH = "/search-api/prod/rest/search"
TOPIC_PATH = "/topicDetails"


def _terms(query: Mapping[str, Any]) -> dict[str, set[str]]:
    """The ``terms`` filters of a query (``{"type": {"1", "2"}, "status": {...}}``), at any depth."""
    found: dict[str, set[str]] = {}
    stack: list[Any] = [query]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            for key, value in node.items():
                if key == "terms" and isinstance(value, Mapping):
                    for name, allowed in value.items():
                        found.setdefault(name, set()).update(str(v) for v in allowed)
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return found


@dataclass
class EuSearchDouble:
    """Answers search requests from ``results`` (see the module docstring)."""

    results: list[dict[str, Any]]
    topic_details: dict[str, Any] = field(default_factory=dict)
    api_version: str = "test-double"

    @classmethod
    def from_snapshot_csv(cls, path: str | Path, **kwargs: Any) -> EuSearchDouble:
        return cls(snapshot_results(path), **kwargs)

    @classmethod
    def from_answers(cls, *paths: str | Path, **kwargs: Any) -> EuSearchDouble:
        """From saved answers of the real API (their ``results`` concatenated)."""
        results = []
        for path in paths:
            results.extend(json.loads(Path(path).read_text(encoding="utf-8"))["results"])
        return cls(results, **kwargs)

    def matching(self, query: Mapping[str, Any] | None) -> list[dict[str, Any]]:
        filters = _terms(query or {})
        selected = []
        for result in self.results:
            metadata = result.get("metadata", {})
            if all(set(map(str, metadata.get(name) or [])) & allowed for name, allowed in filters.items()):
                selected.append(result)
        return selected

    def page(self, page_number: int, page_size: int, query: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """One answer, shaped like the real API's."""
        selected = self.matching(query)
        start = (page_number - 1) * page_size
        return {
            "apiVersion": self.api_version,
            "terms": "***",
            "responseTime": 1,
            "totalResults": len(selected),
            "pageNumber": page_number,
            "pageSize": page_size,
            "sort": "identifier:ASC",
            "results": selected[start : start + page_size],
        }


def multipart_json_parts(body: bytes, content_type: str) -> dict[str, Any]:
    """The JSON parts of a multipart/form-data body, by name."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    parts = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        try:
            parts[name] = json.loads(payload)
        except ValueError:
            parts[name] = payload.decode("utf-8", "replace")
    return parts


@dataclass
class Route:
    """A canned answer."""

    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0


@dataclass
class Hit:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Handler = Callable[[Hit], Route]


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 (see the module docstring). Unknown paths answer 404."""

    def __init__(
        self, routes: Mapping[str, Route | Handler] | None = None, *, prefixes: Mapping[str, Handler] | None = None
    ):
        self.routes: dict[str, Route | Handler] = dict(routes or {})
        self.prefixes: dict[str, Handler] = dict(prefixes or {})
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        server = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                hit = Hit(
                    self.command, self.path, dict(self.headers.items()), self.rfile.read(length) if length else b""
                )
                with server._lock:
                    server.hits.append(hit)
                route = server.resolve(hit)
                if route.delay:
                    time.sleep(route.delay)
                body = route.body.encode("utf-8") if isinstance(route.body, str) else route.body
                try:
                    self.send_response(route.status)
                    for name, value in route.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): nothing to answer

            do_GET = do_POST = do_HEAD = _answer

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), RequestHandler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str = "/") -> str:
        return f"{self.base_url}{path}"

    def resolve(self, hit: Hit) -> Route:
        route = self.routes.get(hit.path) or self.routes.get(urlsplit(hit.path).path)
        if route is None:
            for prefix, handler in self.prefixes.items():
                if hit.path.startswith(prefix):
                    route = handler
                    break
        if route is None:
            return Route(b"not found", status=404, headers={"Content-Type": "text/plain"})
        return route(hit) if callable(route) else route

    def paths(self, method: str | None = None) -> list[str]:
        """The paths requested so far (optionally of one method), in order."""
        with self._lock:
            return [hit.path for hit in self.hits if method is None or hit.method == method]

    def __enter__(self) -> LoopbackServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    @classmethod
    def for_eu_api(cls, double: EuSearchDouble, routes: Mapping[str, Route | Handler] | None = None) -> LoopbackServer:
        """A server answering like the search API at ``SEARCH_PATH`` and topic details at ``TOPIC_PATH``."""

        def search(hit: Hit) -> Route:
            if hit.method != "POST":
                return Route(b'{"error": "POST only"}', status=405, headers={"Content-Type": "application/json"})
            params = parse_qs(urlsplit(hit.path).query)
            parts = multipart_json_parts(hit.body, hit.headers.get("Content-Type", ""))
            answer = double.page(
                int(params.get("pageNumber", ["1"])[0]), int(params.get("pageSize", ["50"])[0]), parts.get("query")
            )
            return Route(json.dumps(answer), headers={"Content-Type": "application/json"})

        def details(hit: Hit) -> Route:
            identifier = urlsplit(hit.path).path.removeprefix(TOPIC_PATH + "/").removesuffix(".json")
            data = double.topic_details.get(identifier)
            if data is None:
                return Route(b"{}", status=404, headers={"Content-Type": "application/json"})
            return Route(json.dumps(data), headers={"Content-Type": "application/json"})

        return cls(routes, prefixes={SEARCH_PATH: search, TOPIC_PATH + "/": details})


def nominatim_search(places: Mapping[str, tuple[str, str, str]]) -> Handler:
    """A Nominatim ``/search`` answering ``places`` (town → latitude, longitude, name) in its JSON.

    Serve it with ``LoopbackServer({"/search": nominatim_search({...})})`` and set ``GEOCODER_URL``
    to ``server.base_url``. The query's ``city`` (a structured query) or ``q`` picks the place.
    """

    def search(hit: Hit) -> Route:
        params = parse_qs(urlsplit(hit.path).query)
        town = (params.get("city") or params.get("q") or [""])[0]
        found = places.get(town)
        answer = [] if found is None else [{"lat": found[0], "lon": found[1], "display_name": found[2]}]
        return Route(json.dumps(answer), headers={"Content-Type": "application/json"})

    return search
