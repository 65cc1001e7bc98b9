"""Reduce the counts: precision, recall, F1 and accuracy; micro, macro and weighted.

Everything here is computed from :class:`microavg.counts.LabelCounts` and follows
scikit-learn's ``precision_recall_fscore_support`` to the letter:

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
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from microavg.counts import LabelCounts, counts_of
from microavg.targets import check_sample_weight, check_targets

__all__ = ["Scores", "accuracy", "ratio", "scores", "scores_from_counts"]

AVERAGES = ("micro", "macro", "weighted", None)

Number = float | Fraction


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


def _check_options(average: object, zero_division: object) -> float:
    if average not in AVERAGES:
        raise ValueError(f"average must be 'micro', 'macro', 'weighted' or None, got {average!r}")
    if isinstance(zero_division, bool) or not isinstance(zero_division, int | float):
        raise ValueError(f"zero_division must be 0.0, 1.0 or nan, got {zero_division!r}")
    if not (zero_division in (0, 1) or math.isnan(zero_division)):
        raise ValueError(f"zero_division must be 0.0, 1.0 or nan, got {zero_division!r}")
    return float(zero_division)


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
    counts: LabelCounts,
    *,
    average: str | None = "micro",
    zero_division: float = 0.0,
    exact: bool = False,
) -> Scores:
    """Precision, recall and F1 from per-label counts.

    Examples
    --------
    >>> import numpy as np
    >>> from microavg.counts import LabelCounts
    >>> lc = LabelCounts(("A", "B"), np.array([2, 1]), np.array([1, 0]), np.array([0, 1]))
    >>> scores_from_counts(lc, exact=True)
    Scores(average='micro', precision=3/4, recall=3/4, f1=3/4)
    """
    zero_division = _check_options(average, zero_division)
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
    weights = counts.support.tolist() if average == "weighted" else None
    return Scores(
        *(_nanaverage(v, weights) for v in (precision, recall, f1)),
        average=average,
        labels=counts.labels,
    )


def scores(
    y_true: object,
    y_pred: object,
    *,
    average: str | None = "micro",
    labels: Sequence[Hashable] | None = None,
    zero_division: float = 0.0,
    exact: bool = False,
    sample_weight: object = None,
) -> Scores:
    """Precision, recall and F1 of predictions, as scikit-learn computes them.

    Parameters
    ----------
    y_true, y_pred : array-like
        1-D labels (single-label), or 2-D 0/1 indicator arrays (multi-label).
    average : {"micro", "macro", "weighted", None}, default "micro"
        None gives one score per label.
    labels : sequence, optional
        Labels to score, in order. Labels left out still produce false positives and
        false negatives for the labels kept; labels absent from the data count as
        zero. For multi-label data, column indices.
    zero_division : {0.0, 1.0, nan}, default 0.0
        The score where its denominator is zero.
    exact : bool, default False
        Return :class:`fractions.Fraction` values instead of floats.
    sample_weight : array-like of shape (n,), optional
        Non-negative weight of each row (default: 1 each).

    Returns
    -------
    Scores
        With ``.precision``, ``.recall`` and ``.f1``; unpacks as a triple.

    Examples
    --------
    The worked example: micro precision, recall and F1 all equal accuracy.

    >>> import microavg as ma
    >>> true, pred = list("AAAABBCCC"), list("AABCABBCC")
    >>> ma.scores(true, pred, exact=True)
    Scores(average='micro', precision=5/9, recall=5/9, f1=5/9)
    >>> ma.accuracy(true, pred, exact=True)
    Fraction(5, 9)

    Leave label A out and the identity breaks:

    >>> ma.scores(true, pred, labels=["B", "C"], exact=True)
    Scores(average='micro', precision=1/2, recall=3/5, f1=6/11)

    Weights change the numbers, not the identity:

    >>> ma.scores(true, pred, sample_weight=[1, 1, 2, 1, 1, 1, 3, 1, 1], exact=True)
    Scores(average='micro', precision=5/12, recall=5/12, f1=5/12)
    """
    _check_options(average, zero_division)
    targets = check_targets(y_true, y_pred)
    weights = check_sample_weight(sample_weight, len(targets.y_true))
    counts = counts_of(targets, labels, weights)
    return scores_from_counts(counts, average=average, zero_division=zero_division, exact=exact)


def accuracy(
    y_true: object, y_pred: object, *, exact: bool = False, sample_weight: object = None
) -> Number:
    """Share of rows predicted correctly (for multi-label data: every label of the row).

    With ``sample_weight``, the share of the total weight on rows predicted correctly.

    Examples
    --------
    >>> import microavg as ma
    >>> ma.accuracy([1, 2, 3], [1, 2, 2])
    0.6666666666666666
    >>> ma.accuracy([[1, 0], [1, 1]], [[1, 0], [1, 0]], exact=True)
    Fraction(1, 2)
    >>> ma.accuracy([1, 2, 3], [1, 2, 2], sample_weight=[1, 1, 2], exact=True)
    Fraction(1, 2)
    """
    targets = check_targets(y_true, y_pred)
    weights = check_sample_weight(sample_weight, len(targets.y_true))
    same = targets.y_true == targets.y_pred
    if targets.kind == "multi":
        same = same.all(axis=1)
    if weights is None:
        return ratio(int(np.count_nonzero(same)), len(same), exact=exact)
    return ratio(weights[same].sum().item(), weights.sum().item(), exact=exact)
