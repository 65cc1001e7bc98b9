"""ConfusionMatrix.from_table: a table counted elsewhere (true, pred, n) as a confusion matrix."""

from __future__ import annotations

import math

import microavg as ma
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

TRUE = list("AAAABBCCC")
PRED = list("AABCABBCC")
ROWS = {
    "y": ["A", "A", "A", "B", "B", "C", "C", "A"],
    "yhat": ["A", "B", "C", "A", "B", "B", "C", "A"],
}
ROWS["count"] = [1, 1, 1, 1, 1, 1, 2, 1]  # (A, A) is given twice: 1 + 1


def expected() -> ma.ConfusionMatrix:
    return ma.confusion_matrix(TRUE, PRED)


@pytest.mark.parametrize("make", [dict, pd.DataFrame, pa.table], ids=["dict", "pandas", "pyarrow"])
def test_a_counted_table_gives_the_matrix_of_its_rows(make):
    cm = ma.ConfusionMatrix.from_table(make(ROWS), true="y", pred="yhat", n="count")
    assert cm == expected()
    assert cm.counts.dtype == np.int64 and cm.total == 9


def test_labels_select_and_order_as_in_confusion_matrix():
    cm = ma.ConfusionMatrix.from_table(ROWS, true="y", pred="yhat", n="count", labels=["C", "B"])
    assert cm == ma.confusion_matrix(TRUE, PRED, labels=["C", "B"])
    assert not cm.complete


def test_a_pandas_table_of_integer_labels_and_float_counts_that_are_whole():
    table = pd.DataFrame({"t": [0, 1, 1], "p": [0, 1, 0], "n": [3.0, 2.0, 1.0]})
    cm = ma.ConfusionMatrix.from_table(table, true="t", pred="p", n="n")
    assert cm.counts.tolist() == [[3, 0], [1, 2]] and cm.labels == (0, 1)


@pytest.mark.parametrize(
    ("n", "shown"),
    [
        ([1, -1, 1], "-1 at row 1"),
        ([1, 0.5, 1], "0.5 at row 1"),
        ([1, math.nan, 1], "nan at row 1"),
    ],
)
def test_counts_must_be_non_negative_whole_numbers_naming_the_column(n, shown):
    table = pd.DataFrame({"t": ["A", "B", "A"], "p": ["A", "B", "B"], "how many": n})
    with pytest.raises(ValueError, match=rf"^n column 'how many' holds {shown}"):
        ma.ConfusionMatrix.from_table(table, true="t", pred="p", n="how many")


def test_a_missing_column_is_refused_by_name():
    with pytest.raises(ValueError, match=r"^table has no column 'nope' \(pred=\)"):
        ma.ConfusionMatrix.from_table(ROWS, true="y", pred="nope", n="count")


def test_bad_labels_in_a_column_name_the_column():
    table = {"t": ["A", None], "p": ["A", "B"], "n": [1, 1]}
    with pytest.raises(ValueError, match=r"^true column 't': y_true holds None at index 1"):
        ma.ConfusionMatrix.from_table(table, true="t", pred="p", n="n")


def test_counts_summing_past_what_is_counted_exactly_are_refused():
    table = {"t": ["A", "B"], "p": ["A", "B"], "n": [2**62, 2**62]}
    with pytest.raises(ValueError, match=r"^n column 'n' sums to"):
        ma.ConfusionMatrix.from_table(table, true="t", pred="p", n="n")
