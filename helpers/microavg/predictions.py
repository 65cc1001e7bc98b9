"""From a model's scores to the predictions that get scored.

A classifier emits one score (often a probability) per label and row; what is counted
depends on how those scores become predictions, and that choice decides whether micro
precision, recall and F1 stay equal:

* :func:`argmax_labels`, one label per row: single-label, the identity holds;
* :func:`abstain_below`, the arg-max label or "unknown" when the top score is too low;
* :func:`threshold_sets`, every label whose score reaches a threshold: zero, one or
  several labels per row, a multi-label indicator array;
* :func:`top_k_sets`, the k best labels of every row, also an indicator array;
* :func:`one_hot`, true labels as an indicator array to score such sets against;
* :func:`drop_ignored`, rows (tokens) marked with an ignore index removed before scoring.

Numpy only; every argument is checked at the door and refused with a ``ValueError``
naming it.

>>> import numpy as np
>>> y_score = np.array([[0.7, 0.2, 0.1], [0.4, 0.4, 0.2]])
>>> argmax_labels(y_score, ["cat", "dog", "fox"]).tolist()
['cat', 'cat']
>>> threshold_sets(y_score, 0.3).astype(int).tolist()
[[1, 0, 0], [1, 1, 0]]
"""

from __future__ import annotations

import numbers
from collections.abc import Hashable, Sequence

import numpy as np

from microavg._validate import real, whole_number
from microavg.targets import (
    as_array,
    check_labels,
    check_no_trailing_nul,
    check_targets,
    integer_labels,
)

__all__ = [
    "abstain_below",
    "argmax_labels",
    "drop_ignored",
    "one_hot",
    "threshold_sets",
    "top_k_sets",
]


# -- the door -------------------------------------------------------------------------


def _score_matrix(y_score: object) -> np.ndarray:
    """A 2-D array of finite real scores, one row per prediction, one column per label."""
    if y_score is None:
        raise ValueError("y_score is None: pass an array of scores, one column per label")
    arr = as_array("y_score", y_score, "a 2-D array, one row per prediction")
    if arr.ndim != 2:
        raise ValueError(
            f"y_score has shape {arr.shape}: expected a 2-D array, one row per prediction "
            "and one column per label"
        )
    if arr.shape[0] == 0:
        raise ValueError("y_score has no rows: there is nothing to predict")
    if arr.shape[1] < 2:
        raise ValueError(
            f"y_score has shape {arr.shape}: expected at least two columns, one per label"
        )
    if arr.dtype.kind not in "iuf":
        raise ValueError(f"y_score has dtype {arr.dtype}: scores must be real numbers")
    if arr.dtype.kind == "f":
        finite = np.isfinite(arr)
        if not finite.all():
            row, col = (int(i[0]) for i in np.nonzero(~finite))
            raise ValueError(
                f"y_score holds {arr[row, col]} at row {row}, column {col}: "
                "every score must be a finite number"
            )
    return arr


def _label_of_kind(name: str, value: object, family: str, what: str, advice: str) -> Hashable:
    """``value``, if it is a label of ``family`` ("string" or "number": a whole number)."""
    is_str = isinstance(value, str)
    is_int = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if (family == "string" and not is_str) or (family == "number" and not is_int):
        raise ValueError(f"{name} is {value!r} but {what} {family}s: {advice}")
    return value


def _column_labels(labels: Sequence[Hashable] | None, n_columns: int) -> np.ndarray:
    """The label of each column of y_score: ``labels``, or 0, 1, ... by default."""
    if labels is None:
        return np.arange(n_columns)
    checked = check_labels(labels)
    if len(checked) != n_columns:
        raise ValueError(
            f"labels has {len(checked)} labels but y_score has {n_columns} columns: "
            "give one label per column"
        )
    return checked


# -- one label per row ----------------------------------------------------------------


def argmax_labels(y_score: object, labels: Sequence[Hashable] | None = None) -> np.ndarray:
    """The label of the highest score in each row (the first such column on a tie).

    Parameters
    ----------
    y_score : array-like of shape (n, k)
        Scores or probabilities, one column per label.
    labels : sequence of k labels, optional
        The label of each column; default ``0, 1, ..., k - 1``.

    Returns
    -------
    numpy.ndarray of shape (n,)
        One label per row: single-label predictions, as ``np.argmax`` picks them.

    Raises
    ------
    ValueError
        If ``y_score`` is not a 2-D array of finite numbers with at least two columns,
        or ``labels`` does not give one distinct label per column.

    Examples
    --------
    >>> argmax_labels([[0.1, 0.9], [0.5, 0.5]]).tolist()
    [1, 0]
    >>> argmax_labels([[0.1, 0.9]], labels=["neg", "pos"]).tolist()
    ['pos']
    """
    arr = _score_matrix(y_score)
    return _column_labels(labels, arr.shape[1])[np.argmax(arr, axis=1)]


