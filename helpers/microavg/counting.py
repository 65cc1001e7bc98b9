"""Count: the kernels that turn checked targets into confusion-matrix and per-label counts.

Everything here takes arrays the door (:mod:`microavg.targets`) has checked and returns
plain numbers and arrays: :class:`Tally` (the fields of a confusion matrix) and per-label
TP, FP and FN. The types built from them live in :mod:`microavg.counts`, the public
functions that check, count and reduce in :mod:`microavg.metrics`.

With float sample weights a float sum rounds, and differently for different groupings of
the same rows; :func:`exact_sum` and :func:`exact_pair_sums` sum them exactly (as
Fractions), so that ΣFP and ΣFN, equal in exact arithmetic, are equal as computed.
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import NamedTuple

import numpy as np

from microavg.targets import Targets

__all__ = [
    "MAX_TOTAL",
    "Tally",
    "TooManyLabels",
    "check_total",
    "count_labels",
    "count_matrix",
    "exact_group_sums",
    "exact_pair_sums",
    "exact_sum",
]

# A dense k x k matrix of int64 beyond this many cells (512 MiB) is refused.
_MAX_CELLS = 2**26
# Whole-number counts (and their totals) are int64: a total beyond this would wrap.
MAX_TOTAL = 2**63 - 1
# Rows per bincount pass: small enough to stay in cache, large enough to amortise the call.
_CHUNK = 1 << 18
# Integer labels in [0, _DIRECT_LIMIT) are counted directly, without looking them up.
_DIRECT_LIMIT = 1024
# Rows of each array from which the label set is first guessed.
_SAMPLE = 4096


class Tally(NamedTuple):
    """The fields of a confusion matrix (see :class:`microavg.counts.ConfusionMatrix`)."""

    labels: list
    counts: np.ndarray
    support: np.ndarray
    predicted: np.ndarray
    total: object
    correct: object
    complete: bool


def check_total(name: str, arr: np.ndarray) -> None:
    """Refuse whole-number counts whose total does not fit in int64 (it would wrap)."""
    if arr.dtype.kind == "b" or arr.size == 0:
        return
    rough = float(arr.sum(dtype=np.float64))
    if rough < 2.0**62:  # far below 2**63 - 1 whatever the rounding of the float sum
        return
    total = sum(int(v) for v in arr.ravel().tolist())
    if total > MAX_TOTAL:
        shown = str(total) if total < 10**24 else f"about {float(total):.3g}"
        raise ValueError(
            f"{name} sums to {shown}: more than int64 holds (2**63 - 1), so the totals "
            "could not be counted exactly"
        )


# -- counting -----------------------------------------------------------------------


class TooManyLabels(ValueError):
    """A dense k x k matrix over this many labels would not fit: count per label instead."""

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
        raise TooManyLabels(k)
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
) -> Tally:
    """The matrix among ``labels``, keeping each label's totals over all rows."""
    support_all, predicted_all = full.sum(axis=1), full.sum(axis=0)
    total, correct = full.sum(), np.trace(full)
    if labels is None:
        return Tally(values.tolist(), full, support_all, predicted_all, total, correct, True)
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
    return Tally(
        _reported(labels, values, family), counts, support, predicted, total, correct, complete
    )


def _count_among(targets: Targets, labels: np.ndarray, weights: np.ndarray | None) -> Tally:
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
    return Tally(
        _reported(labels, values, targets.family),
        full[:k, :k].copy(),
        full[:k].sum(axis=1),
        full[:, :k].sum(axis=0),
        full.sum(),
        correct,
        complete,
    )


def count_matrix(targets: Targets, labels: np.ndarray | None, weights: np.ndarray | None) -> Tally:
    """The confusion matrix of single-label targets among ``labels`` (checked; None: all)."""
    try:
        return _restrict(*_count_all(targets, weights), labels, targets.family)
    except TooManyLabels:
        if labels is None or len(labels) >= _MAX_LABELS:
            raise
    return _count_among(targets, labels, weights)


def _label_counts_without_matrix(
    targets: Targets, labels: np.ndarray | None, weights: np.ndarray | None
) -> tuple[tuple, np.ndarray, np.ndarray, np.ndarray]:
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
        return tuple(values.tolist()), tp, fp, fn
    where, found = _find(values, labels, targets.family)

    def select(per_label: np.ndarray) -> np.ndarray:
        return np.where(found, per_label[where], 0).astype(per_label.dtype)

    reported = _reported(labels, values, targets.family)
    return tuple(reported), select(tp), select(fp), select(fn)


