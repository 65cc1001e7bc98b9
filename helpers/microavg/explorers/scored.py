"""The scored-items explorer: a few items with a score per label, turned into predicted
label sets by a rule the reader moves (a confidence cut to abstain below, a threshold, or
k), with micro P, R, F1 and the accuracy that goes with the rule following in the page.

One mode per explorer:

* ``"abstain"``: the arg-max label, or "unknown" when the top score is below the
  confidence cut; "unknown" counted as a label of its own, or left out (``labels=``);
* ``"threshold"``: every label whose score reaches the threshold, so an item may get no
  label or several;
* ``"top_k"``: the k best labels of every item.

>>> from microavg.explorers import scored_items
>>> ex = scored_items("abstain")
>>> ex.cut, ex.unknown_counted
(0.5, False)
>>> s = ex.scores_of(exact=True)
>>> s.precision, s.recall
(Fraction(3, 5), Fraction(3, 8))
>>> ex.cut = 1.5  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
microavg.explorers.rules.RefusedEdit: confidence cut must be a finite real number from 0.0 ...
>>> ex.cut
0.5
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import traitlets as t

from microavg import examples, predictions
from microavg.explorers import rules, set_rules
from microavg.explorers.base import Explorer, front_end
from microavg.metrics import accuracy, label_counts, scores
from microavg.reduction import Scores

__all__ = ["ScoredItems", "scored_items"]


class ScoredItems(Explorer):
    """The scored-items explorer; build it with :func:`scored_items`.

    Attributes
    ----------
    labels : list of str
        The labels, one column of scores each (2 to 10).
    truths : list of str
        The true label of each item (1 to 20 items).
    scores : list of lists of float
        ``scores[i][j]``: item ``i``'s score for ``labels[j]``, from 0 to 1.
    mode : {"abstain", "threshold", "top_k"}
        How scores become predicted label sets.
    cut : float
        The confidence cut (abstain) or the threshold, from 0 to 1.
    k : int
        Labels per item in top-k mode, from 1 to the number of labels.
    unknown_counted : bool
        Abstaining: "unknown" scored as a label (True) or left out with ``labels=``.
    """

    _esm = t.Unicode(front_end("scored_items")).tag(sync=True)
    labels = t.Any().tag(sync=True)
    truths = t.Any().tag(sync=True)
    scores = t.Any().tag(sync=True)
    mode = t.Any().tag(sync=True)
    cut = t.Any().tag(sync=True)
    k = t.Any().tag(sync=True)
    unknown_counted = t.Any().tag(sync=True)

    _state = ("labels", "truths", "scores", "mode", "cut", "k", "unknown_counted")

    def _check(self, state: dict) -> dict:
        mode = set_rules.check_mode(state["mode"])
        labels = set_rules.check_scored_labels(state["labels"], mode)
        checked = set_rules.check_scores(state["scores"], labels)
        return {
            "labels": labels,
            "truths": set_rules.check_truths(state["truths"], labels, len(checked)),
            "scores": checked,
            "mode": mode,
            "cut": set_rules.check_cut(state["cut"], mode),
            "k": set_rules.check_top_k(state["k"], len(labels)),
            "unknown_counted": set_rules.check_flag(
                state["unknown_counted"], set_rules.CONTROLS["unknown"]
            ),
        }

    # -- Python's numbers for the state shown, from the engine -------------------------

    @property
    def columns(self) -> list[str]:
        """The labels scored: the labels, and "unknown" when abstentions count as a label."""
        counted = self.mode == "abstain" and self.unknown_counted
        return [*self.labels, set_rules.UNKNOWN] if counted else list(self.labels)

    def label_sets(self) -> tuple[np.ndarray, np.ndarray]:
        """``(truth, predicted)``: 0/1 indicator arrays, one column per label of
        :attr:`columns`, from :mod:`microavg.predictions`.

        >>> truth, predicted = scored_items("threshold", cut=0.3).label_sets()
        >>> predicted.sum(axis=1).tolist()
        [1, 2, 2, 1, 2, 2, 1, 2]
        """
        truth = predictions.one_hot(self.truths, self.labels).astype(int)
        if self.mode == "threshold":
            predicted = predictions.threshold_sets(self.scores, self.cut)
        elif self.mode == "top_k":
            predicted = predictions.top_k_sets(self.scores, self.k)
        else:
            answers = predictions.abstain_below(self.scores, self.cut, unknown=-1)
            predicted = np.zeros_like(truth, dtype=bool)
            answered = answers >= 0
            predicted[np.flatnonzero(answered), answers[answered]] = True
            if self.unknown_counted:
                truth = np.column_stack([truth, np.zeros(len(truth), dtype=int)])
                predicted = np.column_stack([predicted, ~answered])
        return truth, predicted.astype(int)

    def answers(self) -> list[str]:
        """Abstaining: each item's answer, a label or "unknown" (``predictions.abstain_below``)."""
        index = predictions.abstain_below(self.scores, self.cut, unknown=-1)
        return [set_rules.UNKNOWN if i < 0 else self.labels[i] for i in index]

    def scores_of(self, *, exact: bool = False) -> Scores:
        """The engine's micro P, R and F1 of the predicted sets (``zero_division=0``)."""
        truth, predicted = self.label_sets()
        return scores(truth, predicted, exact=exact)

    def quantities(self) -> dict[str, float]:
        """Every number the explorer shows, by the engine, keyed as the page tags it:
        ``"tp cat"``, ``"size 3"`` (labels predicted for item 3), ``"micro-recall"``,
        ``"subset-accuracy"``, ``"covered"``, ``"no-label"``, ``"several-labels"`` ...

        >>> q = scored_items("top_k", k=2).quantities()
        >>> q["covered"], q["micro-recall"], q["micro-precision"]
        (0.875, 0.875, 0.4375)
        """
        truth, predicted = self.label_sets()
        counts = label_counts(truth, predicted)
        out: dict[str, float] = {}
        for n, label in enumerate(self.columns):
            for part in ("tp", "fp", "fn"):
                out[f"{part} {label}"] = int(getattr(counts, part)[n])
        sizes = predicted[:, : len(self.labels)].sum(axis=1)  # "unknown" is no label
        for n, size in enumerate(sizes, 1):
            out[f"size {n}"] = int(size)
            out[f"item-fp {n}"] = int((predicted[n - 1] & (1 - truth[n - 1])).sum())
            out[f"item-fn {n}"] = int((truth[n - 1] & (1 - predicted[n - 1])).sum())
        micro = self.scores_of()
        for part in ("precision", "recall", "f1"):
            out[f"micro-{part}"] = float(getattr(micro, part))
        out["sum-tp"], out["sum-fp"], out["sum-fn"] = (
            int(x.sum()) for x in (counts.tp, counts.fp, counts.fn)
        )
        out["residual"] = out["sum-fp"] - out["sum-fn"]
        out["subset-accuracy"] = float(accuracy(truth, predicted))
        out["covered"] = float(np.mean((truth & predicted).sum(axis=1) == truth.sum(axis=1)))
        out["no-label"] = int((sizes == 0).sum())
        out["several-labels"] = int((sizes >= 2).sum())
        if self.mode == "top_k":
            out["recall-over-k"] = out["micro-recall"] / self.k
        if self.mode == "abstain":
            out["accuracy"] = float(accuracy(self.truths, self.answers()))
            out["answered"] = int(sum(a != set_rules.UNKNOWN for a in self.answers()))
        return out


