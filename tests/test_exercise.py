"""The exercise view: its rule in Python and in the page agree, it refuses a bad exercise,
and a page drawn from its saved state alone (the site's anywidget host, no kernel) checks
the reader's answer by keyboard, says so in a status line, fits 390 px and reads in dark.
"""

from __future__ import annotations

import shutil
from fractions import Fraction

import pytest
from browser import ROOT, watched_page
from htmlsite.widget_state import saved_views
from hypothesis import given, settings
from hypothesis import strategies as st
from microavg.explorers import RefusedEdit, exercise, exercises
from microavg.explorers.base import front_end
from microavg.explorers.exercises import check_answer, read_number
from node_js import NodeModules, require_node

HOST = ROOT / "tools" / "htmlsite" / "templates" / "microavg" / "static" / "anywidget-host.js"

PRECISION = exercise(
    "Micro-precision",
    Fraction(5, 9),
    hints={Fraction(4, 9): "That is 1 − precision.", Fraction(5, 8): "That divides by TP + FN."},
    worked="TP = 5 and FP = 4, so `5/(5 + 4)` = 5/9.",
)
CHOICE = exercise(
    "Which is always equal to accuracy here?",
    "micro-F1",
    kind="choice",
    choices=["macro-F1", "micro-F1", "weighted-F1"],
    hints={"macro-F1": "Macro-F1 averages per-label F1s; it can differ."},
    worked="Micro-F1: ΣFP = ΣFN.",
)
COUNT = exercise("ΣFP", 4, places=0, hints={5: "That counts a correct row."}, worked="Four.")

TYPED = [
    "5/9",
    "10/18",
    "-5/-9",
    "0.556",
    "0.5556",
    ".5556",
    "55.6%",
    "55.56 %",
    "55.5%",
    "0.555",
    "0.56",
    "0.6",
    "56%",
    "4/9",
    "0.444",
    "44.4%",
    "5/8",
    "0.625",
    "62.5%",
    "1",
    "0",
    "",
    " ",
    "abc",
    "5/0",
    "1/2/3",
    "1.5/3",
    "5e-1",
    "−0.556",
    "\u22125/9",
    "4",
    "4.0",
    "5",
    "3.9",
    "0.5555555555555555555",
    "1" * 70,
    "+0.556",
    "55.6%%",
    "%",
    "/9",
    "5/",
    "\u0665/\u0669",
    "0,556",
]
CHOSEN = ["macro-F1", "micro-F1", "weighted-F1", "", "F1", "micro-f1"]


@pytest.fixture(scope="module")
def js():
    runner = NodeModules(require_node())
    yield runner
    runner.close()


def js_verdict(js, ex, typed):
    got = js.value("exercise", "checkAnswer", ex.state, typed)
    return got["verdict"], got["text"]


@pytest.mark.parametrize("ex", [PRECISION, CHOICE, COUNT], ids=["fraction", "choice", "count"])
def test_the_page_and_python_give_the_same_verdict_word_for_word(js, ex):
    for typed in TYPED + CHOSEN:
        assert js_verdict(js, ex, typed) == ex.check(typed), typed


@settings(max_examples=150, deadline=None)
@given(
    num=st.integers(-2000, 2000),
    den=st.integers(1, 2000),
    typed=st.one_of(
        st.from_regex(r"-?\d{1,3}(\.\d{0,5})?%?", fullmatch=True),
        st.from_regex(r"-?\d{1,4}/-?\d{1,4}", fullmatch=True),
        st.text(max_size=8),
    ),
    places=st.integers(0, 5),
)
def test_random_answers_and_typing_agree_in_both_languages(js, num, den, typed, places):
    ex = exercise("x", Fraction(num, den), places=places)
    assert js_verdict(js, ex, typed) == ex.check(typed)


def test_rounding_is_to_the_places_typed_and_at_least_the_places_asked():
    spec = PRECISION.state
    assert check_answer(spec, "0.5556")[0] == "right"
    assert check_answer(spec, "0.5555")[0] == "wrong"  # 5/9 rounds to 0.5556, not 0.5555
    assert check_answer(spec, "0.56") == ("hint", exercises.CLOSE)
    assert check_answer(spec, "4/9") == ("hint", "That is 1 − precision.")
    assert check_answer(spec, "62.5%") == ("hint", "That divides by TP + FN.")
    assert check_answer(COUNT.state, "4.0")[0] == "right"
    assert check_answer(COUNT.state, "5") == ("hint", "That counts a correct row.")


def test_read_number_is_exact_and_refuses_what_is_not_a_number():
    assert read_number("55.6%") == (Fraction(139, 250), 3)
    assert read_number("\u22125/9") == (Fraction(-5, 9), None)
    for text in ("", "5/0", "1e3", "0x10", "nan", "inf", "1,5", "1" * 61, None, 3):
        assert read_number(text) is None, text


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"kind": "essay"}, "kind must be one of number, fraction, choice"),
        ({"answer": float("nan")}, "answer must be a finite real number"),
        ({"answer": "0.5x"}, "answer must be a finite real number or a fraction"),
        ({"answer": True}, "answer must be a finite real number"),
        ({"hints": {Fraction(5, 9): "no"}}, "hints must be keyed by wrong answers"),
        ({"hints": [[1, 2, 3]]}, "hints must be pairs"),
        ({"places": -1}, "places must be a whole number from 0 to 12"),
        ({"prompt": " "}, "prompt must be some text"),
        ({"choices": ["a", "b"]}, "choices are for kind='choice'"),
    ],
)
def test_a_bad_exercise_is_refused_and_the_last_good_one_kept(changes, words):
    ex = exercise("Micro-precision", Fraction(5, 9), worked="w")
    before = ex.state
    with pytest.raises(RefusedEdit, match=words):
        ex.update(**changes)
    assert ex.state == before
    assert ex.message.startswith("Refused: ")


