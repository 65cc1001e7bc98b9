"""The live explorer in the HTML tutorial: offline, with no kernel, it still computes.

Opens each page of ``build/html`` that holds the live explorer (lesson 03's at least) from
``file://`` in Chromium with every other request aborted, and uses it as a reader would:
types counts, changes k, leaves a label out, picks ``zero_division`` and a preset, and
types bad counts. After every step each number on the page (its ``data-quantity`` spans)
must equal the engine's for the matrix the page shows, and the grid's colours the
heatmap's. Screenshots: ``build/screenshots/html-live-*.png``.

``MICROAVG_HTML_NOTEBOOKS=DIR`` checks the pages built from another folder, as
``test_html.py`` does.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import pytest
from browser import SCREENSHOTS, watched_page
from html_site import NOTEBOOKS, ROOT
from matplotlib.colors import to_hex
from microavg import examples, live, plots
from microavg.counts import ConfusionMatrix

LESSON_03 = "03-interactive-explorer.html"
MARK = '"_anywidget_id": "microavg.live.LiveExplorer"'
TIMEOUT_MS = 30_000
TOLERANCE = 1e-12

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def live_pages(site: Path) -> list[str]:
    """The pages whose saved widget state holds a live explorer."""
    return sorted(p.name for p in site.glob("*.html") if MARK in p.read_text(encoding="utf-8"))


def test_lesson_03_page_holds_the_live_explorer(site):
    if NOTEBOOKS != ROOT / "notebooks":
        pytest.skip("checks the tutorial's own lessons")
    assert LESSON_03 in live_pages(site)


def test_site_carries_the_same_widget_front_end_as_the_installed_anywidget(site):
    import anywidget

    # The page loads anywidget's widget module from the site; it must be the very module the
    # Python package that saved the state ships for the classic notebook.
    vendored = site / "assets" / "anywidget" / "dist" / "index.js"
    shipped = Path(anywidget.__file__).parent / "nbextension" / "index.js"
    assert vendored.read_bytes() == shipped.read_bytes()


# --- reading the page ---------------------------------------------------------------------------

_STATE = """(root) => ({
  labels: [...root.querySelectorAll('.ma-live-grid thead th[scope=col]')].map(th => th.textContent),
  counts: [...root.querySelectorAll('.ma-live-grid tbody tr')].map(tr =>
    [...tr.querySelectorAll('input.ma-live-cell')].map(input => input.value)),
  kept: [...root.querySelectorAll('input.ma-live-keep-box')].filter(b => b.checked)
    .map(b => b.dataset.label),
  zero_division: root.querySelector('select.ma-live-zero-division').value,
  k: root.querySelector('input.ma-live-k').value,
  message: root.querySelector('.ma-live-message').textContent,
  refused_cells: [...root.querySelectorAll('input.ma-live-cell[aria-invalid=true]')]
    .map(c => [Number(c.dataset.row), Number(c.dataset.col)]),
  colours: [...root.querySelectorAll('.ma-live-grid tbody tr')].map(tr =>
    [...tr.querySelectorAll('input.ma-live-cell')].map(c => getComputedStyle(c).backgroundColor)),
  shown: [...root.querySelectorAll('[data-quantity]')].map(s => ({
    key: s.dataset.quantity + (s.dataset.label === undefined ? '' : ' ' + s.dataset.label),
    value: s.dataset.value ?? null, text: s.textContent})),
})"""

ZERO_DIVISION = {"0": 0.0, "1": 1.0, "nan": math.nan}


class LiveExplorer:
    """The first live explorer on an open page, read and driven as a reader does."""

    def __init__(self, page: object) -> None:
        self.page = page
        self.root = page.locator(".microavg-live").first
        self.root.locator("[data-quantity=micro-precision]").wait_for(timeout=TIMEOUT_MS)

    def state(self) -> dict:
        return self.root.evaluate(_STATE)

    def cell(self, i: int, j: int) -> object:
        return self.root.locator(f"input.ma-live-cell[data-row='{i}'][data-col='{j}']")

    def type_count(self, i: int, j: int, text: str) -> None:
        """Click a cell, select its text and type over it, key by key."""
        cell = self.cell(i, j)
        cell.click()
        cell.press("ControlOrMeta+a")
        if text:
            cell.press_sequentially(text)
        else:
            cell.press("Backspace")

    def paste_count(self, i: int, j: int, text: str) -> None:
        """Replace a cell's text at once, as pasting does: one edit."""
        self.cell(i, j).fill(text)

    def leave_cell(self) -> None:
        self.page.keyboard.press("Tab")

    def keep(self, label: str, checked: bool) -> None:
        self.root.locator(f"input.ma-live-keep-box[data-label='{label}']").set_checked(checked)

    def set_k(self, k: str) -> None:
        box = self.root.locator("input.ma-live-k")
        box.fill(k)
        box.press("Enter")

    def preset(self, name: str) -> None:
        self.root.locator(f"button.ma-live-preset-{name}").click()

    def zero_division(self, value: str) -> None:
        self.root.locator("select.ma-live-zero-division").select_option(value)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"html-live-{name}.png"
        self.root.screenshot(path=str(path))
        return path


