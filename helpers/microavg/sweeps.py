"""Random cases by the thousand: where micro precision equals recall, and where not.

:func:`random_cases` draws small random classification results of one kind, and
:func:`precision_recall_gaps` scores each exactly (with fractions) and returns
``|P - R|`` of its micro averages. For single-label data with every label counted the
gap is exactly 0 in every case; with labels left out, or multi-label data, it is not.
:func:`sweep` does the same and says, for each case where P = R, why (:func:`why_equal`,
one of :data:`REASONS`).

Numpy only; the draws are reproducible from ``seed``.

>>> gaps = precision_recall_gaps("single-label", n_cases=50)
>>> max(gaps)
Fraction(0, 1)
>>> max(precision_recall_gaps("multi-label", n_cases=50)) > 0
True
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from microavg._validate import one_of, whole_number
from microavg.counts import LabelCounts
from microavg.metrics import label_counts
from microavg.reduction import reduce_counts

__all__ = [
    "CASES",
    "REASONS",
    "Sweep",
    "precision_recall_gaps",
    "random_cases",
    "sweep",
    "why_equal",
]

CASES = ("single-label", "labels left out", "multi-label")
"""The kinds of random case: every label counted; a random subset of labels kept
(``labels=``, as when "O" is left out in NER); multi-label indicator arrays."""

REASONS = ("nothing unmatched", "ΣTP = 0", "balanced by chance")
"""Why micro P = R in a case where an error need not be both an FP and an FN: no such
error was made; no counted label has a true positive, so P = R = 0; or the unmatched FPs
and FNs balance by chance (ΣFP = ΣFN)."""


def random_cases(
    case: str,
    n_cases: int = 2000,
    *,
    seed: int = 0,
    max_rows: int = 60,
    max_labels: int = 6,
) -> Iterator[tuple[np.ndarray, np.ndarray, list[int] | None]]:
    """Draw ``n_cases`` random results of one kind, as ``(y_true, y_pred, labels)``.

    Each case has its own number of rows (1 to ``max_rows``), of labels (2 to
    ``max_labels``) and its own skill: every prediction (for multi-label data, every
    cell) is right with a chance drawn uniformly from 0 to 1, and otherwise random.

    Parameters
    ----------
    case : {"single-label", "labels left out", "multi-label"}
        See :data:`CASES`. "labels left out" keeps a random non-empty proper subset
        of the labels; the others keep all (``labels`` is None).
    n_cases : int, default 2000
    seed : int, default 0
        The same arguments give the same cases.
    max_rows, max_labels : int
        Upper bounds of the rows and labels of one case (``max_labels`` >= 2).

    Yields
    ------
    y_true, y_pred : numpy.ndarray
        1-D integer labels, or 2-D 0/1 indicator arrays for "multi-label".
    labels : list of int or None

    Raises
    ------
    ValueError
        If ``case`` is not one of :data:`CASES` or a number is out of range.

    Examples
    --------
    >>> y_true, y_pred, labels = next(random_cases("labels left out", seed=1))
    >>> y_true.shape == y_pred.shape, 0 < len(labels) < 6
    (True, True)
    """
    one_of("case", case, CASES)
    n_cases = whole_number("n_cases", n_cases, 1)
    seed = whole_number("seed", seed, 0)
    max_rows = whole_number("max_rows", max_rows, 1)
    max_labels = whole_number("max_labels", max_labels, 2)
    return _draw(case, n_cases, np.random.default_rng(seed), max_rows, max_labels)


def _draw(
    case: str, n_cases: int, rng: np.random.Generator, max_rows: int, max_labels: int
) -> Iterator[tuple[np.ndarray, np.ndarray, list[int] | None]]:
    for _ in range(n_cases):
        n = int(rng.integers(1, max_rows + 1))
        k = int(rng.integers(2, max_labels + 1))
        skill = rng.random()
        if case == "multi-label":
            y_true = (rng.random((n, k)) < rng.random()).astype(np.int8)
            flip = rng.random((n, k)) >= skill
            yield y_true, np.where(flip, rng.integers(0, 2, (n, k)), y_true), None
            continue
        y_true = rng.integers(0, k, n)
        y_pred = np.where(rng.random(n) < skill, y_true, rng.integers(0, k, n))
        labels = None
        if case == "labels left out":
            kept = int(rng.integers(1, k))
            labels = sorted(rng.choice(k, size=kept, replace=False).tolist())
        yield y_true, y_pred, labels


def precision_recall_gaps(
    case: str,
    n_cases: int = 2000,
    *,
    seed: int = 0,
    max_rows: int = 60,
    max_labels: int = 6,
) -> list[Fraction]:
    """``|P - R|`` of micro precision and recall, exactly, for each case drawn.

    Arguments as :func:`random_cases`. Scores are computed with ``exact=True`` and
    ``zero_division=0``, so a gap of 0 is exactly 0, not a rounding accident.

    Returns
    -------
    list of fractions.Fraction
        One non-negative gap per case, in the order drawn.

    Examples
    --------
    >>> gaps = precision_recall_gaps("labels left out", n_cases=200, seed=3)
    >>> len(gaps), min(gaps), max(gaps) > 0
    (200, Fraction(0, 1), True)
    """
    return [
        _gap(label_counts(y_true, y_pred, labels=labels))
        for y_true, y_pred, labels in random_cases(
            case, n_cases, seed=seed, max_rows=max_rows, max_labels=max_labels
        )
    ]


def _gap(counts: LabelCounts) -> Fraction:
    s = reduce_counts(counts, average="micro", zero_division=0.0, exact=True)
    return abs(s.precision - s.recall)


def why_equal(y_true: object, y_pred: object, labels: list | None = None) -> str:
    """Why micro precision equals micro recall (``zero_division=0``): one of :data:`REASONS`.

    An error is *unmatched* when it is an FP without an FN or an FN without an FP: in
    single-label data, an error between a counted label and one left out by ``labels``; in
    multi-label data, every FP and every FN.

    Parameters
    ----------
    y_true, y_pred : array-like
        Single-label labels, or 2-D 0/1 indicator arrays, as for :func:`microavg.scores`.
    labels : list, optional
        The labels counted (all when None).

    Returns
    -------
    str
        "nothing unmatched", "ΣTP = 0" or "balanced by chance".

    Raises
    ------
    ValueError
        If micro precision and recall differ, or the arguments are refused by
        :func:`microavg.label_counts`.

    Examples
    --------
    >>> why_equal([0, 1, 2], [1, 2, 0])
    'nothing unmatched'
    >>> why_equal([0, 1, 2], [2, 0, 1], labels=[0])
    'ΣTP = 0'
    >>> why_equal([0, 0, 1, 2], [0, 2, 1, 1], labels=[0, 1])
    'balanced by chance'
    >>> why_equal([0, 0], [0, 1], labels=[0])
    Traceback (most recent call last):
    ValueError: y_true and y_pred give micro precision 1 and recall 1/2, which differ
    """
    return _reason(label_counts(y_true, y_pred, labels=labels), y_true, y_pred, labels)


def _reason(counts: LabelCounts, y_true: object, y_pred: object, labels: list | None) -> str:
    """:func:`why_equal` for the counts of ``y_true`` and ``y_pred`` over ``labels``."""
    tp, fp, fn = (int(x.sum()) for x in (counts.tp, counts.fp, counts.fn))
    if tp and fp != fn:
        precision, recall = Fraction(tp, tp + fp), Fraction(tp, tp + fn)
        raise ValueError(
            f"y_true and y_pred give micro precision {precision} and recall {recall}, which differ"
        )
    truth, predicted = np.asarray(y_true), np.asarray(y_pred)
    if truth.ndim == 2:  # in multi-label data every FP and every FN is unmatched
        unmatched = fp + fn
    elif labels is None:
        unmatched = 0
    else:  # an error between a counted and a left-out label is unmatched
        kept = list(counts.labels)
        unmatched = int((np.isin(truth, kept) != np.isin(predicted, kept)).sum())
    if unmatched == 0:
        return REASONS[0]
    return REASONS[1] if tp == 0 else REASONS[2]


@dataclass(frozen=True)
class Sweep:
    """One kind of random case, swept: every case's gap, and why P = R where it is.

    Attributes
    ----------
    case : str
        The kind of case, one of :data:`CASES`.
    gaps : tuple of fractions.Fraction
        ``|P - R|`` of each case, in the order drawn.
    reasons : dict of str to int
        For each of :data:`REASONS`, how many cases with P = R it explains.
    """

    case: str
    gaps: tuple[Fraction, ...]
    reasons: dict[str, int]

    @property
    def parted(self) -> int:
        """How many cases have P ≠ R."""
        return sum(gap != 0 for gap in self.gaps)

    @property
    def equal(self) -> int:
        """How many cases have P = R."""
        return len(self.gaps) - self.parted

    @property
    def largest(self) -> Fraction:
        """The largest gap."""
        return max(self.gaps)


def sweep(
    case: str,
    n_cases: int = 2000,
    *,
    seed: int = 0,
    max_rows: int = 60,
    max_labels: int = 6,
) -> Sweep:
    """Score ``n_cases`` random cases of one kind exactly, and say why P = R where it is.

    Arguments as :func:`random_cases`; the gaps are :func:`precision_recall_gaps`'s.

    Returns
    -------
    Sweep

    Examples
    --------
    >>> swept = sweep("labels left out", n_cases=200, seed=3)
    >>> swept.parted + swept.equal, swept.equal == sum(swept.reasons.values())
    (200, True)
    >>> sweep("single-label", n_cases=50).reasons
    {'nothing unmatched': 50, 'ΣTP = 0': 0, 'balanced by chance': 0}
    """
    gaps, reasons = [], dict.fromkeys(REASONS, 0)
    for y_true, y_pred, labels in random_cases(
        case, n_cases, seed=seed, max_rows=max_rows, max_labels=max_labels
    ):
        counts = label_counts(y_true, y_pred, labels=labels)  # counted once, for both
        gaps.append(_gap(counts))
        if gaps[-1] == 0:
            reasons[_reason(counts, y_true, y_pred, labels)] += 1
    return Sweep(case, tuple(gaps), reasons)