def scored_items(
    mode: str = "abstain",
    y_true: Sequence[Hashable] | None = None,
    y_score: object | None = None,
    labels: Sequence[Hashable] | None = None,
    *,
    cut: float | None = None,
    k: int = 2,
    unknown_counted: bool = False,
) -> ScoredItems:
    """A scored-items explorer that computes in the page, with or without a kernel.

    Move the confidence cut, the threshold or k (slider, typed, or arrow keys), and the
    predicted label sets, each item's TP, FP and FN, the per-label counts, micro P, R, F1
    and the accuracy that goes with the rule follow at once; items given no label or
    several are marked.

    Parameters
    ----------
    mode : {"abstain", "threshold", "top_k"}, default "abstain"
    y_true : sequence of labels, optional
        The true label of each item. Default: lesson 04's animal photos
        (``examples.animal_probabilities``).
    y_score : array-like of shape (n, k), optional
        One score per item and label, from 0 to 1. Given with ``y_true`` and ``labels``.
    labels : sequence of k labels, optional
        The label of each column of ``y_score``.
    cut : float, optional
        The confidence cut or the threshold; default 0.5.
    k : int, default 2
        Labels per item in top-k mode.
    unknown_counted : bool, default False
        Abstaining: count "unknown" as a label instead of leaving it out.

    Raises
    ------
    ValueError
        For a state the explorer cannot show (see :mod:`microavg.explorers.rules`).

    Examples
    --------
    >>> ex = scored_items("threshold", ["a", "b"], [[0.9, 0.6], [0.2, 0.1]], ["a", "b"])
    >>> ex.quantities()["several-labels"], ex.quantities()["no-label"]
    (1, 1)
    """
    given = [x is not None for x in (y_true, y_score, labels)]
    if any(given) and not all(given):
        raise rules.RefusedEdit(
            "y_true, y_score and labels go together: give all three, or none for the animals"
        )
    if not any(given):
        y_true, y_score = examples.animal_probabilities()
        labels = list(examples.ANIMAL_LABELS)
    return ScoredItems(
        labels=labels,
        truths=y_true,
        scores=y_score,
        mode=mode,
        cut=0.5 if cut is None else cut,
        k=k,
        unknown_counted=unknown_counted,
    )
