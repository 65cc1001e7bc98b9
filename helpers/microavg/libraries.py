"""What scikit-learn, torchmetrics and Keras report for your predictions, and why they differ.

The libraries are never imported: their rules are written here once, in the engine's
vocabulary (rows dropped, label sets, top-k, thresholds), and held to the real libraries by
golden cases recorded from running them (``tools/record_library_cases.py`` writes
``tests/fixtures/library_cases.json``; ``tests/test_libraries.py`` compares every recorded
number bit for bit). The versions recorded are in :data:`VERSIONS`.

* :func:`reproduce` gives one library call's number, as that library computes it
  (torchmetrics and Keras in float32, as they do);
* :func:`compare` puts the libraries' defaults and the options you name side by side,
  with one sentence per number that differs from scikit-learn's micro scores and accuracy;
  :func:`compare_text` is the same as plain text, for the command line;
* :func:`batch_averaging` says what averaging per-batch scores does, against scoring the
  summed confusion matrices;
* :func:`read_recording` reads the golden cases, so a lesson shows a library's recorded
  number beside its reproduction (:meth:`Recording.reproduced` checks they are the same).

Hugging Face ``evaluate`` is known but not reproduced: its metric scripts load from the
Hugging Face hub at run time, which was unreachable where the cases were recorded, so no
number of it was ever seen (:data:`UNAVAILABLE` says why).

The worked example (as recorded from torchmetrics 1.9.0): its two F1 classes disagree on the
default average.

>>> true, pred = [0, 0, 0, 0, 1, 1, 2, 2, 2], [0, 0, 1, 2, 0, 1, 1, 2, 2]
>>> reproduce("torchmetrics", "MulticlassF1Score", true, pred, num_classes=3)
np.float32(0.5460318)
>>> reproduce("torchmetrics", "F1Score", true, pred, task="multiclass", num_classes=3)
np.float32(0.5555556)
"""

from __future__ import annotations

import html
import itertools
import json
import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from microavg._validate import one_of, real, whole_number
from microavg.counts import LabelCounts
from microavg.metrics import accuracy, confusion_matrix, label_counts, scores
from microavg.predictions import argmax_labels, one_hot, threshold_sets, top_k_sets
from microavg.prose import md_table
from microavg.reduction import reduce_counts
from microavg.targets import check_sample_weight, check_targets

__all__ = [
    "LIBRARIES",
    "METRICS",
    "UNAVAILABLE",
    "VERSIONS",
    "BatchAveraging",
    "Comparison",
    "Recording",
    "Row",
    "batch_averaging",
    "compare",
    "compare_text",
    "read_recording",
    "reproduce",
]

VERSIONS = {"scikit-learn": "1.9.1", "torchmetrics": "1.9.0", "keras": "3.15.1"}
"""The versions whose behaviour is reproduced (torchmetrics on torch 2.13.0, Keras on torch)."""

LIBRARIES = tuple(VERSIONS)

UNAVAILABLE = {
    "evaluate": (
        "Hugging Face evaluate 0.4.6 installs, but evaluate.load('f1') fetches its metric "
        "script from the Hugging Face hub, which was unreachable where the golden cases were "
        "recorded, so its numbers were never seen and are not reproduced"
    )
}

METRICS = {
    "scikit-learn": ("precision_recall_fscore_support", "accuracy_score"),
    "torchmetrics": (
        "MulticlassPrecision",
        "MulticlassRecall",
        "MulticlassF1Score",
        "MultilabelPrecision",
        "MultilabelRecall",
        "MultilabelF1Score",
        "Precision",
        "Recall",
        "F1Score",
    ),
    "keras": ("Precision", "Recall", "F1Score"),
}

_F32 = np.float32
_KERAS_EPSILON = _F32(1e-7)  # keras.backend.epsilon(), added to every denominator


def _library(library: object) -> str:
    if library in UNAVAILABLE:
        raise ValueError(f"library {library!r} is not reproduced: {UNAVAILABLE[library]}")
    return str(one_of("library", library, LIBRARIES))


def _refuse(library: str, message: str) -> None:
    raise ValueError(f"{library} {VERSIONS[library]} refuses this: {message}")


def _sum32(values: np.ndarray) -> np.float32:
    """A float32 sum, added left to right as torch adds a short tensor."""
    total = _F32(0)
    for value in np.asarray(values, dtype=_F32).tolist():
        total = _F32(total + _F32(value))
    return total


def _divide32(num: np.ndarray, den: np.ndarray, zero_division: float) -> np.ndarray:
    num, den = np.asarray(num, dtype=_F32), np.asarray(den, dtype=_F32)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den != 0, num / den, _F32(zero_division)).astype(_F32)


# -- inputs ---------------------------------------------------------------------------


def _repeats(repeats: object, n_rows: int) -> np.ndarray | None:
    """``repeats`` checked: one whole number of at least 0 per row, as int64 (or None)."""
    if repeats is None:
        return None
    try:
        arr = check_sample_weight(repeats, n_rows)
    except ValueError as err:
        message = str(err).removeprefix("sample_weight").replace(" or pass floats", "")
        for word, said in (("weights", "counts"), ("weight", "count")):
            message = message.replace(word, said)
        raise ValueError("repeats" + message) from None
    if arr.dtype.kind == "f":
        odd = np.flatnonzero(arr != np.round(arr))
        if len(odd):
            raise ValueError(
                f"repeats holds {arr[odd[0]]} at index {int(odd[0])}: each row is repeated a "
                "whole number of times (a count of rows, not a weight)"
            )
    return arr.astype(np.int64)


def _rows(values: object, keep: np.ndarray) -> object:
    """The rows of ``values`` (an array or a list, 1-D or 2-D) where ``keep`` is true."""
    if values is None or isinstance(values, np.ndarray):
        return None if values is None else values[keep]
    return [v for v, k in zip(values, keep.tolist(), strict=True) if k]


def _repeated(y_true, y_pred, y_score, repeats):
    """The inputs with the rows repeated 0 times left out (they stand for no row at all),
    and the repeats checked; every count below is then weighted by them."""
    n_rows = len(y_true) if hasattr(y_true, "__len__") else np.shape(y_true)[0]
    w = _repeats(repeats, n_rows)
    if w is None or w.all():
        return y_true, y_pred, y_score, w
    keep = w > 0
    return _rows(y_true, keep), _rows(y_pred, keep), _rows(y_score, keep), w[keep]


