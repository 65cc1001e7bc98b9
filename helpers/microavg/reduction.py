"""Reduce the counts: precision, recall, F1 and accuracy; micro, macro and weighted.

Everything here takes plain counts (anything with ``labels``, ``tp``, ``fp`` and ``fn``, such
as :class:`microavg.counts.LabelCounts`) and imports nothing from :mod:`microavg.counts`,
which builds on it: the door functions there (``ma.scores``, ``ma.accuracy``) check, count,
then reduce here. Scores follow scikit-learn's ``precision_recall_fscore_support`` to the
letter:

* micro sums TP, FP and FN over the labels first, then divides once;
* macro averages the per-label scores; weighted does so weighted by support;
* a score whose denominator is zero is ``zero_division`` (0.0, 1.0 or nan), and nan
  scores are left out of macro and weighted averages;
* F1 is ``2 TP / (2 TP + FP + FN)``, defined whenever any of the three is non-zero.

With ``exact=True`` scores are :class:`fractions.Fraction`, so a lesson can show 5/9.
``sample_weight=`` weighs rows as scikit-learn does; with float weights an exact score
is the exact ratio of the float sums.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol

import numpy as np

from microavg._validate import one_of

__all__ = [
    "AVERAGES",
    "Counts",
    "Scores",
    "check_options",
    "check_zero_division",
    "ratio",
    "reduce_counts",
    "scores_from_counts",
]

AVERAGES = ("micro", "macro", "weighted", None)

Number = float | Fraction


class Counts(Protocol):
    """Per-label counts, as :class:`microavg.counts.LabelCounts` holds them."""

    labels: tuple
    tp: np.ndarray
    fp: np.ndarray
    fn: np.ndarray


@dataclass(frozen=True, eq=False)
class Scores:
    """Precision, recall and F1, averaged as ``average`` says.

    Attributes
    ----------
    precision, recall, f1 : float, Fraction, or numpy.ndarray
        Single numbers for an average; per-label arrays (aligned with ``labels``)
        when ``average`` is None.
    average : str or None
    labels : tuple
        The labels the scores were computed over.
    """

    precision: Number | np.ndarray
    recall: Number | np.ndarray
    f1: Number | np.ndarray
    average: str | None
    labels: tuple

    def __iter__(self):
        """Unpack as ``precision, recall, f1 = ma.scores(...)``."""
        return iter((self.precision, self.recall, self.f1))

    def __repr__(self) -> str:
        def show(v: object) -> str:
            if isinstance(v, np.ndarray):
                return "[" + ", ".join(show(x) for x in v.tolist()) + "]"
            return str(v) if isinstance(v, Fraction) else f"{v:.4g}"

        return (
            f"Scores(average={self.average!r}, precision={show(self.precision)}, "
            f"recall={show(self.recall)}, f1={show(self.f1)})"
        )


def check_options(average: object, zero_division: object) -> float:
    """Check ``average`` and ``zero_division``; return ``zero_division`` as a float.

    >>> check_options("micro", 1)
    1.0
    >>> check_options("micro", 2)
    Traceback (most recent call last):
    ...
    ValueError: zero_division must be 0.0, 1.0 or nan, got 2
    """
    one_of("average", average, AVERAGES)
    return check_zero_division(zero_division)


def check_zero_division(zero_division: object) -> float:
    """``zero_division`` as a float, if it is 0.0, 1.0 or nan (or the whole numbers 0, 1).

    The one check of this option: the door functions and the explorers' rules call it.

    >>> check_zero_division(0), check_zero_division(float("nan"))
    (0.0, nan)
    >>> check_zero_division(10**400)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: zero_division must be 0.0, 1.0 or nan, got a 401-digit integer
    """
    whole = isinstance(zero_division, numbers.Integral) and not isinstance(zero_division, bool)
    if whole and zero_division in (0, 1):
        zero_division = float(zero_division)  # 0 and 1 are 0.0 and 1.0, as in scikit-learn
    return float(one_of("zero_division", zero_division, (0.0, 1.0, math.nan)))


def ratio(
    numerator: int | float,
    denominator: int | float,
    *,
    exact: bool = False,
    zero_division=0.0,
):
    """``numerator / denominator`` as a float or, with ``exact``, a Fraction.

    Counts are whole numbers, or floats when summed from float sample weights (an
    exact ratio of floats is the ratio of their exact binary values). A zero
    denominator gives ``zero_division`` (nan stays a float nan).

    >>> ratio(5, 9, exact=True)
    Fraction(5, 9)
    >>> ratio(1.5, 6.0, exact=True)
    Fraction(1, 4)
    >>> ratio(0, 0, zero_division=1.0)
    1.0
    """
    if denominator == 0:
        if exact and not math.isnan(zero_division):
            return Fraction(int(zero_division))
        return float(zero_division)
    if exact:
        return Fraction(numerator) / Fraction(denominator)
    if isinstance(numerator, float) or isinstance(denominator, float):
        return float(numerator) / float(denominator)
    return int(numerator) / int(denominator)


def _divide(num: np.ndarray, den: np.ndarray, zero_division: float, exact: bool) -> list:
    return [
        ratio(n, d, exact=exact, zero_division=zero_division)
        for n, d in zip(num.tolist(), den.tolist(), strict=True)
    ]


def _nanaverage(values: list, weights: list | None) -> Number:
    """Mean of the non-nan values (weighted, unless all weights are zero), as sklearn."""
    keep = [i for i, v in enumerate(values) if not (isinstance(v, float) and math.isnan(v))]
    if not keep:
        return math.nan
    kept = [values[i] for i in keep]
    if weights is not None:
        w = [weights[i] for i in keep]
        if sum(w) != 0:
            if all(isinstance(v, Fraction) for v in kept):
                w = [Fraction(wi) for wi in w]
                return sum((v * wi for v, wi in zip(kept, w, strict=True)), Fraction(0)) / sum(w)
            return float(np.average(np.asarray(kept, dtype=float), weights=w))
    if all(isinstance(v, Fraction) for v in kept):
        return sum(kept, Fraction(0)) / len(kept)
    return float(np.mean(np.asarray(kept, dtype=float)))


def scores_from_counts(
    counts: Counts,
    *,
    average: str | None = "micro",
    zero_division: float = 0.0,
    exact: bool = False,
) -> Scores:
    """Precision, recall and F1 from per-label counts (``labels``, ``tp``, ``fp``, ``fn``).

    Examples
    --------
    >>> import numpy as np
    >>> from microavg.counts import LabelCounts
    >>> lc = LabelCounts(("A", "B"), np.array([2, 1]), np.array([1, 0]), np.array([0, 1]))
    >>> scores_from_counts(lc, exact=True)
    Scores(average='micro', precision=3/4, recall=3/4, f1=3/4)
    """
    zero_division = check_options(average, zero_division)
    return reduce_counts(counts, average=average, zero_division=zero_division, exact=exact)


def reduce_counts(
    counts: Counts, *, average: str | None, zero_division: float, exact: bool
) -> Scores:
    """:func:`scores_from_counts` for options already checked (by :func:`check_options`)."""
    tp, fp, fn = counts.tp, counts.fp, counts.fn
    if average == "micro":
        tp, fp, fn = (np.array([a.sum()]) for a in (tp, fp, fn))
    precision = _divide(tp, tp + fp, zero_division, exact)
    recall = _divide(tp, tp + fn, zero_division, exact)
    f1 = _divide(2 * tp, 2 * tp + fp + fn, zero_division, exact)
    if average is None:
        dtype = object if exact else float
        return Scores(
            *(np.array(v, dtype=dtype) for v in (precision, recall, f1)),
            average=None,
            labels=counts.labels,
        )
    weights = (counts.tp + counts.fn).tolist() if average == "weighted" else None
    return Scores(
        *(_nanaverage(v, weights) for v in (precision, recall, f1)),
        average=average,
        labels=counts.labels,
    )
