"""Lesson 04's explorers in the HTML tutorial, offline: with no kernel, every one computes.

Opens ``build/html/04-when-micro-averages-part.html`` from ``file://`` in Chromium with every
other request aborted, at 1280 px and at 390 px (a phone), light and dark, and uses each of
its six explorers (a label left out, abstaining, multi-label tags, thresholds, top-k, and
section 6's explainer of a CSV file) as a reader would, keyboard included (drawn, read and
contrast-checked in all four views, driven by hand in one per width: ``by_hand``). After every
step every number an explorer shows is asserted against the engine for the state it shows (the
explorers' ``quantities()``, the explainer's text against ``microavg explain``'s) and the
headline numbers against scikit-learn's on the same data; bad input is refused in the
control's on-screen name and the last good state kept. axe-core checks the whole page, these
explorers included, in the same four views (``tests/test_site.py``). Screenshots:
``build/screenshots/html-04-*.png``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from browser import SCREENSHOTS
from explorer_pages import VIEWS, assert_fits, assert_matrix, by_hand, contrast, opened
from explorer_pages import read as read_common
from microavg import examples
from microavg.explorers import explain_file, scored_items, tag_table
from sklearn.metrics import accuracy_score, precision_recall_fscore_support, top_k_accuracy_score

LESSON_04 = "04-when-micro-averages-part.html"
TOLERANCE = 1e-12
ANIMALS = list(examples.ANIMAL_LABELS)
TAGS = list(examples.PHOTO_TAGS)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


READ = """(root) => {
  const out = {};
  if (root.classList.contains('microavg-scored-items')) {
    out.mode = [...root.classList].find(c => c.startsWith('ma-mode-')).slice(8);
    out.box = root.querySelector('input.ma-value-cut').value;
    out.range = root.querySelector('input.ma-range-cut').value;
    const unknown = root.querySelector('input.ma-unknown');  // abstaining only
    out.unknown_counted = unknown !== null && unknown.checked;
    out.marked = [...root.querySelectorAll('tr.ma-marked th')].map(t => Number(t.textContent));
    out.predicted = [...root.querySelectorAll('.ma-item-table tbody tr')].map(tr =>
      tr.querySelector('[data-quantity=size]').textContent);
  } else {
    out.y_true = [...root.querySelectorAll('.ma-tag-table tbody tr')].map(tr =>
      [...tr.querySelectorAll('input.ma-true')].map(b => b.checked ? 1 : 0));
    out.y_pred = [...root.querySelectorAll('.ma-tag-table tbody tr')].map(tr =>
      [...tr.querySelectorAll('input.ma-predicted')].map(b => b.checked ? 1 : 0));
  }
  return out;
}"""


READY = [f"{view} .ma-verdict" for view in (".microavg-scored-items", ".microavg-tag-table")]


@pytest.fixture(params=list(VIEWS))
def page(request, site, chromium_browser):
    """The lesson freshly opened in a view, for a test that uses its explorers."""
    with opened(site, chromium_browser, LESSON_04, request.param, READY) as watched:
        yield watched


@pytest.fixture(scope="module", params=list(VIEWS))
def shown(request, site, chromium_browser):
    """The lesson opened once a view for the tests that only read it."""
    with opened(site, chromium_browser, LESSON_04, request.param, READY) as watched:
        yield watched


def shoot(watched, locator, what: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    locator.scroll_into_view_if_needed()
    locator.screenshot(path=str(SCREENSHOTS / f"html-04-{what}-{watched.name}.png"))


def explorers(page) -> dict:
    scored = ".microavg-scored-items.ma-mode-"
    return {
        "left out": page.locator(".microavg-matrix-explorer").first,
        "abstain": page.locator(scored + "abstain").first,
        "tags": page.locator(".microavg-tag-table").first,
        "threshold": page.locator(scored + "threshold").first,
        "top_k": page.locator(scored + "top_k").first,
    }


def read(root) -> dict:
    return {**read_common(root), **root.evaluate(READ)}


def shown_numbers(state: dict) -> dict[str, float]:
    return {s["key"]: float(s["value"]) for s in state["shown"] if s["value"] is not None}


def assert_engines_numbers(state: dict, engine: dict[str, float]) -> None:
    """Every number the page shows is the engine's for the state it shows."""
    numbers = shown_numbers(state)
    assert numbers, "no numbers shown"
    assert set(numbers) <= set(engine), set(numbers) - set(engine)
    for key, value in numbers.items():
        assert math.isclose(value, engine[key], rel_tol=0, abs_tol=TOLERANCE), key
    for part in ("precision", "recall", "f1"):
        assert f"micro-{part}" in numbers