def _count_rows(mask: np.ndarray, w: np.ndarray | None) -> int:
    """How many rows ``mask`` marks (1-D), each counted as often as it is repeated."""
    return int(np.count_nonzero(mask)) if w is None else int(w[mask].sum())


def _count_cells(mask: np.ndarray, w: np.ndarray | None) -> int:
    """How many cells a 2-D ``mask`` marks, each row counted as often as it is repeated."""
    if w is None:
        return int(np.count_nonzero(mask))
    return int(np.count_nonzero(mask, axis=1) @ w)


def _scores32(y_score: object) -> np.ndarray:
    """Scores as the libraries hold them (float32), checked by the engine's door."""
    argmax_labels(y_score)  # the door: a 2-D array of finite numbers, two columns or more
    return np.asarray(y_score, dtype=_F32)


def _above(y_score: np.ndarray, threshold: float) -> np.ndarray:
    """Label sets of scores strictly above ``threshold`` (both libraries use ``>``): the
    complement of the sets at or below it, which threshold_sets gives on negated scores."""
    return ~threshold_sets(-y_score, -float(_F32(threshold)))


def _class_indices(name: str, y: object) -> np.ndarray:
    targets = check_targets(y, y)
    if targets.kind != "single" or targets.family != "number":
        raise ValueError(f"{name} must hold class indices (whole numbers), one per row")
    return targets.y_true.astype(np.int64)


def _indicators(name: str, y: object) -> np.ndarray:
    targets = check_targets(y, y)
    if targets.kind != "multi":
        raise ValueError(f"{name} must be a 2-D 0/1 indicator array, one column per label")
    return targets.y_true


# -- scikit-learn ---------------------------------------------------------------------


def _sklearn(metric, y_true, y_pred, y_score, options, w):
    if y_score is not None:
        kind = "multilabel-indicator" if np.ndim(y_true) == 2 else "multiclass"
        _refuse(
            "scikit-learn",
            f"Classification metrics can't handle a mix of {kind} and continuous-multioutput "
            "targets",
        )
    if metric == "accuracy_score":
        if options:
            raise ValueError(f"options {sorted(options)!r}: accuracy_score takes none here")
        return accuracy(y_true, y_pred, sample_weight=w)
    unknown = set(options) - {"average", "labels", "zero_division"}
    if unknown:
        raise ValueError(
            f"options {sorted(unknown)!r} are not reproduced for scikit-learn: use average, "
            "labels or zero_division"
        )
    average = options.get("average", "binary")
    multi = check_targets(y_true, y_pred).kind == "multi"
    if average == "samples" and not multi:
        _refuse(
            "scikit-learn",
            "Samplewise metrics are not available outside of multilabel classification.",
        )
    if average == "binary":
        kind = "multilabel-indicator" if multi else "multiclass"
        _refuse(
            "scikit-learn",
            f"Target is {kind} but average='binary'. Please choose another average setting, "
            "one of [None, 'micro', 'macro', 'weighted'].",
        )
    result = scores(
        y_true,
        y_pred,
        average=average,
        labels=options.get("labels"),
        zero_division=options.get("zero_division", 0.0),
        sample_weight=w,
    )
    return tuple(result)


# -- torchmetrics ---------------------------------------------------------------------

_TM_AVERAGES = ("micro", "macro", "weighted", "none", None)
_TM_STAT = {"Precision": "precision", "Recall": "recall", "F1Score": "f1"}


def _tm_check(options: dict, size_name: str) -> dict:
    allowed = {
        size_name,
        "average",
        "top_k",
        "ignore_index",
        "zero_division",
        "threshold",
        "multidim_average",
        "task",
    }
    unknown = set(options) - allowed
    if unknown:
        raise ValueError(
            f"options {sorted(unknown)!r} are not torchmetrics options reproduced "
            f"here: use {', '.join(sorted(allowed))}"
        )
    size = options.get(size_name)
    if size is None:
        raise ValueError(f"{size_name} is required by torchmetrics: pass {size_name}=k")
    if isinstance(size, bool) or not isinstance(size, int) or size < 2:
        _refuse(
            "torchmetrics",
            f"Expected argument `{size_name}` to be an integer larger than 1, but got {size}",
        )
    top_k = options.get("top_k", 1)
    if not isinstance(top_k, int) or isinstance(top_k, bool) or top_k < 1:
        raise ValueError(f"top_k must be a whole number of at least 1, got {top_k!r}")
    if top_k > size:
        _refuse(
            "torchmetrics",
            f"Expected argument `top_k` to be smaller or equal to "
            f"`num_classes` but got {top_k} and {size}",
        )
    average = options.get("average")
    if average not in _TM_AVERAGES:
        _refuse(
            "torchmetrics",
            "Expected argument `average` to be one of ('micro', 'macro', "
            f"'weighted', 'none', None), but got {average}",
        )
    multidim = options.get("multidim_average", "global")
    if multidim not in ("global", "samplewise"):
        _refuse(
            "torchmetrics",
            "Expected argument `multidim_average` to be one of ('global', "
            f"'samplewise'), but got {multidim}",
        )
    if multidim != "global":
        raise ValueError(
            "multidim_average='samplewise' is not reproduced here: it needs "
            "inputs of 2 or more dimensions per sample; use 'global'"
        )
    ignore = options.get("ignore_index")
    if ignore is not None and (isinstance(ignore, bool) or not isinstance(ignore, int)):
        _refuse(
            "torchmetrics",
            f"Expected argument `ignore_index` to either be `None` or an integer, but got {ignore}",
        )
    zero = options.get("zero_division", 0)
    if isinstance(zero, bool) or zero not in (0, 1):
        _refuse("torchmetrics", f"Expected argument `zero_division` to be 0 or 1, but got {zero}.")
    return {"size": size, "top_k": top_k, "ignore_index": ignore, "zero_division": zero}


def _tm_reduce(stat, tp, fp, fn, average, zero_division, multilabel, top_k):
    num, den = {
        "precision": (tp, tp + fp),
        "recall": (tp, tp + fn),
        "f1": (2 * tp, 2 * tp + fn + fp),
    }[stat]
    if average == "micro":
        return _divide32(num.sum(), den.sum(), zero_division)[()]
    score = _divide32(num, den, zero_division)
    if average in ("none", None):
        return score
    if average == "weighted":
        weights = (tp + fn).astype(_F32)
    else:  # macro: classes never seen are left out (top_k > 1: classes never true)
        weights = np.ones(len(tp), dtype=_F32)
        if not multilabel:
            weights[(tp + fp + fn == 0) if top_k == 1 else (tp + fn == 0)] = 0
    total = _sum32(weights)
    return _sum32(_divide32(weights * score, np.full(len(tp), total), 0))


