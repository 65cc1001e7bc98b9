"""Counted rows: a table of (true, pred, n) groups as a ConfusionMatrix or an Explanation.

A confusion matrix is a sum, so an engine that can ``GROUP BY true, pred`` (DuckDB in
:mod:`microavg.sources`, Spark in :mod:`microavg.spark`) counts the rows where they are, and
only the k x k groups reach Python. Each group is one row whose weight is its count (or its
summed weight), so the engine's own door, counting and explanation apply unchanged: the
numbers are the engine's on the same rows. The other libraries' numbers
(:func:`compare_text`) and the per-batch scores (``batch=`` of :func:`explain`) come from the
same groups, each repeated as often as it counts.

>>> cm = confusion_matrix(["A", "A", "B"], ["A", "B", "B"], [5, 2, 3])
>>> cm.counts.tolist(), cm.total
([[5, 2], [0, 3]], 10)
>>> explain(["A", "A", "B"], ["A", "B", "B"], [5, 2, 3]).exact["accuracy"]
Fraction(4, 5)
>>> print(compare_text(["A", "A", "B"], ["A", "B", "B"], [5, 2, 3], library="keras")[:47])
scikit-learn's micro precision 0.8000, recall 0
"""

from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Sequence

from microavg.counts import ConfusionMatrix
from microavg.explanation import Explanation
from microavg.explanation import explain as _explain
from microavg.libraries import batch_averaging
from microavg.libraries import compare_text as _compare_text
from microavg.metrics import confusion_matrix as _count

__all__ = ["compare_text", "confusion_matrix", "explain"]


def confusion_matrix(
    true: Sequence, pred: Sequence, n: Sequence, labels: Sequence[Hashable] | None = None
) -> ConfusionMatrix:
    """The confusion matrix of the rows these groups count (``n[i]`` rows of each pair).

    Whole-number ``n`` gives int64 counts, as counting the rows would; float ``n``
    (summed weights) gives float counts, as ``sample_weight`` does.
    """
    return _count(list(true), list(pred), labels=labels, sample_weight=list(n))


def explain(
    true: Sequence,
    pred: Sequence,
    n: Sequence,
    labels: Sequence[Hashable] | None = None,
    *,
    weighted: bool = False,
    batch: Sequence | None = None,
) -> Explanation:
    """:func:`microavg.explain` of the rows these groups count.

    ``weighted`` says whether ``n`` holds summed weights (told as weights) or counts of
    rows (told as items, as the rows themselves would be). ``batch`` gives each group's
    batch (groups counted by batch, true and pred): the explanation then tells the mean of
    the per-batch macro F1 scores against the macro F1 of the summed counts, as
    ``ma.explain(rows, batch=...)`` does.

    >>> e = explain(["A", "B", "A"], ["A", "A", "A"], [2, 1, 1], batch=[0, 0, 1])
    >>> e.batches.per_batch, e.batches.sizes
    ((0.4, 1.0), (3, 1))
    """
    explanation = _explain(list(true), list(pred), labels=labels, sample_weight=list(n))
    batches = None
    if batch is not None:
        if weighted:
            raise ValueError(
                "batch and weights: per-batch scores are told for unweighted rows; pass one"
            )
        if labels is not None:
            raise ValueError(
                "batch and labels: per-batch scores are told over every label; pass one"
            )
        batches = batch_averaging(list(true), list(pred), batch=list(batch), repeats=list(n))
    # Counts of rows are no sample_weight: the finding that weights are no cause goes with them.
    findings = tuple(f for f in explanation.findings if weighted or f.kind != "weights")
    return dataclasses.replace(explanation, weighted=weighted, batches=batches, findings=findings)


def compare_text(
    true: Sequence, pred: Sequence, n: Sequence, *, library: str = "all", **options
) -> str:
    """:func:`microavg.libraries.compare_text` of the rows these groups count
    (``n[i]`` rows of each pair, whole numbers): what each library reports on them."""
    return _compare_text(list(true), list(pred), library=library, repeats=list(n), **options)
