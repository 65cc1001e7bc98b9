"""From scores to predictions: arg-max, abstention, thresholded and top-k label sets."""

from __future__ import annotations

import math
from fractions import Fraction

import microavg as ma
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from microavg.predictions import (
    abstain_below,
    argmax_labels,
    drop_ignored,
    one_hot,
    threshold_sets,
    top_k_sets,
)
from sklearn.metrics import (
    precision_recall_curve,
    precision_recall_fscore_support,
    top_k_accuracy_score,
)
from sklearn.preprocessing import MultiLabelBinarizer

Y_SCORE = np.array(
    [
        [0.7, 0.2, 0.1],
        [0.4, 0.4, 0.2],
        [0.1, 0.3, 0.6],
        [0.34, 0.33, 0.33],
    ]
)


@st.composite
def scores_and_truth(draw, ties=False, min_labels=2):
    """y_true (column indices) and a y_score matrix; without ties, each row a permutation."""
    n = draw(st.integers(1, 25))
    k = draw(st.integers(min_labels, 6))
    if ties:
        rows = st.lists(st.integers(0, 3), min_size=k, max_size=k)
        y_score = np.array(draw(st.lists(rows, min_size=n, max_size=n)), dtype=float)
    else:
        perms = st.permutations(range(k))
        y_score = np.array(draw(st.lists(perms, min_size=n, max_size=n)), dtype=float) / k
    y_true = np.array(draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)))
    return y_true, y_score


# -- arg-max and abstention -----------------------------------------------------------


def test_argmax_takes_the_first_column_on_a_tie():
    assert argmax_labels(Y_SCORE).tolist() == [0, 0, 2, 0]
    assert argmax_labels(Y_SCORE, ["A", "B", "C"]).tolist() == ["A", "A", "C", "A"]


def test_abstaining_rows_answer_unknown_and_a_top_score_at_the_level_keeps_its_label():
    got = abstain_below(Y_SCORE, 0.4, ["A", "B", "C"])
    assert got.tolist() == ["A", "A", "C", "unknown"]


def test_abstain_below_with_integer_labels_uses_an_integer_unknown():
    got = abstain_below(Y_SCORE, 0.5, unknown=-1)
    assert got.dtype == np.int64
    assert got.tolist() == [0, -1, 2, -1]


def test_abstaining_counted_as_a_label_keeps_the_identity_but_left_out_raises_precision():
    y_true = ["A", "A", "B", "A"]
    y_pred = abstain_below(Y_SCORE, 0.5, ["A", "B", "C"])  # A, unknown, C, unknown
    counted = ma.scores(y_true, y_pred, exact=True)
    assert counted.precision == counted.recall == Fraction(1, 4)
    left_out = ma.scores(y_true, y_pred, labels=["A", "B", "C"], exact=True)
    # Recall still counts every row; precision only the rows that answered.
    assert (left_out.precision, left_out.recall) == (Fraction(1, 2), Fraction(1, 4))


# -- label sets -----------------------------------------------------------------------


def test_threshold_sets_may_give_no_label_one_or_several():
    sets = threshold_sets(Y_SCORE, 0.34)
    assert sets.astype(int).tolist() == [[1, 0, 0], [1, 1, 0], [0, 0, 1], [1, 0, 0]]
    assert threshold_sets(Y_SCORE, 0.5).sum(axis=1).tolist() == [1, 0, 1, 0]


@settings(deadline=None)
@given(data=scores_and_truth(ties=True), column=st.integers(0, 5))
def test_threshold_sets_count_as_precision_recall_curve_at_each_threshold(data, column):
    # scikit-learn's curve counts a score equal to the threshold as positive, as we do.
    y_true, y_score = data
    column = column % y_score.shape[1]
    positive = y_true == column
    if not positive.any():
        return  # the curve is undefined without a positive row
    precision, recall, thresholds = precision_recall_curve(positive, y_score[:, column])
    for p, r, t in zip(precision, recall, thresholds, strict=False):
        predicted = threshold_sets(y_score, t)[:, column]
        tp = np.count_nonzero(predicted & positive)
        assert tp / np.count_nonzero(predicted) == pytest.approx(p)
        assert tp / np.count_nonzero(positive) == pytest.approx(r)


