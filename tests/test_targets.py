"""The door: bad input is refused with a ValueError naming the argument and the fault."""

from __future__ import annotations

import math

import microavg as ma
import numpy as np
import pytest
from microavg.targets import as_array


@pytest.mark.parametrize(
    ("y_true", "y_pred", "message"),
    [
        ([1, 2], [1], "y_true has 2 rows, y_pred has 1"),
        ([], [], "y_true and y_pred are empty"),
        (None, [1], "y_true is None"),
        (["A", None], ["A", "B"], "y_true holds None at index 1"),
        ([1.0, math.nan], [1.0, 2.0], "y_true holds nan at index 1"),
        ([1, 2], [1.0, 0.5], "y_pred holds the non-integer number 0.5 at index 1"),
        (["A", 1], ["A", "B"], "y_true mixes strings and numbers"),
        (np.array(["A", 1], dtype=object), ["A", "B"], "y_true mixes strings and numbers"),
        (["A", "B"], [1, 2], "y_true holds strings but y_pred holds numbers"),
        ([1, 2], [[1, 0], [0, 1]], r"y_true is 1-D \(single-label\) but y_pred is 2-D"),
        ([[1, 0], [0, 1]], [1, 2], r"y_pred is 1-D \(single-label\) but y_true is 2-D"),
        ([[1, 0], [0, 2]], [[1, 0], [0, 1]], "y_true holds 2 at row 1, column 1"),
        ([[1, 0], [0, 1]], [[1, 0, 0], [0, 1, 0]], r"y_pred has shape \(2, 3\)"),
        ([[1], [0]], [[1], [0]], r"y_true has shape \(2, 1\)"),
        ([[[1]]], [[[1]]], r"y_true has shape \(1, 1, 1\)"),
        ([1 + 2j], [1], "y_true has dtype complex128"),
        (np.array([b"x"]), np.array([b"x"]), r"y_true holds bytes \(dtype \|S1\)"),
        ([{"a"}], ["a"], "y_true holds {'a'} \\(set\\) at index 0"),
    ],
)
def test_bad_targets_are_refused_at_the_door(y_true, y_pred, message):
    for call in (ma.confusion_matrix, ma.scores, ma.accuracy, ma.label_counts):
        with pytest.raises(ValueError, match=message):
            call(y_true, y_pred)


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ([], "labels is empty"),
        (["A", "A"], "labels holds 'A' twice"),
        ("AB", "labels is the string 'AB'"),
        ([1, 2], "labels holds numbers but y_true and y_pred hold strings"),
        ([["A"]], r"labels has shape \(1, 1\)"),
        (["A", None], "labels holds None at index 1"),
    ],
)
def test_bad_labels_are_refused(labels, message):
    with pytest.raises(ValueError, match=message):
        ma.scores(["A", "B"], ["A", "A"], labels=labels)
    with pytest.raises(ValueError, match=message):
        ma.confusion_matrix(["A", "B"], ["A", "A"], labels=labels)


def test_multi_label_labels_must_be_column_indices():
    with pytest.raises(
        ValueError,
        match="labels holds 2: column indices of the multi-label indicator arrays run from 0 to 1",
    ):
        ma.scores([[1, 0]], [[1, 1]], labels=[2])


@pytest.mark.parametrize("average", ["binary", "samples", "Micro", ""])
def test_unknown_average_is_refused(average):
    with pytest.raises(ValueError, match=f"average must be .* got {average!r}"):
        ma.scores([1], [1], average=average)


@pytest.mark.parametrize("zero_division", ["warn", 0.5, True, None])
def test_bad_zero_division_is_refused(zero_division):
    with pytest.raises(ValueError, match=r"zero_division must be 0\.0, 1\.0 or nan"):
        ma.scores([1], [1], zero_division=zero_division)


def test_zero_division_values_fill_undefined_scores():
    # Label 2 is never predicted, so its precision is 0/0.
    for zd, expected in [(0.0, 0.0), (1.0, 1.0)]:
        assert ma.scores([1, 2], [1, 1], average=None, zero_division=zd).precision[1] == expected
    assert math.isnan(ma.scores([1, 2], [1, 1], average=None, zero_division=math.nan).precision[1])


def test_exact_scores_with_nan_zero_division_keep_nan_as_float():
    s = ma.scores([1, 2], [1, 1], average=None, zero_division=math.nan, exact=True)
    assert s.precision[0] == ma.scores([1, 2], [1, 1], average=None, exact=True).precision[0]
    assert math.isnan(s.precision[1])


def test_scores_unpack_as_a_triple():
    precision, recall, f1 = ma.scores(list("AB"), list("AA"))
    assert (precision, recall, f1) == (0.5, 0.5, 0.5)


# -- hostile input at the door: a ValueError naming the argument ---------------------------


def test_whole_float_labels_of_2_63_and_more_are_refused_not_merged():
    with pytest.raises(ValueError, match=r"y_true holds 1e[+]20 at index 0: whole-number float"):
        ma.accuracy([1e20, 2e20], [1e20, 1e20])


def test_python_ints_beyond_64_bits_are_refused_naming_the_argument():
    with pytest.raises(ValueError, match="y_true holds 18446744073709551616 at index 0"):
        ma.confusion_matrix([2**64, 1], [1, 1])
    with pytest.raises(ValueError, match="labels holds 18446744073709551616 at index 0"):
        ma.confusion_matrix([1, 2], [1, 1], labels=[2**64])


def test_python_ints_that_numpy_would_round_to_floats_are_kept_exact():
    assert ma.confusion_matrix([2**63 + 1, 1], [2**63 + 1, 1]).labels == (1, 2**63 + 1)
    with pytest.raises(ValueError, match=r"negative labels and labels of 2[*][*]63 or more"):
        ma.confusion_matrix([2**63 + 1, -1], [2**63 + 1, -1])


def test_uint64_of_2_63_and_more_with_negative_labels_is_refused():
    y_true = np.array([2**63, 1], dtype=np.uint64)
    with pytest.raises(ValueError, match="no 64-bit integer type holds both"):
        ma.confusion_matrix(y_true, np.array([-1, 1]))


@pytest.mark.parametrize("name", ["y_true", "y_pred"])
def test_ragged_lists_are_refused_naming_the_argument(name):
    ragged, flat = [[1, 0], [1]], [1, 0]
    args = (ragged, flat) if name == "y_true" else (flat, ragged)
    with pytest.raises(ValueError, match=f"^{name} is ragged: its rows have different lengths"):
        ma.scores(*args)


def test_ragged_labels_and_weights_are_refused_naming_them():
    with pytest.raises(ValueError, match=r"^labels is ragged"):
        ma.confusion_matrix([1, 2], [1, 2], labels=[[1], [1, 2]])
    with pytest.raises(ValueError, match=r"^sample_weight is ragged"):
        ma.accuracy([1, 2], [1, 2], sample_weight=[[1], [1, 2]])


def test_as_array_gives_native_byte_order():
    arr = as_array("y_true", np.array([1, 2], dtype=">i4"))
    assert arr.dtype.isnative and arr.tolist() == [1, 2]