def test_a_choice_must_be_one_of_the_choices_and_hints_wrong_choices():
    with pytest.raises(RefusedEdit, match="answer must be one of the choices"):
        exercise("?", "d", kind="choice", choices=["a", "b"])
    with pytest.raises(RefusedEdit, match="hints must be keyed by wrong choices"):
        exercise("?", "a", kind="choice", choices=["a", "b"], hints={"a": "no"})
    with pytest.raises(RefusedEdit, match="choices must all differ"):
        exercise("?", "a", kind="choice", choices=["a", "a"])
    edited = exercise("?", "a", kind="choice", choices=["a", "b"])
    edited.worked = "Because."
    assert (edited.answer, edited.worked) == (0, "Because.")


def test_the_bundle_loads_as_one_module(js):
    assert js.ask({"bundle": front_end("exercise")})["value"]["render"] == "function"


# --- in a page with no kernel ------------------------------------------------------------


def saved_page(folder, shown) -> str:
    """A page holding the widgets ``shown`` as saved state and views, as the site saves them."""
    shutil.copy(HOST, folder / "anywidget-host.js")
    state, views = saved_views(shown)
    views = [f'<div class="cell">{view}</div>' for view in views]
    page = folder / "exercise.html"
    page.write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width'><title>exercise</title></head><body>"
        f"<main>{''.join(views)}</main>"
        f"{state}"
        "<script src='anywidget-host.js'></script></body></html>",
        encoding="utf-8",
    )
    return page.as_uri()


LOOK = """(root) => {
  const feedback = root.querySelector('[role=status]');
  const unnamed = [...root.querySelectorAll('input, button, summary')].filter(c => {
    const name = (c.labels && c.labels.length ? [...c.labels].map(l => l.textContent).join(' ')
      : '') || c.getAttribute('aria-label') || c.textContent;
    return !name || !name.trim();
  }).length;
  const style = getComputedStyle(root);
  return {feedback: feedback.textContent, verdict: feedback.dataset.verdict ?? null, unnamed,
    right: root.getBoundingClientRect().right, width: window.innerWidth,
    scroll: document.documentElement.scrollWidth, colour: style.color,
    background: style.backgroundColor};
}"""


@pytest.mark.parametrize("width, scheme", [(1280, "light"), (390, "light"), (390, "dark")], ids=str)
def test_a_saved_page_checks_answers_by_keyboard_alone(tmp_path, chromium_browser, width, scheme):
    url = saved_page(tmp_path, [PRECISION, CHOICE])
    with watched_page(chromium_browser, width=width, color_scheme=scheme) as page:
        page.page.goto(url)
        page.page.wait_for_selector(".widget-subarea .microavg-exercise input[type=radio]")
        first, second = page.page.query_selector_all(".microavg-exercise")
        # Keyboard only: Tab into the answer box, type, Enter; then Tab to the choices.
        page.page.keyboard.press("Tab")
        page.page.keyboard.type("0.56")
        page.page.keyboard.press("Enter")
        assert first.evaluate(LOOK)["feedback"].startswith("Close")
        page.page.keyboard.press("Control+A")
        page.page.keyboard.type("5/8")
        page.page.keyboard.press("Enter")
        assert first.evaluate(LOOK)["feedback"] == "That divides by TP + FN."
        page.page.keyboard.press("Control+A")
        page.page.keyboard.type("55.6%")
        page.page.keyboard.press("Tab")  # to Check
        page.page.keyboard.press("Space")
        looked = first.evaluate(LOOK)
        assert (looked["feedback"], looked["verdict"]) == ("Right.", "right")
        page.page.keyboard.press("Tab")  # to the worked answer
        page.page.keyboard.press("Enter")
        assert first.query_selector("details").evaluate("d => d.open")
        assert "5/(5 + 4)" in first.query_selector("details code").text_content()
        page.page.keyboard.press("Tab")  # the first choice
        page.page.keyboard.press("Space")
        page.page.keyboard.press("Tab")  # Check
        page.page.keyboard.press("Enter")
        assert second.evaluate(LOOK)["feedback"].startswith("Macro-F1 averages")
        page.page.keyboard.press("Shift+Tab")
        page.page.keyboard.press("ArrowDown")  # radio group: the next choice
        page.page.keyboard.press("Tab")
        page.page.keyboard.press("Enter")
        assert second.evaluate(LOOK)["feedback"] == "Right."
        for looked in (first.evaluate(LOOK), second.evaluate(LOOK)):
            assert looked["unnamed"] == 0
            assert looked["right"] <= looked["width"] and looked["scroll"] <= looked["width"]
            assert looked["colour"] != looked["background"]
        if scheme == "dark":
            assert first.evaluate(LOOK)["background"] == "rgb(30, 30, 30)"
        page.screenshot(f"exercise-{width}-{scheme}")
        assert page.console_errors == [] and page.failed == [] and page.blocked == []