def _torchmetrics(metric, y_true, y_pred, y_score, options, w):
    options = dict(options)
    task = options.get("task")
    if metric in _TM_STAT:  # the task= wrappers: average defaults to micro
        one_of("task", task, ("multiclass", "multilabel"))
        stat, multilabel = _TM_STAT[metric], task == "multilabel"
        options.setdefault("average", "micro")
    else:
        if task is not None:
            raise ValueError(f"task is an option of the wrappers, not of {metric}")
        multilabel = metric.startswith("Multilabel")
        stat = _TM_STAT[metric.removeprefix("Multilabel").removeprefix("Multiclass")]
        options.setdefault("average", "macro")
    average = options["average"]
    size_name = "num_labels" if multilabel else "num_classes"
    checked = _tm_check(options, size_name)
    size, zero, top_k, ignore = (
        checked[k] for k in ("size", "zero_division", "top_k", "ignore_index")
    )
    if multilabel:
        threshold = real("threshold", options.get("threshold", 0.5))
        if top_k != 1:
            raise ValueError("top_k is not an option of the multi-label metrics")
        t = _indicators("y_true", y_true)
        if y_score is not None:
            s = _scores32(y_score)
            if s.min() < 0 or s.max() > 1:
                raise ValueError(
                    "y_score holds values outside [0, 1]: torchmetrics would apply "
                    "a sigmoid first, which is not reproduced here"
                )
            p = _above(s, threshold)
        else:
            p = _indicators("y_pred", y_pred)
        if t.shape[1] != size or p.shape != t.shape:
            raise ValueError(f"y_true and the predictions must have num_labels={size} columns")
        counts = label_counts(t, p, sample_weight=w)
        return _tm_reduce(stat, counts.tp, counts.fp, counts.fn, average, zero, True, 1)
    t = _class_indices("y_true", y_true)
    if y_score is not None:
        s = _scores32(y_score)
        if s.shape[1] != size:
            _refuse(
                "torchmetrics",
                f"If `preds` have one dimension more than `target`, "
                f"`preds.shape[1]` should be equal to number of classes, got {s.shape[1]}",
            )
        if top_k == 1:
            p = argmax_labels(s)
        else:  # the target if it is among the k best scores, else the best
            in_top = one_hot(np.where(t == ignore, 0, t), range(size)) & top_k_sets(s, top_k)
            p = np.where(in_top.any(axis=1), t, argmax_labels(s))
    else:
        if top_k != 1:
            raise ValueError("top_k above 1 needs y_score: torchmetrics ranks scores, not labels")
        p = _class_indices("y_pred", y_pred)
    allowed = size if ignore is None else size + 1
    for name, values in (("target", t), ("preds", p)):
        found = np.unique(values)
        if len(found) > allowed:
            _refuse(
                "torchmetrics",
                f"Detected more unique values in `{name}` than expected. "
                f"Expected only {allowed} but found {len(found)} in `{name}`.",
            )
    keep = t != ignore if ignore is not None else np.ones(len(t), dtype=bool)
    if not keep.any():
        raise ValueError(f"every row of y_true is ignore_index {ignore}: nothing is left to score")
    t, p = t[keep], p[keep]
    w = None if w is None else w[keep]
    if average == "micro" and top_k == 1:  # rows compared as they are: right or wrong
        right = np.array([_count_rows(t == p, w)])
        wrong = _count_rows(np.ones(len(t), dtype=bool), w) - right
        return _tm_reduce(stat, right, wrong, wrong, average, zero, False, top_k)
    outside = (t < 0) | (t >= size) | (p < 0) | (p >= size)
    if outside.any():
        i = int(np.flatnonzero(outside)[0])
        _refuse(
            "torchmetrics",
            f"a row holds target {int(t[i])} and prediction {int(p[i])}, "
            f"not both classes from 0 to {size - 1}, so its confusion matrix cannot be "
            "counted (RuntimeError: bincount only supports 1-d non-negative integral inputs)",
        )
    cm = confusion_matrix(t, p, labels=list(range(size)), sample_weight=w)
    return _tm_reduce(stat, cm.tp, cm.fp, cm.fn, average, zero, False, top_k)


# -- Keras ----------------------------------------------------------------------------


def _keras_inputs(y_true, y_pred, y_score, num_classes):
    if np.ndim(y_true) == 2:
        t = _indicators("y_true", y_true)
        p = (
            _scores32(y_score)
            if y_score is not None
            else _indicators("y_pred", y_pred).astype(_F32)
        )
        return t, p
    t = _class_indices("y_true", y_true)
    if y_score is not None:
        p = _scores32(y_score)
        k = p.shape[1]
    else:
        labels = _class_indices("y_pred", y_pred)
        k = num_classes if num_classes is not None else int(max(t.max(), labels.max())) + 1
        p = one_hot(labels, range(k)).astype(_F32)
    if (t < 0).any() or (t >= k).any():
        raise ValueError(
            f"y_true must hold class indices from 0 to {k - 1} for Keras' one-hot rows"
        )
    return one_hot(t, range(k)), p