def sklearn_micro(y_true, y_pred, **kwargs) -> list[float]:
    found = precision_recall_fscore_support(
        y_true, y_pred, average="micro", zero_division=0.0, **kwargs
    )
    return [float(x) for x in found[:3]]


def assert_scored(state: dict) -> dict[str, float]:
    """A scored-items explorer's numbers: the engine's, and scikit-learn's on the same data."""
    mode = state["mode"]
    value = float(state["box"])
    y_true, y_score = examples.animal_probabilities()
    if mode == "top_k":
        ex = scored_items("top_k", k=int(value))
    else:
        ex = scored_items(mode, cut=value, unknown_counted=state["unknown_counted"])
    engine = ex.quantities()
    assert_engines_numbers(state, engine)
    numbers = shown_numbers(state)
    mine = [numbers[f"micro-{p}"] for p in ("precision", "recall", "f1")]
    truth = np.eye(3, dtype=int)[[ANIMALS.index(t) for t in y_true]]
    if mode == "abstain":
        answers = ex.answers()
        labels = [*ANIMALS, "unknown"] if state["unknown_counted"] else ANIMALS
        theirs = sklearn_micro(y_true, answers, labels=labels)
        assert numbers["accuracy"] == accuracy_score(y_true, answers)
    elif mode == "threshold":
        sets = (np.array(y_score) >= value).astype(int)
        theirs = sklearn_micro(truth, sets)
        assert numbers["subset-accuracy"] == accuracy_score(truth, sets)
        sizes = sets.sum(axis=1)
        assert state["marked"] == [n for n, s in enumerate(sizes, 1) if s != 1]
    else:
        k = int(value)
        _, predicted = ex.label_sets()
        theirs = sklearn_micro(truth, predicted)
        if k < len(ANIMALS):
            top = top_k_accuracy_score(y_true, y_score, k=k, labels=ANIMALS)
            assert numbers["covered"] == top == numbers["micro-recall"]
        assert math.isclose(numbers["micro-precision"], numbers["micro-recall"] / k)
    assert all(math.isclose(a, b, abs_tol=TOLERANCE) for a, b in zip(mine, theirs, strict=True))
    return numbers


def assert_tags(state: dict) -> dict[str, float]:
    ex = tag_table(state["y_true"], state["y_pred"], TAGS)
    assert_engines_numbers(state, ex.quantities())
    numbers = shown_numbers(state)
    theirs = sklearn_micro(np.array(state["y_true"]), np.array(state["y_pred"]))
    mine = [numbers[f"micro-{p}"] for p in ("precision", "recall", "f1")]
    assert all(math.isclose(a, b, abs_tol=TOLERANCE) for a, b in zip(mine, theirs, strict=True))
    assert numbers["subset-accuracy"] == accuracy_score(state["y_true"], state["y_pred"])
    return numbers


def test_every_explorer_draws_offline_with_the_engines_numbers_and_fits(shown):
    found = explorers(shown.page)
    assert shown.page.locator(".microavg-explorer:not(.microavg-exercise)").count() == 6
    for name, root in found.items():
        state = read(root)
        assert_fits(state)
        assert state["message"] == "", (name, state["message"])
        assert contrast(state["colour"], state["background"]) >= 4.5, name
        if name == "left out":
            assert state["kept"] == ["A", "B"]
            assert_matrix(state)
        elif name == "tags":
            assert (state["y_true"], state["y_pred"]) == examples.photo_tags()
            assert_tags(state)
        else:
            assert_scored(state)
        shoot(shown, root, name.replace(" ", "-"))


