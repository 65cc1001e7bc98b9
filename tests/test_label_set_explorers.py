"""The label-set explorers from Python: scored_items (abstaining, thresholds, top-k) and
tag_table (multi-label), their state, their refusals, and their numbers against
scikit-learn's on the same data."""

from __future__ import annotations

import math

import numpy as np
import pytest
from microavg import examples
from microavg.explorers import RefusedEdit, scored_items, tag_table
from sklearn.metrics import accuracy_score, precision_recall_fscore_support, top_k_accuracy_score

ANIMALS = list(examples.ANIMAL_LABELS)
TOLERANCE = 1e-12


def sklearn_micro(y_true, y_pred, **kwargs) -> tuple[float, float, float]:
    p, r, f, _ = precision_recall_fscore_support(
        y_true, y_pred, average="micro", zero_division=0.0, **kwargs
    )
    return float(p), float(r), float(f)


def assert_micro(q: dict, expected: tuple[float, float, float]) -> None:
    for part, value in zip(("precision", "recall", "f1"), expected, strict=True):
        assert abs(q[f"micro-{part}"] - value) <= TOLERANCE, part


CUTS = [0.0, 0.3, 0.4, 0.45, 0.5, 0.55, 0.7, 0.85, 1.0]


@pytest.mark.parametrize("counted", [False, True], ids=["left out", "counted"])
@pytest.mark.parametrize("cut", CUTS)
def test_abstaining_agrees_with_sklearn_counted_or_left_out(cut, counted):
    ex = scored_items("abstain", cut=cut, unknown_counted=counted)
    y_true, y_score = examples.animal_probabilities()
    top = np.argmax(y_score, axis=1)
    answers = [
        ANIMALS[j] if row[j] >= cut else "unknown" for j, row in zip(top, y_score, strict=True)
    ]
    assert ex.answers() == answers
    labels = [*ANIMALS, "unknown"] if counted else ANIMALS
    q = ex.quantities()
    assert_micro(q, sklearn_micro(y_true, answers, labels=labels))
    assert q["accuracy"] == accuracy_score(y_true, answers) == q["subset-accuracy"]
    assert q["answered"] == sum(a != "unknown" for a in answers)
    # the lesson's claims: R is the accuracy; counted, P is too; left out, P >= R
    assert abs(q["micro-recall"] - q["accuracy"]) <= TOLERANCE
    if counted:
        assert abs(q["micro-precision"] - q["accuracy"]) <= TOLERANCE
    else:
        assert q["micro-precision"] >= q["micro-recall"]


@pytest.mark.parametrize("cut", CUTS)
def test_thresholds_agree_with_sklearn_on_label_sets(cut):
    ex = scored_items("threshold", cut=cut)
    y_true, y_score = examples.animal_probabilities()
    truth = np.eye(3, dtype=int)[[ANIMALS.index(t) for t in y_true]]
    sets = (np.array(y_score) >= cut).astype(int)
    q = ex.quantities()
    assert_micro(q, sklearn_micro(truth, sets))
    assert q["subset-accuracy"] == accuracy_score(truth, sets)
    sizes = sets.sum(axis=1)
    assert q["no-label"] == int((sizes == 0).sum())
    assert q["several-labels"] == int((sizes >= 2).sum())
    assert [q[f"size {n}"] for n in range(1, 9)] == sizes.tolist()
    counts = precision_recall_fscore_support(truth, sets, average=None, zero_division=0.0)
    assert [q[f"tp {a}"] + q[f"fn {a}"] for a in ANIMALS] == counts[3].tolist()


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.filterwarnings("ignore:'k' \\(3\\) greater than or equal")
def test_top_k_recall_is_sklearns_top_k_accuracy_and_precision_is_recall_over_k(k):
    ex = scored_items("top_k", k=k)
    y_true, y_score = examples.animal_probabilities()
    q = ex.quantities()
    top = top_k_accuracy_score(y_true, y_score, k=k, labels=ANIMALS)
    assert q["covered"] == top and abs(q["micro-recall"] - top) <= TOLERANCE
    s = ex.scores_of(exact=True)
    assert s.precision == s.recall / k
    order = np.argsort(-np.array(y_score), axis=1, kind="stable")[:, :k]
    sets = np.zeros((8, 3), dtype=int)
    np.put_along_axis(sets, order, 1, axis=1)
    truth = np.eye(3, dtype=int)[[ANIMALS.index(t) for t in y_true]]
    assert_micro(q, sklearn_micro(truth, sets))


def test_the_tag_table_agrees_with_sklearn():
    ex = tag_table()
    y_true, y_pred = examples.photo_tags()
    q = ex.quantities()
    assert_micro(q, sklearn_micro(y_true, y_pred))
    assert q["subset-accuracy"] == accuracy_score(y_true, y_pred)
    _, _, _, support = precision_recall_fscore_support(y_true, y_pred, average=None)
    assert [q[f"support {t}"] for t in examples.PHOTO_TAGS] == support.tolist()
    assert q["item-fp 2"] == 1 and q["item-fn 2"] == 0  # an FP without an FN
    ex.y_pred = [[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1], [0, 1, 0]]
    q = ex.quantities()
    assert q["micro-precision"] == q["micro-recall"] == q["subset-accuracy"] == 1.0


def test_a_tag_table_with_nothing_predicted_scores_zero_as_sklearn_does():
    ex = tag_table([[1, 0], [0, 1]], [[0, 0], [0, 0]], ["x", "y"])
    assert_micro(ex.quantities(), sklearn_micro([[1, 0], [0, 1]], [[0, 0], [0, 0]]))