def _keras(metric, y_true, y_pred, y_score, options, w):
    options = dict(options)
    num_classes = options.pop("num_classes", None)
    if num_classes is not None:
        num_classes = whole_number("num_classes", num_classes, 2)
    t, s = _keras_inputs(y_true, y_pred, y_score, num_classes)
    if metric == "F1Score":
        unknown = set(options) - {"average", "threshold"}
        if unknown:
            raise ValueError(f"options {sorted(unknown)!r} are not F1Score options reproduced here")
        average = options.get("average")
        if average not in (None, "micro", "macro", "weighted"):
            _refuse(
                "keras",
                "Invalid `average` argument value. Expected one of: {None, 'micro', "
                f"'macro', 'weighted'}}. Received: average={average}",
            )
        threshold = options.get("threshold")
        if threshold is not None:
            if not isinstance(threshold, float):
                _refuse(
                    "keras",
                    "Invalid `threshold` argument value. It should be a Python "
                    f"float. Received: threshold={threshold} of type '{type(threshold)}'",
                )
            if threshold > 1.0 or threshold <= 0.0:
                _refuse(
                    "keras",
                    "Invalid `threshold` argument value. It should verify 0 < "
                    f"threshold <= 1. Received: threshold={threshold}",
                )
            p = _above(s, threshold)
        else:  # every label tied at the row's top score, unless that score is 0
            p = (s >= s.max(axis=1, keepdims=True)) & (np.abs(s) > _F32(1e-9))
        counts = label_counts(t, p, sample_weight=w)
        tp, fp, fn = (c.astype(_F32) for c in (counts.tp, counts.fp, counts.fn))
        if average == "micro":
            tp, fp, fn = (np.array([c.sum()], dtype=_F32) for c in (tp, fp, fn))
        precision = (tp / (tp + fp + _KERAS_EPSILON)).astype(_F32)
        recall = (tp / (tp + fn + _KERAS_EPSILON)).astype(_F32)
        f1 = ((precision * recall) / (precision + recall + _KERAS_EPSILON) * _F32(2)).astype(_F32)
        if average == "weighted":
            support = counts.tp.astype(_F32) + counts.fn.astype(_F32)
            weights = (support / (_sum32(support) + _KERAS_EPSILON)).astype(_F32)
            return _sum32(f1 * weights)
        if average is not None:
            return _F32(_sum32(f1) / _F32(len(f1)))
        return f1
    unknown = set(options) - {"thresholds", "top_k", "class_id"}
    if unknown:
        raise ValueError(f"options {sorted(unknown)!r} are not {metric} options reproduced here")
    top_k, class_id = options.get("top_k"), options.get("class_id")
    thresholds = options.get("thresholds")
    if thresholds is None:
        thresholds = 0.5 if top_k is None else None  # with top_k: every one of the k counts
    elif not 0 <= real("thresholds", thresholds) <= 1:
        _refuse("keras", f"Threshold values must be in [0, 1]. Received: {[thresholds]}")
    if top_k is not None:
        top_k = whole_number("top_k", top_k, 1, s.shape[1])
        best = top_k_sets(s, top_k)
        p = best if thresholds is None else best & _above(s, thresholds)
    else:
        p = _above(s, thresholds)
    if class_id is not None:
        class_id = whole_number("class_id", class_id, 0, s.shape[1] - 1)
        t, p = t[:, [class_id]], p[:, [class_id]]
    tp = _count_cells(t & p, w)
    other = _count_cells(p & ~t, w) if metric == "Precision" else _count_cells(t & ~p, w)
    return _divide32(tp, tp + other, 0)[()]


_REPRODUCERS = {"scikit-learn": _sklearn, "torchmetrics": _torchmetrics, "keras": _keras}


def reproduce(
    library: str,
    metric: str,
    y_true: object,
    y_pred: object = None,
    *,
    y_score: object = None,
    repeats: object = None,
    **options,
):
    """What ``library``'s ``metric`` reports for this data, with these options.

    Parameters
    ----------
    library : {"scikit-learn", "torchmetrics", "keras"}
    metric : str
        One of :data:`METRICS` ``[library]``: scikit-learn's function names,
        torchmetrics' and Keras' class names.
    y_true : array-like
        Class indices 0 .. k-1 (single-label), or a 2-D 0/1 indicator array.
    y_pred : array-like, optional
        Predicted class indices (or indicators); Keras sees them one-hot.
    y_score : array-like of shape (n, k), optional
        Per-label scores instead of ``y_pred``; torchmetrics and Keras see them as float32.
    repeats : array-like of shape (n,), optional
        How many times each row occurs (whole numbers): counted rows, as
        :mod:`microavg.grouped` holds them, reported as the rows themselves would be.
    **options
        The library's own arguments (``average``, ``labels``, ``zero_division``;
        ``num_classes``, ``top_k``, ``ignore_index``, ``task``, ``threshold``;
        ``thresholds``, ``class_id``). For Keras with ``y_pred``, ``num_classes`` says how
        wide the one-hot rows are (default: the largest class + 1).

    Returns
    -------
    tuple, float, numpy.float32 or numpy.ndarray
        scikit-learn: ``(precision, recall, f1)`` or the accuracy, float64 as it returns them;
        torchmetrics and Keras: float32, an array for per-label results.

    Raises
    ------
    ValueError
        For an unknown library or metric (the message lists the known ones), for options the
        library itself refuses (with the library's words), and for inputs refused at the door.

    Examples
    --------
    Keras' ``Precision`` thresholds each score at 0.5, so a softmax row with no score above
    0.5 predicts nothing:

    >>> reproduce("keras", "Precision", [0, 1], y_score=[[0.6, 0.4], [0.5, 0.5]])
    np.float32(1.0)
    >>> reproduce("torchmetrics", "MulticlassF1Score", [0, 1], [0, 1], num_classes=2,
    ...           zero_division=0.5)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: torchmetrics 1.9.0 refuses this: Expected argument `zero_division` to be 0 or 1...
    """
    library = _library(library)
    one_of("metric", metric, METRICS[library])
    if (y_pred is None) == (y_score is None):
        raise ValueError("pass either y_pred (labels) or y_score (per-label scores), not both")
    y_true, y_pred, y_score, w = _repeated(y_true, y_pred, y_score, repeats)
    return _REPRODUCERS[library](metric, y_true, y_pred, y_score, options, w)


