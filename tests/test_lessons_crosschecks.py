"""The lessons' datasets scored by the engine and by scikit-learn give the same numbers.

The lessons quote the engine; these are the bulk cross-checks behind them, one test per
dataset of ``microavg.examples`` and per option the lessons use (``labels=``, ``average``,
``zero_division``, ``sample_weight``, multi-label and top-k sets), so a lesson only keeps the
asserts that guard its own sentences.
"""

from __future__ import annotations

import math
import warnings

import microavg as ma
import numpy as np
import pytest
from microavg import examples, predictions
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    precision_recall_fscore_support,
    top_k_accuracy_score,
)
from sklearn.metrics import confusion_matrix as sk_confusion_matrix

AVERAGES = ("micro", "macro", "weighted", None)


def same(ours, theirs) -> None:
    """The engine's precision, recall and F1 equal scikit-learn's, to float rounding."""
    np.testing.assert_allclose(
        np.asarray(list(ours), dtype=float),
        np.asarray(theirs[:3], dtype=float),
        rtol=0,
        atol=1e-12,
    )


def sk(y_true, y_pred, **kwargs):
    return precision_recall_fscore_support(y_true, y_pred, **kwargs)


@pytest.mark.parametrize("average", AVERAGES)
def test_worked_example_agrees_with_sklearn_for_every_average(average):
    y_true, y_pred = examples.worked_example()
    same(ma.scores(y_true, y_pred, average=average), sk(y_true, y_pred, average=average))


def test_worked_example_matrix_and_accuracy_agree_with_sklearn():
    y_true, y_pred = examples.worked_example()
    cm = ma.confusion_matrix(y_true, y_pred)
    assert (sk_confusion_matrix(y_true, y_pred, labels=list(cm.labels)) == cm.counts).all()
    assert float(ma.accuracy(y_true, y_pred, exact=True)) == accuracy_score(y_true, y_pred)


@pytest.mark.parametrize("labels", [["A", "B"], ["B", "C"], ["A", "C"]])
def test_worked_example_with_a_label_left_out_agrees_with_sklearn(labels):
    y_true, y_pred = examples.worked_example()
    same(
        ma.scores(y_true, y_pred, labels=labels), sk(y_true, y_pred, labels=labels, average="micro")
    )


def test_ner_tokens_over_the_entity_labels_agree_with_sklearn():
    y_true, y_pred = examples.ner_tokens()
    for labels in (["A", "B"], None):
        same(
            ma.scores(y_true, y_pred, labels=labels),
            sk(y_true, y_pred, labels=labels, average="micro"),
        )


def test_abstentions_counted_or_left_out_agree_with_sklearn():
    y_true, y_score = examples.animal_probabilities()
    animals = list(examples.ANIMAL_LABELS)
    answers = predictions.abstain_below(y_score, 0.5, animals)
    for labels in (None, animals):
        same(
            ma.scores(y_true, answers, labels=labels),
            sk(y_true, answers, labels=labels, average="micro"),
        )


def test_photo_tags_micro_scores_and_subset_accuracy_agree_with_sklearn():
    tags_true, tags_pred = examples.photo_tags()
    for average in ("micro", "macro", "weighted"):
        same(
            ma.scores(tags_true, tags_pred, average=average),
            sk(tags_true, tags_pred, average=average),
        )
    assert math.isclose(ma.accuracy(tags_true, tags_pred), accuracy_score(tags_true, tags_pred))


@pytest.mark.parametrize("threshold", [0.5, 0.3])
def test_thresholded_and_argmax_animals_agree_with_sklearn(threshold):
    y_true, y_score = examples.animal_probabilities()
    animals = list(examples.ANIMAL_LABELS)
    truth = predictions.one_hot(y_true, animals)
    sets = predictions.threshold_sets(y_score, threshold)
    same(ma.scores(truth, sets), sk(truth, sets, average="micro"))
    argmax = predictions.argmax_labels(y_score, animals)
    same(ma.scores(y_true, argmax), sk(y_true, argmax, average="micro"))


@pytest.mark.parametrize("k", [1, 2])  # k = 3 of 3 animals: scikit-learn warns, rightly
def test_top_k_sets_agree_with_sklearn_and_recall_is_top_k_accuracy(k):
    y_true, y_score = examples.animal_probabilities()
    animals = list(examples.ANIMAL_LABELS)
    truth = predictions.one_hot(y_true, animals)
    sets = predictions.top_k_sets(y_score, k)
    ours = ma.scores(truth, sets)
    same(ours, sk(truth, sets, average="micro"))
    assert ours.recall == pytest.approx(top_k_accuracy_score(y_true, y_score, k=k, labels=animals))


def test_spam_binary_average_is_the_engine_over_the_positive_label():
    mail_true, mail_pred = examples.spam_example()
    binary = sk(mail_true, mail_pred, average="binary", pos_label="spam")
    same(ma.scores(mail_true, mail_pred, labels=["spam"]), binary)
    same(ma.scores(mail_true, mail_pred), sk(mail_true, mail_pred, average="micro"))


