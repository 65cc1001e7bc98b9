"""A real browser for the tests: Debian's Chromium driven by playwright, network policed.

Every request the page makes goes through :meth:`Watched.route`: an address the test allows
(``file://`` by default; :func:`allow_loopback` for a local server) goes through, anything else
is aborted and counted in ``blocked``. Requests that fail (a missing file) land in ``failed``,
console errors and uncaught exceptions in ``console_errors``. Screenshots go to
``build/screenshots/``.

Chromium missing: the test is skipped, except under ``CI=true`` where it fails, so CI cannot
pass by not looking. Install it with ``apt-get install -y chromium`` (.ci/run does).

>>> allow_file("file:///tmp/index.html"), allow_file("https://cdn.example/x.js")
(True, False)
>>> allow_loopback(8888)("http://127.0.0.1:8888/lab"), allow_loopback(8888)("http://127.0.0.1:9/")
(True, False)
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = ROOT / "build" / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}

Allow = Callable[[str], bool]


def allow_file(url: str) -> bool:
    """Only ``file://`` addresses (and in-page ``data:``/``blob:`` ones) may load."""
    return urlsplit(url).scheme in {"file", "data", "blob"}


def allow_loopback(port: int) -> Allow:
    """Also allow ``http(s)://127.0.0.1:port`` and ``localhost:port`` (a server we started)."""

    def allow(url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in {"http", "https", "ws", "wss"}:
            return parts.hostname in {"127.0.0.1", "localhost"} and parts.port == port
        return allow_file(url)

    return allow


def require_chromium() -> Path:
    """The Chromium binary; skip the test without it, fail instead when ``CI=true``."""
    if CHROMIUM.exists():
        return CHROMIUM
    message = f"{CHROMIUM} is missing: apt-get install -y chromium"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: browser tests may not be skipped)")
    pytest.skip(message)


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium (a playwright ``Browser``) for the duration of the block."""
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watched:
    """One page in a fresh browser context, with what it asked for and what went wrong."""

    page: object
    allow: Allow
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def route(self, route: object) -> None:
        url = route.request.url
        self.requests.append(url)
        if self.allow(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def on_failed(self, request: object) -> None:
        if request.url not in self.blocked:
            self.failed.append(f"{request.url}: {request.failure}")

    def on_console(self, message: object) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def screenshot(self, name: str) -> Path:
        """Save a full-page screenshot as ``build/screenshots/<name>.png``; return its path."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@contextmanager
def watched_page(
    browser: object,
    allow: Allow = allow_file,
    *,
    width: int = VIEWPORT["width"],
    height: int = VIEWPORT["height"],
    color_scheme: str = "light",
) -> Iterator[Watched]:
    """A page whose every request is policed by ``allow``: others are aborted and counted.

    ``width`` x ``height`` CSS pixels, and the system colour scheme (``prefers-color-scheme``)
    ``color_scheme``: "light" or "dark".
    """
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=1,
        color_scheme=color_scheme,
    )
    page = context.new_page()
    watched = Watched(page=page, allow=allow)
    context.route("**/*", watched.route)
    page.on("requestfailed", watched.on_failed)
    page.on("console", watched.on_console)
    page.on("pageerror", lambda error: watched.console_errors.append(f"uncaught: {error}"))
    try:
        yield watched
    finally:
        context.close()