# -- side by side ---------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One library call (or a Precision, Recall, F1 trio) and why it differs.

    ``precision``, ``recall``, ``f1``: a number, a per-label array, or None where the call
    reports no such score; ``refused`` holds the library's refusal instead, if it refused.
    """

    library: str
    call: str
    precision: object
    recall: object
    f1: object
    why: str
    refused: str = ""


@dataclass(frozen=True, eq=False, repr=False)
class Comparison:
    """What each library reports, side by side, against scikit-learn's micro scores.

    ``micro`` is scikit-learn's micro ``(precision, recall, f1)`` and ``accuracy`` its
    ``accuracy_score`` (subset accuracy for multi-label data), on the labels (the arg-max
    labels when only scores were given). Shown as text, Markdown or HTML (labels escaped).
    """

    micro: tuple
    accuracy: float
    rows: tuple[Row, ...]
    note: str

    def _cells(self, escape) -> list[list[str]]:
        out = []
        for row in self.rows:
            values = (
                [row.refused and "refused"] * 3
                if row.refused
                else [_show(v) for v in (row.precision, row.recall, row.f1)]
            )
            out.append([row.library, escape(row.call), *values, escape(row.refused or row.why)])
        return out

    _HEADER = ("library", "call", "precision", "recall", "F1", "why it differs")

    def _lead(self) -> str:
        p, r, f = (_show(v) for v in self.micro)
        return (
            f"scikit-learn's micro precision {p}, recall {r}, F1 {f}; accuracy_score "
            f"{_show(self.accuracy)}. {self.note}"
        ).strip()

    def __repr__(self) -> str:
        return str(self)

    def __str__(self) -> str:
        lines = [self._lead(), ""]
        for row in self.rows:
            values = (
                "refused"
                if row.refused
                else ", ".join(
                    f"{name} {_show(v)}"
                    for name, v in zip(
                        ("P", "R", "F1"), (row.precision, row.recall, row.f1), strict=True
                    )
                    if v is not None
                )
            )
            lines.append(f"{row.library}  {row.call}: {values}")
            if row.refused or row.why:
                lines.append(f"    {row.refused or row.why}")
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        return _md_escape(self._lead()) + "\n\n" + md_table(self._HEADER, self._cells(_md_escape))

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{h}</th>" for h in self._HEADER)
        body = "".join(
            "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
            for cells in self._cells(html.escape)
        )
        return (
            f"<p>{html.escape(self._lead())}</p><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, np.ndarray):
        return "[" + ", ".join(_show(v) for v in value.tolist()) + "]"
    return f"{float(value):.4f}"


def _md_escape(text: str) -> str:
    """Text shown as typed in Markdown: no emphasis, tags, links or TeX."""
    for char in "\\`*_[]<>$|#":
        text = text.replace(char, "\\" + char)
    return text


def _same(a: object, b: object) -> bool:
    """Equal to float32's precision (torchmetrics and Keras report float32)."""
    if a is None or isinstance(a, np.ndarray):
        return False
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def _call(name: str, options: dict) -> str:
    return name + "(" + ", ".join(f"{k}={v!r}" for k, v in options.items()) + ")"


def _class_data(y_true, y_pred, y_score, ignore_index):
    """Class indices as torchmetrics and Keras take them, and the labels they stand for."""
    if y_score is not None:
        k = _scores32(y_score).shape[1]
        t = check_targets(y_true, y_true).y_true
        return t, None, k
    targets = check_targets(y_true, y_pred)
    t, p = targets.y_true, targets.y_pred
    if targets.family == "string":
        if ignore_index is not None:
            raise ValueError("ignore_index needs whole-number classes; these labels are strings")
        classes = sorted(set(t.tolist()) | set(p.tolist()))
        index = {label: i for i, label in enumerate(classes)}
        return (
            np.array([index[v] for v in t.tolist()]),
            np.array([index[v] for v in p.tolist()]),
            len(classes),
        )
    seen = np.concatenate([t[t != ignore_index] if ignore_index is not None else t, p])
    if seen.min() < 0:
        raise ValueError(
            "torchmetrics and Keras need classes 0 .. k-1: y_true or y_pred holds "
            f"{int(seen.min())}; pass ignore_index for a padding label"
        )
    return t, p, int(seen.max()) + 1


def _attempt(library, metric, y_true, y_pred, y_score, options, w):
    try:
        call = reproduce(library, metric, y_true, y_pred, y_score=y_score, repeats=w, **options)
        return call, ""
    except ValueError as refusal:
        return None, str(refusal)


def compare(
    y_true: object,
    y_pred: object = None,
    *,
    y_score: object = None,
    library: str = "all",
    average: str | None = None,
    labels: Sequence[Hashable] | None = None,
    ignore_index: int | None = None,
    top_k: int | None = None,
    threshold: float | None = None,
    repeats: object = None,
) -> Comparison:
    """What scikit-learn, torchmetrics and Keras report on this data, and why they differ.

    Each library's defaults are shown, then the calls with the options you name; every
    number that differs from scikit-learn's micro scores or accuracy gets one sentence.

    Parameters
    ----------
    y_true : array-like
        Labels (class indices for torchmetrics and Keras; strings are numbered in sorted
        order), or a 2-D 0/1 indicator array.
    y_pred : array-like, optional
        Predicted labels (or indicators).
    y_score : array-like of shape (n, k), optional
        Per-label scores instead; scikit-learn is then shown on their arg-max labels.
    library : {"all", "scikit-learn", "torchmetrics", "keras"}
    average, labels, ignore_index, top_k, threshold : optional
        Options to add: ``average`` for all three, ``labels`` for scikit-learn,
        ``ignore_index`` and ``top_k`` (with ``y_score``) for torchmetrics, ``threshold``
        for Keras (``thresholds`` of Precision and Recall, ``threshold`` of F1Score).
    repeats : array-like of shape (n,), optional
        How many times each row occurs (whole numbers): rows counted elsewhere (a file
        counted by :mod:`microavg.sources`), compared as the rows themselves would be.

    Examples
    --------
    >>> c = compare([0, 0, 0, 0, 1, 1, 2, 2, 2], [0, 0, 1, 2, 0, 1, 1, 2, 2],
    ...             library="torchmetrics")
    >>> [(row.call, row.why[:40]) for row in c.rows]  # doctest: +NORMALIZE_WHITESPACE
    [('Multiclass{Precision,Recall,F1Score}(num_classes=3)',
      "average defaults to 'macro' here: the me"),
     ("{Precision,Recall,F1Score}(task='multiclass', num_classes=3)", '')]
    """
    if library != "all":
        _library(library)
    chosen = LIBRARIES if library == "all" else (library,)
    y_true, y_pred, y_score, w = _repeated(y_true, y_pred, y_score, repeats)
    multi = np.ndim(y_true) == 2
    labels_pred = y_pred
    if y_score is not None and not multi:
        labels_pred = argmax_labels(y_score)
    if y_score is not None and multi:
        labels_pred = _above(_scores32(y_score), 0.5 if threshold is None else threshold)
    if labels_pred is None:
        raise ValueError("pass y_pred (labels) or y_score (per-label scores)")
    micro = tuple(scores(y_true, labels_pred, labels=labels, sample_weight=w))
    acc = accuracy(y_true, labels_pred, sample_weight=w)
    note = ""
    if y_score is not None:
        note = (
            "scikit-learn refuses scores, so its numbers are of the arg-max labels."
            if not multi
            else "scikit-learn refuses scores; its numbers are of the scores above the threshold."
        )
    if y_score is None and not multi:
        family = check_targets(y_true, y_pred).family
        if family == "string" and chosen != ("scikit-learn",):
            classes = sorted(set(np.asarray(y_true).tolist()) | set(np.asarray(y_pred).tolist()))
            note = (
                "torchmetrics and Keras see the labels as classes "
                + ", ".join(f"{i} = {label!r}" for i, label in enumerate(classes))
                + "."
            )
    rows: list[Row] = []
    if "scikit-learn" in chosen:
        rows += _sklearn_rows(y_true, labels_pred, average, labels, micro, acc, w)
    if "torchmetrics" in chosen:
        rows += _torchmetrics_rows(
            y_true, y_pred, y_score, average, ignore_index, top_k, micro, acc, multi, w
        )
    if "keras" in chosen:
        rows += _keras_rows(y_true, y_pred, y_score, average, threshold, micro, acc, multi, w)
    return Comparison(micro, acc, tuple(rows), note)