@pytest.mark.parametrize("zero_division", [0.0, 1.0, math.nan])
def test_never_predicted_label_agrees_with_sklearn_for_each_zero_division(zero_division):
    zd_true, zd_pred = examples.never_predicted_example()
    for average, labels in [(None, None), ("macro", None), ("micro", None), ("micro", ["C"])]:
        same(
            ma.scores(
                zd_true, zd_pred, average=average, labels=labels, zero_division=zero_division
            ),
            sk(zd_true, zd_pred, average=average, labels=labels, zero_division=zero_division),
        )


@pytest.mark.parametrize("zero_division", [0.0, 1.0])
def test_multi_label_with_no_tag_predicted_or_true_agrees_with_sklearn(zero_division):
    two_tags = np.array([[1, 0], [0, 1]])
    no_tags = np.zeros_like(two_tags)
    for y_true, y_pred in ((two_tags, no_tags), (no_tags, two_tags)):
        same(
            ma.scores(y_true, y_pred, zero_division=zero_division),
            sk(y_true, y_pred, average="micro", zero_division=zero_division),
        )


def test_sample_weights_agree_with_sklearn():
    y_true, y_pred = examples.worked_example()
    weights = [1, 1, 2, 1, 1, 1, 3, 1, 1]
    same(
        ma.scores(y_true, y_pred, sample_weight=weights),
        sk(y_true, y_pred, average="micro", sample_weight=weights),
    )
    assert float(ma.accuracy(y_true, y_pred, sample_weight=weights, exact=True)) == (
        pytest.approx(accuracy_score(y_true, y_pred, sample_weight=weights))
    )


def test_a_label_that_never_occurs_agrees_with_sklearn():
    y_true, y_pred = examples.worked_example()
    with_z = ["A", "B", "C", "Z"]
    for average in ("micro", "macro"):
        same(
            ma.scores(y_true, y_pred, labels=with_z, average=average),
            sk(y_true, y_pred, labels=with_z, average=average, zero_division=0),
        )


@pytest.mark.parametrize("average", AVERAGES)
def test_imbalanced_example_agrees_with_sklearn_for_every_average(average):
    cm = examples.imbalanced_matrix()
    y_true, y_pred = examples.matrix_rows(cm)
    same(cm.scores(average=average), sk(y_true, y_pred, average=average))
    if average == "macro":
        assert cm.scores(average="macro").recall == pytest.approx(
            balanced_accuracy_score(y_true, y_pred)
        )


def test_a_label_predicted_but_never_true_agrees_with_sklearn_macro():
    y_true, y_pred = examples.worked_example()
    d_pred = [*y_pred[:-1], "D"]
    same(
        ma.scores(y_true, d_pred, average="macro", zero_division=0.0),
        sk(y_true, d_pred, average="macro", zero_division=0),
    )
    with warnings.catch_warnings(record=True):  # "y_pred contains classes not in y_true"
        warnings.simplefilter("always")
        balanced = balanced_accuracy_score(y_true, d_pred)
    nan_macro = ma.scores(y_true, d_pred, average="macro", zero_division=math.nan)
    assert nan_macro.recall == pytest.approx(balanced)


def test_batches_summed_match_sklearn_counts():
    rng = np.random.default_rng(2024)
    labels = list(range(10))
    total, sk_total = None, np.zeros((10, 10), dtype=np.int64)
    for _ in range(3):
        true = rng.integers(0, 10, 10_000, dtype=np.int8)
        pred = np.where(rng.random(10_000) < 0.8, true, rng.integers(0, 10, 10_000, dtype=np.int8))
        batch = ma.confusion_matrix(true, pred, labels=labels)
        total = batch if total is None else total + batch
        sk_total += sk_confusion_matrix(true, pred, labels=labels)
    assert np.array_equal(total.counts, sk_total)


# --- the lessons as documents ------------------------------------------------------------
# Lessons whose prose lives in Markdown, numbers checked by prose.check, exercises checked
# in the page.

import json  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
DOCUMENTS = [
    "01-worked-example",
    "02-symbolic-proof",
    "03-interactive-explorer",
    "04-when-micro-averages-part",
    "05-which-average-to-report",
    "06-numbers-from-other-libraries",
]
WORDS_PER_MINUTE = 150
MINUTES_PER_EXERCISE = 2
MINUTES_PER_EXPLORER = 3
_EXPLORER = re.compile(
    r"explorers\.(prediction_editor|matrix_explorer|many_classifiers|scored_items|tag_table"
    r"|explain_file)\("
)
_CHECK_LINE = re.compile(r"^prose\.check\((.*)\)$", re.MULTILINE)


def checked_numbers(text: str) -> list[str]:
    """The numbers as written that a cell's ``prose.check(...)`` lines check."""
    return [w for line in _CHECK_LINE.findall(text) for w in re.findall(r'"([^"]+)"', line)]


def lesson(name: str) -> dict:
    return json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    return "".join(cell["source"])


