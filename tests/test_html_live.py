"""Lesson 03's explorers in the HTML tutorial, offline: with no kernel, every one computes.

Opens ``build/html/03-interactive-explorer.html`` from ``file://`` in Chromium with every
other request aborted, at 1280 px and at 390 px (a phone), light and dark (every explorer drawn
and read in all four; driven by hand, keyboard included, in one view per width: ``by_hand``).
After every step every number the explorer shows is asserted against the engine for the state
it shows (``explorer_pages``), and nothing may be cut off.
Screenshots: ``build/screenshots/html-03-*.png``.
"""

from __future__ import annotations

import pytest
from browser import SCREENSHOTS
from explorer_pages import (
    VIEWS,
    assert_editor,
    assert_fits,
    assert_many,
    assert_matrix,
    by_hand,
    contrast,
    opened,
    read,
)

LESSON_03 = "03-interactive-explorer.html"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(params=list(VIEWS))
def page(request, site, chromium_browser):
    ready = [".microavg-many-classifiers svg.ma-scatter"]
    with opened(site, chromium_browser, LESSON_03, request.param, ready) as watched:
        yield watched


def frames(page, n: int = 2) -> None:
    """Let ``n`` animation frames pass in the page."""
    page.evaluate(
        """async (n) => { for (let i = 0; i < n; i += 1)
             await new Promise((done) => requestAnimationFrame(() => done())); }""",
        n,
    )


