"""Count the statistics: confusion matrices and per-label TP, FP, FN and support.

This module counts and :mod:`microavg.scores` reduces the counts to scores; the door
functions here (:func:`confusion_matrix`, :func:`label_counts`, :func:`scores`,
:func:`accuracy`) check their arguments (:mod:`microavg.targets`), count, and reduce.
Conventions follow scikit-learn:
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

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from microavg.scores import Number, Scores, check_options, ratio, scores_from_counts
from microavg.targets import (
    Targets,
    as_array,
    check_labels,
    check_sample_weight,
    check_targets,
)

__all__ = [
    "ROLES",
    "ConfusionMatrix",
    "LabelCounts",
    "accuracy",
    "accuracy_of",
    "check_counts",
    "confusion_matrix",
    "counts_of",
    "label_counts",
    "role",
    "scores",
]

# A dense k x k matrix of int64 beyond this many cells (512 MiB) is refused.
_MAX_CELLS = 2**26
# Whole-number counts (and their totals) are int64: a total beyond this would wrap.
_MAX_TOTAL = 2**63 - 1
# Rows per bincount pass: small enough to stay in cache, large enough to amortise the call.
_CHUNK = 1 << 18
# Integer labels in [0, _DIRECT_LIMIT) are counted directly, without looking them up.
_DIRECT_LIMIT = 1024
# Rows of each array from which the label set is first guessed.
_SAMPLE = 4096


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

    What every average in :mod:`microavg.scores` is computed from: for single-label
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
        _check_total("counts", arr)
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
        """Precision, recall and F1 from this matrix; see :func:`microavg.scores`."""
        return scores_from_counts(
            self.label_counts(labels), average=average, zero_division=zero_division, exact=exact
        )

    def accuracy(self, *, exact: bool = False) -> Number:
        """Share of rows predicted correctly, over every row counted."""
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
        if isinstance(total, int) and total > _MAX_TOTAL:
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


def _check_total(name: str, arr: np.ndarray) -> None:
    """Refuse whole-number counts whose total does not fit in int64 (it would wrap)."""
    if arr.dtype.kind == "b" or arr.size == 0:
        return
    rough = float(arr.sum(dtype=np.float64))
    if rough < 2.0**62:  # far below 2**63 - 1 whatever the rounding of the float sum
        return
    total = sum(int(v) for v in arr.ravel().tolist())
    if total > _MAX_TOTAL:
        shown = str(total) if total < 10**24 else f"about {float(total):.3g}"
        raise ValueError(
            f"{name} sums to {shown}: more than int64 holds (2**63 - 1), so the totals "
            "could not be counted exactly"
        )


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


# -- counting -----------------------------------------------------------------------


class _TooManyLabels(ValueError):
    def __init__(self, k: int) -> None:
        super().__init__(
            f"y_true and y_pred hold {k} distinct labels: a dense {k} x {k} confusion matrix "
            f"is too large (at most {_MAX_LABELS} labels); pass labels= to count only the "
            "labels you need (label_counts() and scores() count any number)"
        )


_MAX_LABELS = int(_MAX_CELLS**0.5)


def _pair_counts(
    t_codes: np.ndarray, p_codes: np.ndarray, k: int, weights: np.ndarray | None = None
) -> np.ndarray:
    """k x k counts of (true code, predicted code) pairs; codes are integers in [0, k).

    With ``weights`` each pair counts as its weight: float64 sums, turned back into
    int64 for whole-number weights (exact: the door bounds their sum).
    """
    cells = k * k
    if cells > _MAX_CELLS:
        raise _TooManyLabels(k)
    n = len(t_codes)
    chunk = max(_CHUNK, 16 * cells)
    out = np.zeros(cells, dtype=np.int64 if weights is None else np.float64)
    buf = np.empty(min(chunk, n), dtype=np.intp)
    for start in range(0, n, chunk):
        t = t_codes[start : start + chunk]
        idx = buf[: len(t)]
        # Computed in intp whatever the codes' dtype: int8 or uint8 codes times k overflow.
        np.multiply(t, k, out=idx, dtype=np.intp, casting="unsafe")
        np.add(idx, p_codes[start : start + chunk], out=idx, dtype=np.intp, casting="unsafe")
        w = None if weights is None else weights[start : start + chunk]
        out += np.bincount(idx, weights=w, minlength=cells)
    if weights is not None and weights.dtype.kind != "f":
        out = out.astype(np.int64)
    return out.reshape(k, k)


def _encode(t: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sorted distinct labels of both arrays, and each array as codes into them.

    Guesses the labels from the first rows, looks every row up by binary search and
    checks it; labels the guess missed are added and the lookup runs once more. Exact,
    and with few distinct labels several times faster than sorting every row.
    """
    values = np.unique(np.concatenate([t[:_SAMPLE], p[:_SAMPLE]]))
    while True:
        codes, missed = [], []
        for arr in (t, p):
            code = np.minimum(np.searchsorted(values, arr), len(values) - 1)
            wrong = values[code] != arr
            if wrong.any():
                missed.append(arr[wrong])
            codes.append(code)
        if not missed:
            return values, codes[0], codes[1]
        values = np.union1d(values, np.concatenate(missed))