def test_top_k_sets_mark_k_labels_per_row_ties_to_the_earlier_column():
    sets = top_k_sets(Y_SCORE, 2)
    assert sets.astype(int).tolist() == [[1, 1, 0], [1, 1, 0], [0, 1, 1], [1, 1, 0]]
    assert top_k_sets(Y_SCORE, 3).all()


@settings(deadline=None)
@given(data=scores_and_truth(ties=True))
def test_top_1_set_is_the_argmax_label_even_with_ties(data):
    _, y_score = data
    labels = list(range(y_score.shape[1]))
    np.testing.assert_array_equal(top_k_sets(y_score, 1), one_hot(argmax_labels(y_score), labels))


@settings(deadline=None)
@given(data=scores_and_truth(min_labels=3), k=st.integers(1, 6))
def test_micro_recall_of_top_k_sets_is_sklearn_top_k_accuracy(data, k):
    # Each row is one true label and k predicted: recall counts hits over rows (top-k
    # accuracy), precision counts hits over k * rows. (scikit-learn takes two-label
    # scores as one column, hence three labels or more.)
    y_true, y_score = data
    n_labels = y_score.shape[1]
    k = min(k, n_labels - 1)  # scikit-learn warns that k = n_labels is a perfect score
    labels = list(range(n_labels))
    s = ma.scores(one_hot(y_true, labels), top_k_sets(y_score, k), exact=True)
    expected = top_k_accuracy_score(y_true, y_score, k=k, labels=labels)
    assert float(s.recall) == pytest.approx(expected, abs=1e-12)
    assert s.precision == s.recall / k


def test_one_hot_matches_sklearn_multilabel_binarizer():
    y = ["cat", "fox", "cat", "dog"]
    labels = ["dog", "cat", "fox", "owl"]
    expected = MultiLabelBinarizer(classes=labels).fit_transform([[v] for v in y])
    np.testing.assert_array_equal(one_hot(y, labels), expected.astype(bool))


# -- rows dropped by an ignore index --------------------------------------------------


def test_drop_ignored_flattens_sequences_and_drops_ignored_tokens():
    y_true = [[3, 1, -100], [2, -100, -100]]
    y_pred = [[3, 2, 0], [2, 2, 1]]
    t, p = drop_ignored(y_true, y_pred)
    assert (t.tolist(), p.tolist()) == ([3, 1, 2], [3, 2, 2])


def test_dropping_ignored_rows_keeps_the_identity_leaving_them_as_a_label_does_not():
    y_true = [0, 1, -100, -100, 1]
    y_pred = [0, 0, 1, 0, 1]
    t, p = drop_ignored(y_true, y_pred)
    dropped = ma.scores(t, p, exact=True)
    assert dropped.precision == dropped.recall == Fraction(2, 3)
    # Left in and excluded with labels=: each ignored row is an FP with no FN.
    kept = ma.scores(y_true, y_pred, labels=[0, 1], exact=True)
    assert (kept.precision, kept.recall) == (Fraction(2, 5), Fraction(2, 3))


def test_dropped_or_masked_ignored_tokens_agree_with_sklearn():
    y_true = [[0, 1, -100, 0, 2], [1, 0, 2, -100, -100]]
    y_pred = [[0, 1, 1, 0, 0], [1, 0, 2, 2, 0]]
    t, p = drop_ignored(y_true, y_pred)
    sk_dropped = precision_recall_fscore_support(t, p, average="micro")[:3]
    assert tuple(ma.scores(t, p)) == pytest.approx(sk_dropped)
    flat_true, flat_pred = np.ravel(y_true), np.ravel(y_pred)
    sk_masked = precision_recall_fscore_support(
        flat_true, flat_pred, labels=[0, 1, 2], average="micro"
    )[:3]
    assert tuple(ma.scores(flat_true, flat_pred, labels=[0, 1, 2])) == pytest.approx(sk_masked)


def test_drop_ignored_with_string_labels():
    t, p = drop_ignored(["O", "PAD", "B"], ["O", "B", "B"], ignore_index="PAD")
    assert (t.tolist(), p.tolist()) == (["O", "B"], ["O", "B"])


# -- the door -------------------------------------------------------------------------

ALL_SCORERS = [
    lambda s: argmax_labels(s),
    lambda s: abstain_below(s, 0.5),
    lambda s: threshold_sets(s, 0.5),
    lambda s: top_k_sets(s, 1),
]


