"""The explorers on a page (the offline HTML tutorial, or JupyterLab), read as a reader sees
them and checked against the engine.

``read(root)`` gives what one explorer shows: its state as the controls hold it, every
tagged number (``data-quantity``: full value and text), the refusal line, and layout facts.
``assert_matrix``, ``assert_editor`` and ``assert_many`` rebuild the same state in Python
and assert every number and every text against the engine (through the explorers' own
``quantities()``, which come from it, and ``microavg.prose`` for the words).

``opened(site, browser, lesson, view, ready)`` opens a lesson's page of the HTML tutorial in one
of ``VIEWS`` (two widths, two schemes). Each explorer is drawn, read, contrast-checked and
checked by axe-core in all four; the tests that drive one by hand run in ``BY_HAND`` (``@by_hand``),
one view per width, one light and one dark: the scheme changes colours, not what a control does,
and each page load costs a second or more.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path

import pytest
from browser import Watched, watched_page
from microavg import prose
from microavg.explorers.editor import prediction_editor
from microavg.explorers.many import many_classifiers
from microavg.explorers.matrix import matrix_explorer

TOLERANCE = 1e-12
TIMEOUT_MS = 30_000
ZERO_DIVISION = {"0": 0.0, "1": 1.0, "nan": math.nan}

READ = """(root) => {
  const q = [...root.querySelectorAll('[data-quantity]')].map(s => ({
    key: s.dataset.quantity + (s.dataset.label === undefined ? '' : ' ' + s.dataset.label),
    value: s.dataset.value ?? null, text: s.textContent}));
  const unnamed = [...root.querySelectorAll('input, select, button, textarea')].filter(c => {
    const label = c.getAttribute('aria-label') || (c.labels && c.labels.length
      ? [...c.labels].map(l => l.textContent).join(' ') : '') || c.textContent;
    return !label || !label.trim();
  }).map(c => c.outerHTML.slice(0, 80));
  const scrolls = [...root.querySelectorAll('.ma-scroll')].map(b => getComputedStyle(b).overflowX);
  const style = getComputedStyle(root);
  const message = root.querySelector('.ma-message');
  const out = {
    shown: q, message: message.textContent, message_role: message.getAttribute('role'),
    unnamed, scrolls, width: root.clientWidth, scroll_width: root.scrollWidth,
    right: root.getBoundingClientRect().right, viewport: window.innerWidth,
    colour: style.color, background: style.backgroundColor,
  };
  if (root.classList.contains('microavg-matrix-explorer')) {
    out.labels = [...root.querySelectorAll('.ma-grid thead th[scope=col]')].map(t => t.textContent);
    out.counts = [...root.querySelectorAll('.ma-grid tbody tr')].map(tr =>
      [...tr.querySelectorAll('input.ma-cell')].map(i => i.value));
    out.kept = [...root.querySelectorAll('input.ma-keep-box')].filter(b => b.checked)
      .map(b => b.dataset.label);
    out.zero_division = root.querySelector('select.ma-zero-division').value;
    out.k = root.querySelector('input.ma-k').value;
    out.invalid = [...root.querySelectorAll('input.ma-cell[aria-invalid=true]')].length;
  } else if (root.classList.contains('microavg-prediction-editor')) {
    out.labels = root.querySelector('.ma-labels-input').value;
    out.rows = [...root.querySelectorAll('.ma-rows tbody tr')].map(tr => {
      const [pred, truth] = tr.querySelectorAll('select');
      return [truth.value, pred.value, tr.querySelector('.ma-verdict-cell').textContent];
    });
  } else {
    out.params = Object.fromEntries([...root.querySelectorAll('input.ma-value')].map(b =>
      [b.className.match(/ma-value-(\\w+)/)[1], b.value]));
    const plots = [...root.querySelectorAll('svg.ma-scatter')];
    out.points = plots.map(s => s.querySelectorAll('circle').length);
    out.plot_names = plots.map(s => s.getAttribute('aria-label'));
  }
  return out;
}"""


VIEWS = {
    "desktop-light": ({"width": 1280, "height": 900}, None),
    "desktop-dark": ({"width": 1280, "height": 900}, "dark"),
    "phone-light": ({"width": 390, "height": 844}, None),
    "phone-dark": ({"width": 390, "height": 844}, "dark"),
}
BY_HAND = ("desktop-light", "phone-dark")
by_hand = pytest.mark.parametrize("page", BY_HAND, indirect=True)


@contextmanager
def opened(
    site: Path, browser: object, lesson: str, view: str, ready: list[str]
) -> Iterator[Watched]:
    """``lesson`` from ``file://`` in ``view``, once every selector in ``ready`` is drawn; on
    leaving, no request went to the network and nothing failed or logged an error."""
    viewport, theme = VIEWS[view]
    with watched_page(browser) as watched:
        watched.page.set_viewport_size(viewport)
        watched.page.goto((site / lesson).as_uri(), wait_until="load")
        if theme is not None:
            watched.page.evaluate(
                "(t) => document.documentElement.setAttribute('data-theme', t)", theme
            )
        for selector in ready:
            watched.page.locator(selector).last.wait_for(timeout=TIMEOUT_MS)
        watched.name = view
        yield watched
        assert watched.blocked == [], "requests to the network (aborted)"
        assert watched.failed == [], f"requests that failed: {watched.failed}"
        assert watched.console_errors == [], f"errors in the console: {watched.console_errors}"


def read(locator) -> dict:
    return locator.evaluate(READ)


def _numbers(shown: list[dict]) -> dict[str, float]:
    return {item["key"]: float(item["value"]) for item in shown if item["value"] is not None}


def _texts(shown: list[dict]) -> dict[str, str]:
    return {item["key"]: item["text"] for item in shown}


def _same(got: float, want: float) -> bool:
    if math.isnan(want) or math.isnan(got):
        return math.isnan(want) and math.isnan(got)
    return abs(got - want) <= TOLERANCE


def assert_numbers(shown: list[dict], engine: dict[str, float]) -> None:
    numbers = _numbers(shown)
    assert set(numbers) == set(engine), set(numbers) ^ set(engine)
    for key, want in engine.items():
        assert _same(numbers[key], want), (key, numbers[key], want)


def assert_fits(state: dict) -> None:
    """Nothing cut off: the explorer is no wider than its box and ends inside the window;
    what is wider (grid, tables) scrolls in its own box; every control has a name; the
    refusal line is an alert."""
    assert state["scroll_width"] <= state["width"] + 1, "the explorer overflows its box"
    assert state["right"] <= state["viewport"] + 1, "the explorer runs off the screen"
    assert set(state["scrolls"]) <= {"auto"}
    assert state["unnamed"] == [], "controls without an accessible name"
    assert state["message_role"] == "alert"


def assert_matrix(state: dict):
    """Every number and text of a matrix explorer is the engine's for the state it shows."""
    labels, kept = state["labels"], state["kept"]
    counts = [[int(text) for text in row] for row in state["counts"]]
    zd = ZERO_DIVISION[state["zero_division"]]
    ex = matrix_explorer(counts, labels, kept=kept, zero_division=zd)
    assert_numbers(state["shown"], ex.quantities())
    texts = _texts(state["shown"])
    micro = ex.scores("micro", exact=True)
    for part in ("precision", "recall", "f1"):
        value = getattr(micro, part)
        if isinstance(value, Fraction) and "0/0" not in texts[f"micro-{part}"]:
            assert texts[f"micro-{part}"] == prose.exact(value)
    assert texts["accuracy"] == prose.exact(ex.confusion_matrix.accuracy(exact=True))
    assert texts["macro-f1"] == prose.percent(ex.scores("macro").f1)
    assert texts["residual"] == prose.signed(ex.quantities()["residual"])
    assert state["k"] == str(len(labels))
    return ex


