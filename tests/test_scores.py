"""The reductions (microavg.reduction): plain per-label counts in, scores out.

No data and no door here: counts are given directly, as any object with ``labels``, ``tp``,
``fp`` and ``fn``, and each reduction is checked against the formula it follows.
"""

from __future__ import annotations

import ast
import math
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from microavg.reduction import Scores, check_options, ratio, scores_from_counts


def plain(tp, fp, fn, labels=None):
    tp, fp, fn = (np.asarray(a) for a in (tp, fp, fn))
    return SimpleNamespace(labels=tuple(labels or range(len(tp))), tp=tp, fp=fp, fn=fn)


def test_reduction_module_imports_nothing_from_counts():
    # The reductions sit below the counting: no import of microavg.counts, not even lazily.
    tree = ast.parse(
        Path(__file__).parents[1].joinpath("helpers/microavg/reduction.py").read_text()
    )
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not {m for m in imported if m.startswith("microavg") and m != "microavg._validate"}


def test_micro_sums_the_counts_then_divides_once():
    s = scores_from_counts(plain([2, 1, 2], [1, 2, 1], [2, 1, 1]), exact=True)
    assert (s.precision, s.recall, s.f1) == (Fraction(5, 9), Fraction(5, 9), Fraction(5, 9))


def test_macro_averages_per_label_scores():
    s = scores_from_counts(plain([1, 0], [1, 0], [0, 2]), average="macro", exact=True)
    assert s.precision == Fraction(1, 2) * (Fraction(1, 2) + 0)
    assert s.recall == Fraction(1, 2) * (1 + 0)


def test_weighted_averages_by_support_tp_plus_fn():
    s = scores_from_counts(plain([1, 3], [1, 0], [0, 1]), average="weighted", exact=True)
    # supports 1 and 4; recalls 1 and 3/4
    assert s.recall == (1 * 1 + 4 * Fraction(3, 4)) / 5


def test_per_label_scores_are_arrays_aligned_with_labels():
    s = scores_from_counts(plain([1, 0], [0, 1], [1, 0], labels=("x", "y")), average=None)
    assert s.labels == ("x", "y")
    assert s.precision.tolist() == [1.0, 0.0]
    assert s.recall.tolist() == [0.5, 0.0]


@pytest.mark.parametrize("zero_division", [0.0, 1.0, 0, 1])
def test_zero_denominators_give_zero_division(zero_division):
    s = scores_from_counts(plain([0], [0], [0]), zero_division=zero_division)
    assert s.precision == s.recall == s.f1 == float(zero_division)


def test_nan_scores_are_left_out_of_the_macro_average():
    s = scores_from_counts(plain([1, 0], [1, 0], [0, 0]), average="macro", zero_division=math.nan)
    assert s.precision == 0.5


def test_exact_nan_stays_a_float_nan():
    value = ratio(0, 0, exact=True, zero_division=math.nan)
    assert isinstance(value, float) and math.isnan(value)


def test_exact_ratio_of_floats_is_the_ratio_of_their_binary_values():
    assert ratio(0.1, 0.3, exact=True) == Fraction(0.1) / Fraction(0.3)


def test_ratio_of_huge_whole_numbers_is_exact_and_does_not_wrap():
    assert ratio(2**63, 2**64, exact=True) == Fraction(1, 2)
    assert ratio(2**63, 2**64) == 0.5


def test_float_counts_give_float_scores():
    s = scores_from_counts(plain([1.5], [0.5], [0.5]))
    assert s.precision == pytest.approx(0.75)


def test_scores_unpack_as_a_triple_and_show_fractions():
    s = Scores(Fraction(1, 2), Fraction(1, 3), Fraction(2, 5), "micro", ("A",))
    precision, recall, f1 = s
    assert (precision, recall, f1) == (Fraction(1, 2), Fraction(1, 3), Fraction(2, 5))
    assert repr(s) == "Scores(average='micro', precision=1/2, recall=1/3, f1=2/5)"


@pytest.mark.parametrize(
    ("average", "zero_division", "message"),
    [
        ("mean", 0.0, "average must be 'micro', 'macro', 'weighted' or None, got 'mean'"),
        ("micro", 2, "zero_division must be 0.0, 1.0 or nan, got 2"),
        ("micro", "warn", "zero_division must be 0.0, 1.0 or nan, got 'warn'"),
        ("micro", True, "zero_division must be 0.0, 1.0 or nan, got True"),
    ],
)
def test_bad_options_are_refused_naming_the_argument(average, zero_division, message):
    with pytest.raises(ValueError, match=f"^{message.replace('(', '[(]').replace(')', '[)]')}$"):
        check_options(average, zero_division)
    with pytest.raises(ValueError, match="must be"):
        scores_from_counts(plain([1], [0], [0]), average=average, zero_division=zero_division)


def test_nan_zero_division_is_accepted():
    assert math.isnan(check_options(None, math.nan))
