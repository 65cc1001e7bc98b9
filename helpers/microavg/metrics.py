"""The public functions: check at the door, count, reduce.

:func:`confusion_matrix`, :func:`label_counts`, :func:`scores` and :func:`accuracy`
(``ma.confusion_matrix`` and so on) check every argument once (:mod:`microavg.targets`,
:func:`microavg.reduction.check_options`), count (:mod:`microavg.counting`) and build the
counts' types (:mod:`microavg.counts`) or reduce them to scores
(:mod:`microavg.reduction`).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

from microavg.counting import count_labels, count_matrix
from microavg.counts import ConfusionMatrix, LabelCounts
from microavg.reduction import Number, Scores, check_options, ratio, reduce_counts
from microavg.targets import (
    Targets,
    check_labels,
    check_labels_for,
    check_sample_weight,
    check_targets,
)

__all__ = [
    "accuracy",
    "accuracy_of",
    "confusion_matrix",
    "counts_of",
    "label_counts",
    "scores",
]


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

    See Also
    --------
    label_counts : per-label TP, FP and FN, multi-label data too.
    scores : precision, recall and F1 from the same counts.
    ConfusionMatrix.from_counts, ConfusionMatrix.from_table : a matrix counted elsewhere.
    sklearn.metrics.confusion_matrix : the function this one follows.

    Notes
    -----
    Rows are true labels and columns predicted ones, as in scikit-learn, and the
    numbers are scikit-learn's, with one difference: a ``labels`` none of which occurs
    in ``y_true`` is not refused (scikit-learn raises). It counts zeros (and the FP of
    predictions of them), because matrices over fixed labels add up across batches
    (``cm_a + cm_b``), and a batch may hold none of them.

    Every wrong row is one FP (for its predicted label) and one FN (for its true label),
    so over all labels ``fp.sum() == fn.sum()``; leaving labels out breaks that.

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
    return ConfusionMatrix(*count_matrix(targets, checked, weights))


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

    See Also
    --------
    confusion_matrix : the full matrix, for single-label data.
    scores : the averages of these counts.
    sklearn.metrics.multilabel_confusion_matrix : the same counts, one 2 x 2 matrix per label.

    Notes
    -----
    For multi-label data an item may hold several labels or none, so an FP need not come
    with an FN: ``fp.sum()`` and ``fn.sum()`` may differ, and micro precision and recall
    with them.

    Examples
    --------
    >>> import microavg as ma
    >>> ma.label_counts([[1, 1], [0, 1]], [[1, 0], [1, 1]])
    LabelCounts(labels=(0, 1), tp=[1, 1], fp=[1, 0], fn=[0, 1])
    >>> ma.label_counts([[1, 1], [0, 1]], [[1, 0], [1, 1]], sample_weight=[3, 1])
    LabelCounts(labels=(0, 1), tp=[3, 1], fp=[1, 0], fn=[0, 3])
    """
    targets = check_targets(y_true, y_pred)
    weights = check_sample_weight(sample_weight, len(targets.y_true))
    return counts_of(targets, check_labels_for(targets, labels), weights)


def counts_of(
    targets: Targets, labels: np.ndarray | None = None, weights: np.ndarray | None = None
) -> LabelCounts:
    """:func:`label_counts` for targets, labels and weights already checked at the door."""
    return LabelCounts(*count_labels(targets, labels, weights))


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

    See Also
    --------
    accuracy : equal to the micro scores for complete single-label data.
    microavg.explain : why the micro scores and accuracy agree or part on your data.
    sklearn.metrics.precision_recall_fscore_support : the function this one follows.

    Notes
    -----
    Micro averaging sums TP, FP and FN over the labels, then divides once. For
    single-label data with every label scored, ΣFP = ΣFN (each wrong row is one of each),
    so micro precision = recall = F1 = accuracy. ``labels=`` leaving out a label that
    occurs, multi-label data, and a zero denominator (decided by ``zero_division``) are
    where they can part. Macro averages the per-label scores, weighted by support for
    ``"weighted"``; as in scikit-learn, scores that are nan are left out of both.

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
    zero_division = check_options(average, zero_division)
    targets = check_targets(y_true, y_pred)
    weights = check_sample_weight(sample_weight, len(targets.y_true))
    counts = counts_of(targets, check_labels_for(targets, labels), weights)
    return reduce_counts(counts, average=average, zero_division=zero_division, exact=exact)


def accuracy(
    y_true: object, y_pred: object, *, exact: bool = False, sample_weight: object = None
) -> Number:
    """Share of rows predicted correctly (for multi-label data: every label of the row).

    With ``sample_weight``, the share of the total weight on rows predicted correctly.

    See Also
    --------
    scores : micro precision, recall and F1, equal to this for complete single-label data.
    sklearn.metrics.accuracy_score : the function this one follows.

    Notes
    -----
    ``labels=`` does not apply: accuracy counts every row, which is why micro scores over
    some labels only can part from it. For multi-label data it is subset accuracy.

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