def _sklearn_rows(y_true, y_pred, average, labels, micro, acc, w):
    rows = []
    for avg in dict.fromkeys(["micro", "macro", average]):
        if avg is None:
            continue
        options = {"average": avg, **({"labels": list(labels)} if labels is not None else {})}
        result, refused = _attempt(
            "scikit-learn", "precision_recall_fscore_support", y_true, y_pred, None, options, w
        )
        p, r, f = result if result else (None, None, None)
        why = ""
        if not refused and not all(_same(v, acc) for v in (p, r, f)):
            why = {
                "macro": "average='macro': the mean of the per-label scores, not one ratio of "
                "summed counts.",
                "weighted": "average='weighted': the per-label scores weighted by support.",
            }.get(avg, "")
            if avg == "micro":
                why = (
                    "micro scores part from accuracy here: labels= leaves some rows' labels "
                    "out, or the data are multi-label, so an FP need not come with an FN."
                    if p != r
                    else "micro P = R here, but a label is left out, so they differ from accuracy."
                )
        rows.append(
            Row(
                "scikit-learn",
                _call("precision_recall_fscore_support", options),
                p,
                r,
                f,
                why,
                refused,
            )
        )
    return rows


def _tm_why(options, values, micro, acc, dropped, top_k_acc):
    if all(_same(v, micro[i]) and _same(v, acc) for i, v in enumerate(values)):
        return ""
    average = options.get("average")
    parts = []
    if "average" not in options and "task" not in options:
        parts.append(
            "average defaults to 'macro' here: the mean of the per-class scores (a "
            "class never seen is left out), not the micro score."
        )
    elif average in ("macro", "weighted", "none"):
        parts.append(f"average={average!r} averages per-class scores, not summed counts.")
    if options.get("ignore_index") is not None:
        parts.append(
            f"ignore_index={options['ignore_index']!r} drops the {dropped} rows whose target it "
            "is before counting (labels= would keep them, as FPs of the labels predicted), so "
            "micro P = R = F1 = the accuracy of the rows left."
        )
    if options.get("top_k", 1) > 1:
        parts.append(
            f"top_k={options['top_k']} counts a row as right when its target is among its "
            f"{options['top_k']} best scores (else as its arg-max), so micro P = R = F1 = "
            f"top-{options['top_k']} accuracy, {_show(top_k_acc)}."
        )
    return " ".join(parts)


def _torchmetrics_rows(y_true, y_pred, y_score, average, ignore_index, top_k, micro, acc, multi, w):
    if multi:
        k = np.shape(y_true)[1]
        family, size = "Multilabel", {"num_labels": k}
        t, p = y_true, y_pred
    else:
        t, p, k = _class_data(y_true, y_pred, y_score, ignore_index)
        family, size = "Multiclass", {"num_classes": k}
    variants = [dict(size), {"task": family.lower(), **size}]
    extra = {
        key: v
        for key, v in (("average", average), ("ignore_index", ignore_index), ("top_k", top_k))
        if v is not None
    }
    if extra:
        variants.append({**size, **extra})
    dropped = 0 if ignore_index is None or multi else _count_rows(t == ignore_index, w)
    top_k_acc = None
    if top_k and y_score is not None and not multi:
        keep = t != ignore_index
        sets = top_k_sets(y_score, top_k)[keep]
        hits = sets[np.arange(len(sets)), t[keep]]
        top_k_acc = (
            float(np.mean(hits))
            if w is None
            else _count_rows(hits, w[keep]) / _count_rows(np.ones(len(hits), bool), w[keep])
        )
    rows = []
    for options in variants:
        wrapper = "task" in options
        names = (
            ("Precision", "Recall", "F1Score")
            if wrapper
            else tuple(family + n for n in ("Precision", "Recall", "F1Score"))
        )
        results = [_attempt("torchmetrics", n, t, p, y_score, options, w) for n in names]
        refused = next((r for _, r in results if r), "")
        values = [v for v, _ in results]
        call = "{Precision,Recall,F1Score}" if wrapper else family + "{Precision,Recall,F1Score}"
        why = "" if refused else _tm_why(options, values, micro, acc, dropped, top_k_acc)
        rows.append(
            Row(
                "torchmetrics",
                _call(call, options),
                *(None if refused else v for v in values),
                why,
                refused,
            )
        )
    return rows


def _label_sets_words(sets: np.ndarray, w: np.ndarray | None) -> str:
    per_row = sets.sum(axis=1)
    none, several = _count_rows(per_row == 0, w), _count_rows(per_row > 1, w)
    rows = _count_rows(np.ones(len(sets), dtype=bool), w)
    return (
        f"{none} of {rows} rows predict no label and {several} more than one, so "
        f"the predictions are label sets ({_count_cells(sets, w)} labels predicted)"
    )