REFUSED_SCORED = {
    "cut above 1": ({"cut": 1.5}, "confidence cut must be a finite real number from 0.0 to 1.0"),
    "cut nan": ({"cut": math.nan}, "confidence cut must be a finite real number"),
    "cut text": (
        {"cut": "0.5"},
        'confidence cut must be a finite real number from 0.0 to 1.0, got "0.5"',
    ),
    "k 0": ({"k": 0}, "labels per item (k) must be a whole number from 1 to 3, got 0"),
    "k 4": ({"k": 4}, "labels per item (k) must be a whole number from 1 to 3, got 4"),
    "k huge": (
        {"k": 10**400},
        "labels per item (k) must be a whole number from 1 to 3, got a number of more than 12 "
        "digits",
    ),
    "flag 1": ({"unknown_counted": 1}, "unknown counted as a label must be true or false, got 1"),
    "mode": ({"mode": "argmax"}, "mode must be one of abstain, threshold, top_k"),
    "score nan": (
        {"scores": [[math.nan, 0.5, 0.5]] * 8},
        "score of item 1, cat must be a finite real number",
    ),
    "truth unknown": (
        {"truths": ["wolf"] * 8},
        'true label in row 1 must be one of cat, dog, fox, got "wolf"',
    ),
    "truths short": ({"truths": ["cat"]}, "true labels must be one per row, got 1 for 8 rows"),
    "unknown a label": ({"labels": ["cat", "dog", "unknown"]}, 'labels must not hold "unknown"'),
    "not in state": ({"colour": "red"}, "colour is not part of the explorer's state"),
}


@pytest.mark.parametrize("case", REFUSED_SCORED, ids=list(REFUSED_SCORED))
def test_a_bad_edit_of_scored_items_is_refused_and_the_last_state_kept(case):
    ex = scored_items("abstain")
    before = ex.state
    changes, words = REFUSED_SCORED[case]
    with pytest.raises(RefusedEdit, match=None) as refused:
        ex.update(**changes)
    assert words in str(refused.value)
    assert str(refused.value).startswith(words.split(" must")[0].split(" is not")[0])
    assert ex.state == before
    assert ex.message == f"Refused: {refused.value}"
    ex.cut = 0.6
    assert ex.message == "" and ex.cut == 0.6


REFUSED_TAGS = {
    "a 2": ({"y_true": [[1, 2, 0]] * 5}, "true tag dog of item 1 must be 0 or 1, got 2"),
    "nan": (
        {"y_pred": [[1, math.nan, 0]] * 5},
        "predicted tag dog of item 1 must be 0 or 1, got nan",
    ),
    "no items": ({"y_true": [], "y_pred": []}, "items must number from 1 to 20, got 0"),
    "21 items": (
        {"y_true": [[0, 0, 0]] * 21, "y_pred": [[0, 0, 0]] * 21},
        "items must number from 1 to 20, got 21",
    ),
    "rows differ": (
        {"y_pred": [[0, 0, 0]] * 4},
        "predicted tags must be one per row, got 4 for 5 rows",
    ),
    "short row": (
        {"y_true": [[0, 0]] * 5},
        "true tags must hold 3 values in row 1, one per label, got 2",
    ),
    "tags repeat": ({"tags": ["a", "a", "b"]}, 'tags must be distinct, got "a" twice'),
    "blank tag": ({"tags": ["a", " ", "b"]}, "tags must not hold a blank label"),
}


@pytest.mark.parametrize("case", REFUSED_TAGS, ids=list(REFUSED_TAGS))
def test_a_bad_edit_of_the_tag_table_is_refused_and_the_last_state_kept(case):
    ex = tag_table()
    before = ex.state
    changes, words = REFUSED_TAGS[case]
    with pytest.raises(RefusedEdit) as refused:
        ex.update(**changes)
    assert str(refused.value) == words or str(refused.value).startswith(words)
    assert ex.state == before and ex.message == f"Refused: {refused.value}"


def test_markup_and_dollars_in_labels_are_kept_as_text():
    ex = tag_table([[1, 0]], [[1, 1]], ["<b>bold</b>", "$x$"])
    assert ex.tags == ["<b>bold</b>", "$x$"]
    assert ex.quantities()["fp $x$"] == 1
    scored = scored_items("threshold", ["<i>"], [[0.9, 0.6]], ["<i>", "$"])
    assert scored.quantities()["tp <i>"] == 1


def test_numpy_inputs_are_taken():
    ex = tag_table(np.array([[1, 0], [0, 1]]), np.array([[True, True], [False, False]]))
    assert ex.y_pred == [[1, 1], [0, 0]] and ex.tags == ["A", "B"]
    scored = scored_items(
        "top_k", np.array(["a", "b"]), np.array([[0.9, 0.1], [0.2, 0.8]]), ["a", "b"], k=1
    )
    assert scored.truths == ["a", "b"] and scored.quantities()["micro-f1"] == 1.0


def test_half_given_data_is_refused():
    with pytest.raises(RefusedEdit, match="y_true, y_score and labels go together"):
        scored_items("threshold", ["a"])
    with pytest.raises(RefusedEdit, match="y_true and y_pred go together"):
        tag_table([[1, 0]])


def test_each_explorer_is_one_call_with_its_bundled_view():
    from microavg.explorers.base import front_end

    assert scored_items()._esm == front_end("scored_items")
    assert tag_table()._esm == front_end("tag_table")
