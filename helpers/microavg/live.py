"""A confusion-matrix explorer that computes in the browser, so it stays live with no kernel.

:func:`explorer` shows a k x k grid of counts (rows true, columns predicted), boxes to
leave labels out (``labels=``), presets and a ``zero_division`` choice, and beside them
each kept label's TP, FP and FN, micro, macro and weighted precision, recall and F1,
accuracy and ΣFP - ΣFN over the labels kept. The grid is coloured as
:func:`microavg.plots.confusion_heatmap` colours its cells.

Unlike :mod:`microavg.widgets`, the numbers are computed by the widget's own JavaScript
(``static/metrics.js``, a small module that follows :mod:`microavg.scores` exactly), so
the explorer keeps working in the HTML export of a notebook, where no kernel runs. In
JupyterLab its state is mirrored in traits (``labels``, ``counts``, ``kept``,
``zero_division``, ``message``) that Python reads and sets; Python's own numbers for that
state come from the engine (:meth:`LiveExplorer.scores`, :meth:`LiveExplorer.quantities`).

State that the explorer cannot show (a negative, non-integer or too large count, every
count 0, k outside 2 to 10, no label kept, a ``zero_division`` other than 0, 1 or nan) is
refused, by the page and by Python alike: the message says why and the last good state
stays. From Python the refusal is a :class:`ValueError` naming what was wrong.

>>> from microavg import live
>>> ex = live.explorer()
>>> ex.labels, ex.counts
(['A', 'B', 'C'], [[2, 1, 1], [1, 1, 0], [0, 1, 2]])
>>> ex.kept = ["B", "C"]
>>> ex.scores("micro", exact=True)
Scores(average='micro', precision=1/2, recall=3/5, f1=6/11)
>>> ex.counts = [[2, 1, 1], [1, 1, 0], [0, 1, -2]]  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
microavg.live.RefusedEdit: counts holds -2 at row 2, column 2: counts must be ...
>>> ex.message
'Refused: counts holds -2 at row 2, column 2: counts must be non-negative whole numbers'
>>> ex.counts[2]
[0, 1, 2]
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import anywidget
import traitlets as t
from matplotlib.colors import to_hex

from microavg import plots
from microavg.counts import ConfusionMatrix
from microavg.scores import Scores
from microavg.widgets import K_MAX, K_MIN, MAX_COUNT, PRESETS, fresh_labels

__all__ = ["LiveExplorer", "RefusedEdit", "explorer", "front_end", "heat_colours"]

STATIC = Path(__file__).parent / "static"
"""The browser side: ``metrics.js`` (the arithmetic), ``explorer.js`` (the view), CSS."""

_METRICS_IMPORT = re.compile(r'^import \{[^}]*\} from "\./metrics\.js";\n', re.MULTILINE)
_ZERO_DIVISION_JSON = {0.0: "0", 1.0: "1"}
_STATE = frozenset({"labels", "counts", "kept", "zero_division"})


class RefusedEdit(t.TraitError, ValueError):
    """State the explorer cannot show; a ValueError that also rolls back a batch of traits."""


@cache
def front_end() -> str:
    """The explorer's ES module: ``metrics.js`` followed by ``explorer.js``, which uses it.

    The widget's module is loaded from a string, where no relative import can resolve, so
    the one ``import ... from "./metrics.js"`` of ``explorer.js`` is replaced by the module
    itself.

    >>> module = front_end()
    >>> "export function summarize(" in module, "./metrics.js" in module
    (True, False)
    """
    view = (STATIC / "explorer.js").read_text(encoding="utf-8")
    imports = _METRICS_IMPORT.findall(view)
    if len(imports) != 1:
        raise RuntimeError("explorer.js must import from ./metrics.js exactly once, on one line")
    metrics = (STATIC / "metrics.js").read_text(encoding="utf-8")
    return metrics + "\n" + _METRICS_IMPORT.sub("", view)


@cache
def heat_colours() -> tuple[str, ...]:
    """The colours of the heatmap's cells, lowest count first, as its colour map holds them.

    >>> colours = heat_colours()
    >>> len(colours), colours[0]
    (256, '#f2f2f2')
    """
    cmap = plots.CELL_CMAP
    return tuple(to_hex(cmap(i)) for i in range(cmap.N))


def _presets() -> dict[str, dict]:
    out = {}
    for name, (text, make) in PRESETS.items():
        cm = make()
        out[name] = {
            "text": text,
            "labels": [str(label) for label in cm.labels],
            "counts": cm.counts.tolist(),
        }
    return out


def _zero_division_to_json(value: float, _widget: object) -> str:
    return "nan" if math.isnan(value) else _ZERO_DIVISION_JSON[value]


def _zero_division_from_json(value: str, _widget: object) -> float:
    return float(value)


class LiveExplorer(anywidget.AnyWidget):
    """The live confusion-matrix explorer; build it with :func:`explorer`.

    Attributes
    ----------
    labels : list of str
        The labels of the rows and columns, 2 to 10 of them.
    counts : list of lists of int
        k x k counts; ``counts[i][j]`` rows have true label ``labels[i]`` and predicted
        label ``labels[j]``.
    kept : list of str
        The labels scored (``labels=``), in the order of ``labels``.
    zero_division : float
        0.0, 1.0 or nan: a score whose denominator is 0.
    message : str
        Why the last edit was refused, or "".
    """

    _esm = t.Unicode(front_end()).tag(sync=True)
    _css = t.Unicode((STATIC / "explorer.css").read_text(encoding="utf-8")).tag(sync=True)

    labels = t.List(t.Unicode()).tag(sync=True)
    counts = t.Any([]).tag(sync=True)  # any array-like in, a list of lists of int kept
    kept = t.List(t.Unicode()).tag(sync=True)
    zero_division = t.Float(0.0).tag(
        sync=True, to_json=_zero_division_to_json, from_json=_zero_division_from_json
    )
    message = t.Unicode("").tag(sync=True)

    # What the page needs to check and colour edits by itself; set once.
    presets = t.Dict().tag(sync=True)
    k_min = t.Int(K_MIN).tag(sync=True)
    k_max = t.Int(K_MAX).tag(sync=True)
    max_count = t.Int(MAX_COUNT).tag(sync=True)
    heat_colours = t.List(t.Unicode()).tag(sync=True)

    def __init__(
        self,
        counts: object,
        labels: Sequence[Hashable],
        *,
        kept: Sequence[Hashable] | None = None,
        zero_division: float = 0.0,
    ) -> None:
        super().__init__(presets=_presets(), heat_colours=list(heat_colours()))
        try:
            with self.hold_trait_notifications():
                self.labels = [str(label) for label in labels]
                self.counts = counts
                self.kept = self.labels if kept is None else [str(label) for label in kept]
                self.zero_division = zero_division
        except RefusedEdit:
            self.close()  # no half-made widget left open
            raise
        self.message = ""

    def __repr__(self) -> str:
        return (
            f"LiveExplorer(labels={self.labels!r}, counts={self.counts!r}, kept={self.kept!r}, "
            f"zero_division={self.zero_division!r})"
        )

    # -- checks: every new state passes here, from Python or from the page -----------------
    #
    # A refused value raises RefusedEdit; inside a batch of traits (hold_trait_notifications)
    # that also rolls the whole batch back. An assignment from Python is such a batch
    # (__setattr__), so its refusal is shown in the message as well; the page shows its own.

    def __setattr__(self, name: str, value: object) -> None:
        if name in _STATE:
            with self._batch():
                super().__setattr__(name, value)
        else:
            super().__setattr__(name, value)

    @contextmanager
    def _batch(self) -> Iterator[None]:
        """Set traits as one edit: all of them, or (refused) none, saying why."""
        try:
            with self.hold_trait_notifications():
                yield
        except RefusedEdit as err:
            self.message = f"Refused: {err}"
            raise

    @t.validate("labels")
    def _check_labels(self, proposal: t.Bunch) -> list[str]:
        labels = list(proposal.value)
        if not K_MIN <= len(labels) <= K_MAX:
            raise RefusedEdit(
                f"labels has {len(labels)} labels: the explorer takes {K_MIN} to {K_MAX}"
            )
        for label in labels:
            if not label.strip():
                raise RefusedEdit(f"labels holds the blank label {label!r}: name every label")
            if labels.count(label) > 1:
                raise RefusedEdit(f"labels holds {label!r} twice: each label may be listed once")
        return labels

    @t.validate("counts")
    def _check_counts(self, proposal: t.Bunch) -> list[list[int]]:
        k = len(self.labels)
        try:
            cm = ConfusionMatrix.from_counts(proposal.value)
        except ValueError as err:
            raise RefusedEdit(str(err)) from None
        if len(cm.labels) != k:
            raise RefusedEdit(
                f"counts is {len(cm.labels)} x {len(cm.labels)} but there are {k} labels: "
                "set both with set_matrix(counts, labels)"
            )
        if cm.counts.max() > MAX_COUNT:
            row, col = (int(i[0]) for i in (cm.counts > MAX_COUNT).nonzero())
            raise RefusedEdit(
                f"counts holds {cm.counts[row, col]} at row {row}, column {col}: "
                f"the explorer takes counts from 0 to {MAX_COUNT:,}"
            )
        if cm.total == 0:
            raise RefusedEdit("counts are all 0: there would be no rows to score")
        return cm.counts.tolist()

    @t.validate("kept")
    def _check_kept(self, proposal: t.Bunch) -> list[str]:
        wanted = list(proposal.value)
        unknown = [label for label in wanted if label not in self.labels]
        if unknown:
            raise RefusedEdit(f"kept holds {unknown[0]!r}, not among labels {self.labels}")
        if not wanted:
            raise RefusedEdit("kept is empty: keep at least one label to score")
        return [label for label in self.labels if label in wanted]

    @t.validate("zero_division")
    def _check_zero_division(self, proposal: t.Bunch) -> float:
        value = proposal.value
        if not (value in (0.0, 1.0) or math.isnan(value)):
            raise RefusedEdit(f"zero_division must be 0.0, 1.0 or nan, got {value!r}")
        return float(value)

    @t.observe("labels", "counts", "kept", "zero_division")
    def _accepted(self, _change: t.Bunch) -> None:
        self.message = ""

    # -- setting state, from Python ----------------------------------------------------------

    def set_matrix(self, counts: object, labels: Sequence[Hashable] | None = None) -> None:
        """Show new counts and labels (default: the current labels), every label scored.

        Raises
        ------
        ValueError
            For counts :meth:`ConfusionMatrix.from_counts` refuses, a count above
            1,000,000, every count 0, k outside 2 to 10, or repeated labels.

        Examples
        --------
        >>> ex = explorer()
        >>> ex.set_matrix([[5, 1], [2, 7]], labels=["cat", "dog"])
        >>> ex.kept, ex.scores("micro", exact=True).precision
        (['cat', 'dog'], Fraction(4, 5))
        """
        with self._batch():
            if labels is not None:
                self.labels = [str(label) for label in labels]
            self.counts = counts
            self.kept = self.labels

    def apply_preset(self, name: str) -> None:
        """Show a preset: ``"worked"``, ``"imbalanced"`` or ``"ner"``, every label kept."""
        if name not in self.presets:
            raise ValueError(f"name must be one of {sorted(self.presets)}, got {name!r}")
        preset = self.presets[name]
        self.set_matrix(preset["counts"], preset["labels"])

    @property
    def k(self) -> int:
        """The number of labels. Setting it keeps the counts of the labels that stay,
        gives new labels the next free letters, and keeps them scored."""
        return len(self.labels)

    @k.setter
    def k(self, k: int) -> None:
        if isinstance(k, bool) or not isinstance(k, int):
            raise ValueError(f"k must be a whole number, got {k!r}")
        if not K_MIN <= k <= K_MAX:
            reason = f"k = {k}: the explorer takes {K_MIN} to {K_MAX} labels"
            self.message = f"Refused: {reason}"
            raise RefusedEdit(reason)
        old, keep = self.k, min(k, self.k)
        labels = [*self.labels[:keep], *fresh_labels(self.labels, k - keep)]
        counts = [
            [self.counts[i][j] if i < keep and j < keep else 0 for j in range(k)] for i in range(k)
        ]
        kept = [label for n, label in enumerate(labels) if n >= old or label in self.kept]
        with self._batch():
            self.labels, self.counts, self.kept = labels, counts, kept

    # -- Python's numbers for the state shown, from the engine -------------------------------

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
        """Every number the explorer shows, computed by the engine.

        Keys are the names the page tags its numbers with (``data-quantity``): per label
        ``"tp A"``, ``"fp A"``, ``"fn A"``, ``"support A"``, ``"label-precision A"`` ...;
        ``"micro-precision"`` ... ``"weighted-f1"``; ``"accuracy"``; ``"sum-fp"``,
        ``"sum-fn"`` and ``"residual"`` over the labels kept; ``"all-sum-fp"`` and
        ``"all-sum-fn"`` over all labels.

        >>> ex = explorer()
        >>> ex.kept = ["B", "C"]
        >>> q = ex.quantities()
        >>> q["fp B"], q["sum-fp"], q["sum-fn"], q["residual"], q["micro-precision"]
        (2, 3, 2, 1, 0.5)
        """
        cm = self.confusion_matrix
        counts = cm.label_counts(self.kept)
        each = self.scores(None)
        out: dict[str, float] = {}
        for n, label in enumerate(self.kept):
            out[f"tp {label}"] = int(counts.tp[n])
            out[f"fp {label}"] = int(counts.fp[n])
            out[f"fn {label}"] = int(counts.fn[n])
            out[f"support {label}"] = int(counts.support[n])
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
        return out


def explorer(
    counts: object | None = None,
    labels: Sequence[Hashable] | None = None,
    *,
    kept: Sequence[Hashable] | None = None,
    zero_division: float = 0.0,
) -> LiveExplorer:
    """A confusion-matrix explorer that computes in the browser: live even with no kernel.

    Type a count, change k (2 to 10), untick labels to leave them out of the scores (as
    ``labels=`` does), load a preset or choose ``zero_division``: the per-label TP, FP and
    FN, micro, macro and weighted scores, accuracy and ΣFP - ΣFN follow at once, in
    JupyterLab and in the notebook's exported HTML page alike.

    Parameters
    ----------
    counts : array-like of shape (k, k), optional
        Rows true labels, columns predicted labels. Default: the worked example.
    labels : sequence of k labels, optional
        Shown as text. Default: A, B, C, ...
    kept : sequence of labels, optional
        The labels scored. Default: all of them.
    zero_division : {0.0, 1.0, nan}, default 0.0

    Returns
    -------
    LiveExplorer

    Raises
    ------
    ValueError
        For state the explorer cannot show (see the module's notes).

    Examples
    --------
    >>> ex = explorer([[50, 3], [7, 40]], labels=["spam", "ham"], kept=["spam"])
    >>> ex.scores("micro", exact=True)
    Scores(average='micro', precision=50/57, recall=50/53, f1=10/11)
    """
    if counts is None:
        if labels is not None:
            raise ValueError("labels needs counts: give both, or neither for the worked example")
        preset = _presets()["worked"]
        counts, labels = preset["counts"], preset["labels"]
    elif labels is None:
        k = len(ConfusionMatrix.from_counts(counts).labels)
        if not K_MIN <= k <= K_MAX:
            raise ValueError(f"counts is {k} x {k}: the explorer takes {K_MIN} to {K_MAX} labels")
        labels = [chr(ord("A") + i) for i in range(k)]
    return LiveExplorer(counts, labels, kept=kept, zero_division=zero_division)