def assert_editor(state: dict):
    labels = [x.strip() for x in state["labels"].split(",")]
    y_true = [row[0] for row in state["rows"]]
    y_pred = [row[1] for row in state["rows"]]
    ed = prediction_editor(y_true, y_pred, labels=labels)
    assert_numbers(state["shown"], ed.quantities())
    for (_, _, verdict), roles in zip(state["rows"], ed.row_roles(), strict=True):
        assert re.sub(r"^[✓✗] ", "", verdict).replace(" FN", ", FN") == roles
    texts = _texts(state["shown"])
    micro = ed.confusion_matrix.scores(exact=True)
    assert texts["micro-f1"] == prose.exact(micro.f1)
    return ed


def assert_many(state: dict, n_classifiers: int = 300):
    p = state["params"]
    params = {
        "n_labels": int(p["n_labels"]),
        "n_samples": int(p["n_samples"]),
        "skill": float(p["skill"]),
        "imbalance": float(p["imbalance"]),
        "seed": int(p["seed"]),
    }
    many = many_classifiers(n_classifiers, **params)
    engine = many.quantities()
    assert_numbers(state["shown"], engine)
    texts = _texts(state["shown"])
    assert texts["accuracy-min"] == prose.percent(engine["accuracy-min"])
    assert texts["macro-gap-max"] == prose.signed(f"{100 * engine['macro-gap-max']:+.1f}")
    assert state["points"] == [n_classifiers, n_classifiers]
    assert "every point lies on the diagonal" in state["plot_names"][0]
    return many


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb()/rgba() colours (alpha ignored)."""

    def luminance(colour: str) -> float:
        r, g, b = (int(float(x)) for x in re.findall(r"[\d.]+", colour)[:3])

        def channel(c: int) -> float:
            c = c / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)

    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