def percent(value: float) -> str:
    return "nan" if math.isnan(value) else f"{100 * value:.1f} %"


def exact_text(value: Fraction) -> str:
    return f"{value} = {percent(float(value))}"


def assert_shows_the_engines_numbers(state: dict) -> dict:
    """Every number on the page equals the engine's for the matrix the page shows."""
    labels, kept = state["labels"], state["kept"]
    counts = [[int(text) for text in row] for row in state["counts"]]
    zd = ZERO_DIVISION[state["zero_division"]]
    engine = live.explorer(counts, labels, kept=kept, zero_division=zd).quantities()
    shown = {item["key"]: item for item in state["shown"]}
    numbers = {key: item for key, item in shown.items() if item["value"] is not None}
    assert set(numbers) == set(engine), "the page shows other numbers than the engine gives"
    for key, expected in engine.items():
        got = float(numbers[key]["value"])
        if math.isnan(expected):
            assert math.isnan(got), key
        else:
            assert abs(got - expected) <= TOLERANCE, (key, got, expected)
    # The text a reader sees: micro scores and accuracy as the engine's exact fractions.
    cm = ConfusionMatrix.from_counts(counts, labels=labels)
    micro = cm.scores(labels=kept, zero_division=zd, exact=True)
    for part in ("precision", "recall", "f1"):
        value = getattr(micro, part)
        if isinstance(value, Fraction) and "0/0" not in shown[f"micro-{part}"]["text"]:
            assert shown[f"micro-{part}"]["text"] == exact_text(value)
    assert shown["accuracy"]["text"] == exact_text(cm.accuracy(exact=True))
    assert shown["macro-f1"]["text"] == percent(engine["macro-f1"])
    # The grid coloured as the heatmap colours the same counts.
    image = plots.confusion_heatmap(cm).axes[0].images[0]
    vmax = max(1, max(max(row) for row in counts))
    for row, colours in zip(counts, state["colours"], strict=True):
        for value, colour in zip(row, colours, strict=True):
            r, g, b = (int(x) for x in colour.removeprefix("rgb(").rstrip(")").split(","))
            assert f"#{r:02x}{g:02x}{b:02x}" == to_hex(image.get_cmap()(value / vmax))
    return engine


# --- using it -----------------------------------------------------------------------------------


@pytest.fixture
def opened(site, chromium_browser):
    """A fresh offline page with the explorer: lesson 03's, or the first page holding one."""
    pages = live_pages(site)
    assert pages, "no page holds a live explorer"
    page_name = LESSON_03 if LESSON_03 in pages else pages[0]
    with watched_page(chromium_browser) as watched:
        watched.page.goto((site / page_name).as_uri(), wait_until="load")
        explorer = LiveExplorer(watched.page)
        explorer.root.scroll_into_view_if_needed()
        yield watched, explorer
        assert watched.blocked == [], "requests to the network (aborted)"
        assert watched.failed == [] and watched.console_errors == []


def texts(state: dict) -> dict[str, str]:
    return {item["key"]: item["text"] for item in state["shown"]}


def test_explorer_draws_offline_from_the_saved_state(opened):
    watched, explorer = opened
    state = explorer.state()
    explorer.screenshot("before")
    assert watched.blocked == [] and watched.failed == [] and watched.console_errors == []
    assert state["labels"] == state["kept"] == ["A", "B", "C"] and state["message"] == ""
    assert_shows_the_engines_numbers(state)
    assert texts(state)["micro-precision"] == "5/9 = 55.6 %"
    assert texts(state)["verdict"] == "micro P = R = F1 = accuracy"


