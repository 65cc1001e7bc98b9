"""Fixtures shared across the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import chromium
from html_site import build_site


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[object]:
    """One headless Chromium for the session (skipped without it, failed under CI=true)."""
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def site() -> Path:
    """The HTML tutorial in ``build/html``, built once per session unless it is current."""
    return build_site()
