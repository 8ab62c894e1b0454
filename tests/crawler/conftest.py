"""Helpers for the crawler's tests: saved pages as responses, and crawls in a child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse, TextResponse

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"


def fixture(*parts: str) -> Path:
    return FIXTURES.joinpath(*parts)


def html_response(url: str, *parts: str) -> HtmlResponse:
    """A saved page as Scrapy would hand it to a callback."""
    return HtmlResponse(url=url, body=fixture(*parts).read_bytes(), encoding="utf-8")


def text_response(url: str, body: bytes, content_type: str = "application/json") -> TextResponse:
    return TextResponse(url=url, body=body, encoding="utf-8", headers={"Content-Type": content_type})


@dataclass
class Crawl:
    returncode: int
    items: list[dict[str, Any]]
    report: dict[str, Any]
    summary: dict[str, Any]
    log: str

    def by_id(self) -> dict[str, dict[str, Any]]:
        return {item["external_id"]: item for item in self.items}

    def errors(self, kind: str | None = None) -> list[dict[str, Any]]:
        return [error for error in self.report["errors"] if kind is None or error["kind"] == kind]


def run_crawl(tmp_path: Path, spider: str, *args: str, env: dict[str, str] | None = None, timeout: int = 60) -> Crawl:
    """``python -m crawler.run SPIDER --fast ...`` in a child process, as ``manage.py crawl`` will."""
    output, report = tmp_path / f"{spider}-items.jsonl", tmp_path / f"{spider}-report.json"
    for path in (output, report):
        path.unlink(missing_ok=True)
    command = [sys.executable, "-m", "crawler.run", spider, "--fast", "--output", str(output), "--report", str(report)]
    child_env = {key: value for key, value in os.environ.items() if not key.startswith(("EU_FT_", "PYTEST_"))}
    child_env.pop("DJANGO_SETTINGS_MODULE", None)
    completed = subprocess.run(
        [*command, *args],
        cwd=REPO,
        env=child_env | (env or {}),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    items = [json.loads(line) for line in output.read_text().splitlines()] if output.exists() else []
    lines = completed.stdout.strip().splitlines()
    return Crawl(
        returncode=completed.returncode,
        items=items,
        report=json.loads(report.read_text()) if report.exists() else {},
        summary=json.loads(lines[-1]) if lines else {},
        log=completed.stderr,
    )


@pytest.fixture
def crawl(tmp_path):
    def run(spider: str, *args: str, **kwargs: Any) -> Crawl:
        return run_crawl(tmp_path, spider, *args, **kwargs)

    return run