def test_a_table_caption_wraps_within_its_box_and_stays_while_the_table_scrolls(shown):
    # On a phone the abstaining explorer's caption ran on past the box's edge, cut off.
    captions = shown.page.locator(".microavg-explorer .ma-scroll > table > caption")
    assert captions.count() >= 4
    for i in range(captions.count()):
        caption = captions.nth(i)
        box = caption.locator("xpath=ancestor::div[contains(@class, 'ma-scroll')][1]")
        caption.scroll_into_view_if_needed()
        for end in (True, False):  # scrolled to its end, then back as the reader found it
            box.evaluate("(e, end) => { e.scrollLeft = end ? e.scrollWidth : 0; }", end)
            where, edges = caption.bounding_box(), box.bounding_box()
            left, right = edges["x"] - 1, edges["x"] + edges["width"] + 1
            assert left <= where["x"] and where["x"] + where["width"] <= right, (
                caption.inner_text(),
                end,
            )


@by_hand
def test_leaving_o_out_shows_the_residual_and_ticking_it_back_brings_the_identity(page):
    root = explorers(page.page)["left out"]
    state = read(root)
    numbers = shown_numbers(state)
    assert numbers["residual"] > 0 and numbers["micro-precision"] < numbers["micro-recall"]
    # Per label left out, its errors out of it and into it; they make up the residual.
    assert numbers["out-of O"] - numbers["into O"] == numbers["residual"]
    texts = {item["key"]: item["text"] for item in state["shown"]}
    assert texts["lifts"] == "ΣFP > ΣFN: recall is lifted above precision"
    cell = root.locator("input[aria-label='count of true A, predicted O']")
    cell.focus()
    for _ in range(3):
        page.page.keyboard.press("ArrowUp")  # errors into O
    state = read(root)
    assert_matrix(state)
    numbers = shown_numbers(state)
    assert numbers["residual"] < 0 and numbers["micro-precision"] > numbers["micro-recall"]
    assert {item["key"]: item["text"] for item in state["shown"]}["lifts"] == (
        "ΣFP < ΣFN: precision is lifted above recall"
    )
    shoot(page, root, "left-out-into")
    root.locator("input.ma-keep-box[data-label='O']").check()
    state = read(root)
    assert_matrix(state)
    numbers = shown_numbers(state)
    assert numbers["residual"] == 0
    assert numbers["micro-precision"] == numbers["micro-recall"] == numbers["accuracy"]
    assert "out-of O" not in numbers and "lifts" not in {item["key"] for item in state["shown"]}


# Every font the page shows the label O in, bare (not quoted), as text of its own: each is
# drawn with "O" and with "0" on a canvas, and the share of ink the two do not share is read.
_O_AND_ZERO = """() => {
  const bare = /(^|[^\\p{L}\\p{N}'"\\u201c\\u2018])O($|[^\\p{L}\\p{N}'"\\u201d\\u2019])/u;
  const fonts = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const holder = node.parentElement;
    if (!bare.test(node.data) || holder.closest("script, style, [hidden]")) continue;
    const style = getComputedStyle(holder);
    const font = `${style.fontStyle} ${style.fontWeight} 48px ${style.fontFamily}`;
    fonts.set(font, (fonts.get(font) ?? 0) + 1);
  }
  const ink = (font, text) => {
    const canvas = document.createElement("canvas");
    canvas.width = 64; canvas.height = 64;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context.font = font;
    context.textBaseline = "top";
    context.fillText(text, 4, 4);
    const alpha = [...context.getImageData(0, 0, 64, 64).data].filter((_, i) => i % 4 === 3);
    return alpha.map((a) => a > 96);
  };
  return [...fonts].map(([font, count]) => {
    const o = ink(font, "O");
    const zero = ink(font, "0");
    const either = o.filter((on, i) => on || zero[i]).length;
    const one = o.filter((on, i) => on !== zero[i]).length;
    return { font, count, apart: one / either };
  });
}"""


def test_the_label_o_never_reads_as_the_digit_0(shown):
    # "errors out of 0 (true 0 ...)": wherever the page shows the label O bare, O and 0 differ
    # in at least a fifth of their ink, as glyphs of the font it is shown in. The sans fonts'
    # round O and narrow 0 differ in 47-72%; a code font's, even DejaVu Sans Mono's dotted
    # zero, in 14-16%: there the lesson quotes it, “O”, as explanations write 'O'.
    fonts = shown.page.evaluate(_O_AND_ZERO)
    assert sum(f["count"] for f in fonts) >= 5, fonts  # the matrix explorer's O, at least
    for font in fonts:
        assert font["apart"] >= 0.2, font


