"""Sample weights: refused at the door when wrong, whole-number counts kept, identity kept."""

from __future__ import annotations

import math
from fractions import Fraction

import microavg as ma
import numpy as np
import pytest
from microavg.examples import worked_example
from sklearn.metrics import confusion_matrix as sk_confusion_matrix
from sklearn.metrics import precision_recall_fscore_support

# The worked example with rows 3 and 7 (both wrong) weighing 2 and 3.
WEIGHTS = [1, 1, 2, 1, 1, 1, 3, 1, 1]


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ([1, 1], "sample_weight has 2 weights but y_true and y_pred have 3 rows"),
        ([[1, 1, 1]], r"sample_weight has shape \(1, 3\): expected a flat array"),
        (5, r"sample_weight has shape \(\): expected a flat array"),
        ([1, -1, 1], "sample_weight holds -1 at index 1: weights must be non-negative"),
        ([1.0, math.nan, 1.0], "sample_weight holds nan at index 1: every weight must be a finite"),
        ([1.0, 1.0, math.inf], "sample_weight holds inf at index 2: every weight must be a finite"),
        (["1", "2", "3"], "sample_weight has dtype <U1: weights must be numbers"),
        (
            [1, None, 1],
            r"sample_weight holds None \(NoneType\) at index 1: weights must be numbers",
        ),
        ([0, 0, 0], "sample_weight is all zero: at least one row must count"),
        ([2**51, 2**51, 1], "sample_weight holds whole numbers summing to 2\\*\\*52 or more"),
    ],
)
def test_bad_weights_are_refused_at_the_door(weights, message):
    for call in (ma.confusion_matrix, ma.scores, ma.accuracy, ma.label_counts):
        with pytest.raises(ValueError, match=message):
            call([1, 2, 2], [1, 1, 2], sample_weight=weights)


def test_no_weights_keeps_int64_counts():
    cm = ma.confusion_matrix(*worked_example())
    assert cm.counts.dtype == np.int64
    assert type(cm.total) is int and type(cm.correct) is int


def test_whole_number_weights_keep_int64_counts_as_sklearn():
    y_true, y_pred = worked_example()
    cm = ma.confusion_matrix(y_true, y_pred, sample_weight=WEIGHTS)
    expected = sk_confusion_matrix(y_true, y_pred, sample_weight=WEIGHTS)
    assert cm.counts.dtype == expected.dtype == np.int64
    assert cm.counts.tolist() == expected.tolist()
    assert (cm.total, cm.correct) == (12, 5)


def test_bool_weights_count_as_zero_and_one():
    cm = ma.confusion_matrix([1, 2, 2], [1, 1, 2], sample_weight=[True, False, True])
    assert cm.counts.dtype == np.int64
    assert cm.counts.tolist() == [[1, 0], [0, 1]]


def test_float_weights_give_float_counts_as_sklearn():
    y_true, y_pred = [1, 2, 2, 3], [1, 1, 2, 2]
    weights = [0.5, 1.25, 2.0, 0.75]
    cm = ma.confusion_matrix(y_true, y_pred, sample_weight=weights)
    expected = sk_confusion_matrix(y_true, y_pred, sample_weight=weights)
    assert cm.counts.dtype == np.float64
    assert cm.counts.tolist() == expected.tolist()
    assert (cm.total, cm.correct) == (4.5, 2.5)


def test_a_label_seen_only_in_rows_of_weight_zero_is_still_a_label():
    # As scikit-learn: the labels are those of the data, whatever the weights.
    cm = ma.confusion_matrix([1, 2, 5], [1, 2, 5], sample_weight=[1, 1, 0])
    assert cm.labels == (1, 2, 5)
    assert cm.counts.tolist() == [[1, 0, 0], [0, 1, 0], [0, 0, 0]]
    strings = ma.confusion_matrix(["a", "b", "z"], ["a", "b", "z"], sample_weight=[1, 1, 0])
    assert strings.labels == ("a", "b", "z")


def test_weighted_wrong_rows_still_balance_fp_and_fn():
    cm = ma.confusion_matrix(*worked_example(), sample_weight=WEIGHTS)
    # Row 3 (true A, pred B) weighs 2, row 7 (true C, pred B) weighs 3.
    assert cm.fp.tolist() == [1, 5, 1]
    assert cm.fn.tolist() == [3, 1, 3]
    assert int(cm.fp.sum()) == int(cm.fn.sum()) == 7


