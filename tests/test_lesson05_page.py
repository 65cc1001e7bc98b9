"""Lesson 05's exercises in the HTML tutorial, offline, answered by keyboard as a reader would.

Opens ``build/html/05-which-average-to-report.html`` from ``file://`` in Chromium with every
other request aborted, at 1280 px (light) and 390 px (dark). Each exercise is answered first
with the likely mistake, which must get its hint, then with the answer scikit-learn computes
here (not the one saved in the page), which must be "Right."; the worked answer opens.
Screenshots: ``build/screenshots/html-05-*.png``.
"""

from __future__ import annotations

import pytest
from browser import SCREENSHOTS, watched_page
from microavg import examples
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score

LESSON_05 = "05-which-average-to-report.html"
TIMEOUT_MS = 30_000

VIEWS = {"desktop-light": (1280, "light"), "phone-dark": (390, "dark")}

VERDICT = """(root) => {
  const feedback = root.querySelector('[role=status]');
  return {text: feedback.textContent, verdict: feedback.dataset.verdict ?? null,
          right: root.getBoundingClientRect().right, width: window.innerWidth};
}"""


def typed_answers() -> dict[str, tuple[str, str]]:
    """For each number exercise, (likely mistake, right answer), as scikit-learn computes them."""
    y_true, y_pred = examples.matrix_rows(examples.imbalanced_matrix())
    always_a = ["A"] * len(y_true)
    macro_f1 = f1_score(y_true, always_a, average="macro", zero_division=0)
    over_ab = recall_score(y_true, y_pred, labels=["A", "B"], average="weighted")
    return {
        "Macro F1 of always A": (f"{accuracy_score(y_true, always_a):.3f}", f"{macro_f1:.3f}"),
        "Weighted recall over A and B": (
            f"{accuracy_score(y_true, y_pred):.3f}",
            f"{100 * over_ab:.1f}%",
        ),
    }


CHOSEN = {  # (likely mistake, right choice)
    "The average to report": ("accuracy", "macro recall, with the per-class table"),
    "Why P = R for the two photos": ("nothing unmatched", "balanced by chance"),
}


@pytest.fixture(params=list(VIEWS))
def page(request, site, chromium_browser):
    width, scheme = VIEWS[request.param]
    with watched_page(chromium_browser, width=width, color_scheme=scheme) as watched:
        watched.page.goto((site / LESSON_05).as_uri(), wait_until="load")
        watched.page.locator(".microavg-exercise").first.wait_for(timeout=TIMEOUT_MS)
        watched.name = request.param
        yield watched
        assert watched.blocked == [], "requests to the network (aborted)"
        assert watched.failed == [] and watched.console_errors == []


def answer_by_keyboard(page, root, prompt: str, answer: str) -> dict:
    keyboard = page.page.keyboard
    if prompt in CHOSEN:
        root.get_by_label(answer, exact=True).focus()
        keyboard.press("Space")
        root.get_by_role("button", name="Check").focus()
    else:
        root.locator("input").first.focus()
        keyboard.press("ControlOrMeta+a")
        keyboard.type(answer)
    keyboard.press("Enter")
    return root.evaluate(VERDICT)


def test_every_exercise_gives_its_hint_then_right_for_the_answer_sklearn_computes(page):
    assert precision_score([[1, 0], [0, 1]], [[1, 1], [0, 0]], average="micro") == recall_score(
        [[1, 0], [0, 1]], [[1, 1], [0, 0]], average="micro"
    )  # exercise 4 asks why these two are equal
    expected = {**typed_answers(), **CHOSEN}
    exercises = page.page.locator(".microavg-exercise")
    assert exercises.count() == len(expected) == 4
    for n in range(exercises.count()):
        root = exercises.nth(n)
        prompt = next(p for p in expected if root.inner_text().startswith(p))
        mistake, right = expected[prompt]
        root.scroll_into_view_if_needed()
        looked = answer_by_keyboard(page, root, prompt, mistake)
        assert looked["verdict"] == "hint", (prompt, mistake, looked)
        looked = answer_by_keyboard(page, root, prompt, right)
        assert (looked["verdict"], looked["text"]) == ("right", "Right."), (prompt, right)
        assert looked["right"] <= looked["width"], prompt
        root.locator("summary").first.press("Enter")
        assert root.locator("details").first.evaluate("d => d.open")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        root.screenshot(path=str(SCREENSHOTS / f"html-05-exercise-{n + 1}-{page.name}.png"))