def abstain_below(
    y_score: object,
    confidence: float,
    labels: Sequence[Hashable] | None = None,
    *,
    unknown: Hashable = "unknown",
) -> np.ndarray:
    """The arg-max label of each row, or ``unknown`` where the top score is below ``confidence``.

    A model that abstains still answers every row; whether its "unknown" answers are
    scored as a label of their own or left out with ``labels=`` decides whether micro
    precision and recall stay equal.

    Parameters
    ----------
    y_score : array-like of shape (n, k)
        Scores or probabilities, one column per label.
    confidence : float
        Rows whose highest score is below it get ``unknown``; a row whose top score
        equals it keeps its label.
    labels : sequence of k labels, optional
        The label of each column; default ``0, 1, ..., k - 1``.
    unknown : str or int, default "unknown"
        The answer of an abstaining row: of the same kind (str or int) as ``labels``
        and not one of them.

    Returns
    -------
    numpy.ndarray of shape (n,)

    Raises
    ------
    ValueError
        For a bad ``y_score`` or ``labels`` (as :func:`argmax_labels`), a
        ``confidence`` that is not a finite number, or an ``unknown`` that is one of the
        labels or of another kind.

    Examples
    --------
    >>> y_score = [[0.8, 0.1, 0.1], [0.4, 0.35, 0.25]]
    >>> abstain_below(y_score, 0.5, ["A", "B", "C"]).tolist()
    ['A', 'unknown']
    >>> abstain_below(y_score, 0.5, unknown=-1).tolist()
    [0, -1]
    """
    arr = _score_matrix(y_score)
    level = real("confidence", confidence)
    columns = _column_labels(labels, arr.shape[1])
    wanted = "string" if columns.dtype.kind == "U" else "number"
    kind = "a string" if wanted == "string" else "a whole number"
    _label_of_kind("unknown", unknown, wanted, "the labels are", f"pass {kind} that is not a label")
    if wanted == "string":
        check_no_trailing_nul(unknown, "unknown")
    if unknown in columns.tolist():
        raise ValueError(
            f"unknown is {unknown!r}, which is one of the labels: abstentions need an "
            "answer of their own"
        )
    top = np.argmax(arr, axis=1)
    sure = arr[np.arange(len(arr)), top] >= level
    if wanted == "number":  # one integer dtype for both, exact (np.result_type may give float)
        dtype = integer_labels([*columns.tolist(), int(unknown)], "labels and unknown").dtype
    else:
        dtype = np.result_type(columns, np.asarray([unknown]))
    out = np.asarray(columns[top], dtype=dtype)
    out[~sure] = unknown
    return out


# -- label sets (multi-label indicator arrays) ----------------------------------------


def threshold_sets(y_score: object, threshold: float = 0.5) -> np.ndarray:
    """Every label whose score reaches ``threshold``: a multi-label indicator array.

    A row may get no label (every score below the threshold), one, or several: the
    predictions are label sets, no longer one label per row. A score equal to the
    threshold counts as reaching it, as in scikit-learn's ``precision_recall_curve``.

    Parameters
    ----------
    y_score : array-like of shape (n, k)
        Scores or probabilities, one column per label.
    threshold : float, default 0.5

    Returns
    -------
    numpy.ndarray of bool, shape (n, k)

    Raises
    ------
    ValueError
        If ``y_score`` is not a 2-D array of finite numbers with at least two columns,
        or ``threshold`` is not a finite number.

    Examples
    --------
    >>> threshold_sets([[0.6, 0.3, 0.1], [0.4, 0.35, 0.25], [0.5, 0.5, 0.0]]).astype(int)
    array([[1, 0, 0],
           [0, 0, 0],
           [1, 1, 0]])
    """
    arr = _score_matrix(y_score)
    return arr >= real("threshold", threshold)


def top_k_sets(y_score: object, k: int) -> np.ndarray:
    """The ``k`` highest-scoring labels of every row: a multi-label indicator array.

    Ties go to the earlier column, so ``top_k_sets(y_score, 1)`` marks exactly the
    :func:`argmax_labels` column. (scikit-learn's ``top_k_accuracy_score`` breaks ties
    the other way, towards the later column; without ties the two agree.)

    Parameters
    ----------
    y_score : array-like of shape (n, n_labels)
        Scores or probabilities, one column per label.
    k : int
        Labels per row, from 1 to the number of columns.

    Returns
    -------
    numpy.ndarray of bool, shape (n, n_labels)
        Exactly ``k`` True values in every row.

    Raises
    ------
    ValueError
        If ``y_score`` is not a 2-D array of finite numbers with at least two columns,
        or ``k`` is not a whole number from 1 to the number of columns.

    Examples
    --------
    >>> top_k_sets([[0.1, 0.6, 0.3], [0.4, 0.4, 0.2]], k=2).astype(int)
    array([[0, 1, 1],
           [1, 1, 0]])
    """
    arr = _score_matrix(y_score)
    n_columns = arr.shape[1]
    k = whole_number("k", k, 1, n_columns)
    # Sort the columns in reverse so a stable sort, read backwards, puts the highest
    # score first and, among equal scores, the earlier column first.
    ascending = np.argsort(arr[:, ::-1], axis=1, kind="stable")
    best = n_columns - 1 - ascending[:, ::-1][:, :k]
    out = np.zeros(arr.shape, dtype=bool)
    np.put_along_axis(out, best, True, axis=1)
    return out


