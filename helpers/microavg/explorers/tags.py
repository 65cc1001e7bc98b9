"""The tag-table explorer: a small multi-label table, true and predicted tags per item as
0/1 boxes to tick, with per-label TP, FP and FN, micro P, R, F1 and subset accuracy
following in the page.

>>> from microavg.explorers import tag_table
>>> ex = tag_table()
>>> ex.tags, ex.y_pred[1]
(['beach', 'dog', 'sunset'], [1, 1, 0])
>>> ex.scores_of(exact=True)
Scores(average='micro', precision=2/3, recall=6/7, f1=3/4)
>>> ex.y_pred = [[1, 0, 1], [1, 2, 0], [1, 0, 0], [1, 1, 1], [0, 1, 0]]
Traceback (most recent call last):
...
microavg.explorers.rules.RefusedEdit: predicted tag dog of item 2 must be 0 or 1, got 2
>>> ex.y_pred[1]
[1, 1, 0]
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import traitlets as t

from microavg import examples
from microavg.explorers import rules, set_rules
from microavg.explorers.base import Explorer, front_end
from microavg.metrics import accuracy, label_counts, scores
from microavg.reduction import Scores

__all__ = ["TagTable", "tag_table"]


class TagTable(Explorer):
    """The tag-table explorer; build it with :func:`tag_table`.

    Attributes
    ----------
    tags : list of str
        The tags, one column each (2 to 10).
    y_true, y_pred : list of lists of int
        0/1 indicator rows, one per item (1 to 20 items), one column per tag.
    """

    _esm = t.Unicode(front_end("tag_table")).tag(sync=True)
    tags = t.Any().tag(sync=True)
    y_true = t.Any().tag(sync=True)
    y_pred = t.Any().tag(sync=True)

    _state = ("tags", "y_true", "y_pred")

    def _check(self, state: dict) -> dict:
        tags = rules.check_labels(state["tags"], set_rules.CONTROLS["tags"])
        y_true = set_rules.check_indicators(state["y_true"], tags, set_rules.CONTROLS["true_tags"])
        y_pred = set_rules.check_indicators(
            state["y_pred"], tags, set_rules.CONTROLS["predicted_tags"]
        )
        if len(y_true) != len(y_pred):
            raise set_rules.say(
                "row_pairs",
                name=set_rules.CONTROLS["predicted_tags"],
                got=len(y_pred),
                rows=len(y_true),
            )
        return {"tags": tags, "y_true": y_true, "y_pred": y_pred}

    # -- Python's numbers for the state shown, from the engine -------------------------

    def scores_of(self, *, exact: bool = False) -> Scores:
        """The engine's micro P, R and F1 (``zero_division=0``)."""
        return scores(self.y_true, self.y_pred, exact=exact)

    def quantities(self) -> dict[str, float]:
        """Every number the explorer shows, by the engine, keyed as the page tags it:
        ``"tp beach"``, ``"item-fp 2"``, ``"micro-precision"``, ``"subset-accuracy"`` ...

        >>> q = tag_table().quantities()
        >>> q["sum-fp"], q["sum-fn"], q["item-fp 4"], q["subset-accuracy"]
        (3, 1, 2, 0.4)
        """
        truth, predicted = np.array(self.y_true), np.array(self.y_pred)
        counts = label_counts(truth, predicted)
        out: dict[str, float] = {}
        for n, tag in enumerate(self.tags):
            for part in ("tp", "fp", "fn", "support"):
                out[f"{part} {tag}"] = int(getattr(counts, part)[n])
        for n, (t_row, p_row) in enumerate(zip(truth, predicted, strict=True), 1):
            out[f"item-tp {n}"] = int((t_row & p_row).sum())
            out[f"item-fp {n}"] = int((p_row & (1 - t_row)).sum())
            out[f"item-fn {n}"] = int((t_row & (1 - p_row)).sum())
        micro = self.scores_of()
        for part in ("precision", "recall", "f1"):
            out[f"micro-{part}"] = float(getattr(micro, part))
        out["sum-tp"], out["sum-fp"], out["sum-fn"] = (
            int(x.sum()) for x in (counts.tp, counts.fp, counts.fn)
        )
        out["residual"] = out["sum-fp"] - out["sum-fn"]
        out["subset-accuracy"] = float(accuracy(truth, predicted))
        return out


def tag_table(
    y_true: object | None = None,
    y_pred: object | None = None,
    tags: Sequence[Hashable] | None = None,
) -> TagTable:
    """A tag-table explorer that computes in the page, with or without a kernel.

    Tick or untick a true or predicted tag, add or remove an item: each item's TP, FP and
    FN, the per-tag counts, micro P, R, F1, subset accuracy and ΣFP − ΣFN follow at once.

    Parameters
    ----------
    y_true, y_pred : array-like of 0/1, shape (n, k), optional
        Indicator rows, one column per tag. Default: lesson 04's photo tags
        (``examples.photo_tags``).
    tags : sequence of k labels, optional
        The tags' names; default A, B, ... (or the photo tags with the default rows).

    Raises
    ------
    ValueError
        For a state the explorer cannot show (see :mod:`microavg.explorers.rules`).

    Examples
    --------
    >>> tag_table([[1, 0], [0, 1]], [[1, 1], [0, 0]]).scores_of(exact=True)
    Scores(average='micro', precision=1/2, recall=1/2, f1=1/2)
    """
    if (y_true is None) != (y_pred is None):
        raise rules.RefusedEdit("y_true and y_pred go together: give both, or neither")
    if y_true is None:
        y_true, y_pred = examples.photo_tags()
        tags = list(examples.PHOTO_TAGS) if tags is None else tags
    if tags is None:
        first = y_true[0] if len(y_true) else []
        tags = rules.fresh_labels([], min(len(first), rules.K_MAX))
    return TagTable(tags=tags, y_true=y_true, y_pred=y_pred)