def shoot(watched, locator, what: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    locator.scroll_into_view_if_needed()
    locator.screenshot(path=str(SCREENSHOTS / f"html-03-{what}-{watched.name}.png"))


def explorers(page):
    return {
        "editor": page.locator(".microavg-prediction-editor").first,
        "matrix": page.locator(".microavg-matrix-explorer").first,
        "ner": page.locator(".microavg-matrix-explorer").nth(1),
        "many": page.locator(".microavg-many-classifiers").first,
        "mine": page.locator(".microavg-matrix-explorer").nth(2),
    }


def test_every_explorer_draws_offline_with_the_engines_numbers_and_fits(page):
    found = explorers(page.page)
    assert page.page.locator(".microavg-explorer:not(.microavg-exercise)").count() == 5
    assert page.page.locator(".microavg-exercise").count() == 5
    for name, root in found.items():
        state = read(root)
        assert_fits(state)
        # No explorer opens on a refusal (lesson 03 refuses k = 11 on a copy it closes).
        assert state["message"] == "", (name, state["message"])
        if name == "editor":
            assert_editor(state)
        elif name == "many":
            assert_many(state)
        else:
            assert_matrix(state)
        # Text is readable on the explorer's own background, in light and dark.
        assert contrast(state["colour"], state["background"]) >= 4.5, (name, state["colour"])
        shoot(page, root, name)


@by_hand
def test_matrix_explorer_recomputes_as_a_count_is_typed_and_refuses_bad_text(page):
    root = explorers(page.page)["matrix"]
    cell = root.locator("input.ma-cell[data-row='0'][data-col='1']")
    cell.click()
    cell.press("ControlOrMeta+a")
    cell.press_sequentially("10")
    state = read(root)
    assert state["counts"][0][1] == "10"
    assert_matrix(state)
    for bad, words in [
        ("-1", 'got "-1"'),  # typed key by key: no prefix is a count
        (".5", 'got ".5"'),
        ("abc", 'got "abc"'),
        ("2.5", 'got "2.5"'),  # pasted at once
        ("1e3", 'got "1e3"'),
        ("٣", 'got "٣"'),
    ]:
        if bad[0].isascii() and not bad[0].isdigit():
            cell.press("ControlOrMeta+a")
            cell.press_sequentially(bad)
        else:
            cell.fill(bad)
        state = read(root)
        assert words in state["message"] and state["message"].startswith("Refused: ")
        assert state["invalid"] == 1
        good = dict(state, counts=[row[:] for row in state["counts"]])
        good["counts"][0][1] = "10"
        assert_matrix(good)  # the numbers are those of the last good state
    page.page.keyboard.press("Enter")
    state = read(root)
    assert state["counts"][0][1] == "10", "leaving the cell shows the count the explorer holds"
    assert state["invalid"] == 0
    shoot(page, root, "matrix-refused")


@by_hand
def test_typing_1000001_key_by_key_leaves_the_count_from_before_it_in_the_cell(page):
    root = explorers(page.page)["matrix"]
    cell = root.locator("input.ma-cell[data-row='2'][data-col='0']")
    before = read(root)["counts"][2][0]
    cell.click()
    cell.press("ControlOrMeta+a")
    cell.press_sequentially("1000001")
    assert 'from 0 to 1000000, got "1000001"' in read(root)["message"]
    page.page.keyboard.press("Tab")
    state = read(root)
    # The counts typed on the way ("100000") were no edit of their own: never a truncation.
    assert state["counts"][2][0] == before
    assert_matrix(state)
    cell.fill("1000")
    cell.fill("1000001")  # pasted at once: refused, the count before stays
    page.page.keyboard.press("Tab")
    assert read(root)["counts"][2][0] == "1000"


@by_hand
def test_a_blank_cell_is_refused_when_left_and_shows_its_count_again(page):
    root = explorers(page.page)["matrix"]
    cell = root.locator("input.ma-cell[data-row='1'][data-col='1']")
    cell.click()
    cell.press("ControlOrMeta+a")
    cell.press("Backspace")
    page.page.keyboard.press("Tab")
    state = read(root)
    assert state["counts"][1][1] == "1" and 'got ""' in state["message"]


@by_hand
def test_k_typed_and_entered_applies_and_a_dot_or_eleven_is_refused(page):
    root = explorers(page.page)["matrix"]
    box = root.locator("input.ma-k")
    box.fill("10")
    box.press("Enter")
    state = read(root)
    assert len(state["labels"]) == 10 and state["k"] == "10"
    assert_matrix(state)
    assert_fits(state)
    for bad in ("0.5", ".", "11"):
        box.fill(bad)
        box.press("Enter")
        state = read(root)
        assert f'labels (k) must be a whole number from 2 to 10, got "{bad}"' in state["message"]
        assert len(state["labels"]) == 10 and state["k"] == "10"
    box.focus()
    box.press("ArrowDown")
    assert read(root)["k"] == "9"
    shoot(page, root, "matrix-k9")


@by_hand
def test_untick_a_and_b_then_k_2_keeps_a_label_scored(page):
    root = explorers(page.page)["matrix"]
    root.locator("input.ma-keep-box[data-label='A']").uncheck()
    root.locator("input.ma-keep-box[data-label='B']").uncheck()
    assert_matrix(read(root))
    box = root.locator("input.ma-k")
    box.fill("2")
    box.press("Enter")
    state = read(root)
    assert "labels (k) = 2 would leave no label scored" in state["message"]
    assert state["kept"] == ["C"] and len(state["labels"]) == 3
    root.locator("input.ma-keep-box[data-label='C']").click()  # refused: it stays ticked
    state = read(root)
    assert "labels scored must hold at least one label" in state["message"]
    assert state["kept"] == ["C"]


@by_hand
def test_leaving_o_out_of_the_ner_preset_parts_precision_from_recall(page):
    root = explorers(page.page)["ner"]
    root.locator("input.ma-keep-box[data-label='O']").uncheck()
    state = read(root)
    ex = assert_matrix(state)
    q = ex.quantities()
    assert q["residual"] < 0 and q["micro-precision"] > q["micro-recall"]
    root.locator("select.ma-zero-division").select_option("nan")
    root.locator("input.ma-k").fill("6")
    root.locator("input.ma-k").press("Enter")
    state = read(root)
    assert_matrix(state)  # the new label F has no rows: nan where scores divide by 0
    assert state["zero_division"] == "nan"
    shoot(page, root, "ner-left-out")


@by_hand
def test_presets_and_a_pasted_matrix_replace_the_matrix(page):
    root = explorers(page.page)["matrix"]
    root.locator("button.ma-preset-imbalanced").click()
    assert_matrix(read(root))
    root.locator("details.ma-paste summary").click()
    text = root.locator("textarea.ma-paste-text")
    text.fill("\tcat\tdog\ncat\t5\t1\ndog\t2\t7")
    root.locator("button.ma-paste-apply").click()
    state = read(root)
    assert state["labels"] == ["cat", "dog"] and state["counts"] == [["5", "1"], ["2", "7"]]
    assert_matrix(state)
    for bad, words in [("1 2 3\n4 5", "as many counts in every row"), ("1 2 3\n4 5 6", "square")]:
        text.fill(bad)
        root.locator("button.ma-paste-apply").click()
        state = read(root)
        assert words in state["message"] and state["labels"] == ["cat", "dog"]
    text.fill("$$,$x$,<b>b</b>\n1,2,0\n3,4,1\n0,1,5")  # labels are text wherever drawn
    root.locator("button.ma-paste-apply").click()
    state = read(root)
    assert state["labels"] == ["$$", "$x$", "<b>b</b>"] and state["message"] == ""
    assert root.locator(".ma-grid b").count() == 0
    assert_matrix(state)
    root.locator("button.ma-paste-apply").click()
    text.fill("cat,dog\n5,1\n2,7")
    root.locator("button.ma-paste-apply").click()
    text.fill("[[50  3]\n [ 7 40]]")
    root.locator("button.ma-paste-apply").click()
    state = read(root)
    # A paste without names gets the default names, never the last paste's (issue 23).
    assert state["counts"] == [["50", "3"], ["7", "40"]] and state["labels"] == ["A", "B"]
    assert_matrix(state)
    shoot(page, root, "matrix-pasted")


@by_hand
def test_the_editor_recomputes_as_rows_change_and_refuses_what_it_cannot_show(page):
    root = explorers(page.page)["editor"]
    root.locator("select[aria-label='row 3 predicted']").select_option("A")
    state = read(root)
    assert_editor(state)
    root.locator("button.ma-add").click()
    root.locator("select[aria-label='row 10 true']").select_option("B")
    assert_editor(read(root))
    box = root.locator("input.ma-labels-input")
    box.fill("A, B, C, D")
    box.press("Enter")
    root.locator("select[aria-label='row 1 predicted']").select_option("D")
    state = read(root)
    assert_editor(state)
    for bad, words in [
        ("A, A", 'labels must be distinct, got "A" twice'),
        ("A, B", 'true label in row 7 must be one of A, B, got "C"'),
    ]:
        box.fill(bad)
        box.press("Enter")
        state = read(root)
        assert words in state["message"] and state["labels"] == "A, B, C, D"
    assert_fits(state)
    shoot(page, root, "editor-edited")
    while len(read(root)["rows"]) > 1:
        root.locator("button.ma-remove").first.click()
    root.locator("button.ma-remove").first.click()
    state = read(root)
    assert len(state["rows"]) == 1 and "rows must number from 1 to 40, got 0" in state["message"]


@by_hand
def test_many_classifiers_follow_the_keyboard_and_refuse_typed_values_out_of_range(page):
    root = explorers(page.page)["many"]
    slider = root.locator("input.ma-range-imbalance")
    slider.focus()
    for _ in range(4):
        slider.press("ArrowRight")
    frames(page.page)  # a slider redraws at most once a frame: a key within one waits for it
    state = read(root)
    assert state["params"]["imbalance"] == "2"
    assert_many(state)
    box = root.locator("input.ma-value-skill")
    box.fill("1.5")
    box.press("Enter")
    state = read(root)
    assert 'skill must be a finite real number from 0.0 to 1.0, got "1.5"' in state["message"]
    assert state["params"]["skill"] == "0.7"
    box.fill("0.35")
    box.press("Enter")
    seed = root.locator("input.ma-value-seed")
    seed.fill("7")
    seed.press("Enter")
    state = read(root)
    assert state["message"] == "" and state["params"]["seed"] == "7"
    assert_many(state)
    assert_fits(state)
    shoot(page, root, "many-moved")


@by_hand
def test_keyboard_alone_drives_every_explorer(page):
    found = explorers(page.page)
    matrix = found["matrix"]
    matrix.locator("button.ma-preset-imbalanced").focus()
    page.page.keyboard.press("Enter")
    assert read(matrix)["counts"][0][0] == "76"
    matrix.locator("input.ma-keep-box[data-label='C']").focus()
    page.page.keyboard.press("Space")
    assert read(matrix)["kept"] == ["A", "B"]
    cell = matrix.locator("input.ma-cell[data-row='2'][data-col='2']")
    cell.focus()
    page.page.keyboard.press("ArrowUp")
    page.page.keyboard.press("Shift+Tab")  # back to the cell before, whose arrows step too
    page.page.keyboard.press("ArrowDown")
    state = read(matrix)
    assert state["counts"][2][2] == "2" and state["counts"][2][1] == "0"
    assert_matrix(state)
    editor = found["editor"]
    editor.locator("button.ma-add").focus()
    page.page.keyboard.press("Enter")
    editor.locator("select[aria-label='row 10 predicted']").focus()
    page.page.keyboard.press("ArrowDown")
    state = read(editor)
    assert len(state["rows"]) == 10 and state["rows"][9][1] == "B"
    assert_editor(state)
    many = found["many"]
    many.locator("input.ma-range-n_labels").focus()
    page.page.keyboard.press("ArrowRight")
    frames(page.page)
    page.page.keyboard.press("Tab")  # the box beside the slider
    page.page.keyboard.press("ControlOrMeta+a")
    page.page.keyboard.type("6")
    page.page.keyboard.press("Enter")
    state = read(many)
    assert state["params"]["n_labels"] == "6"
    assert_many(state)
