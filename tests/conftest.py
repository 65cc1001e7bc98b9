"""Fixtures shared across the tests, the markers their fixtures imply, hypothesis's profiles.

A test that uses the built site, a browser or a JupyterLab server is marked for it here, from
the fixtures it uses (directly or through another fixture), so ``-m "not browser and not
slow"`` (``make test-fast``) leaves out every test that would build the site, start Chromium
or start a server, without each test having to say so. Notebook cells (``--nbval``) run a
kernel: they are ``slow`` too.

Hypothesis runs under a named profile: ``quick`` unless ``HYPOTHESIS_PROFILE`` (or pytest's
``--hypothesis-profile``) names another; ``make test`` runs ``full``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser import chromium
from html_site import build_site
from hypothesis import HealthCheck, settings

# The markers a fixture brings with it, by fixture name.
FIXTURE_MARKERS = {
    "site": ("slow",),  # builds build/html from the executed lessons
    "chromium_browser": ("browser",),
    "lab": ("browser", "slow"),  # a JupyterLab server (test_lab.py)
}

# Example counts: a quick default for the edit-and-run loop, the full counts for `make test`.
# No deadline and no "too slow" health check: on a busy machine, or beside other pytest
# workers, a slow example is not a bug.
_PATIENT = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("quick", max_examples=20, **_PATIENT)
settings.register_profile("full", max_examples=200, **_PATIENT)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture in getattr(item, "fixturenames", ()):
            for marker in FIXTURE_MARKERS.get(fixture, ()):
                item.add_marker(marker)
        if type(item).__module__.startswith("nbval"):
            item.add_marker("slow")
    items[:] = sorted(items, key=_order(items))


def _order(items: list[pytest.Item]) -> Callable[[pytest.Item], tuple[int, int]]:
    """Files in the order that keeps two ``pytest -n`` workers busy (``make test``): the
    longest first, the short ones last to fill the gaps (``--dist loadfile`` hands a worker
    the next file when it is free).

    The files that use the site open a page a test, so the one with the most tests is the
    longest: it comes first and builds the site (seconds: the pages come from the executed
    lessons) while the other worker runs the lessons (nbval); the other site files follow,
    most tests first, then the rest. Each file keeps its own order.
    """
    files = [item.nodeid.split("::")[0] for item in items]
    tests: dict[str, int] = {}
    for f, item in zip(files, items, strict=True):
        if "site" in getattr(item, "fixturenames", ()):
            tests[f] = tests.get(f, 0) + 1
    builder = max(tests, key=tests.get, default=None)

    def rank(item: pytest.Item) -> tuple[int, int]:
        file = item.nodeid.split("::")[0]
        if file == builder:
            return (0, 0)
        if file.endswith(".ipynb"):
            return (1, 0)
        if file in tests:
            return (2, -tests[file])
        return (3, 0)

    return rank


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[object]:
    """One headless Chromium for the session (skipped without it, failed under CI=true)."""
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def site() -> Path:
    """The HTML tutorial in ``build/html``, built once per session unless it is current.

    Under ``pytest -n``, the workers take a lock: the first builds, the others find it current.
    """
    return build_site()