def one_hot(y: object, labels: Sequence[Hashable]) -> np.ndarray:
    """Single labels as an indicator array with one column per label of ``labels``.

    What label sets from :func:`threshold_sets` or :func:`top_k_sets` are scored
    against: row ``i`` has one True, in the column of ``y[i]``.

    Parameters
    ----------
    y : array-like of shape (n,)
        Labels, each one of ``labels``.
    labels : sequence
        The columns, in order.

    Returns
    -------
    numpy.ndarray of bool, shape (n, len(labels))

    Raises
    ------
    ValueError
        If ``y`` is not 1-D labels, ``labels`` is not a list of distinct labels of the
        same kind, or ``y`` holds a label not in ``labels``.

    Examples
    --------
    >>> one_hot(["B", "A", "B"], ["A", "B", "C"]).astype(int)
    array([[0, 1, 0],
           [1, 0, 0],
           [0, 1, 0]])
    """
    shape = as_array("y", y, "1-D labels, one per row").shape
    if len(shape) != 1:
        raise ValueError(f"y has shape {shape}: expected 1-D labels, one per row")
    if labels is None:
        raise ValueError("labels is None: pass the labels, one per column, in order")
    targets = check_targets(y, y)
    values = targets.y_true
    columns = check_labels(labels, targets.family)
    order = np.argsort(columns, kind="stable")
    where = np.minimum(np.searchsorted(columns[order], values), len(columns) - 1)
    found = columns[order][where] == values
    if not found.all():
        i = int(np.flatnonzero(~found)[0])
        raise ValueError(
            f"y holds {values[i].item()!r} at index {i}, which is not among labels "
            f"{columns.tolist()!r}"
        )
    out = np.zeros((len(values), len(columns)), dtype=bool)
    out[np.arange(len(values)), order[where]] = True
    return out


# -- rows left out --------------------------------------------------------------------


def drop_ignored(
    y_true: object, y_pred: object, ignore_index: Hashable = -100
) -> tuple[np.ndarray, np.ndarray]:
    """Remove the rows whose true label is ``ignore_index``, from both arrays.

    Token classifiers mark padding and sub-word pieces with a label to ignore (-100 in
    PyTorch's ``CrossEntropyLoss`` and Hugging Face's token-classification examples).
    Dropping those rows before scoring removes each one whole, as an FP and its FN
    together, so the identity still holds on what is left; leaving them in and passing
    ``labels=`` without the ignore index does not (each becomes an unmatched FP).

    Parameters
    ----------
    y_true, y_pred : array-like of the same shape
        Labels; 2-D arrays (sequences x tokens) are flattened, row after row.
    ignore_index : int or str, default -100
        The true label that marks a row to drop; of the same kind as the labels.

    Returns
    -------
    y_true, y_pred : numpy.ndarray of shape (m,)
        The rows kept, flattened, in order.

    Raises
    ------
    ValueError
        If the arrays differ in shape or hold labels refused at the door, if
        ``ignore_index`` is of another kind than the labels, or if every row is
        ignored.

    Examples
    --------
    >>> y_true = [[0, 2, -100], [1, -100, -100]]
    >>> y_pred = [[0, 1, 2], [1, 0, 0]]
    >>> t, p = drop_ignored(y_true, y_pred)
    >>> t.tolist(), p.tolist()
    ([0, 2, 1], [0, 1, 1])
    """
    shapes = as_array("y_true", y_true).shape, as_array("y_pred", y_pred).shape
    if shapes[0] != shapes[1]:
        raise ValueError(
            f"y_true has shape {shapes[0]} but y_pred has shape {shapes[1]}: "
            "pass one prediction per true label"
        )
    targets = check_targets(np.ravel(y_true), np.ravel(y_pred))
    advice = "pass an ignore_index of the same kind, or no row would ever be dropped"
    _label_of_kind("ignore_index", ignore_index, targets.family, "y_true holds", advice)
    keep = targets.y_true != ignore_index
    if not keep.any():
        raise ValueError(
            f"every row of y_true is ignore_index {ignore_index!r}: nothing is left to score"
        )
    return targets.y_true[keep], targets.y_pred[keep]
