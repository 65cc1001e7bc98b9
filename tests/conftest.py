"""Fixtures shared across the tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import chromium


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[object]:
    """One headless Chromium for the session (skipped without it, failed under CI=true)."""
    with chromium() as browser:
        yield browser
