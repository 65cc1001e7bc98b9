"""The counts: confusion matrices and per-label TP, FP and FN, as types.

:class:`ConfusionMatrix` and :class:`LabelCounts` hold what :mod:`microavg.counting`
counted; the public functions that check, count and build them
(:func:`microavg.confusion_matrix`, :func:`microavg.label_counts`) live in
:mod:`microavg.metrics`. Conventions follow scikit-learn:
rows of a confusion matrix are true labels, columns are predicted labels, and
``labels=`` selects and orders labels, labels absent from the data counting as zero.

A label left out with ``labels=`` still matters to the labels kept: a row whose true
label is kept but whose prediction is a left-out label is a false negative for the kept
label, and the reverse is a false positive. :class:`ConfusionMatrix` therefore keeps,
beside the k x k ``counts`` among its labels, each label's totals over *all* rows
(``support`` and ``predicted``), so its ``tp``, ``fp`` and ``fn`` are exactly what
scikit-learn's ``precision_recall_fscore_support(..., labels=...)`` counts.

With ``sample_weight=`` each row counts as its weight instead of 1, as in
scikit-learn: counts stay int64 for whole-number weights and become float64 for float
weights. Every wrong row still adds its weight once to an FP and once to an FN, so
weighting never breaks ΣFP = ΣFN.
"""

from __future__ import annotations

import numbers
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from microavg._validate import shown
from microavg.counting import MAX_TOTAL, check_total, count_matrix
from microavg.reduction import Number, Scores, ratio, scores_from_counts
from microavg.targets import EXACT_TOTAL, as_array, check_labels, check_targets

__all__ = ["ROLES", "ConfusionMatrix", "LabelCounts", "check_counts", "role"]


ROLES = ("TP", "FP", "FN")
"""The three roles a row can play for a label, in the order figures and tables show them."""


def role(true: Hashable, pred: Hashable, label: Hashable) -> str | None:
    """What a row with labels ``(true, pred)`` counts as for ``label``.

    ``"TP"`` when both are ``label``, ``"FP"`` when only the prediction is, ``"FN"``
    when only the true label is, and None when neither is (the row does not count for
    ``label`` at all).

    >>> role("A", "B", "A"), role("A", "B", "B"), role("A", "B", "C")
    ('FN', 'FP', None)
    """
    if true == label:
        return "TP" if pred == label else "FN"
    return "FP" if pred == label else None


@dataclass(frozen=True, eq=False)
class LabelCounts:
    """Per-label true positives, false positives and false negatives.

    What every average in :mod:`microavg.reduction` is computed from: for single-label
    data it comes from a :class:`ConfusionMatrix`; for multi-label data straight from
    the indicator arrays.

    Attributes
    ----------
    labels : tuple
        The labels, in the order of the arrays.
    tp, fp, fn : numpy.ndarray
        True positives, false positives and false negatives per label: int64, or
        float64 when counted with float sample weights.
    """

    labels: tuple
    tp: np.ndarray
    fp: np.ndarray
    fn: np.ndarray

    @property
    def support(self) -> np.ndarray:
        """Rows whose true label is each label: ``tp + fn``."""
        return self.tp + self.fn

    @property
    def predicted(self) -> np.ndarray:
        """Rows predicted as each label: ``tp + fp``."""
        return self.tp + self.fp

    def __repr__(self) -> str:
        return (
            f"LabelCounts(labels={self.labels!r}, tp={self.tp.tolist()}, "
            f"fp={self.fp.tolist()}, fn={self.fn.tolist()})"
        )


