"""The confusion-matrix explorer: type, step or paste counts, leave labels out, and watch
micro, macro and weighted scores, ΣFP, ΣFN and the residual follow, in the page.

>>> from microavg.explorers import matrix_explorer
>>> ex = matrix_explorer()
>>> ex.labels, ex.counts
(['A', 'B', 'C'], [[2, 1, 1], [1, 1, 0], [0, 1, 2]])
>>> ex.kept = ["B", "C"]
>>> ex.scores("micro", exact=True)
Scores(average='micro', precision=1/2, recall=3/5, f1=6/11)
>>> ex.counts = [[2, 1, 1], [1, 1, 0], [0, 1, -2]]
Traceback (most recent call last):
...
microavg.explorers.rules.RefusedEdit: counts[2][2] must be a whole number from 0 to 1000000, got -2
>>> ex.message
'Refused: counts[2][2] must be a whole number from 0 to 1000000, got -2'
>>> ex.counts[2]
[0, 1, 2]
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence

import traitlets as t

from microavg._validate import one_of
from microavg.counts import ConfusionMatrix
from microavg.explorers import rules
from microavg.explorers.base import Explorer, front_end
from microavg.reduction import Scores

__all__ = ["MatrixExplorer", "matrix_explorer"]


def _zero_division_to_json(value: float, _widget: object) -> str:
    return "nan" if math.isnan(value) else {0.0: "0", 1.0: "1"}[value]


def _zero_division_from_json(value: str, _widget: object) -> object:
    return value  # checked (and turned into a float) by rules.check_zero_division


class MatrixExplorer(Explorer):
    """The confusion-matrix explorer; build it with :func:`matrix_explorer`.

    Attributes
    ----------
    labels : list of str
        The labels of the rows and columns, 2 to 10 of them.
    counts : list of lists of int
        ``counts[i][j]`` rows have true label ``labels[i]`` and predicted ``labels[j]``.
    kept : list of str
        The labels scored (``labels=``), in the order of ``labels``.
    zero_division : float
        0.0, 1.0 or nan: a score whose denominator is 0.
    message : str
        Why the last edit was refused, or "".
    """

    _esm = t.Unicode(front_end("matrix_explorer")).tag(sync=True)
    labels = t.Any().tag(sync=True)
    counts = t.Any().tag(sync=True)
    kept = t.Any().tag(sync=True)
    zero_division = t.Any(0.0).tag(
        sync=True, to_json=_zero_division_to_json, from_json=_zero_division_from_json
    )
    presets = t.List([{"name": name, **preset} for name, preset in rules.PRESETS.items()]).tag(
        sync=True
    )
    """The preset buttons, in order: a list, since a saved notebook sorts a dict's keys."""

    _state = ("labels", "counts", "kept", "zero_division")

    def _defaults(self, changes: dict, current: dict) -> dict:
        # New labels without a word on kept: the same positions stay scored, or all.
        if "labels" in changes and "kept" not in changes and current:
            old, new = current["labels"], changes["labels"]
            same_size = isinstance(new, Sequence) and len(new) == len(old)
            kept = [new[i] for i, x in enumerate(old) if x in current["kept"]] if same_size else new
            return {**changes, "kept": kept}
        return changes

    def _check(self, state: dict) -> dict:
        labels = rules.check_labels(state["labels"])
        return {
            "labels": labels,
            "counts": rules.check_counts(state["counts"], len(labels)),
            "kept": rules.check_kept(state["kept"], labels),
            "zero_division": rules.check_zero_division(state["zero_division"]),
        }

    # -- setting state, from Python ----------------------------------------------------

    def set_matrix(self, counts: object, labels: Sequence[Hashable] | None = None) -> None:
        """Show new counts (and labels; default: the current ones if k is the same, else
        A, B, ...), every label scored.

        >>> ex = matrix_explorer()
        >>> ex.set_matrix([[5, 1], [2, 7]], labels=["cat", "dog"])
        >>> ex.kept, ex.scores("micro", exact=True).precision
        (['cat', 'dog'], Fraction(4, 5))
        """
        if labels is None:
            # Not rows at all (None, a number, a text): the current labels stay, so that the
            # refusal is about the counts, not about a label set of no labels.
            rows = hasattr(counts, "__len__") and not isinstance(counts, (str, bytes))
            k = len(counts) if rows else len(self.labels)
            if k > rules.K_MAX:  # more rows than labels can be named: refused as labels are
                err = rules.say(
                    "label_count",
                    name=rules.CONTROLS["labels"],
                    low=rules.K_MIN,
                    high=rules.K_MAX,
                    got=k,
                )
                self.message = f"Refused: {err}"
                raise err
            labels = self.labels if k == len(self.labels) else rules.fresh_labels([], k)
        self.update(counts=counts, labels=labels, kept=labels)

    def paste(self, text: str) -> None:
        """Show a pasted matrix: CSV, TSV, or scikit-learn's printed ``[[..], [..]]``, with
        optional label names (see :func:`microavg.explorers.rules.parse_matrix`).

        >>> ex = matrix_explorer()
        >>> ex.paste("[[50  3]\\n [ 7 40]]")
        >>> ex.labels, ex.counts
        (['A', 'B'], [[50, 3], [7, 40]])
        """
        try:
            counts, labels = rules.parse_matrix(text)
        except rules.RefusedEdit as err:
            self.message = f"Refused: {err}"
            raise
        self.set_matrix(counts, labels)

    def apply_preset(self, name: str) -> None:
        """Show a preset: ``"worked"``, ``"imbalanced"`` or ``"ner"``, every label kept."""
        try:
            one_of("name", name, tuple(rules.PRESETS))
        except ValueError as err:
            self.message = f"Refused: {err}"
            raise
        preset = rules.PRESETS[name]
        self.set_matrix(preset["counts"], preset["labels"])

    @property
    def k(self) -> int:
        """The number of labels. Setting it keeps the top-left counts, gives new labels
        the next free letters, and scores them."""
        return len(self.labels)

    @k.setter
    def k(self, k: int) -> None:
        try:
            labels, counts, kept = rules.resized(self.labels, self.counts, self.kept, k)
        except rules.RefusedEdit as err:
            self.message = f"Refused: {err}"
            raise
        self.update(labels=labels, counts=counts, kept=kept)

    # -- Python's numbers for the state shown, from the engine -------------------------

    @property
    def confusion_matrix(self) -> ConfusionMatrix:
        """The matrix shown, over all its labels."""
        return ConfusionMatrix.from_counts(self.counts, labels=self.labels)

    def scores(self, average: str | None = "micro", *, exact: bool = False) -> Scores:
        """The engine's scores of the labels kept, with the ``zero_division`` chosen."""
        return self.confusion_matrix.scores(
            average=average, labels=self.kept, zero_division=self.zero_division, exact=exact
        )

    def quantities(self) -> dict[str, float]:
        """Every number the explorer shows, by the engine, keyed as the page tags it
        (``data-quantity``): ``"tp A"``, ``"label-f1 A"``, ``"micro-precision"``,
        ``"accuracy"``, ``"sum-fp"``, ``"residual"``, ``"all-sum-fp"``, and per label left
        out ``"out-of A"`` (true A, predicted a label kept) and ``"into A"`` ...

        >>> ex = matrix_explorer()
        >>> ex.kept = ["B", "C"]
        >>> q = ex.quantities()
        >>> q["fp B"], q["sum-fp"], q["sum-fn"], q["residual"], q["micro-precision"]
        (2, 3, 2, 1, 0.5)
        >>> q["out-of A"], q["into A"]
        (2, 1)
        """
        cm = self.confusion_matrix
        counts = cm.label_counts(self.kept)
        each = self.scores(None)
        out: dict[str, float] = {}
        for n, label in enumerate(self.kept):
            for part in ("tp", "fp", "fn", "support"):
                out[f"{part} {label}"] = int(getattr(counts, part)[n])
            for part in ("precision", "recall", "f1"):
                out[f"label-{part} {label}"] = float(getattr(each, part)[n])
        for average in ("micro", "macro", "weighted"):
            scores = self.scores(average)
            for part in ("precision", "recall", "f1"):
                out[f"{average}-{part}"] = float(getattr(scores, part))
        out["accuracy"] = float(cm.accuracy())
        out["sum-fp"], out["sum-fn"] = int(counts.fp.sum()), int(counts.fn.sum())
        out["residual"] = out["sum-fp"] - out["sum-fn"]
        out["all-sum-fp"], out["all-sum-fn"] = int(cm.fp.sum()), int(cm.fn.sum())
        kept = [self.labels.index(label) for label in self.kept]
        for i, label in enumerate(self.labels):
            if label not in self.kept:  # its errors out of it (FPs) and into it (FNs)
                out[f"out-of {label}"] = int(cm.counts[i, kept].sum())
                out[f"into {label}"] = int(cm.counts[kept, i].sum())
        return out