def test_weighted_micro_scores_equal_weighted_accuracy_exactly():
    y_true, y_pred = worked_example()
    s = ma.scores(y_true, y_pred, sample_weight=WEIGHTS, exact=True)
    acc = ma.accuracy(y_true, y_pred, sample_weight=WEIGHTS, exact=True)
    assert s.precision == s.recall == s.f1 == acc == Fraction(5, 12)


def test_exact_scores_with_float_weights_are_exact_ratios_of_the_sums():
    s = ma.scores([1, 2, 2], [1, 1, 2], sample_weight=[0.5, 0.25, 1.0], average=None, exact=True)
    assert s.precision.tolist() == [Fraction(2, 3), Fraction(1)]
    weighted = ma.scores(
        [1, 2, 2], [1, 1, 2], sample_weight=[0.5, 0.25, 1.0], average="weighted", exact=True
    )
    # (1/2 * 1 + 5/4 * 4/5) / (7/4): weighted recall is the weighted accuracy, 3/2 / (7/4).
    assert weighted.recall == Fraction(6, 7)


def test_weighted_matrices_counted_in_batches_add_up_to_the_whole():
    y_true, y_pred = worked_example()
    labels = ["A", "B", "C"]
    whole = ma.confusion_matrix(y_true, y_pred, labels=labels, sample_weight=WEIGHTS)
    parts = ma.confusion_matrix(
        y_true[:4], y_pred[:4], labels=labels, sample_weight=WEIGHTS[:4]
    ) + ma.confusion_matrix(y_true[4:], y_pred[4:], labels=labels, sample_weight=WEIGHTS[4:])
    assert parts == whole


def test_float_weighted_matrix_without_left_out_rows_is_complete():
    cm = ma.confusion_matrix(list("AB"), list("AB"), sample_weight=[0.1, 0.2])
    assert cm.complete
    assert cm.label_counts(["Z"]).tp.tolist() == [0.0]


def test_left_out_rows_of_weight_zero_leave_the_matrix_complete():
    cm = ma.confusion_matrix(list("OAB"), list("AAB"), labels=["A", "B"], sample_weight=[0, 1, 1])
    assert cm.complete
    heavy = ma.confusion_matrix(
        list("OAB"), list("AAB"), labels=["A", "B"], sample_weight=[2, 1, 1]
    )
    assert not heavy.complete
    assert heavy.fp.tolist() == [2, 0]


def test_weighted_multi_label_counts_equal_sklearn():
    y_true = np.array([[1, 1, 0], [0, 1, 1], [1, 0, 0]])
    y_pred = np.array([[1, 0, 0], [1, 1, 1], [0, 0, 1]])
    weights = [2.0, 0.5, 1.5]
    lc = ma.label_counts(y_true, y_pred, sample_weight=weights)
    assert (lc.tp.tolist(), lc.fp.tolist(), lc.fn.tolist()) == (
        [2.0, 0.5, 0.5],
        [0.5, 0.0, 1.5],
        [1.5, 2.0, 0.0],
    )
    p, r, _, _ = precision_recall_fscore_support(
        y_true, y_pred, sample_weight=weights, average="micro"
    )
    s = ma.scores(y_true, y_pred, sample_weight=weights)
    assert (s.precision, s.recall) == pytest.approx((p, r), abs=1e-12)


def test_float_weights_summing_to_infinity_are_refused_not_an_overflow_error():
    with pytest.raises(ValueError, match="sample_weight sums to more than half the largest float"):
        ma.accuracy([1, 2], [1, 2], sample_weight=[1e308, 1e308], exact=True)


def test_object_array_weights_are_numbers_as_in_sklearn():
    y_true, y_pred = [1, 2, 2], [1, 2, 1]
    for weights in (np.array([1, 2.5, 3], dtype=object), np.array([1, 2, 3], dtype=object)):
        ours = ma.confusion_matrix(y_true, y_pred, sample_weight=weights).counts
        theirs = sk_confusion_matrix(y_true, y_pred, sample_weight=weights)
        np.testing.assert_array_equal(ours, theirs)
    whole = np.array([1, 2, 3], dtype=object)
    assert ma.confusion_matrix(y_true, y_pred, sample_weight=whole).counts.dtype == np.int64
