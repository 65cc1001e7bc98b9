"""Random cases by the thousand: where micro precision equals recall, and where not.

:func:`random_cases` draws small random classification results of one kind, and
:func:`precision_recall_gaps` scores each exactly (with fractions) and returns
``|P - R|`` of its micro averages. For single-label data with every label counted the
gap is exactly 0 in every case; with labels left out, or multi-label data, it is not.

Numpy only; the draws are reproducible from ``seed``.

>>> gaps = precision_recall_gaps("single-label", n_cases=50)
>>> max(gaps)
Fraction(0, 1)
>>> max(precision_recall_gaps("multi-label", n_cases=50)) > 0
True
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import numpy as np

from microavg._validate import one_of, whole_number
from microavg.counts import scores

__all__ = ["CASES", "precision_recall_gaps", "random_cases"]

CASES = ("single-label", "labels left out", "multi-label")
"""The kinds of random case: every label counted; a random subset of labels kept
(``labels=``, as when "O" is left out in NER); multi-label indicator arrays."""


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
    gaps = []
    for y_true, y_pred, labels in random_cases(
        case, n_cases, seed=seed, max_rows=max_rows, max_labels=max_labels
    ):
        s = scores(y_true, y_pred, labels=labels, exact=True)
        gaps.append(abs(s.precision - s.recall))
    return gaps
