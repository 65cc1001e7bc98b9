"""The door: check ``y_true``, ``y_pred`` and ``labels`` once, then trust them.

Every public function of :mod:`microavg.metrics` (and the constructors of
:mod:`microavg.counts`) passes its inputs through :func:`check_targets` (and
:func:`check_labels`, :func:`check_sample_weight`), which either returns clean numpy
arrays or raises a
:class:`ValueError` naming the argument and what was wrong with it, as scikit-learn's
``_check_targets`` does.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Literal

import numpy as np

from microavg._validate import shown

__all__ = [
    "EXACT_TOTAL",
    "Targets",
    "as_array",
    "check_labels",
    "check_labels_for",
    "check_no_trailing_nul",
    "check_sample_weight",
    "check_targets",
    "integer_labels",
]

Kind = Literal["single", "multi"]

EXACT_TOTAL = 2**52
"""The engine counts exactly while a total of whole-number weights or counts stays below it:
they are summed in float64 (np.bincount), exact below 2**53, and 2 is the margin."""


def _huge_whole_weights(name: str) -> str:
    return (
        f"{name} holds whole numbers summing to 2**52 or more: too large to count "
        "exactly; scale them down or pass floats"
    )


@dataclass(frozen=True)
class Targets:
    """Checked targets.

    ``kind`` is ``"single"`` for 1-D label arrays and ``"multi"`` for 2-D 0/1 indicator
    arrays. For single-label targets ``family`` says what the labels are:
    ``"number"`` (bool, int or integral float; arrays are integer-valued) or
    ``"string"``; ``label_dtype`` is the dtype labels are reported in.
    """

    kind: Kind
    y_true: np.ndarray
    y_pred: np.ndarray
    family: Literal["number", "string", "indicator"]
    label_dtype: np.dtype


def as_array(
    name: str,
    value: object,
    expected: str = "1-D labels, or a 2-D array with one column per label",
) -> np.ndarray:
    """``value`` as a numpy array in native byte order; ragged nested lists are refused by name.

    >>> as_array("y_true", [[1, 0], [1]])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: y_true is ragged: its rows have different lengths; expected 1-D labels, ...
    """
    try:
        arr = np.asarray(value)
    except ValueError:  # numpy: "setting an array element with a sequence ... inhomogeneous"
        raise ValueError(
            f"{name} is ragged: its rows have different lengths; expected {expected}"
        ) from None
    if not arr.dtype.isnative:  # big-endian data: counted in native order, by value
        arr = arr.astype(arr.dtype.newbyteorder("="))
    return arr


# Whole-number labels are counted in int64, or in uint64 when they are all non-negative.
_INT64 = np.iinfo(np.int64)
_UINT64 = np.iinfo(np.uint64)


def integer_labels(values: list, name: str) -> np.ndarray:
    """Python whole numbers as int64 (or uint64, for labels of 2**63 and more), or refuse them.

    >>> integer_labels([0, 2**63], "labels").dtype
    dtype('uint64')
    """
    low, high = min(values), max(values)
    if _INT64.min <= low and high <= _INT64.max:
        return np.array(values, dtype=np.int64)
    if 0 <= low and high <= _UINT64.max:
        return np.array(values, dtype=np.uint64)
    for i, value in enumerate(values):
        if not _INT64.min <= value <= _UINT64.max:
            raise ValueError(
                f"{name} holds {shown(value)} at index {i}: whole-number labels must fit in "
                "64 bits (from -2**63 to 2**64 - 1)"
            )
    raise ValueError(
        f"{name} holds negative labels and labels of 2**63 or more: no 64-bit integer type "
        "holds both; pass the labels as strings"
    )


def _is_whole(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)


def _describe(value: object) -> str:
    return f"{shown(value)} ({type(value).__name__})"


def check_no_trailing_nul(value: str, name: str, i: int | None = None) -> None:
    """Refuse a text label ending in NUL: numpy's str dtype drops trailing NULs, so
    ``"A\\x00"`` would be counted as ``"A"``. ``i`` is its index in ``name``, if a list.

    >>> check_no_trailing_nul("A\\x00", "unknown")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown holds 'A\\x00': a label ending in NUL ('\\x00') would be merged ...
    """
    if value.endswith("\x00"):
        where = "" if i is None else f" at index {i}"
        raise ValueError(
            f"{name} holds {value!r}{where}: a label ending in NUL ('\\x00') would be "
            "merged with the same label without it; remove the trailing NUL"
        )


def _check_not_bool_and_number(values: list, name: str) -> None:
    """Refuse booleans mixed with other numbers: True would be counted as the label 1."""
    first_bool = next((v for v in values if isinstance(v, bool | np.bool_)), None)
    if first_bool is None:
        return
    other = next((v for v in values if not isinstance(v, bool | np.bool_)), None)
    if other is not None:
        raise ValueError(
            f"{name} mixes booleans and numbers (e.g. {first_bool!r} and {shown(other)}): "
            "use one kind of label (True/False, or whole numbers)"
        )


def _object_to_array(arr: np.ndarray, name: str) -> np.ndarray:
    """Turn an object array of labels into a str or int64 array, or refuse it."""
    seen_str = seen_num = None
    values = arr.ravel().tolist()
    for i, value in enumerate(values):
        if value is None:
            raise ValueError(f"{name} holds None at index {i}: every row needs a label")
        if isinstance(value, str):
            check_no_trailing_nul(value, name, i)
            seen_str = value
        elif isinstance(value, numbers.Integral):
            seen_num = value
        elif isinstance(value, numbers.Real):
            if value != value:
                raise ValueError(f"{name} holds NaN at index {i}: every row needs a label")
            if not float(value).is_integer():
                raise ValueError(
                    f"{name} holds the non-integer number {value!r} at index {i}: "
                    "class labels must be discrete (strings or whole numbers)"
                )
            seen_num = value
        else:
            raise ValueError(
                f"{name} holds {_describe(value)} at index {i}: labels must be strings or numbers"
            )
        if seen_str is not None and seen_num is not None:
            raise ValueError(
                f"{name} mixes strings and numbers (e.g. {seen_str!r} and {shown(seen_num)}): "
                "use one kind of label"
            )
    if seen_str is not None:
        return arr.astype(str)
    _check_not_bool_and_number(values, name)
    if any(isinstance(v, float) for v in values):
        return _float_labels(np.array(values, dtype=np.float64), name)
    return integer_labels([int(v) for v in values], name)


def _beyond_exact_floats(arr: np.ndarray) -> bool:
    finite = arr[np.isfinite(arr)]
    return bool(finite.size) and float(np.abs(finite).max()) >= 2.0**53


def _float_labels(arr: np.ndarray, name: str) -> np.ndarray:
    """Whole-number float labels, if each is finite, whole and fits in int64."""
    finite = np.isfinite(arr)
    if not finite.all():
        i = int(np.flatnonzero(~finite)[0])
        raise ValueError(f"{name} holds {arr[i]} at index {i}: every row needs a label")
    if not np.array_equal(arr, np.round(arr)):
        i = int(np.flatnonzero(arr != np.round(arr))[0])
        raise ValueError(
            f"{name} holds the non-integer number {arr[i]} at index {i}: class labels "
            "must be discrete; threshold scores or probabilities first"
        )
    # Floats of 2**63 and beyond have no int64 twin: counting them as int64 would merge them.
    huge = np.abs(arr) >= 2.0**63
    if huge.any():
        i = int(np.flatnonzero(huge)[0])
        raise ValueError(
            f"{name} holds {arr[i]} at index {i}: whole-number float labels must be below "
            "2**63 in size; pass them as integers (or strings)"
        )
    return arr


def _as_labels_1d(y: object, name: str) -> tuple[np.ndarray, str]:
    """Return a 1-D array of labels and its family ("number" or "string")."""
    arr = as_array(name, y)
    if arr.dtype.kind == "f" and not isinstance(y, np.ndarray) and _beyond_exact_floats(arr):
        # np.asarray([2**63 + 1, -1]) silently rounds both to floats: look at what was given.
        arr = np.asarray(y, dtype=object)
    if arr.dtype.kind == "U" and not isinstance(y, np.ndarray):
        # np.asarray(["A", 1]) silently turns 1 into "1": look at what was given.
        for i, value in enumerate(y):  # type: ignore[arg-type]
            if not isinstance(value, str):
                raise ValueError(
                    f"{name} mixes strings and numbers (e.g. {_describe(value)} at index {i}): "
                    "use one kind of label"
                )
            check_no_trailing_nul(value, name, i)
    if arr.dtype.kind in "iuf" and arr.ndim == 1 and not isinstance(y, np.ndarray):
        # np.asarray([True, 0]) silently turns True into 1: look at what was given.
        _check_not_bool_and_number(list(y), name)  # type: ignore[arg-type]
    if arr.dtype.kind == "O":
        arr = _object_to_array(arr, name)
    kind = arr.dtype.kind
    if kind == "S":
        raise ValueError(f"{name} holds bytes (dtype {arr.dtype}): decode them to str first")
    if kind == "U":
        return arr, "string"
    if kind in "biu":
        return arr, "number"
    if kind == "f":
        return _float_labels(arr, name), "number"
    raise ValueError(f"{name} has dtype {arr.dtype}: labels must be strings or numbers")


def _as_indicator(y: object, name: str) -> np.ndarray:
    arr = as_array(name, y)
    if arr.dtype.kind not in "biuf":
        raise ValueError(
            f"{name} is a 2-D array of dtype {arr.dtype}: a multi-label indicator array "
            "holds only 0 and 1"
        )
    if arr.shape[1] < 2:
        raise ValueError(
            f"{name} has shape {arr.shape}: pass single-label data as a 1-D array, or a "
            "multi-label indicator array with one column per label"
        )
    if arr.dtype.kind != "b":
        bad = (arr != 0) & (arr != 1)
        if bad.any():
            row, col = (int(i[0]) for i in np.nonzero(bad))
            raise ValueError(
                f"{name} holds {arr[row, col]} at row {row}, column {col}: a multi-label "
                "indicator array holds only 0 and 1"
            )
        arr = arr.astype(bool)
    return arr


def check_targets(y_true: object, y_pred: object) -> Targets:
    """Check a pair of targets and say whether they are single-label or multi-label.

    Raises
    ------
    ValueError
        If either is empty or of another length than the other, holds None, NaN or a
        mix of strings and numbers (or of booleans and other numbers, within one array or
        across the two), if one is 1-D and the other 2-D, or if a 2-D
        indicator array holds something other than 0 and 1.

    Examples
    --------
    >>> check_targets(["A", "B"], ["A", "A"]).kind
    'single'
    >>> check_targets([1, 2], [1, 2, 3])
    Traceback (most recent call last):
    ...
    ValueError: y_true and y_pred must have the same length: y_true has 2 rows, y_pred has 3
    """
    shapes = {}
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if y is None:
            raise ValueError(f"{name} is None: pass an array of labels")
        shapes[name] = as_array(name, y).shape
    ndims = {name: len(shape) for name, shape in shapes.items()}
    for name, ndim in ndims.items():
        if ndim not in (1, 2):
            raise ValueError(
                f"{name} has shape {shapes[name]}: expected 1-D labels or a 2-D multi-label "
                "indicator array"
            )
    if ndims["y_true"] != ndims["y_pred"]:
        one, two = ("y_true", "y_pred") if ndims["y_true"] == 1 else ("y_pred", "y_true")
        raise ValueError(
            f"{one} is 1-D (single-label) but {two} is 2-D (multi-label indicator, shape "
            f"{shapes[two]}): pass both in the same form"
        )
    n_true, n_pred = shapes["y_true"][0], shapes["y_pred"][0]
    if n_true != n_pred:
        raise ValueError(
            "y_true and y_pred must have the same length: "
            f"y_true has {n_true} rows, y_pred has {n_pred}"
        )
    if n_true == 0:
        raise ValueError("y_true and y_pred are empty: there is nothing to count")

    if ndims["y_true"] == 2:
        if shapes["y_true"] != shapes["y_pred"]:
            raise ValueError(
                f"y_true has shape {shapes['y_true']} but y_pred has shape "
                f"{shapes['y_pred']}: multi-label indicator arrays need one column per label"
            )
        t = _as_indicator(y_true, "y_true")
        p = _as_indicator(y_pred, "y_pred")
        return Targets("multi", t, p, "indicator", np.dtype(np.int64))

    t, fam_t = _as_labels_1d(y_true, "y_true")
    p, fam_p = _as_labels_1d(y_pred, "y_pred")
    if fam_t != fam_p:
        raise ValueError(
            f"y_true holds {fam_t}s but y_pred holds {fam_p}s: both must use the same kind of label"
        )
    if fam_t == "string":
        return Targets("single", t, p, fam_t, np.result_type(t.dtype, p.dtype))
    if (t.dtype.kind == "b") != (p.dtype.kind == "b"):  # True would be counted as 1
        bools, other = ("y_true", "y_pred") if t.dtype.kind == "b" else ("y_pred", "y_true")
        raise ValueError(
            f"{bools} holds booleans but {other} holds numbers: both must use the same kind "
            "of label (True/False, or whole numbers; astype(int) counts True as 1)"
        )
    floats = t.dtype.kind == "f" or p.dtype.kind == "f"
    if floats:  # whole numbers below 2**63: int64 holds each exactly
        t, p = (a.astype(np.int64) if a.dtype.kind == "f" else a for a in (t, p))
    common = _common_integer_dtype(t, p)
    t, p = t.astype(common, copy=False), p.astype(common, copy=False)
    return Targets("single", t, p, fam_t, np.dtype(np.float64) if floats else common)


def _common_integer_dtype(t: np.ndarray, p: np.ndarray) -> np.dtype:
    """An integer dtype holding every label of both arrays (numpy's is float64 for uint64
    with a signed type, which would round labels of 2**53 and more)."""
    common = np.result_type(t.dtype, p.dtype)
    if common.kind != "f":
        return common
    unsigned, signed = (t, p) if t.dtype.kind == "u" else (p, t)
    if unsigned.max() <= _INT64.max:
        return np.dtype(np.int64)
    if signed.min() >= 0:
        return np.dtype(np.uint64)
    raise ValueError(
        "y_true and y_pred hold labels of 2**63 or more and negative labels: no 64-bit "
        "integer type holds both; pass the labels as strings"
    )


def check_labels(
    labels: object, family: str | None = None, n_columns: int | None = None
) -> np.ndarray | None:
    """Check a ``labels=`` argument against the kind of labels the data holds.

    ``family`` is ``Targets.family``; for multi-label indicators (``"indicator"``) ``labels``
    are column indices and ``n_columns`` bounds them, as it bounds plain label indices
    (``"index"``, as :mod:`microavg.symbolic` numbers its labels). With no ``family``,
    labels may be strings or numbers (not a mix). Returns the labels as an array, or None.

    Examples
    --------
    >>> check_labels(["B", "A"], "string")
    array(['B', 'A'], dtype='<U1')
    >>> check_labels(["A", "A"], "string")
    Traceback (most recent call last):
    ...
    ValueError: labels holds 'A' twice: each label may be listed once
    >>> check_labels([0, 3], "index", n_columns=3)
    Traceback (most recent call last):
    ...
    ValueError: labels holds 3: label indices run from 0 to 2
    """
    if labels is None:
        return None
    if isinstance(labels, str | bytes):
        raise ValueError(
            f"labels is the string {labels!r}: pass a list of labels, e.g. [{labels!r}]"
        )
    shape = as_array("labels", labels, "a flat list of labels").shape
    if len(shape) != 1:
        raise ValueError(f"labels has shape {shape}: pass a flat list of labels")
    arr, fam = _as_labels_1d(list(labels), "labels")
    if arr.size == 0:
        raise ValueError("labels is empty: pass at least one label, or None for all of them")
    uniq, counts = np.unique(arr, return_counts=True)
    if (counts > 1).any():
        raise ValueError(
            f"labels holds {shown(uniq[counts > 1][0].item())} twice: each label may be listed once"
        )
    if family in ("indicator", "index"):
        what = (
            "label indices"
            if family == "index"
            else "column indices of the multi-label indicator arrays"
        )
        if arr.dtype.kind not in "iu":  # strings, bools and floats such as 1.0
            bad = next(v for v in labels if not _is_whole(v))
            raise ValueError(f"labels holds {shown(bad)}: {what} are whole numbers")
        outside = (arr < 0) | (arr >= n_columns)
        if outside.any():
            raise ValueError(
                f"labels holds {shown(arr[outside][0].item())}: {what} run from 0 to "
                f"{n_columns - 1}"
            )
        return arr.astype(np.intp)
    if family is not None and fam != family:
        raise ValueError(
            f"labels holds {fam}s but y_true and y_pred hold {family}s: "
            f"labels must be of the same kind as the data"
        )
    return arr


def check_labels_for(targets: Targets, labels: object) -> np.ndarray | None:
    """:func:`check_labels` against checked targets: labels of their family, or column
    indices of multi-label indicator arrays.

    >>> check_labels_for(check_targets([[1, 0], [0, 1]], [[1, 1], [0, 1]]), [2])
    Traceback (most recent call last):
    ...
    ValueError: labels holds 2: column indices of the multi-label indicator arrays run from 0 to 1
    """
    if targets.kind == "multi":
        return check_labels(labels, "indicator", n_columns=targets.y_true.shape[1])
    checked = check_labels(labels, targets.family)
    if checked is not None and targets.family == "number":
        kinds = {True: "booleans", False: "numbers"}
        given, held = checked.dtype.kind == "b", targets.y_true.dtype.kind == "b"
        if given != held:
            raise ValueError(
                f"labels holds {kinds[given]} but y_true and y_pred hold {kinds[held]}: "
                "labels must be of the same kind as the data"
            )
    return checked


def _object_weights(arr: np.ndarray, name: str) -> np.ndarray:
    """An object array of numbers (as scikit-learn accepts) as int64 or float64 weights."""
    values = arr.tolist()
    for i, value in enumerate(values):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ValueError(
                f"{name} holds {_describe(value)} at index {i}: weights must be numbers"
            )
    if all(isinstance(value, numbers.Integral) for value in values):
        if sum(abs(int(value)) for value in values) >= EXACT_TOTAL:
            raise ValueError(_huge_whole_weights(name))
        return np.array(values, dtype=np.int64)
    try:
        return np.array([float(value) for value in values], dtype=np.float64)
    except OverflowError:
        raise ValueError(f"{name} holds a number too large for a float") from None


def check_sample_weight(
    sample_weight: object, n_rows: int, name: str = "sample_weight"
) -> np.ndarray | None:
    """Check a ``sample_weight=`` argument: one finite, non-negative weight per row.

    ``name`` is what refusals call it (the command line names its ``--weight`` column).
    Returns None for None, an int64 array for whole-number dtypes (bool, int), so
    that counts stay whole numbers, and a float64 array otherwise, as scikit-learn's
    ``confusion_matrix`` does.

    Raises
    ------
    ValueError
        If ``sample_weight`` is not 1-D, has another length than the data, holds
        something other than numbers, NaN, an infinity or a negative weight, is all
        zero (no row would count), or holds whole numbers summing to 2**52 or more
        (beyond what float64 sums count exactly, with a margin).

    Examples
    --------
    >>> check_sample_weight([1, 2, 0], 3)
    array([1, 2, 0])
    >>> check_sample_weight([1.0, -0.5], 2)
    Traceback (most recent call last):
    ...
    ValueError: sample_weight holds -0.5 at index 1: weights must be non-negative
    """
    if sample_weight is None:
        return None
    arr = as_array(name, sample_weight, "a flat array of one weight per row")
    if arr.ndim != 1:
        raise ValueError(
            f"{name} has shape {arr.shape}: expected a flat array of one weight per row"
        )
    if len(arr) != n_rows:
        raise ValueError(
            f"{name} has {len(arr)} weights but y_true and y_pred have {n_rows} rows: "
            "give one weight per row"
        )
    if arr.dtype.kind == "O":
        arr = _object_weights(arr, name)
    if arr.dtype.kind not in "biuf":
        raise ValueError(f"{name} has dtype {arr.dtype}: weights must be numbers")
    if arr.dtype.kind == "f":
        finite = np.isfinite(arr)
        if not finite.all():
            i = int(np.flatnonzero(~finite)[0])
            raise ValueError(
                f"{name} holds {arr[i]} at index {i}: every weight must be a finite number"
            )
    negative = arr < 0
    if negative.any():
        i = int(np.flatnonzero(negative)[0])
        raise ValueError(f"{name} holds {arr[i]} at index {i}: weights must be non-negative")
    if not arr.any():
        raise ValueError(f"{name} is all zero: at least one row must count")
    if arr.dtype.kind == "f":
        arr = arr.astype(np.float64, copy=False)
        with np.errstate(over="ignore"):
            total = arr.sum()
        # F1's denominator 2 ΣTP + ΣFP + ΣFN reaches twice the total: keep it finite.
        if not np.isfinite(total) or total > np.finfo(np.float64).max / 2:
            raise ValueError(
                f"{name} sums to more than half the largest float (F1 doubles the sum): "
                "scale the weights down"
            )
        return arr
    # Summed in float64 with a margin of 2: below 2**52 the float sum cannot hide 2**53.
    if float(arr.sum(dtype=np.float64)) >= EXACT_TOTAL:
        raise ValueError(_huge_whole_weights(name))
    return arr.astype(np.int64)