def shown_explorers(nb: dict) -> int:
    """Explorers a cell displays: the call is the cell's last line, or the name it binds is."""
    count = 0
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and _EXPLORER.search(source(cell)):
            shown = source(cell).strip().splitlines()[-1]
            bound = re.findall(r"^(\w+) = explorers\.", source(cell), re.MULTILINE)
            count += bool(_EXPLORER.search(shown) or shown.strip() in bound)
    return count


def minutes_to_learn(nb: dict) -> int:
    """The docs/design.md count: Markdown words at 150 a minute, 2 minutes per exercise and
    3 per explorer shown, rounded up."""
    words = sum(len(source(c).split()) for c in nb["cells"] if c["cell_type"] == "markdown")
    exercises = sum(source(c).count("explorers.exercise(") for c in nb["cells"])
    total = (
        words / WORDS_PER_MINUTE
        + MINUTES_PER_EXERCISE * exercises
        + MINUTES_PER_EXPLORER * shown_explorers(nb)
    )
    return math.ceil(total)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_code_cell_writes_prose_and_folded_cells_are_short(name):
    for cell in lesson(name)["cells"]:
        if cell["cell_type"] != "code":
            continue
        text = source(cell)
        assert "say(" not in text and "<details>" not in text, text[:80]
        if cell["metadata"].get("jupyter", {}).get("source_hidden"):
            assert len(text.splitlines()) <= 10, text[:80]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_checked_number_is_written_in_the_markdown_above_it(name):
    cells = lesson(name)["cells"]
    checked = 0
    for n, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        prose_above = next(source(c) for c in reversed(cells[:n]) if c["cell_type"] == "markdown")
        # ... or in an exercise's worked answer, in this cell or next to it
        worked = " ".join(source(c) for c in cells[max(n - 1, 0) : n + 2] if "worked=" in source(c))
        for written in checked_numbers(source(cell)):
            assert written in prose_above or f"{written}" in worked.replace(f'"{written}"', ""), (
                f"{written!r} is checked but not written above"
            )
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("name", DOCUMENTS)
def test_lesson_has_questions_objectives_key_points_and_an_honest_time(name):
    nb = lesson(name)
    meta = nb["metadata"]["microavg"]
    assert all(meta[key] for key in ("questions", "objectives", "keypoints"))
    text = "\n".join(source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    flowing = " ".join(text.split())
    for point in meta["questions"] + meta["objectives"] + meta["keypoints"]:
        assert point in flowing, point
    assert text.count("Time to learn") == 1
    minutes = minutes_to_learn(nb)
    assert nb["metadata"]["time_to_learn"] == meta["time_to_learn"] == minutes
    assert f"**Time to learn**: {minutes} minutes" in text
    assert sum(source(c).count("explorers.exercise(") for c in nb["cells"]) >= 3


OVER_30 = {"03-interactive-explorer": "five explorers and five exercises: 40 minutes by the count"}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=OVER_30[n]))
        if n in OVER_30
        else n
        for n in DOCUMENTS
    ],
)
def test_lesson_takes_at_most_30_minutes_by_the_count(name):
    assert minutes_to_learn(lesson(name)) <= 30


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_explorer_shown_opens_with_a_refusal(name):
    nb = lesson(name)
    saved = nb["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    shown = [
        output["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
        for cell in nb["cells"]
        for output in cell.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in output.get("data", {})
    ]
    messages = {model: saved[model]["state"]["message"] for model in shown}
    assert len(shown) >= 3 and not any(messages.values()), messages


def test_lesson_03s_paste_examples_are_accepted_as_written():
    from microavg.explorers import rules

    text = "\n".join(source(c) for c in lesson("03-interactive-explorer")["cells"])
    blocks = re.findall(r"```text\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 2
    for block in blocks:
        pasted = "\n".join(line.strip() for line in block.splitlines())  # as a reader copies it
        counts, _ = rules.parse_matrix(pasted)
        assert counts in ([[50, 3], [7, 40]], [[5, 1], [2, 7]])
        assert "[[" in block and "/" not in block


@pytest.mark.parametrize("threshold", [0.0, 0.5, 0.7, 0.9, 1.01])
def test_abstaining_gives_p_at_least_r_and_r_is_accuracy_as_lesson_04_says(threshold):
    y_true, y_score = examples.animal_probabilities()
    animals = list(examples.ANIMAL_LABELS)
    answers = predictions.abstain_below(y_score, threshold, animals)
    p, r, _ = ma.scores(y_true, answers, labels=animals, exact=True)
    assert p >= r == ma.accuracy(y_true, answers, exact=True)  # P = R when none abstains
    text = "\n".join(source(c) for c in lesson("04-when-micro-averages-part")["cells"])
    assert "P ≥ R = accuracy" in text and "P > R = accuracy" not in text


def test_lesson_04_writes_the_ner_label_o_so_it_cannot_read_as_zero():
    for cell in lesson("04-when-micro-averages-part")["cells"]:
        assert "`O`" not in source(cell)  # in code font O reads as the digit 0