def _count_all(
    targets: Targets, weights: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct labels of both arrays, and the full matrix over them.

    A label seen only in rows of weight zero is still a label, as in scikit-learn.
    """
    t, p = targets.y_true, targets.y_pred
    if targets.family == "number":  # the door gave both arrays one integer dtype
        if t.dtype.kind == "b":
            t, p = t.view(np.uint8), p.view(np.uint8)
        # Small non-negative integers are their own codes: no lookup at all. Viewed as
        # unsigned, a negative label has its sign bit set, so it is at least half the
        # unsigned range: one max() both bounds the labels and rules out negatives.
        bits = 8 * t.dtype.itemsize
        unsigned = np.dtype(f"u{t.dtype.itemsize}")
        top = int(max(t.view(unsigned).max(), p.view(unsigned).max()))
        below = _DIRECT_LIMIT if t.dtype.kind == "u" else min(_DIRECT_LIMIT, 2 ** (bits - 1))
        if top < below:
            full = _pair_counts(t, p, top + 1, weights)
            if weights is None:
                present = np.flatnonzero(full.sum(axis=0) + full.sum(axis=1))
            else:
                seen = np.zeros(top + 1, dtype=bool)
                seen[t] = seen[p] = True
                present = np.flatnonzero(seen)
            return present.astype(targets.label_dtype), full[np.ix_(present, present)]
    values, t_codes, p_codes = _encode(t, p)
    full = _pair_counts(t_codes, p_codes, len(values), weights)
    if targets.family == "number":
        values = values.astype(targets.label_dtype)
    return values, full


def _find(values: np.ndarray, labels: np.ndarray, family: str) -> tuple[np.ndarray, np.ndarray]:
    """Where each of ``labels`` is among the sorted ``values``, and whether it is there.

    Compared exactly: as strings, or as integers in one dtype that holds both sides
    without wrapping (a label that no value's dtype can hold, such as -100 among uint64
    labels, is simply not there).
    """
    if family == "string":
        keys, wanted, usable = values.astype(str), labels.astype(str), None
    else:
        # Floats are whole numbers below 2**63 (the door checked): int64 holds them exactly.
        keys = values.astype(np.int64) if values.dtype.kind in "bf" else values
        wanted = labels.astype(np.int64) if labels.dtype.kind in "bf" else labels
        if keys.dtype == np.uint64:
            usable = wanted >= 0
        else:
            keys = keys.astype(np.int64, copy=False)
            usable = wanted <= np.iinfo(np.int64).max
        wanted = np.where(usable, wanted, 0).astype(keys.dtype)
    where = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
    found = keys[where] == wanted
    if usable is not None:
        found &= usable
    return where, found


def _reported(labels: np.ndarray, values: np.ndarray, family: str) -> list:
    """``labels`` as the matrix reports them: in the data's dtype when each fits in it."""
    if family == "string":
        return labels.tolist()
    dtype = values.dtype
    if dtype.kind == "f":
        fits = True
    elif dtype.kind == "b":
        fits = bool(np.isin(labels, [0, 1]).all())
    else:
        info = np.iinfo(dtype)
        fits = info.min <= int(labels.min()) and int(labels.max()) <= info.max
    return labels.astype(dtype).tolist() if fits else labels.tolist()


def _restrict(
    values: np.ndarray, full: np.ndarray, labels: np.ndarray | None, family: str
) -> ConfusionMatrix:
    """The matrix among ``labels``, keeping each label's totals over all rows."""
    support_all, predicted_all = full.sum(axis=1), full.sum(axis=0)
    total, correct = full.sum(), np.trace(full)
    if labels is None:
        return ConfusionMatrix(
            values.tolist(), full, support_all, predicted_all, total, correct, True
        )
    where, found = _find(values, labels, family)
    k = len(labels)
    counts = np.zeros((k, k), dtype=full.dtype)
    support = np.zeros(k, dtype=full.dtype)
    predicted = np.zeros(k, dtype=full.dtype)
    f = np.flatnonzero(found)
    counts[np.ix_(f, f)] = full[np.ix_(where[f], where[f])]
    support[f] = support_all[where[f]]
    predicted[f] = predicted_all[where[f]]
    left_out = np.ones(len(values), dtype=bool)
    left_out[where[f]] = False
    complete = not (full[left_out].any() or full[:, left_out].any())
    return ConfusionMatrix(
        _reported(labels, values, family), counts, support, predicted, total, correct, complete
    )


def _count_among(
    targets: Targets, labels: np.ndarray, weights: np.ndarray | None
) -> ConfusionMatrix:
    """The matrix among ``labels`` for data with too many labels for a full matrix.

    Every label left out shares one extra row and column, so the kept labels' totals
    over all rows stay exact; the diagonal of the left-out labels is counted apart.
    """
    t, p = targets.y_true, targets.y_pred
    values, t_codes, p_codes = _encode(t, p)
    if targets.family == "number":
        values = values.astype(targets.label_dtype)
    where, found = _find(values, labels, targets.family)
    k = len(labels)
    code = np.full(len(values), k, dtype=np.intp)  # k: "a label left out"
    code[where[found]] = np.flatnonzero(found)
    full = _pair_counts(code[t_codes], code[p_codes], k + 1, weights)
    same = t_codes == p_codes
    correct = np.count_nonzero(same) if weights is None else weights[same].sum()
    complete = not (full[k].any() or full[:, k].any())
    return ConfusionMatrix(
        _reported(labels, values, targets.family),
        full[:k, :k].copy(),
        full[:k].sum(axis=1),
        full[:, :k].sum(axis=0),
        full.sum(),
        correct,
        complete,
    )


def _count(
    targets: Targets, labels: np.ndarray | None, weights: np.ndarray | None
) -> ConfusionMatrix:
    """The confusion matrix of single-label targets among ``labels`` (checked; None: all)."""
    try:
        return _restrict(*_count_all(targets, weights), labels, targets.family)
    except _TooManyLabels:
        if labels is None or len(labels) >= _MAX_LABELS:
            raise
    return _count_among(targets, labels, weights)


def _label_counts_without_matrix(
    targets: Targets, labels: np.ndarray | None, weights: np.ndarray | None
) -> LabelCounts:
    """Per-label TP, FP and FN counted label by label, for any number of distinct labels."""
    values, t_codes, p_codes = _encode(targets.y_true, targets.y_pred)
    if targets.family == "number":
        values = values.astype(targets.label_dtype)
    k = len(values)
    same = t_codes == p_codes

    def count(codes: np.ndarray, w: np.ndarray | None) -> np.ndarray:
        sums = np.bincount(codes, weights=w, minlength=k)
        # Whole-number weights sum below 2**52 (the door saw to it): exact in float64.
        return sums if weights is not None and weights.dtype.kind == "f" else sums.astype(np.int64)

    tp = count(t_codes[same], None if weights is None else weights[same])
    support, predicted = count(t_codes, weights), count(p_codes, weights)
    fp, fn = predicted - tp, support - tp
    if labels is None:
        return LabelCounts(tuple(values.tolist()), tp, fp, fn)
    where, found = _find(values, labels, targets.family)

    def select(per_label: np.ndarray) -> np.ndarray:
        return np.where(found, per_label[where], 0).astype(per_label.dtype)

    reported = _reported(labels, values, targets.family)
    return LabelCounts(tuple(reported), select(tp), select(fp), select(fn))


def confusion_matrix(
    y_true: object,
    y_pred: object,
    labels: Sequence[Hashable] | None = None,
    *,
    sample_weight: object = None,
) -> ConfusionMatrix:
    """Count a confusion matrix from true and predicted labels.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n,)
        Labels: strings, or whole numbers (int, bool or integral float).
    labels : sequence, optional
        The labels to keep, in order. Default: every label seen, sorted. Labels absent
        from the data count as zero; rows whose true or predicted label is left out
        are not in ``counts`` but still count towards the kept labels' FP and FN.
        Unlike scikit-learn, a ``labels`` none of which occurs in ``y_true`` is not
        refused: it counts zeros (and the FP of predictions of them), because matrices
        over fixed labels add up across batches, and a batch may hold none of them.
        Any number of distinct labels in the data can be counted this way; without
        ``labels``, at most 8,192 (:func:`label_counts` and :func:`scores`, which need no
        matrix, take any number).
    sample_weight : array-like of shape (n,), optional
        Non-negative weight of each row (default: 1 each). Whole-number weights give
        int64 counts, float weights float64 counts.

    Returns
    -------
    ConfusionMatrix

    Raises
    ------
    ValueError
        For inputs refused at the door (see :func:`microavg.targets.check_targets`
        and :func:`microavg.targets.check_sample_weight`), multi-label indicator
        arrays, or a bad ``labels``.

    Examples
    --------
    The worked example: nine rows over A, B and C.

    >>> import microavg as ma
    >>> true = list("AAAABBCCC")
    >>> pred = list("AABCABBCC")
    >>> cm = ma.confusion_matrix(true, pred)
    >>> cm.counts.tolist()
    [[2, 1, 1], [1, 1, 0], [0, 1, 2]]
    >>> int(cm.fp.sum()), int(cm.fn.sum())
    (4, 4)

    Weighted, each wrong row still adds its weight to one FP and one FN:

    >>> cm = ma.confusion_matrix(true, pred, sample_weight=[1, 1, 2, 1, 1, 1, 3, 1, 1])
    >>> cm.fp.tolist(), cm.fn.tolist(), cm.total
    ([1, 5, 1], [3, 1, 3], 12)
    """
    targets = check_targets(y_true, y_pred)
    if targets.kind == "multi":
        raise ValueError(
            "y_true and y_pred are 2-D multi-label indicator arrays: a confusion matrix "
            "needs one label per row; use label_counts() or scores() for multi-label data"
        )
    weights = check_sample_weight(sample_weight, len(targets.y_true))
    checked = check_labels(labels, targets.family)
    return _count(targets, checked, weights)


def label_counts(
    y_true: object,
    y_pred: object,
    labels: Sequence[Hashable] | None = None,
    *,
    sample_weight: object = None,
) -> LabelCounts:
    """Per-label TP, FP and FN, for single-label or multi-label data.

    For multi-label data, ``y_true`` and ``y_pred`` are 2-D 0/1 indicator arrays of the
    same shape (one column per label) and ``labels`` are column indices.
    ``sample_weight`` weighs rows, as for :func:`confusion_matrix`.

    Examples
    --------
    >>> import microavg as ma
    >>> ma.label_counts([[1, 1], [0, 1]], [[1, 0], [1, 1]])
    LabelCounts(labels=(0, 1), tp=[1, 1], fp=[1, 0], fn=[0, 1])
    >>> ma.label_counts([[1, 1], [0, 1]], [[1, 0], [1, 1]], sample_weight=[3, 1])
    LabelCounts(labels=(0, 1), tp=[3, 1], fp=[1, 0], fn=[0, 3])
    """
    targets = check_targets(y_true, y_pred)
    return counts_of(targets, labels, check_sample_weight(sample_weight, len(targets.y_true)))


def counts_of(
    targets: Targets,
    labels: Sequence[Hashable] | None = None,
    weights: np.ndarray | None = None,
) -> LabelCounts:
    """:func:`label_counts` for targets (and weights) already checked at the door."""
    if targets.kind == "single":
        checked = check_labels(labels, targets.family)
        try:
            return _count(targets, checked, weights).label_counts()
        except _TooManyLabels:  # no k x k matrix is needed for per-label counts
            return _label_counts_without_matrix(targets, checked, weights)
    t, p = targets.y_true, targets.y_pred
    checked = check_labels(labels, "indicator", n_columns=t.shape[1])
    columns = np.arange(t.shape[1]) if checked is None else checked
    t, p = t[:, columns], p[:, columns]
    if weights is None:
        tp = np.count_nonzero(t & p, axis=0).astype(np.int64)
        fp = np.count_nonzero(p, axis=0).astype(np.int64) - tp
        fn = np.count_nonzero(t, axis=0).astype(np.int64) - tp
    else:
        tp, fp, fn = weights @ (t & p), weights @ (p & ~t), weights @ (t & ~p)
    return LabelCounts(tuple(columns.tolist()), tp, fp, fn)


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
    check_options(average, zero_division)
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
    return accuracy_of(targets, weights, exact=exact)


def accuracy_of(targets: Targets, weights: np.ndarray | None, *, exact: bool = False) -> Number:
    """:func:`accuracy` for targets (and weights) already checked at the door."""
    same = targets.y_true == targets.y_pred
    if targets.kind == "multi":
        same = same.all(axis=1)
    if weights is None:
        return ratio(int(np.count_nonzero(same)), len(same), exact=exact)
    return ratio(weights[same].sum().item(), weights.sum().item(), exact=exact)