class ConfusionMatrix:
    """A confusion matrix: rows are true labels, columns are predicted labels.

    Build one with :func:`confusion_matrix` from labels, or with
    :meth:`ConfusionMatrix.from_counts` from a matrix of counts. Matrices over the same
    labels add up (``cm_a + cm_b``), so data can be counted in batches.

    Attributes
    ----------
    labels : tuple
        The labels of the rows and columns, in order.
    counts : numpy.ndarray
        k x k int64 counts; ``counts[i, j]`` rows have true label ``labels[i]`` and
        predicted label ``labels[j]``. Float64 (summed weights) when counted with
        float sample weights.
    support, predicted : numpy.ndarray
        Rows whose true (predicted) label is each label, over all rows counted,
        including rows paired with a label left out of ``labels``.
    total : int or float
        All rows counted, including those involving labels left out (with sample
        weights: their summed weight).
    correct : int or float
        Rows predicted correctly, including those of labels left out (likewise).

    See Also
    --------
    microavg.confusion_matrix : count one from labels.
    LabelCounts : the per-label TP, FP and FN it gives.

    Notes
    -----
    ``support`` and ``predicted`` count over all rows, so a label's ``fp`` and ``fn``
    include the rows paired with labels left out, as scikit-learn counts them;
    ``complete`` says whether any row was left out.

    Examples
    --------
    >>> import microavg as ma
    >>> cm = ma.confusion_matrix(["A", "A", "B"], ["A", "B", "B"])
    >>> cm.counts.tolist()
    [[1, 1], [0, 1]]
    >>> cm.tp.tolist(), cm.fp.tolist(), cm.fn.tolist()
    ([1, 1], [0, 1], [1, 0])
    """

    __slots__ = ("_complete", "_counts", "_labels", "_predicted", "_support", "correct", "total")

    def __init__(
        self,
        labels: Sequence[Hashable],
        counts: np.ndarray,
        support: np.ndarray,
        predicted: np.ndarray,
        total: int | float,
        correct: int | float,
        complete: bool,
    ) -> None:
        # Internal: callers build through confusion_matrix() or from_counts().
        self._complete = bool(complete)
        self._labels = tuple(labels)
        self._counts = counts
        self._support = support
        self._predicted = predicted
        self.total = _python_number(total)
        self.correct = _python_number(correct)
        for arr in (counts, support, predicted):
            arr.flags.writeable = False

    # -- construction ---------------------------------------------------------------

    @classmethod
    def from_counts(
        cls, counts: object, labels: Sequence[Hashable] | None = None
    ) -> ConfusionMatrix:
        """Build a confusion matrix from a k x k matrix of counts.

        Parameters
        ----------
        counts : array-like of shape (k, k)
            Non-negative whole numbers; rows are true labels, columns predicted.
        labels : sequence of k labels, optional
            Defaults to ``0, 1, ..., k - 1``.

        Raises
        ------
        ValueError
            If ``counts`` is not square, holds negative or non-integer values, or
            ``labels`` does not have one distinct label per row.

        See Also
        --------
        ConfusionMatrix.from_table : the same from a table of (true, pred, n) rows.

        Notes
        -----
        A matrix holds no rows of labels left out, so the result is ``complete``.

        Examples
        --------
        >>> cm = ConfusionMatrix.from_counts([[2, 1], [0, 3]], labels=["cat", "dog"])
        >>> cm.fp.tolist(), cm.fn.tolist()
        ([0, 1], [1, 0])
        >>> ConfusionMatrix.from_counts([[1, -1], [0, 1]])
        Traceback (most recent call last):
        ...
        ValueError: counts holds -1 at row 0, column 1: counts must be non-negative whole numbers
        """
        arr = as_array("counts", counts, "a square k x k matrix of counts")
        if arr.ndim != 2 or arr.shape[0] != arr.shape[1] or arr.shape[0] == 0:
            raise ValueError(
                f"counts has shape {arr.shape}: expected a square k x k matrix with k >= 1"
            )
        if arr.dtype.kind not in "biuf":
            raise ValueError(f"counts has dtype {arr.dtype}: expected whole numbers")
        bad = (
            ~np.isfinite(arr) | (arr < 0) | (arr != np.round(arr))
            if arr.dtype.kind == "f"
            else (arr < 0)
        )
        if bad.any():
            row, col = (int(i[0]) for i in np.nonzero(bad))
            raise ValueError(
                f"counts holds {arr[row, col]} at row {row}, column {col}: "
                "counts must be non-negative whole numbers"
            )
        check_total("counts", arr)
        arr = arr.astype(np.int64)
        k = arr.shape[0]
        if labels is None:
            labels = tuple(range(k))
        else:
            checked = check_labels(labels)
            if len(checked) != k:
                raise ValueError(
                    f"labels has {len(checked)} labels but counts is {k} x {k}: "
                    "give one label per row"
                )
            labels = tuple(checked.tolist())
        return cls(labels, arr, arr.sum(axis=1), arr.sum(axis=0), arr.sum(), np.trace(arr), True)

    @classmethod
    def from_table(
        cls,
        table: object,
        *,
        true: Hashable,
        pred: Hashable,
        n: Hashable,
        labels: Sequence[Hashable] | None = None,
    ) -> ConfusionMatrix:
        """Build a confusion matrix from a table counted elsewhere: one row per (true, pred).

        ``table`` is anything whose columns ``table[name]`` numpy can read: a pandas or
        Polars DataFrame, a pyarrow Table, a dict of columns. Rows that repeat a
        (true, pred) pair add up, so the partial counts of several shards (a ``GROUP BY
        true, pred`` each) can be concatenated and passed as they are.

        Parameters
        ----------
        table : DataFrame-like
            A table with the columns ``true``, ``pred`` and ``n``.
        true, pred : column name
            The true and the predicted label of each row.
        n : column name
            How many items had that pair: non-negative whole numbers.
        labels : sequence, optional
            The labels to keep, in order, as in :func:`microavg.confusion_matrix`.

        Returns
        -------
        ConfusionMatrix

        Raises
        ------
        ValueError
            If a column is missing, a label column holds what
            :func:`microavg.confusion_matrix` refuses (the message names the column),
            or ``n`` holds a negative, fractional or missing count, or counts summing to
            2**52 or more.

        See Also
        --------
        ConfusionMatrix.from_counts : the same from a k x k matrix.
        microavg.confusion_matrix : counting the items themselves.

        Notes
        -----
        A counted table has already lost two things, so neither can be asked of it:
        which items held several labels (multi-label data has no ``(true, pred)`` pair
        per item, so count it with :func:`microavg.label_counts`), and per-item
        weights: a weighted count belongs in ``n`` only once it is a whole number (a
        ``SUM(weight)`` of fractional weights is refused; count those items with
        ``sample_weight=``).

        Examples
        --------
        >>> table = {"true": ["A", "A", "B", "A"], "pred": ["A", "B", "B", "A"], "n": [5, 1, 7, 2]}
        >>> cm = ConfusionMatrix.from_table(table, true="true", pred="pred", n="n")
        >>> cm.counts.tolist(), cm.total
        ([[7, 1], [0, 7]], 15)
        """
        t, p = (_column(table, name, role) for name, role in ((true, "true"), (pred, "pred")))
        counts = _whole_counts(_column(table, n, "n"), n)
        try:
            targets = check_targets(t, p)
        except ValueError as refused:
            which = true if str(refused).startswith("y_true") else pred
            role = "true" if which is true else "pred"
            raise ValueError(f"{role} column {which!r}: {refused}") from None
        if targets.kind == "multi":
            raise ValueError(
                f"true column {true!r} and pred column {pred!r} hold a label set per row: a "
                "counted table holds one (true, pred) pair per row; count multi-label data "
                "with label_counts()"
            )
        if len(counts) != len(t):
            raise ValueError(f"n column {n!r} has {len(counts)} rows but the labels {len(t)}")
        checked = check_labels(labels, targets.family)
        return cls(*count_matrix(targets, checked, counts))

    # -- the counts -----------------------------------------------------------------

    @property
    def labels(self) -> tuple:
        return self._labels

    @property
    def counts(self) -> np.ndarray:
        return self._counts

    @property
    def support(self) -> np.ndarray:
        return self._support

    @property
    def predicted(self) -> np.ndarray:
        return self._predicted

    @property
    def tp(self) -> np.ndarray:
        """True positives per label: the diagonal."""
        return np.diagonal(self._counts).copy()

    @property
    def fp(self) -> np.ndarray:
        """False positives per label: predicted as the label, truly another."""
        return self._predicted - self.tp

    @property
    def fn(self) -> np.ndarray:
        """False negatives per label: truly the label, predicted as another."""
        return self._support - self.tp

    @property
    def complete(self) -> bool:
        """True when every row counted (of non-zero weight) has both labels among ``labels``."""
        return self._complete

    def label_counts(self, labels: Sequence[Hashable] | None = None) -> LabelCounts:
        """TP, FP and FN for ``labels`` (default: all of this matrix's labels).

        A label that is not among this matrix's labels counts as zero when the matrix
        is complete (no row was left out); otherwise its counts were not kept and a
        ``ValueError`` says so.
        """
        tp, fp, fn = self.tp, self.fp, self.fn
        if labels is None:
            return LabelCounts(self._labels, tp, fp, fn)
        wanted = check_labels(labels, _family_of(self._labels)).tolist()
        index = {label: i for i, label in enumerate(self._labels)}
        missing = [label for label in wanted if label not in index]
        if missing and not self.complete:
            raise ValueError(
                f"labels holds {missing[0]!r}, which this matrix left out when it was "
                f"counted (its labels are {self._labels!r}): count again with it included"
            )
        pick = np.array([index.get(label, -1) for label in wanted], dtype=np.intp)
        found = pick >= 0

        def select(values: np.ndarray) -> np.ndarray:
            out = np.zeros(len(wanted), dtype=values.dtype)
            out[found] = values[pick[found]]
            return out

        return LabelCounts(tuple(wanted), select(tp), select(fp), select(fn))

    def scores(
        self,
        *,
        average: str | None = "micro",
        labels: Sequence[Hashable] | None = None,
        zero_division: float = 0.0,
        exact: bool = False,
    ) -> Scores:
        """Precision, recall and F1 from this matrix; see :func:`microavg.scores`.

        See Also
        --------
        microavg.scores : the same from labels, with the meaning of each argument.

        Notes
        -----
        ``labels`` may only name labels this matrix kept, unless it is ``complete``.

        >>> cm = ConfusionMatrix.from_counts([[2, 1], [0, 3]], labels=["cat", "dog"])
        >>> cm.scores(exact=True)
        Scores(average='micro', precision=5/6, recall=5/6, f1=5/6)
        """
        return scores_from_counts(
            self.label_counts(labels), average=average, zero_division=zero_division, exact=exact
        )

    def accuracy(self, *, exact: bool = False) -> Number:
        """Share of rows predicted correctly, over every row counted.

        See Also
        --------
        microavg.accuracy : the same from labels.

        Notes
        -----
        Rows of labels left out count too: the diagonal of every label over ``total``.

        >>> ConfusionMatrix.from_counts([[2, 1], [0, 3]]).accuracy(exact=True)
        Fraction(5, 6)
        """
        return ratio(self.correct, self.total, exact=exact)

    # -- arithmetic and display -----------------------------------------------------

    def __add__(self, other: object) -> ConfusionMatrix:
        if not isinstance(other, ConfusionMatrix):
            return NotImplemented
        if other._labels != self._labels:
            raise ValueError(
                "cannot add confusion matrices over different labels: "
                f"{self._labels!r} and {other._labels!r}; build both with the same labels="
            )
        total = self.total + other.total
        if isinstance(total, int) and total > MAX_TOTAL:
            raise ValueError(
                f"the sum of these confusion matrices counts {total} rows: more than int64 "
                "holds (2**63 - 1), so it cannot be counted exactly"
            )
        return ConfusionMatrix(
            self._labels,
            self._counts + other._counts,
            self._support + other._support,
            self._predicted + other._predicted,
            self.total + other.total,
            self.correct + other.correct,
            self._complete and other._complete,
        )

    def __radd__(self, other: object) -> ConfusionMatrix:
        # sum([cm_a, cm_b]) starts from 0: a batch of nothing.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ConfusionMatrix):
            return NotImplemented
        return (
            self._labels == other._labels
            and np.array_equal(self._counts, other._counts)
            and np.array_equal(self._support, other._support)
            and np.array_equal(self._predicted, other._predicted)
            and (self.total, self.correct) == (other.total, other.correct)
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        names = [str(label) for label in self._labels]
        cells = [[str(v) for v in row] for row in self._counts.tolist()]
        width = max(len(s) for s in [*names, *(c for row in cells for c in row), "true"])
        head = " " * width + " | " + " ".join(n.rjust(width) for n in names)
        lines = [f"ConfusionMatrix (rows: true, columns: predicted, total={self.total})", head]
        lines.append("-" * len(head))
        for name, row in zip(names, cells, strict=True):
            lines.append(name.rjust(width) + " | " + " ".join(c.rjust(width) for c in row))
        return "\n".join(lines)


def _column(table: object, name: Hashable, role: str) -> np.ndarray:
    """Column ``name`` of a DataFrame-like as a 1-D numpy array (pyarrow strings: objects)."""
    try:
        column = table[name]  # type: ignore[index]
    except (KeyError, IndexError, TypeError, ValueError):
        names = getattr(table, "columns", None)
        names = list(table) if names is None and isinstance(table, dict) else names
        known = "" if names is None else f": its columns are {list(names)!r}"
        raise ValueError(f"table has no column {name!r} ({role}=){known}") from None
    if hasattr(column, "to_numpy") and not isinstance(column, np.ndarray):
        try:
            column = column.to_numpy(zero_copy_only=False)  # pyarrow
        except TypeError:
            column = column.to_numpy()  # pandas, Polars
    arr = as_array(role, column, "a flat column")
    if arr.ndim != 1:
        raise ValueError(f"{role} column {name!r} has shape {arr.shape}: expected a flat column")
    return arr


def _whole_counts(arr: np.ndarray, name: Hashable) -> np.ndarray:
    """A counts column as int64, if every value is a non-negative whole number."""
    words = "counts must be non-negative whole numbers"
    if arr.dtype.kind == "O":
        values = arr.tolist()
        for i, value in enumerate(values):
            whole = isinstance(value, numbers.Integral) and not isinstance(value, bool)
            fits = whole or (isinstance(value, float) and value.is_integer())
            if not fits or value < 0:
                raise ValueError(f"n column {name!r} holds {shown(value)} at row {i}: {words}")
        arr = np.array([int(v) for v in values], dtype=object)
    elif arr.dtype.kind not in "biuf":
        raise ValueError(f"n column {name!r} has dtype {arr.dtype}: {words}")
    else:
        bad = (arr < 0) if arr.dtype.kind != "f" else ~np.isfinite(arr) | (arr < 0) | (arr % 1 != 0)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise ValueError(f"n column {name!r} holds {arr[i]} at row {i}: {words}")
    total = sum(int(v) for v in arr.tolist()) if arr.size else 0
    if total >= EXACT_TOTAL:
        raise ValueError(
            f"n column {name!r} sums to {shown(total)}: more than 2**52 items cannot be "
            "counted exactly"
        )
    return arr.astype(np.int64)


def _python_number(value: object) -> int | float:
    """A numpy or Python count as a Python int (float when summed float weights)."""
    return value.item() if isinstance(value, np.generic) else value


def check_counts(cm: object) -> ConfusionMatrix | LabelCounts:
    """``cm`` if it holds per-label counts (a ConfusionMatrix or LabelCounts), else refuse it.

    >>> check_counts([[1, 0], [0, 1]])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: cm must be a ConfusionMatrix or LabelCounts (...), got list
    """
    if not isinstance(cm, ConfusionMatrix | LabelCounts):
        raise ValueError(
            f"cm must be a ConfusionMatrix or LabelCounts (from microavg.confusion_matrix "
            f"or microavg.label_counts), got {type(cm).__name__}"
        )
    return cm


def _family_of(labels: Sequence[Hashable]) -> str:
    return "string" if any(isinstance(label, str) for label in labels) else "number"