def matrix_explorer(
    counts: object | None = None,
    labels: Sequence[Hashable] | None = None,
    *,
    kept: Sequence[Hashable] | None = None,
    zero_division: float = 0.0,
) -> MatrixExplorer:
    """A confusion-matrix explorer that computes in the page, with or without a kernel.

    Type a count (or step it with the arrow keys), change k (2 to 10), untick labels to
    leave them out of the scores (as ``labels=`` does), load a preset, paste a matrix of
    your own, or choose ``zero_division``: per-label TP, FP and FN, micro, macro and
    weighted scores, accuracy and ΣFP − ΣFN follow at once.

    Parameters
    ----------
    counts : array-like of shape (k, k), optional
        Rows true labels, columns predicted labels. Default: the worked example.
    labels : sequence of k labels, optional
        Shown as text. Default: A, B, C, ...
    kept : sequence of labels, optional
        The labels scored. Default: all of them.
    zero_division : {0.0, 1.0, nan}, default 0.0

    Raises
    ------
    ValueError
        For a state the explorer cannot show (see :mod:`microavg.explorers.rules`).

    Examples
    --------
    >>> ex = matrix_explorer([[50, 3], [7, 40]], labels=["spam", "ham"], kept=["spam"])
    >>> ex.scores("micro", exact=True)
    Scores(average='micro', precision=50/57, recall=50/53, f1=10/11)
    """
    if counts is None:
        if labels is not None:
            raise rules.RefusedEdit(
                "labels needs counts: give both, or neither for the worked example"
            )
        counts, labels = rules.PRESETS["worked"]["counts"], rules.PRESETS["worked"]["labels"]
    elif labels is None:
        k = len(counts) if hasattr(counts, "__len__") else 0
        if not rules.K_MIN <= k <= rules.K_MAX:
            raise rules.RefusedEdit(
                f"counts must be a k x k matrix with k from {rules.K_MIN} to {rules.K_MAX}, "
                f"got {k} rows"
            )
        labels = rules.fresh_labels([], k)
    labels = rules.check_labels(labels)
    return MatrixExplorer(
        labels=labels,
        counts=counts,
        kept=labels if kept is None else kept,
        zero_division=zero_division,
    )
