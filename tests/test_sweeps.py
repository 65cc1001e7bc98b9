"""Random sweeps: single-label gaps are exactly zero, the other kinds are not."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from microavg.sweeps import CASES, precision_recall_gaps, random_cases
from sklearn.metrics import precision_recall_fscore_support


def test_single_label_gaps_are_exactly_zero_in_every_case():
    gaps = precision_recall_gaps("single-label", n_cases=500, seed=7)
    assert len(gaps) == 500
    assert all(g == Fraction(0) for g in gaps)


@pytest.mark.parametrize("case", ["labels left out", "multi-label"])
def test_labels_left_out_and_multi_label_give_non_zero_gaps_in_most_cases(case):
    gaps = precision_recall_gaps(case, n_cases=500, seed=7)
    assert all(g >= 0 for g in gaps)
    assert sum(g > 0 for g in gaps) > 250


@pytest.mark.parametrize("case", CASES)
def test_gaps_are_sklearn_micro_precision_minus_recall(case):
    cases = list(random_cases(case, 60, seed=2, max_rows=12, max_labels=4))
    gaps = precision_recall_gaps(case, 60, seed=2, max_rows=12, max_labels=4)
    for (y_true, y_pred, labels), gap in zip(cases, gaps, strict=True):
        p, r, _, _ = precision_recall_fscore_support(
            y_true, y_pred, labels=labels, average="micro", zero_division=0
        )
        assert float(gap) == pytest.approx(abs(p - r), abs=1e-12)


def test_cases_respect_their_bounds_and_kind():
    for y_true, y_pred, labels in random_cases("labels left out", 200, max_rows=5, max_labels=3):
        assert 1 <= len(y_true) <= 5 and y_true.shape == y_pred.shape
        assert set(y_true.tolist()) | set(y_pred.tolist()) <= {0, 1, 2}
        assert 1 <= len(labels) < 3 and labels == sorted(set(labels))
    for y_true, y_pred, labels in random_cases("multi-label", 50, max_labels=4):
        assert y_true.ndim == 2 and 2 <= y_true.shape[1] <= 4 and labels is None
        assert set(np.unique(np.concatenate([y_true, y_pred]))) <= {0, 1}


def test_the_same_seed_draws_the_same_cases():
    assert precision_recall_gaps("multi-label", 30, seed=4) == precision_recall_gaps(
        "multi-label", 30, seed=4
    )
    assert precision_recall_gaps("multi-label", 30, seed=4) != precision_recall_gaps(
        "multi-label", 30, seed=5
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"case": "binary"},
            "case must be 'single-label', 'labels left out' or 'multi-label', got 'binary'",
        ),
        ({"case": "multi-label", "n_cases": 0}, "n_cases must be a whole number of at least 1"),
        ({"case": "multi-label", "seed": -1}, "seed must be a whole number of at least 0"),
        ({"case": "multi-label", "max_rows": 2.5}, "max_rows must be a whole number"),
        (
            {"case": "multi-label", "max_labels": 1},
            "max_labels must be a whole number of at least 2",
        ),
        ({"case": "multi-label", "n_cases": True}, "n_cases must be a whole number"),
    ],
)
def test_bad_arguments_are_refused_naming_them(kwargs, message):
    with pytest.raises(ValueError, match=message):
        random_cases(**kwargs)
    with pytest.raises(ValueError, match=message):
        precision_recall_gaps(**kwargs)