def count_labels(
    targets: Targets, labels: np.ndarray | None, weights: np.ndarray | None
) -> tuple[tuple, np.ndarray, np.ndarray, np.ndarray]:
    """Labels and their TP, FP and FN, single-label or multi-label (``labels`` checked)."""
    if targets.kind == "single":
        try:
            tally = count_matrix(targets, labels, weights)
        except TooManyLabels:  # no k x k matrix is needed for per-label counts
            return _label_counts_without_matrix(targets, labels, weights)
        tp = np.diagonal(tally.counts).copy()
        return tuple(tally.labels), tp, tally.predicted - tp, tally.support - tp
    t, p = targets.y_true, targets.y_pred
    columns = np.arange(t.shape[1]) if labels is None else labels
    t, p = t[:, columns], p[:, columns]
    if weights is None:
        tp = np.count_nonzero(t & p, axis=0).astype(np.int64)
        fp = np.count_nonzero(p, axis=0).astype(np.int64) - tp
        fn = np.count_nonzero(t, axis=0).astype(np.int64) - tp
    else:
        tp, fp, fn = weights @ (t & p), weights @ (p & ~t), weights @ (t & ~p)
    return tuple(columns.tolist()), tp, fp, fn


# -- exact sums ---------------------------------------------------------------------


def exact_group_sums(
    index: np.ndarray, weights: np.ndarray | None, size: int
) -> list[int | Fraction]:
    """The summed weight of the rows of each index from 0 to ``size - 1``, exactly.

    Without weights, the number of rows; whole-number weights sum exactly in float64
    (the door keeps their sum below 2**52); float weights are summed exactly as
    Fractions: each weight's mantissa as an integer, summed per index and binary exponent.

    >>> import numpy as np
    >>> exact_group_sums(np.array([0, 1, 0]), np.array([0.1, 0.2, 0.2]), 2)
    [Fraction(10808639105689191, 36028797018963968), Fraction(3602879701896397, 18014398509481984)]
    >>> exact_group_sums(np.array([1, 1]), None, 3)
    [0, 2, 0]
    """
    if weights is None or weights.dtype.kind != "f":
        sums = np.bincount(index, weights=weights, minlength=size)
        return sums.astype(np.int64).tolist()
    out: list[int | Fraction] = [0] * size
    if index.size == 0:
        return out
    mantissa, exponent = np.frexp(weights)
    whole = (mantissa * 2.0**53).astype(np.int64)  # exact: |mantissa| < 1
    order = np.lexsort((exponent, index))
    index, exponent, whole = index[order], exponent[order], whole[order]
    starts = np.flatnonzero(np.diff(index) | np.diff(exponent)) + 1
    bounds = [0, *starts.tolist(), len(index)]
    runs = whole.tolist()
    for a, b in itertools.pairwise(bounds):
        i, e = int(index[a]), int(exponent[a]) - 53
        part = Fraction(sum(runs[a:b])) * (Fraction(2) ** e)
        out[i] = out[i] + part
    return out


def exact_sum(weights: np.ndarray | None, n_rows: int) -> int | Fraction:
    """The summed weight of all ``n_rows`` rows, exactly (see :func:`exact_group_sums`).

    >>> exact_sum(None, 4), exact_sum(np.array([0.5, 0.25]), 2)
    (4, Fraction(3, 4))
    """
    return exact_group_sums(np.zeros(n_rows, dtype=np.intp), weights, 1)[0]


def exact_pair_sums(
    targets: Targets, weights: np.ndarray | None
) -> tuple[list, np.ndarray, np.ndarray, list[int | Fraction]]:
    """Every (true, predicted) pair that occurs, with its summed weight, exactly.

    Returns the sorted distinct labels (as reported), the true and predicted label index
    of each pair, and each pair's count (int) or summed float weight (Fraction): a sparse
    confusion matrix over every label, with no limit on their number.

    >>> from microavg.targets import check_targets
    >>> labels, t, p, sums = exact_pair_sums(check_targets(list("AAB"), list("ABB")), None)
    >>> labels, t.tolist(), p.tolist(), sums
    (['A', 'B'], [0, 0, 1], [0, 1, 1], [1, 1, 1])
    """
    values, t_codes, p_codes = _encode(targets.y_true, targets.y_pred)
    if targets.family == "number":
        values = values.astype(targets.label_dtype)
    k = len(values)
    cells, inverse = np.unique(t_codes.astype(np.int64) * k + p_codes, return_inverse=True)
    sums = exact_group_sums(inverse.ravel(), weights, len(cells))
    return values.tolist(), cells // k, cells % k, sums