@pytest.mark.parametrize(
    ("y_score", "message"),
    [
        (None, "y_score is None"),
        ([0.1, 0.9], r"y_score has shape \(2,\): expected a 2-D array"),
        (np.zeros((0, 3)), "y_score has no rows"),
        ([[0.1], [0.9]], r"y_score has shape \(2, 1\): expected at least two columns"),
        ([["a", "b"]], "y_score has dtype <U1: scores must be real numbers"),
        ([[True, False]], "y_score has dtype bool: scores must be real numbers"),
        ([[0.1, math.nan]], "y_score holds nan at row 0, column 1: every score must be a finite"),
        ([[0.1, 0.2], [math.inf, 0]], "y_score holds inf at row 1, column 0"),
    ],
)
def test_bad_scores_are_refused_at_the_door(y_score, message):
    for call in ALL_SCORERS:
        with pytest.raises(ValueError, match=message):
            call(y_score)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: argmax_labels(Y_SCORE, ["A", "B"]), "labels has 2 labels but y_score has 3"),
        (lambda: argmax_labels(Y_SCORE, ["A", "A", "B"]), "labels holds 'A' twice"),
        (lambda: argmax_labels(Y_SCORE, "ABC"), "labels is the string 'ABC'"),
        (
            lambda: threshold_sets(Y_SCORE, math.nan),
            "threshold must be a finite real number, got nan",
        ),
        (lambda: threshold_sets(Y_SCORE, "0.5"), "threshold must be a finite real number"),
        (lambda: threshold_sets(Y_SCORE, True), "threshold must be a finite real number"),
        (lambda: top_k_sets(Y_SCORE, 0), "k must be a whole number from 1 to 3"),
        (lambda: top_k_sets(Y_SCORE, 4), "k must be a whole number from 1 to 3"),
        (lambda: top_k_sets(Y_SCORE, 1.0), "k must be a whole number from 1 to 3"),
        (lambda: abstain_below(Y_SCORE, None), "confidence must be a finite real number"),
        (lambda: abstain_below(Y_SCORE, 0.5, ["A", "B", "C"], unknown="B"), "unknown is 'B'"),
        (lambda: abstain_below(Y_SCORE, 0.5, ["A", "B", "C"], unknown=0), "unknown is 0 but"),
        (lambda: abstain_below(Y_SCORE, 0.5, unknown="unknown"), "the labels are numbers"),
        (lambda: abstain_below(Y_SCORE, 0.5, unknown=2), "unknown is 2, which is one of"),
        (
            lambda: abstain_below(Y_SCORE, 0.5, ["A", "B", "C"], unknown="A\x00"),
            r"unknown holds 'A\\x00': a label ending in NUL",
        ),
        (lambda: one_hot(["A", "Z"], ["A", "B"]), "y holds 'Z' at index 1, which is not among"),
        (lambda: one_hot([[1, 0]], [0, 1]), r"y has shape \(1, 2\): expected 1-D labels"),
        (lambda: one_hot(["A"], [0, 1]), "labels holds numbers but y_true and y_pred hold"),
        (lambda: drop_ignored([1, 2], [1, 2, 3]), r"y_true has shape \(2,\) but y_pred"),
        (lambda: drop_ignored(["A"], ["A"]), "ignore_index is -100 but y_true holds strings"),
        (lambda: drop_ignored([1], [1], ignore_index="x"), "ignore_index is 'x' but y_true"),
        (lambda: drop_ignored([-100], [1]), "every row of y_true is ignore_index -100"),
    ],
)
def test_bad_arguments_are_refused_naming_them(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_one_hot_without_labels_is_a_value_error_not_a_type_error():
    with pytest.raises(ValueError, match=r"^labels is None: pass the labels"):
        one_hot(["A"], None)


def test_a_threshold_too_large_for_a_float_is_a_value_error_not_an_overflow_error():
    with pytest.raises(ValueError, match="threshold must be a finite real number, got a number"):
        threshold_sets(Y_SCORE, 10**400)


def test_ragged_scores_are_refused_naming_y_score():
    with pytest.raises(ValueError, match=r"^y_score is ragged"):
        threshold_sets([[0.1, 0.9], [0.5]])