def _keras_rows(y_true, y_pred, y_score, average, threshold, micro, acc, multi, w):
    if multi:
        t, p, k, size = y_true, y_pred, np.shape(y_true)[1], {}
    else:
        t, p, k = _class_data(y_true, y_pred, y_score, None)
        size = {} if y_score is not None else {"num_classes": k}
    scores32 = _scores32(y_score) if y_score is not None else None
    if scores32 is None:
        scores32 = np.asarray(p, dtype=_F32) if multi else one_hot(p, range(k)).astype(_F32)
    rows = []
    pr_options = [{}] + ([{"thresholds": threshold}] if threshold is not None else [])
    for options in pr_options:
        results = [
            _attempt("keras", n, t, p, y_score, {**size, **options}, w)
            for n in ("Precision", "Recall")
        ]
        refused = next((r for _, r in results if r), "")
        prec, rec = (v for v, _ in results)
        level = options.get("thresholds", 0.5)
        why = ""
        if not refused and not (_same(prec, acc) and _same(rec, acc)):
            why = (
                f"Precision and Recall threshold every score at {level} (strictly above): "
                f"{_label_sets_words(_above(scores32, level), w)}; precision is TP over "
                "labels predicted, recall TP over true labels."
            )
        rows.append(
            Row("keras", _call("{Precision,Recall}", options), prec, rec, None, why, refused)
        )
    f1_options = [{}, {"average": "micro"}]
    if average is not None or threshold is not None:
        f1_options.append(
            {key: v for key, v in (("average", average), ("threshold", threshold)) if v is not None}
        )
    for options in f1_options:
        f1, refused = _attempt("keras", "F1Score", t, p, y_score, {**size, **options}, w)
        why = ""
        if not refused and not _same(f1, micro[2]):
            parts = []
            if options.get("average") is None:
                parts.append("average=None (the default) gives one F1 per label, not one number.")
            if options.get("threshold") is None:
                ties = (scores32 >= scores32.max(axis=1, keepdims=True)).sum(axis=1) > 1
                parts.append(
                    f"threshold=None marks each row's top score ({_count_rows(ties, w)} "
                    "rows tie, and mark every tied label)."
                )
            else:
                parts.append(
                    f"threshold={options['threshold']} turns rows into label sets: "
                    f"{_label_sets_words(_above(scores32, options['threshold']), w)}."
                )
            parts.append("Each denominator gets 1e-7 added (keras.backend.epsilon()).")
            why = " ".join(parts)
        rows.append(Row("keras", _call("F1Score", options), None, None, f1, why, refused))
    return rows


def compare_text(y_true: object, y_pred: object = None, *, library: str = "all", **options) -> str:
    """:func:`compare` as plain text, for the command line (``--library``).

    >>> print(compare_text([0, 1, 1], [0, 1, 0], library="keras").splitlines()[0])
    scikit-learn's micro precision 0.6667, recall 0.6667, F1 0.6667; accuracy_score 0.6667.
    """
    return str(compare(y_true, y_pred, library=library, **options))


# -- batches --------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchAveraging:
    """The mean of per-batch scores against the score of the summed counts.

    Attributes
    ----------
    per_batch : tuple of float
        Each batch's score, as a per-batch call computes it (its own labels).
    mean_of_batches : float
    of_summed_counts : float
        The score of ``sum(matrices)``: every batch's confusion matrix added up.
    average : str
    sizes : tuple of int
    """

    per_batch: tuple
    mean_of_batches: float
    of_summed_counts: float
    average: str
    sizes: tuple

    def __str__(self) -> str:
        n = len(self.per_batch)
        same = math.isclose(self.mean_of_batches, self.of_summed_counts, abs_tol=1e-12)
        verdict = (
            "They agree on this data, by luck of the batches"
            if same
            else f"They differ by {abs(self.mean_of_batches - self.of_summed_counts):.4f}"
        )
        return (
            f"The mean of {n} per-batch {self.average} F1 scores is "
            f"{self.mean_of_batches:.4f}; the {self.average} F1 of the summed counts is "
            f"{self.of_summed_counts:.4f}. {verdict}: a mean of scores weighs every batch "
            "the same whatever its size, and a per-batch macro average covers only the labels "
            "that batch holds. Sum the counts, not the scores: add the batches' confusion "
            "matrices (ma.ConfusionMatrix addition, sum(matrices)) and score the sum once."
        )

    def _repr_markdown_(self) -> str:
        return _md_escape(str(self))


def batch_averaging(
    y_true: object,
    y_pred: object,
    *,
    batch: object = None,
    batch_size: int | None = None,
    average: str = "macro",
    repeats: object = None,
) -> BatchAveraging:
    """What averaging F1 over batches does, against the F1 of the summed counts.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n,)
        Single-label labels.
    batch : array-like of shape (n,), optional
        Each row's batch (any labels: a batch column). Batches are told in the order
        they first occur.
    batch_size : int, optional
        Or consecutive batches of this many rows (the last may be shorter).
    average : {"micro", "macro", "weighted"}, default "macro"
    repeats : array-like of shape (n,), optional
        How many times each row occurs (whole numbers), for rows counted by batch elsewhere
        (``GROUP BY batch, true, pred``); needs ``batch``, since counted rows have no order.

    Examples
    --------
    >>> b = batch_averaging(list("AAAB"), list("AABB"), batch_size=2)
    >>> b.per_batch, round(b.of_summed_counts, 4)
    ((1.0, 0.3333333333333333), 0.7333)
    >>> "sum(matrices)" in str(b)
    True
    >>> batch_averaging(list("AB"), list("AB"), batch=[0, 0], repeats=[2, 1]).sizes
    (3,)
    """
    one_of("average", average, ("micro", "macro", "weighted"))
    targets = check_targets(y_true, y_pred)
    if targets.kind != "single":
        raise ValueError("y_true and y_pred must be single-label (1-D) to be counted in batches")
    n = len(targets.y_true)
    if (batch is None) == (batch_size is None):
        raise ValueError("pass either batch (a batch id per row) or batch_size, not both")
    w = _repeats(repeats, n)
    if batch_size is not None:
        if w is not None:
            raise ValueError(
                "batch_size takes rows in order, which counted rows (repeats) do not keep: "
                "pass each row's batch instead"
            )
        size = whole_number("batch_size", batch_size, 1, n)
        ids = np.arange(n) // size
    else:
        ids = _batch_ids(batch, n)
    t, p = targets.y_true, targets.y_pred
    if w is not None:
        keep = w > 0
        t, p, ids, w = t[keep], p[keep], ids[keep], w[keep]
    values, codes = np.unique(np.concatenate([t, p]), return_inverse=True)
    codes = codes.ravel()
    t_code, p_code, k = codes[: len(t)], codes[len(t) :], len(values)
    right = t_code == p_code
    per_batch, sizes = [], []
    for rows in _batches(ids):
        weights = None if w is None else w[rows].astype(np.float64)
        hit = right[rows]

        def tally(code: np.ndarray, mask: np.ndarray, rows=rows, weights=weights) -> np.ndarray:
            chosen = None if weights is None else weights[mask]
            return np.bincount(code[rows][mask], chosen, minlength=k).astype(np.int64)

        tp, fp, fn = tally(t_code, hit), tally(p_code, ~hit), tally(t_code, ~hit)
        seen = (tp + fp + fn) > 0  # the labels this batch holds, as a per-batch call sees them
        counts = LabelCounts(tuple(values[seen].tolist()), tp[seen], fp[seen], fn[seen])
        per_batch.append(
            float(reduce_counts(counts, average=average, zero_division=0.0, exact=False).f1)
        )
        sizes.append(len(rows) if weights is None else int(w[rows].sum()))
    summed = confusion_matrix(t, p, labels=values.tolist(), sample_weight=w)
    return BatchAveraging(
        tuple(per_batch),
        float(np.mean(per_batch)),
        float(summed.scores(average=average).f1),
        average,
        tuple(sizes),
    )