@by_hand
def test_the_confidence_cut_moves_by_keyboard_and_refuses_what_it_cannot_take(page):
    root = explorers(page.page)["abstain"]
    before = assert_scored(read(root))
    slider = root.locator("input.ma-range-cut")
    slider.focus()
    for _ in range(35):  # 0.5 -> 0.85, a step of 0.01 a key
        page.page.keyboard.press("ArrowRight")
    state = read(root)
    assert state["box"] == "0.85"
    up = assert_scored(state)
    assert up["answered"] < before["answered"]
    assert up["micro-precision"] > before["micro-precision"]
    assert up["micro-recall"] == up["accuracy"] < before["micro-recall"]
    box = root.locator("input.ma-value-cut")
    for bad in ("1.5", "-0.1", "abc", " ", "0.5.5", "<b>1</b>", "NaN"):
        box.fill(bad)
        box.press("Enter")
        state = read(root)
        assert state["message"].startswith("Refused: confidence cut must be a finite real number")
        assert state["box"] == "0.85" and state["range"] == "0.85", bad
        assert_scored(state)
    box.fill("0.5")
    box.press("Enter")
    state = read(root)
    assert state["message"] == "" and state["box"] == "0.5"
    assert shown_numbers(state) == before
    shoot(page, root, "abstain-after")


@by_hand
def test_counting_unknown_as_a_label_brings_precision_down_to_recall(page):
    root = explorers(page.page)["abstain"]
    box = root.locator("input.ma-unknown")
    box.focus()
    page.page.keyboard.press("Space")
    state = read(root)
    assert state["unknown_counted"] is True
    numbers = assert_scored(state)
    assert numbers["micro-precision"] == numbers["micro-recall"] == numbers["accuracy"]
    assert "tp unknown" in shown_numbers(state) and "fp unknown" in shown_numbers(state)
    shoot(page, root, "abstain-counted")


@by_hand
def test_the_threshold_slider_marks_items_with_no_label_or_several(page):
    root = explorers(page.page)["threshold"]
    assert_scored(read(root))
    slider = root.locator("input.ma-range-cut")
    slider.focus()
    for _ in range(20):  # 0.5 -> 0.3
        page.page.keyboard.press("ArrowLeft")
    state = read(root)
    assert state["box"] == "0.3"
    numbers = assert_scored(state)
    assert numbers["several-labels"] > 0 and numbers["micro-precision"] < numbers["micro-recall"]
    assert any("," in text for text in state["predicted"])
    page.page.keyboard.press("End")
    state = read(root)
    assert state["box"] == "1"
    numbers = assert_scored(state)
    assert numbers["no-label"] == 8 and numbers["micro-precision"] == 0
    shoot(page, root, "threshold-at-1")


@by_hand
def test_top_k_follows_the_keyboard_and_refuses_k_out_of_range(page):
    root = explorers(page.page)["top_k"]
    box = root.locator("input.ma-value-cut")
    for k in ("1", "3", "2"):
        box.fill(k)
        box.press("Enter")
        state = read(root)
        assert state["message"] == "" and state["box"] == k
        numbers = assert_scored(state)
        if k == "1":
            assert numbers["micro-precision"] == numbers["micro-recall"]
    for bad in ("0", "4", "2.5", "", "1e1", "99999999999999"):
        box.fill(bad)
        box.press("Enter")
        state = read(root)
        assert state["message"].startswith("Refused: labels per item (k) must be a whole number"), (
            bad
        )
        assert state["box"] == "2"
        assert_scored(state)
    slider = root.locator("input.ma-range-cut")
    slider.focus()
    page.page.keyboard.press("ArrowRight")
    state = read(root)
    assert state["box"] == "3" and state["message"] == ""
    assert_scored(state)