def test_typed_counts_recompute_every_number_at_once(opened):
    _, explorer = opened
    explorer.type_count(0, 1, "7")  # true A, predicted B: 1 -> 7, not yet left
    state = explorer.state()
    assert state["counts"][0][1] == "7" and state["message"] == ""
    engine = assert_shows_the_engines_numbers(state)
    assert (engine["all-sum-fp"], engine["micro-precision"]) == (10, 5 / 15)
    explorer.leave_cell()
    explorer.type_count(2, 2, "12")  # true C, predicted C
    explorer.leave_cell()
    engine = assert_shows_the_engines_numbers(explorer.state())
    assert engine["accuracy"] == 15 / 25 and engine["micro-recall"] == 15 / 25


def test_leaving_a_label_out_parts_micro_precision_from_recall(opened):
    _, explorer = opened
    explorer.keep("A", False)
    state = explorer.state()
    assert state["kept"] == ["B", "C"]
    engine = assert_shows_the_engines_numbers(state)
    assert (engine["sum-fp"], engine["sum-fn"], engine["residual"]) == (3, 2, 1)
    assert texts(state)["micro-precision"] == "1/2 = 50.0 %"
    assert texts(state)["verdict"] == "micro P ≠ micro R: they come apart"
    explorer.keep("A", True)
    assert_shows_the_engines_numbers(explorer.state())


def test_a_label_never_seen_divides_by_zero_as_zero_division_says(opened):
    _, explorer = opened
    explorer.set_k("4")  # D: a row and a column of zeros
    state = explorer.state()
    assert state["labels"] == state["kept"] == ["A", "B", "C", "D"]
    for zd in ("nan", "1", "0"):
        explorer.zero_division(zd)
        engine = assert_shows_the_engines_numbers(explorer.state())
        assert engine["label-precision D"] == pytest.approx(ZERO_DIVISION[zd], nan_ok=True)


def test_bad_counts_are_refused_visibly_and_the_last_good_state_kept(opened):
    _, explorer = opened
    for text in ["-3", "", "abc", "2.5", "1e3", "1000001"]:
        before = explorer.state()
        explorer.paste_count(1, 1, text)
        during = explorer.state()
        assert during["message"] == (
            f'Refused: true B, predicted B: "{text}" is not a count '
            "(a whole number from 0 to 1,000,000)"
        )
        assert during["refused_cells"] == [[1, 1]]
        assert during["shown"] == before["shown"], f"refused {text!r} changed the numbers"
        if text == "-3":
            explorer.screenshot("refused")
        explorer.leave_cell()
        after = explorer.state()
        assert after["counts"] == before["counts"] and after["refused_cells"] == []
        assert after["message"] == during["message"]  # it still says what was refused
        assert_shows_the_engines_numbers(after)


def test_typing_key_by_key_keeps_the_last_count_that_was_good(opened):
    _, explorer = opened
    explorer.type_count(1, 1, "2.5")  # "2" is taken at once, then "2." and "2.5" refused
    state = explorer.state()
    assert state["message"].startswith('Refused: true B, predicted B: "2.5" is not a count')
    explorer.leave_cell()
    state = explorer.state()
    assert state["counts"][1][1] == "2"
    assert_shows_the_engines_numbers(state)


def test_unticking_the_last_label_and_k_out_of_range_are_refused(opened):
    _, explorer = opened
    explorer.keep("A", False)
    explorer.keep("B", False)
    before = explorer.state()
    assert before["kept"] == ["C"]
    explorer.root.locator("input.ma-live-keep-box[data-label='C']").click()
    state = explorer.state()
    assert state["kept"] == ["C"]
    assert state["message"] == "Refused: keep at least one label to score"
    explorer.set_k("11")
    state = explorer.state()
    assert state["message"] == "Refused: k = 11: the explorer takes 2 to 10 labels"
    assert state["k"] == "3" and state["shown"] == before["shown"]


def test_a_preset_replaces_the_matrix_and_keeps_every_label(opened):
    _, explorer = opened
    explorer.keep("A", False)
    explorer.preset("imbalanced")
    state = explorer.state()
    cm = examples.imbalanced_matrix()
    assert state["labels"] == list(cm.labels) and state["kept"] == list(cm.labels)
    assert state["counts"] == [[str(v) for v in row] for row in cm.counts.tolist()]
    assert state["message"] == ""
    assert_shows_the_engines_numbers(state)
    explorer.preset("ner")
    explorer.keep("O", False)
    engine = assert_shows_the_engines_numbers(explorer.state())
    assert engine["micro-precision"] != engine["micro-recall"]
    explorer.screenshot("after")