# -- the recorded cases ---------------------------------------------------------------


def _decoded(value: object) -> object:
    # As tools/record_library_cases.py writes an output: floats as float.hex, arrays as lists.
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    number = float.fromhex(value["hex"])
    return _F32(number) if value["dtype"] == "float32" else number


@dataclass(frozen=True)
class Recording:
    """The golden cases: what each library reported when it ran (:func:`read_recording`).

    Attributes
    ----------
    versions : dict
        The versions that ran, by name.
    unavailable : dict
        The libraries that could not run there, with why.
    cases : dict
        Each case by name: its inputs (``y_true`` and ``y_pred`` or ``y_score``) and calls.
    """

    versions: dict
    unavailable: dict
    cases: dict

    def case(self, name: str) -> dict:
        """The case called ``name``: ``y_true``, ``y_pred`` or ``y_score``, ``calls``, ...."""
        one_of("case", name, tuple(self.cases))
        return self.cases[name]

    def _call(self, case: str, library: str, metric: str, options: dict) -> dict:
        for call in self.case(case)["calls"]:
            if (call["library"], call["metric"], call["options"]) == (library, metric, options):
                return call
        raise ValueError(f"case {case!r} has no recorded call of {library} {metric} {options}")

    def result(self, case: str, library: str, metric: str, **options) -> object:
        """What ``library``'s ``metric`` reported on ``case`` with ``options``, as it
        returned it (float32 where it computes in float32; a list per label)."""
        call = self._call(case, library, metric, options)
        if "refused" in call:
            raise ValueError(f"{library} refused this call on case {case!r}: {call['refused']}")
        return _decoded(call["result"])

    def refusal(self, case: str, library: str, metric: str, **options) -> str:
        """The words ``library`` refused this call with, as recorded."""
        call = self._call(case, library, metric, options)
        if "refused" not in call:
            raise ValueError(f"{library} did not refuse this call on case {case!r}")
        return call["refused"]

    def reproduced(self, case: str, library: str, metric: str, **options) -> object:
        """:func:`reproduce` on ``case``'s inputs, checked bit for bit against
        :meth:`result` (an AssertionError says where they part)."""
        theirs = self.result(case, library, metric, **options)
        data = self.case(case)
        extra = {}
        if library == "keras" and "y_pred" in data and np.ndim(data["y_true"]) == 1:
            extra["num_classes"] = data["num_classes"]  # the recorded one-hot rows' width
        inputs = {"y_score": data["y_score"]} if "y_score" in data else {"y_pred": data["y_pred"]}
        ours = reproduce(library, metric, data["y_true"], **inputs, **options, **extra)
        # The same value bit for bit; a single number of the same precision too (a per-label
        # list is recorded as Python floats, each a float32's exact value).
        same = np.array_equal(np.asarray(ours, np.float64), np.asarray(theirs, np.float64))
        if not same or (np.ndim(ours) == 0 and np.asarray(ours).dtype != np.asarray(theirs).dtype):
            raise AssertionError(
                f"{library} {metric} {options} on {case!r}: reproduced {ours!r}, recorded "
                f"{theirs!r}"
            )
        return ours


def read_recording(path: str | Path) -> Recording:
    """The golden cases ``tools/record_library_cases.py`` wrote to ``path``.

    Examples
    --------
    >>> from pathlib import Path
    >>> import microavg
    >>> fixture = Path(microavg.__file__).parents[2] / "tests" / "fixtures" / "library_cases.json"
    >>> cases = read_recording(fixture)
    >>> cases.versions["torchmetrics"]
    '1.9.0'
    >>> cases.reproduced("worked example", "torchmetrics", "MulticlassF1Score", num_classes=3)
    np.float32(0.5460318)
    >>> cases.result("worked example", "keras", "F1Score", average="tiny")
    Traceback (most recent call last):
    ...
    ValueError: case 'worked example' has no recorded call of keras F1Score {'average': 'tiny'}
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Recording(
            dict(data["versions"]),
            dict(data["unavailable"]),
            {case["name"]: case for case in data["cases"]},
        )
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ValueError(
            f"path must be a recording of library cases, got {str(path)!r}: {err}"
        ) from None


def _batch_ids(batch: object, n: int) -> np.ndarray:
    """``batch`` checked: one batch id (a label of any kind) per row."""
    try:
        ids = check_targets(batch, batch)
    except ValueError as err:
        message = str(err).replace("y_true", "batch")
        raise ValueError(message if message.startswith("batch") else "batch: " + message) from None
    if ids.kind != "single":
        raise ValueError("batch must hold one batch id per row (a flat array)")
    if len(ids.y_true) != n:
        raise ValueError(f"batch has {len(ids.y_true)} ids but y_true has {n} rows: one id per row")
    return ids.y_true


def _batches(ids: np.ndarray) -> list[np.ndarray]:
    """The row indices of each batch, batches in the order they first occur, rows in order."""
    _, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.intp)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    order = rank[inverse.ravel()]
    rows = np.argsort(order, kind="stable")
    bounds = np.searchsorted(order[rows], np.arange(len(first) + 1))
    return [rows[lo:hi] for lo, hi in itertools.pairwise(bounds.tolist())]