@by_hand
def test_the_tag_table_recomputes_as_boxes_are_ticked_by_keyboard(page):
    root = explorers(page.page)["tags"]
    before = assert_tags(read(root))
    extra = root.locator("input[aria-label='predicted tag beach of item 2']")
    extra.focus()
    page.page.keyboard.press("Space")
    state = read(root)
    after = assert_tags(state)
    assert state["y_pred"][1] == [0, 1, 0]
    assert after["sum-fp"] == before["sum-fp"] - 1 and after["sum-fn"] == before["sum-fn"]
    assert after["micro-precision"] > before["micro-precision"]
    assert after["micro-recall"] == before["micro-recall"]
    # The box keeps the keyboard's focus through the redraw, so Tab walks on.
    assert page.page.evaluate("() => document.activeElement.getAttribute('aria-label')") == (
        "predicted tag beach of item 2"
    )
    page.page.keyboard.press("Tab")
    page.page.keyboard.press("Space")  # the next box: true tag dog of item 2
    state = read(root)
    assert state["y_true"][1] == [0, 0, 0]
    assert_tags(state)
    shoot(page, root, "tags-edited")


@by_hand
def test_the_tag_table_refuses_to_lose_its_last_item_and_keeps_it(page):
    root = explorers(page.page)["tags"]
    remove = root.locator("button.ma-remove-item")
    for _ in range(4):
        remove.click()
    state = read(root)
    assert len(state["y_true"]) == 1 and state["message"] == ""
    assert_tags(state)
    remove.click()
    state = read(root)
    assert state["message"] == "Refused: items must number from 1 to 20, got 0"
    assert len(state["y_true"]) == 1
    assert_tags(state)
    add = root.locator("button.ma-add-item")
    for _ in range(19):
        add.click()
    assert len(read(root)["y_true"]) == 20
    add.click()
    state = read(root)
    assert state["message"] == "Refused: items must number from 1 to 20, got 21"
    assert len(state["y_true"]) == 20
    assert_tags(state)
    assert_fits(state)


EXPLAINED = """(root) => ({
  said: [...root.querySelectorAll('.ma-ef-output p')].map(p => p.textContent),
  ticked: [...root.querySelectorAll('.ma-ef-labels input')].filter(b => b.checked)
    .map(b => b.value)})"""


def explained(root) -> dict:
    """What section 6's explainer shows: its paragraphs, spaces folded, and the labels ticked."""
    root.locator(".ma-ef-output p").first.wait_for(timeout=30_000)
    looked = root.evaluate(EXPLAINED)
    return {**looked, "said": [" ".join(p.split()) for p in looked["said"]]}


def said(labels: list[str]) -> list[str]:
    """What ``microavg explain`` prints for section 2's tokens with ``labels`` scored."""
    text = explain_file(examples.ner_tokens_csv(), labels=labels).said
    return [" ".join(p.split()) for p in text.split("\n\n")]


def test_the_explainer_tells_section_2s_tokens_as_the_command_line_does_and_fits(page):
    root = page.page.locator(".microavg-explain-file").first
    looked = explained(root)
    assert looked["ticked"] == ["A", "B"] and looked["said"] == said(["A", "B"])
    p, r, _, _ = precision_recall_fscore_support(
        *examples.ner_tokens(), labels=["A", "B"], average="micro"
    )
    assert (p, r) == (0.6, 1.0) and "precision 3/5 (60.0%), recall 1 (100.0%)" in looked["said"][0]
    state = read_common(root)
    assert_fits(state)
    assert state["message"] == "" and contrast(state["colour"], state["background"]) >= 4.5
    shoot(page, root, "own-data")


@by_hand
def test_ticking_o_back_in_takes_the_cause_away_as_section_6_says(page):
    root = page.page.locator(".microavg-explain-file").first
    explained(root)
    root.locator(".ma-ef-labels input[value='O']").focus()
    page.page.keyboard.press("Space")
    page.page.wait_for_function(
        "() => document.querySelector('.microavg-explain-file .ma-ef-output')"
        ".textContent.includes('They agree')"
    )
    looked = explained(root)
    assert looked["ticked"] == ["A", "B", "O"] and looked["said"] == said(["A", "B", "O"])
    assert_fits(read_common(root))
    shoot(page, root, "own-data-o-back")
