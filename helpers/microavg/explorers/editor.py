"""The prediction editor: rows of (predicted, true) labels to edit, add and remove, with
each wrong row marked as the FP of one label and the FN of another, per-label TP, FP and FN,
and micro precision, recall, F1 and accuracy, computed in the page.

>>> from microavg.explorers import prediction_editor
>>> ed = prediction_editor()
>>> ed.row_roles()[2]
'FP of B, FN of A'
>>> ed.quantities()["micro-f1"], ed.quantities()["sum-fp"]
(0.5555555555555556, 4)
>>> ed.remove_row(0)
>>> len(ed.y_true)
8
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import traitlets as t

from microavg import examples
from microavg._validate import whole_number
from microavg.counts import ConfusionMatrix, role
from microavg.explorers import rules
from microavg.explorers.base import Explorer, front_end
from microavg.metrics import confusion_matrix

__all__ = ["PredictionEditor", "prediction_editor"]


class PredictionEditor(Explorer):
    """The prediction editor; build it with :func:`prediction_editor`.

    Attributes
    ----------
    labels : list of str
        The label set the rows choose from, 2 to 10 labels.
    y_true, y_pred : list of str
        The true and the predicted label of each row, 1 to 40 rows.
    message : str
        Why the last edit was refused, or "".
    """

    _esm = t.Unicode(front_end("prediction_editor")).tag(sync=True)
    labels = t.Any().tag(sync=True)
    y_true = t.Any().tag(sync=True)
    y_pred = t.Any().tag(sync=True)

    _state = ("labels", "y_true", "y_pred")

    def _check(self, state: dict) -> dict:
        labels = rules.check_labels(state["labels"])
        y_true, y_pred = rules.check_rows(state["y_true"], state["y_pred"], labels)
        return {"labels": labels, "y_true": y_true, "y_pred": y_pred}

    def set_rows(self, y_true: Sequence[Hashable], y_pred: Sequence[Hashable], labels=None) -> None:
        """Replace every row (and the label set; default: the labels seen, sorted)."""
        if labels is None:
            try:
                labels = sorted({str(x) for x in [*y_true, *y_pred]})
            except TypeError:  # not rows: the current labels stay, and the rows are refused
                labels = self.labels
        self.update(labels=labels, y_true=y_true, y_pred=y_pred)

    def add_row(self, true: str | None = None, pred: str | None = None) -> None:
        """Add a row at the end (by default a correct row of the first label)."""
        first = self.labels[0]
        true = first if true is None else true
        pred = true if pred is None else pred
        self.update(y_true=[*self.y_true, true], y_pred=[*self.y_pred, pred])

    def remove_row(self, index: int) -> None:
        """Remove row ``index`` (counting from 0); the last row stays."""
        try:
            index = whole_number("index", index, 0, len(self.y_true) - 1)
        except ValueError as err:
            self.message = f"Refused: {err}"
            raise rules.RefusedEdit(str(err)) from None
        keep = [n for n in range(len(self.y_true)) if n != index]
        self.update(y_true=[self.y_true[n] for n in keep], y_pred=[self.y_pred[n] for n in keep])

    @property
    def confusion_matrix(self) -> ConfusionMatrix:
        """The rows counted over the label set."""
        return confusion_matrix(self.y_true, self.y_pred, labels=self.labels)

    def row_roles(self) -> list[str]:
        """What each row counts as: "TP of A", or "FP of B, FN of A" (the page's words)."""
        out = []
        for true, pred in zip(self.y_true, self.y_pred, strict=True):
            found = {role(true, pred, label): label for label in (true, pred)}
            found.pop(None, None)
            order = ["TP"] if "TP" in found else ["FP", "FN"]
            out.append(", ".join(f"{r} of {found[r]}" for r in order))
        return out

    def quantities(self) -> dict[str, float]:
        """Every number the editor shows, by the engine, keyed as the page tags it."""
        cm = self.confusion_matrix
        out: dict[str, float] = {}
        for n, label in enumerate(cm.labels):
            for part in ("tp", "fp", "fn"):
                out[f"{part} {label}"] = int(getattr(cm, part)[n])
        for part in ("tp", "fp", "fn"):
            out[f"sum-{part}"] = int(getattr(cm, part).sum())
        micro = cm.scores(average="micro")
        for part in ("precision", "recall", "f1"):
            out[f"micro-{part}"] = float(getattr(micro, part))
        out["accuracy"] = float(cm.accuracy())
        return out


def prediction_editor(
    y_true: Sequence[Hashable] | None = None,
    y_pred: Sequence[Hashable] | None = None,
    labels: Sequence[Hashable] | None = None,
) -> PredictionEditor:
    """An editor of predictions, row by row, computing in the page.

    Parameters
    ----------
    y_true, y_pred : sequences of labels, optional
        Default: the worked example's nine rows.
    labels : sequence of labels, optional
        The label set. Default: the labels seen, sorted.

    Raises
    ------
    ValueError
        For rows or labels the editor cannot show (see :mod:`microavg.explorers.rules`).
    """
    if y_true is None and y_pred is None:
        y_true, y_pred = examples.worked_example()
    if y_true is None or y_pred is None:
        raise rules.RefusedEdit("y_true and y_pred go together: give both, or neither")
    if labels is None:
        labels = sorted({str(x) for x in [*y_true, *y_pred]})
    return PredictionEditor(labels=labels, y_true=y_true, y_pred=y_pred)
