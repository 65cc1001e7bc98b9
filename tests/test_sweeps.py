"""Random sweeps: single-label gaps are exactly zero, the other kinds are not."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from microavg.sweeps import (
    CASES,
    REASONS,
    precision_recall_gaps,
    random_cases,
    sweep,
    why_equal,
)
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
    with pytest.raises(ValueError, match=message):
        sweep(**kwargs)


# --- why P = R where the errors need not pair up ----------------------------------------


def unmatched_errors(y_true, y_pred, labels) -> int:
    """Errors that are an FP without an FN or an FN without an FP, counted row by row."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.ndim == 2:
        return int((y_true != y_pred).sum())
    if labels is None:
        return 0
    return sum((t in labels) != (p in labels) for t, p in zip(y_true, y_pred, strict=True))


@pytest.mark.parametrize(
    ("y_true", "y_pred", "labels", "reason"),
    [
        (["A", "B", "C"], ["B", "C", "A"], None, "nothing unmatched"),
        (["$", "<b>"], ["<b>", "$"], None, "nothing unmatched"),
        ([0, 1, 2], [2, 0, 1], [0], "ΣTP = 0"),
        ([0, 0, 1, 2], [0, 2, 1, 1], [0, 1], "balanced by chance"),
        ([[1, 0], [0, 1]], [[1, 0], [0, 1]], None, "nothing unmatched"),
        ([[1, 0], [0, 1]], [[0, 1], [1, 0]], None, "ΣTP = 0"),
        ([[1, 0], [0, 1]], [[1, 1], [0, 0]], None, "balanced by chance"),
    ],
)
def test_why_equal_names_each_reason(y_true, y_pred, labels, reason):
    assert why_equal(y_true, y_pred, labels) == reason
    p, r, _, _ = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, average="micro", zero_division=0
    )
    assert p == r


@pytest.mark.parametrize("case", CASES)
def test_why_equal_agrees_with_counts_made_another_way(case):
    seen = set()
    for y_true, y_pred, labels in random_cases(case, 400, seed=11, max_rows=10, max_labels=4):
        p, r, _, _ = precision_recall_fscore_support(
            y_true, y_pred, labels=labels, average="micro", zero_division=0
        )
        if p != r:
            with pytest.raises(ValueError, match=r"micro precision .* and recall .*, which differ"):
                why_equal(y_true, y_pred, labels)
            continue
        reason = why_equal(y_true, y_pred, labels)
        seen.add(reason)
        if unmatched_errors(y_true, y_pred, labels) == 0:
            assert reason == "nothing unmatched"
        else:
            assert reason == ("ΣTP = 0" if p == 0 else "balanced by chance")
    assert seen == ({"nothing unmatched"} if case == "single-label" else set(REASONS))


def test_sweep_holds_the_gaps_and_a_reason_for_every_equal_case():
    for case in CASES:
        swept = sweep(case, 300, seed=5, max_rows=20)
        assert list(swept.gaps) == precision_recall_gaps(case, 300, seed=5, max_rows=20)
        assert swept.case == case and list(swept.reasons) == list(REASONS)
        assert swept.parted + swept.equal == 300 == len(swept.gaps)
        assert sum(swept.reasons.values()) == swept.equal == sum(g == 0 for g in swept.gaps)
        assert swept.largest == max(swept.gaps)
    assert sweep("single-label", 100).reasons["nothing unmatched"] == 100


def test_why_equal_refuses_what_the_door_refuses_and_unequal_scores():
    with pytest.raises(ValueError, match="y_true and y_pred give micro precision 1 and recall 1/2"):
        why_equal([0, 0], [0, 1], labels=[0])
    with pytest.raises(ValueError, match="y_pred"):
        why_equal([0, 1, 2], [0, 1])
    with pytest.raises(ValueError, match="labels"):
        why_equal([0, 1], [1, 0], labels=[])
