"""Interactive explorers: change predictions or counts and watch every number follow.

Three explorers, each one call in a lesson:

* :func:`prediction_editor`: rows of (predicted, true) labels to edit, add and remove,
  with each wrong row marked as the FP of one label and the FN of another, the per-label
  counts, and micro precision, recall, F1 and accuracy;
* :func:`matrix_explorer`: a k x k grid of counts (k from 2 to 10), with micro, macro
  and weighted scores, ΣFP and ΣFN, labels to leave out (``labels=``) and the residual
  ΣFP - ΣFN that then parts micro precision from recall, presets, and the heatmap;
* :func:`many_classifiers`: sliders for a simulation of a few hundred classifiers,
  plotting micro-F1 and macro-F1 against accuracy.

This module is glue: every number comes from the engine
(:meth:`ConfusionMatrix.from_counts <microavg.counts.ConfusionMatrix.from_counts>`,
``.scores``, ``.label_counts``, ``.accuracy``), every figure from :mod:`microavg.plots`,
changed in place and shown by :class:`microavg.figure_image.FigureImage`.

Each explorer is an ``ipywidgets.VBox`` whose state can be read and set from Python.
An edit that would leave no valid state (a negative, blank, non-integer or absurdly
large count, removing the last row, k out of range) is refused: the explorer says why
in a message, puts the control back to its last good value and keeps its numbers.
Python setters refuse the same way and raise :class:`ValueError` with that message.

>>> from microavg import widgets
>>> explorer = widgets.matrix_explorer()
>>> explorer.counts.tolist()
[[2, 1, 1], [1, 1, 0], [0, 1, 2]]
>>> explorer.cells[0][1].value = "-1"
>>> explorer.message
'Refused: true A, predicted B: "-1" is not a count (a whole number from 0 to 1,000,000).'
>>> explorer.cells[0][1].value
'1'
"""

from __future__ import annotations

import html
from collections.abc import Callable, Hashable, Sequence
from fractions import Fraction

import ipywidgets as w
import numpy as np

from microavg import examples, plots, tables
from microavg.counts import ConfusionMatrix, confusion_matrix, role
from microavg.figure_image import FigureImage
from microavg.simulation import simulate_classifiers

__all__ = [
    "ManyClassifiers",
    "MatrixExplorer",
    "PredictionEditor",
    "many_classifiers",
    "matrix_explorer",
    "prediction_editor",
]

K_MIN, K_MAX = 2, 10
"""The number of labels an explorer takes."""

MAX_COUNT = 1_000_000
"""The largest count a cell of the matrix explorer takes."""

MAX_ROWS = 40
"""The most rows the prediction editor holds (the matrix explorer takes more)."""

PRESETS: dict[str, tuple[str, Callable[[], ConfusionMatrix]]] = {
    "worked": ("worked example", lambda: confusion_matrix(*examples.worked_example())),
    "imbalanced": ("imbalanced", examples.imbalanced_matrix),
    "ner": ('NER-like (dominant "O")', examples.ner_matrix),
}
"""The matrix explorer's presets: name -> (button text, the matrix)."""

_ERROR_COLOUR = "#B00020"
_CELL_STYLE = "padding: 0.15em 0.7em; text-align: right;"
_HEAD_STYLE = "padding: 0.15em 0.7em; text-align: left; font-weight: normal;"


# -- how numbers are shown ------------------------------------------------------------


def _percent(value: Fraction | float) -> str:
    return f"{100 * float(value):.1f} %"


def _exact(value: Fraction) -> str:
    """A score as a fraction and a percentage, e.g. ``5/9 = 55.6 %``."""
    return f"{value} = {_percent(value)}"


def _quantity(key: str, text: str) -> str:
    """One displayed number, tagged so tests and readers of the page can find it."""
    return f'<span data-quantity="{key}">{html.escape(text)}</span>'


def _table(rows: Sequence[tuple[str, Sequence[str]]], head: Sequence[str] = ()) -> str:
    """An HTML table; ``rows`` are (header, cells) with cells already HTML."""
    parts = ['<table style="border-collapse: collapse; margin: 0.3em 0;">']
    if head:
        cells = "".join(f'<th style="{_CELL_STYLE}">{html.escape(h)}</th>' for h in head)
        parts.append(f"<tr>{cells}</tr>")
    for name, cells in rows:
        tds = "".join(f'<td style="{_CELL_STYLE}">{cell}</td>' for cell in cells)
        parts.append(f'<tr><th style="{_HEAD_STYLE}">{name}</th>{tds}</tr>')
    parts.append("</table>")
    return "".join(parts)


def _names(labels: Sequence[Hashable]) -> str:
    return ", ".join(str(label) for label in labels)


# -- what every explorer shares -------------------------------------------------------


class _Explorer(w.VBox):
    """A VBox with a message line for refused edits and a guard for its own updates."""

    def __init__(self, css_class: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.add_class("microavg-explorer")
        self.add_class(css_class)
        self._message = w.HTML(value="")
        self._message.add_class("microavg-message")
        self._quiet = False  # True while the explorer sets its own controls

    @property
    def message(self) -> str:
        """The message shown about the last refused edit; empty after a good one."""
        return html.unescape(_strip_tags(self._message.value))

    def _say(self, text: str) -> None:
        self._message.value = (
            f'<div role="alert" style="color: {_ERROR_COLOUR}; font-weight: bold;">'
            f"{html.escape(text)}</div>"
            if text
            else ""
        )

    def _refuse(self, reason: str, revert: Callable[[], None] | None = None) -> str:
        """Show why an edit was refused and put the controls back; returns the message."""
        text = f"Refused: {reason}"
        self._say(text)
        if revert is not None:
            self._set_quietly(revert)
        return text

    def _set_quietly(self, change: Callable[[], None]) -> None:
        self._quiet = True
        try:
            change()
        finally:
            self._quiet = False


def _close(*widgets: w.Widget) -> None:
    """Close widgets that are no longer shown, with the layout and style models they own."""
    for widget in widgets:
        for part in (getattr(widget, "layout", None), getattr(widget, "style", None)):
            if isinstance(part, w.Widget):
                part.close()
        widget.close()


def _strip_tags(text: str) -> str:
    out, inside = [], False
    for char in text:
        if char == "<":
            inside = True
        elif char == ">":
            inside = False
        elif not inside:
            out.append(char)
    return "".join(out)


# -- 1. the prediction table editor ---------------------------------------------------


def _label_set_problem(names: Sequence[str]) -> str:
    """Why ``names`` is no label set for the editor, or "" when it is one."""
    if any(not name for name in names):
        return "labels has an empty name: separate names with commas"
    if len(set(names)) != len(names):
        twice = next(name for name in names if names.count(name) > 1)
        return f"labels lists {twice!r} twice: each label may be listed once"
    if not K_MIN <= len(names) <= K_MAX:
        return f"labels has {len(names)} names: give {K_MIN} to {K_MAX}"
    return ""


# Widths of a prediction row's columns: number, predicted, true, "counts as", remove.
_ROW_WIDTHS = ("2.5em", "7em", "7em", "15em", "6em")


def _row_head() -> w.HBox:
    names = ["#", "predicted", "true", "counts as"]
    return w.HBox(
        [
            w.HTML(f"<b>{name}</b>", layout=w.Layout(width=width))
            for name, width in zip(names, _ROW_WIDTHS, strict=False)
        ]
    )


class _Row:
    """The controls of one prediction row: its number, two dropdowns, verdict, remove."""

    def __init__(self, labels: Sequence[str], true: str, pred: str) -> None:
        number, predicted, truth, verdict, remove = (w.Layout(width=x) for x in _ROW_WIDTHS)
        self.number = w.HTML(layout=number)
        self.pred = w.Dropdown(options=list(labels), value=pred, layout=predicted)
        self.true = w.Dropdown(options=list(labels), value=true, layout=truth)
        self.verdict = w.HTML(layout=verdict)
        self.remove = w.Button(description="remove", tooltip="remove this row", layout=remove)
        self.box = w.HBox([self.number, self.pred, self.true, self.verdict, self.remove])
        self.box.add_class("microavg-row")

    def close(self) -> None:
        _close(self.number, self.pred, self.true, self.verdict, self.remove, self.box)


def _verdict(true: str, pred: str, labels: Sequence[str]) -> str:
    """What a row counts as, per label it counts for: TP, or FP of one and FN of another."""
    found = {role(true, pred, label): label for label in labels}
    found.pop(None, None)
    order = ["TP"] if "TP" in found else ["FP", "FN"]
    marks = [
        f'<span style="background: {tables.ROLE_TINTS[r]}; padding: 0 0.3em;">'
        f"{r} of {html.escape(str(found[r]))}</span>"
        for r in order
    ]
    return ("✓ " if "TP" in found else "✗ ") + " ".join(marks)


class PredictionEditor(_Explorer):
    """Rows of (predicted, true) labels; every count and score follows each edit.

    Build it with :func:`prediction_editor`. Controls a person uses, and a test drives:
    ``rows[i].pred`` and ``rows[i].true`` (dropdowns), ``rows[i].remove`` and
    ``add_button`` (buttons), ``labels_input`` (the label set, comma-separated).
    """

    def __init__(
        self,
        y_true: Sequence[str],
        y_pred: Sequence[str],
        labels: Sequence[str] | None = None,
    ) -> None:
        super().__init__("microavg-prediction-editor")
        self.labels_input = w.Text(
            description="labels",
            continuous_update=False,
            tooltip="the label set, separated by commas; press Enter to apply",
            layout=w.Layout(width="22em"),
        )
        self.labels_input.add_class("microavg-labels")
        self.add_button = w.Button(description="add a row", icon="plus")
        self.counts_table = w.HTML()
        self.readout = w.HTML()
        self.readout.add_class("microavg-readout")
        self.rows: list[_Row] = []
        self._rows_box = w.VBox()
        self._labels: tuple[str, ...] = ()
        self._bars: FigureImage | None = None
        self._plot_box = w.Box()
        self.children = [
            w.HBox([self.labels_input, self.add_button]),
            _row_head(),
            self._rows_box,
            self._message,
            w.HBox(
                [self.counts_table, self.readout],
                layout=w.Layout(flex_flow="row wrap", grid_gap="2em", align_items="flex-start"),
            ),
            self._plot_box,
        ]
        self.set_rows(y_true, y_pred, labels)
        self.labels_input.observe(self._on_labels_typed, "value")
        self.add_button.on_click(lambda _: self._on_add())

    def __repr__(self) -> str:
        return f"PredictionEditor(rows={len(self.rows)}, labels={self._labels!r})"

    # -- state, from Python ---------------------------------------------------------------

    @property
    def labels(self) -> tuple[str, ...]:
        """The label set the dropdowns offer, in order."""
        return self._labels

    @labels.setter
    def labels(self, labels: Sequence[str]) -> None:
        if isinstance(labels, str):
            raise ValueError(self._refuse(f"labels is the string {labels!r}: pass a list."))
        reason = self._set_labels(tuple(str(label) for label in labels))
        if reason:
            raise ValueError(reason)

    @property
    def y_true(self) -> list[str]:
        """The true label of each row."""
        return [row.true.value for row in self.rows]

    @property
    def y_pred(self) -> list[str]:
        """The predicted label of each row."""
        return [row.pred.value for row in self.rows]

    @property
    def confusion_matrix(self) -> ConfusionMatrix:
        """The rows counted over the label set."""
        return confusion_matrix(self.y_true, self.y_pred, labels=list(self._labels))

    def set_rows(
        self,
        y_true: Sequence[str],
        y_pred: Sequence[str],
        labels: Sequence[str] | None = None,
    ) -> None:
        """Replace every row (and, optionally, the label set).

        Raises
        ------
        ValueError
            If the lengths differ, there are no rows or more than :data:`MAX_ROWS`, or a
            row holds a label outside the label set (default: the labels seen, sorted).
        """
        if isinstance(labels, str):
            raise ValueError(self._refuse(f"labels is the string {labels!r}: pass a list."))
        true, pred = [str(v) for v in y_true], [str(v) for v in y_pred]
        names = sorted(set(true) | set(pred)) if labels is None else [str(v) for v in labels]
        unknown = sorted((set(true) | set(pred)) - set(names))
        if len(true) != len(pred):
            reason = f"y_true has {len(true)} rows but y_pred has {len(pred)}."
        elif not 1 <= len(true) <= MAX_ROWS:
            reason = f"y_true has {len(true)} rows: the editor holds 1 to {MAX_ROWS}."
        elif unknown:
            reason = f"the rows use {unknown[0]!r}, which is not among labels {names}."
        elif problem := _label_set_problem(names):
            reason = f"{problem}."
        else:
            reason = ""
        if reason:
            raise ValueError(self._refuse(reason))
        label_set = tuple(names)
        for row in self.rows:
            row.close()
        self._labels = label_set
        self.rows = [self._new_row(t, p) for t, p in zip(true, pred, strict=True)]
        self._set_quietly(lambda: setattr(self.labels_input, "value", ", ".join(label_set)))
        self._new_plot()
        self._show_rows()
        self._say("")
        self._render()

    def add_row(self, true: str | None = None, pred: str | None = None) -> None:
        """Add a row at the end (by default a correct row of the first label)."""
        reason = self._add(true, pred)
        if reason:
            raise ValueError(reason)

    def remove_row(self, index: int) -> None:
        """Remove row ``index`` (counting from 0); the last row stays."""
        reason = self._remove(index)
        if reason:
            raise ValueError(reason)

    # -- controls -------------------------------------------------------------------------

    def _new_row(self, true: str, pred: str) -> _Row:
        row = _Row(self._labels, true, pred)
        row.pred.observe(self._on_pick, "value")
        row.true.observe(self._on_pick, "value")
        row.remove.on_click(lambda _, row=row: self._on_remove(row))
        return row

    def _show_rows(self) -> None:
        for n, row in enumerate(self.rows, 1):
            row.number.value = str(n)
        self._rows_box.children = [row.box for row in self.rows]

    def _on_pick(self, _change: dict) -> None:
        if not self._quiet:
            self._say("")
            self._render()

    def _on_add(self) -> None:
        self._add(None, None)

    def _add(self, true: str | None, pred: str | None) -> str:
        first = self._labels[0]
        true, pred = first if true is None else true, first if pred is None else pred
        if len(self.rows) >= MAX_ROWS:
            return self._refuse(
                f"the editor holds at most {MAX_ROWS} rows; "
                "the matrix explorer below takes any number of rows as counts."
            )
        for name, value in (("true", true), ("pred", pred)):
            if value not in self._labels:
                return self._refuse(f"{name} {value!r} is not among the labels {self._labels}.")
        self.rows.append(self._new_row(true, pred))
        self._show_rows()
        self._say("")
        self._render()
        return ""

    def _on_remove(self, row: _Row) -> None:
        if row in self.rows:
            self._remove(self.rows.index(row))

    def _remove(self, index: int) -> str:
        if not 0 <= index < len(self.rows):
            return self._refuse(f"there is no row {index + 1}; rows are 1 to {len(self.rows)}.")
        if len(self.rows) == 1:
            return self._refuse("the last row stays: scores need at least one prediction.")
        self.rows.pop(index).close()
        self._show_rows()
        self._say("")
        self._render()
        return ""

    def _on_labels_typed(self, change: dict) -> None:
        if not self._quiet:
            self._set_labels(tuple(part.strip() for part in change["new"].split(",")))

    def _set_labels(self, labels: tuple[str, ...]) -> str:
        old = ", ".join(self._labels)

        def revert() -> None:
            self.labels_input.value = old

        problem = _label_set_problem(labels)
        if problem:
            return self._refuse(f"{problem}.", revert)
        used = [
            n
            for n, row in enumerate(self.rows, 1)
            if row.true.value not in labels or row.pred.value not in labels
        ]
        if used:
            missing = sorted(
                {v for row in self.rows for v in (row.true.value, row.pred.value)} - set(labels)
            )
            return self._refuse(
                f"row {used[0]} uses {missing[0]!r}: change the rows that use it before "
                "leaving it out of the labels.",
                revert,
            )

        def apply() -> None:
            self.labels_input.value = ", ".join(labels)
            for row in self.rows:
                true, pred = row.true.value, row.pred.value
                row.true.options, row.pred.options = list(labels), list(labels)
                row.true.value, row.pred.value = true, pred

        self._labels = labels
        self._set_quietly(apply)
        self._new_plot()
        self._say("")
        self._render()
        return ""

    # -- what is shown --------------------------------------------------------------------

    def _new_plot(self) -> None:
        """A new bars figure: the label set changed, so the artists are not the same."""
        if self._bars is not None:
            _close(self._bars.widget)
        self._bars = FigureImage(plots.label_counts_bars(self.confusion_matrix))
        self._plot_box.children = [self._bars.widget]

    def _render(self) -> None:
        cm = self.confusion_matrix
        for row in self.rows:
            row.verdict.value = _verdict(row.true.value, row.pred.value, self._labels)
        self.counts_table.value = tables.label_counts_table(cm).to_html()
        micro = cm.scores(average="micro", exact=True)
        accuracy = cm.accuracy(exact=True)
        sums = [int(values.sum()) for values in (cm.tp, cm.fp, cm.fn)]
        self.readout.value = _table(
            [
                ("micro precision", [_quantity("micro-precision", _exact(micro.precision))]),
                ("micro recall", [_quantity("micro-recall", _exact(micro.recall))]),
                ("micro F1", [_quantity("micro-f1", _exact(micro.f1))]),
                ("accuracy", [_quantity("accuracy", _exact(accuracy))]),
                ("ΣTP", [_quantity("sum-tp", str(sums[0]))]),
                ("ΣFP", [_quantity("sum-fp", str(sums[1]))]),
                ("ΣFN", [_quantity("sum-fn", str(sums[2]))]),
            ]
        )
        plots.update_label_counts_bars(self._bars.figure, cm)
        self._bars.refresh()


def prediction_editor(
    y_true: Sequence[str] | None = None,
    y_pred: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
) -> PredictionEditor:
    """Rows of (predicted, true) labels to edit, with every count and score live.

    Each row has a dropdown for its predicted and its true label, says what it counts as
    (a TP, or the FP of its predicted label and the FN of its true label) and can be
    removed; a button adds rows and the label set can be changed. Below: TP, FP and FN
    per label with their sums, micro precision, recall and F1 and accuracy (fractions and
    percentages), and bars of the counts.

    Parameters
    ----------
    y_true, y_pred : sequence of str, optional
        The rows to start from; default: the worked example.
    labels : sequence of str, optional
        The label set; default: the labels the rows use, sorted.

    Returns
    -------
    PredictionEditor

    Examples
    --------
    >>> editor = prediction_editor()
    >>> editor.rows[2].pred.value = "A"  # row 3 becomes right
    >>> editor.confusion_matrix.fp.tolist(), editor.confusion_matrix.fn.tolist()
    ([1, 1, 1], [1, 1, 1])
    """
    if y_true is None and y_pred is None:
        y_true, y_pred = examples.worked_example()
    elif y_true is None or y_pred is None:
        raise ValueError("give both y_true and y_pred, or neither for the worked example")
    return PredictionEditor(y_true, y_pred, labels)


# -- 2. the confusion-matrix explorer -------------------------------------------------


def _parse_count(text: str) -> int | None:
    """A count typed into a cell, or None when it is not one."""
    text = text.strip()
    if not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if value <= MAX_COUNT else None


def _check_matrix(cm: ConfusionMatrix) -> str:
    """Why the matrix explorer cannot show ``cm``, or "" when it can."""
    if not K_MIN <= len(cm.labels) <= K_MAX:
        return f"k = {len(cm.labels)}: the explorer takes {K_MIN} to {K_MAX} labels."
    if cm.counts.max() > MAX_COUNT:
        return f"a count above {MAX_COUNT:,} is more than the explorer takes."
    if cm.total == 0:
        return "every count would be 0: there would be no rows to score."
    return ""


def fresh_labels(taken: Sequence[Hashable], n: int) -> list[str]:
    """``n`` one-letter labels, A, B, ..., not among ``taken``."""
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    return [name for name in letters if name not in taken][:n]


class MatrixExplorer(_Explorer):
    """A k x k grid of counts (rows true, columns predicted) and every score from it.

    Build it with :func:`matrix_explorer`. Controls a person uses, and a test drives:
    ``cells[i][j]`` (text boxes), ``k_input``, ``keep_boxes[label]`` (check boxes: the
    labels scored) and ``preset_buttons[name]``.
    """

    def __init__(self, cm: ConfusionMatrix) -> None:
        super().__init__("microavg-matrix-explorer")
        self.preset_buttons = {
            name: w.Button(description=text, layout=w.Layout(width="auto"))
            for name, (text, _) in PRESETS.items()
        }
        for name, button in self.preset_buttons.items():
            button.add_class(f"microavg-preset-{name}")
            button.on_click(lambda _, name=name: self._on_preset(name))
        self.k_input = w.IntText(
            description="labels (k)",
            continuous_update=False,
            layout=w.Layout(width="11em"),
        )
        self.k_input.add_class("microavg-k")
        self.k_input.observe(self._on_k_typed, "value")
        self.cells: list[list[w.Text]] = []
        self.keep_boxes: dict[Hashable, w.Checkbox] = {}
        self.readout = w.HTML()
        self.readout.add_class("microavg-readout")
        self._grid = w.GridBox(
            layout=w.Layout(
                grid_gap="2px 3px",
                flex="0 0 auto",  # never squeezed by the readout beside it
                align_items="center",
            )
        )
        self._keep_row = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self._plot_box = w.Box()
        self._heatmap: FigureImage | None = None
        self._cm = cm
        self._kept: tuple = cm.labels
        self.children = [
            w.HBox([w.HTML("<b>Presets:</b>"), *self.preset_buttons.values()]),
            self.k_input,
            w.HBox([w.HTML("<b>Score these labels (labels=):</b>"), self._keep_row]),
            self._message,
            w.HBox(
                [self._grid, self.readout],
                layout=w.Layout(flex_flow="row wrap", grid_gap="2em", align_items="flex-start"),
            ),
            self._plot_box,
        ]
        self._rebuild()

    def __repr__(self) -> str:
        return (
            f"MatrixExplorer(labels={self.labels!r}, counts={self.counts.tolist()}, "
            f"kept={self._kept!r})"
        )

    # -- state, from Python ---------------------------------------------------------------

    @property
    def confusion_matrix(self) -> ConfusionMatrix:
        """The matrix shown, over all its labels."""
        return self._cm

    @property
    def labels(self) -> tuple:
        """The labels of the rows and columns."""
        return self._cm.labels

    @property
    def counts(self) -> np.ndarray:
        """A copy of the k x k counts."""
        return self._cm.counts.copy()

    @counts.setter
    def counts(self, counts: object) -> None:
        self.set_matrix(counts)

    @property
    def k(self) -> int:
        """The number of labels. Setting it keeps the counts of the labels that stay."""
        return len(self._cm.labels)

    @k.setter
    def k(self, k: int) -> None:
        reason = self._resize(k)
        if reason:
            raise ValueError(reason)

    @property
    def kept(self) -> tuple:
        """The labels scored (``labels=``), in the matrix's order."""
        return self._kept

    @kept.setter
    def kept(self, labels: Sequence[Hashable]) -> None:
        if isinstance(labels, str):
            raise ValueError(f"kept is the string {labels!r}: pass a list of labels")
        wanted = list(labels)
        unknown = [label for label in wanted if label not in self._cm.labels]
        if unknown:
            raise ValueError(f"kept holds {unknown[0]!r}, not among labels {self._cm.labels}")
        kept = tuple(label for label in self._cm.labels if label in wanted)
        if not kept:
            raise ValueError(self._refuse("keep at least one label to score."))
        self._kept = kept
        self._set_quietly(self._sync_keep_boxes)
        self._say("")
        self._render()

    def set_matrix(self, counts: object, labels: Sequence[Hashable] | None = None) -> None:
        """Show new counts (and labels; default: the current ones if k is unchanged).

        Raises
        ------
        ValueError
            For what :meth:`ConfusionMatrix.from_counts` refuses, k outside 2 to 10, a
            count above :data:`MAX_COUNT`, or no count above 0.
        """
        arr = np.asarray(counts)
        square = arr.ndim == 2 and arr.shape[0] == arr.shape[1]
        if square and not K_MIN <= arr.shape[0] <= K_MAX:
            raise ValueError(
                self._refuse(f"k = {arr.shape[0]}: the explorer takes {K_MIN} to {K_MAX} labels.")
            )
        if labels is None and square:
            same = arr.shape[0] == self.k
            labels = self._cm.labels if same else fresh_labels((), arr.shape[0])
        try:
            cm = ConfusionMatrix.from_counts(counts, labels=labels)
        except ValueError as err:
            raise ValueError(self._refuse(f"{err}.")) from None
        reason = _check_matrix(cm)
        if reason:
            raise ValueError(self._refuse(reason))
        rebuild = cm.labels != self._cm.labels
        self._cm = cm
        if rebuild:
            self._kept = cm.labels
            self._rebuild()
        else:
            self._set_quietly(self._sync_cells)
            self._say("")
            self._render()

    def apply_preset(self, name: str) -> None:
        """Show a preset: ``"worked"``, ``"imbalanced"`` or ``"ner"`` (see :data:`PRESETS`)."""
        if name not in PRESETS:
            raise ValueError(f"name must be one of {sorted(PRESETS)}, got {name!r}")
        cm = PRESETS[name][1]()
        self._cm, self._kept = cm, cm.labels
        self._rebuild()

    # -- controls -------------------------------------------------------------------------

    def _rebuild(self) -> None:
        """New cells, check boxes and heatmap: the labels changed."""
        _close(*self._grid.children)  # the cells and their headers
        _close(*self.keep_boxes.values())
        k, names = self.k, [str(label) for label in self._cm.labels]
        self.cells = [[self._new_cell(i, j) for j in range(k)] for i in range(k)]
        corner = w.HTML('<div style="font-size: 85%; line-height: 1.1;">true ↓<br>pred →</div>')
        head = [w.HTML(f"<b>{html.escape(n)}</b>") for n in names]
        grid = [corner, *head]
        for i, name in enumerate(names):
            grid += [w.HTML(f"<b>{html.escape(name)}</b>"), *self.cells[i]]
        self._grid.children = grid
        self._grid.layout.grid_template_columns = f"auto repeat({k}, 5em)"
        self.keep_boxes = {}
        for label in self._cm.labels:
            box = w.Checkbox(
                description=str(label),
                indent=False,
                layout=w.Layout(width="auto", margin="0 1em 0 0"),
            )
            box.add_class("microavg-keep")
            box.observe(lambda change, label=label: self._on_keep(label, change), "value")
            self.keep_boxes[label] = box
        self._keep_row.children = list(self.keep_boxes.values())
        self._set_quietly(self._sync_all)
        if self._heatmap is not None:
            _close(self._heatmap.widget)
        self._heatmap = FigureImage(plots.confusion_heatmap(self._cm))
        self._plot_box.children = [self._heatmap.widget]
        self._say("")
        self._render()

    def _new_cell(self, i: int, j: int) -> w.Text:
        cell = w.Text(continuous_update=False, layout=w.Layout(width="4.6em", margin="0"))
        cell.add_class(f"microavg-cell-{i}-{j}")
        cell.observe(lambda change: self._on_cell(i, j, change), "value")
        return cell

    def _sync_cells(self) -> None:
        for i, row in enumerate(self._cm.counts.tolist()):
            for j, value in enumerate(row):
                self.cells[i][j].value = str(value)

    def _sync_keep_boxes(self) -> None:
        for label, box in self.keep_boxes.items():
            box.value = label in self._kept

    def _sync_all(self) -> None:
        self.k_input.value = self.k
        self._sync_cells()
        self._sync_keep_boxes()

    def _on_cell(self, i: int, j: int, change: dict) -> None:
        if self._quiet:
            return
        true, pred = self._cm.labels[i], self._cm.labels[j]
        good = str(int(self._cm.counts[i, j]))

        def revert() -> None:
            self.cells[i][j].value = good

        value = _parse_count(change["new"])
        if value is None:
            self._refuse(
                f'true {true}, predicted {pred}: "{change["new"]}" is not a count '
                f"(a whole number from 0 to {MAX_COUNT:,}).",
                revert,
            )
            return
        counts = self._cm.counts.copy()
        counts[i, j] = value
        cm = ConfusionMatrix.from_counts(counts, labels=self._cm.labels)
        reason = _check_matrix(cm)
        if reason:
            self._refuse(reason, revert)
            return
        self._cm = cm
        if change["new"] != str(value):  # " 7" or "007": show it as the count it is
            self._set_quietly(lambda: setattr(self.cells[i][j], "value", str(value)))
        self._say("")
        self._render()

    def _on_k_typed(self, change: dict) -> None:
        if not self._quiet:
            self._resize(change["new"])

    def _resize(self, k: object) -> str:
        def revert() -> None:
            self.k_input.value = self.k

        if isinstance(k, bool) or not isinstance(k, int | np.integer):
            return self._refuse(f"k must be a whole number, got {k!r}.", revert)
        if not K_MIN <= k <= K_MAX:
            return self._refuse(f"k = {k}: the explorer takes {K_MIN} to {K_MAX} labels.", revert)
        k, old = int(k), self.k
        if k == old:
            return ""
        counts = np.zeros((k, k), dtype=np.int64)
        keep = min(k, old)
        counts[:keep, :keep] = self._cm.counts[:keep, :keep]
        labels = [*self._cm.labels[:keep], *fresh_labels(self._cm.labels, k - keep)]
        if counts.sum() == 0:
            return self._refuse(
                f"k = {k} keeps only counts of 0: there would be no rows to score.", revert
            )
        kept_before = set(self._kept)
        self._cm = ConfusionMatrix.from_counts(counts, labels=labels)
        self._kept = tuple(
            label for n, label in enumerate(labels) if n >= old or label in kept_before
        )
        self._rebuild()
        return ""

    def _on_keep(self, label: Hashable, change: dict) -> None:
        if self._quiet:
            return
        chosen = set(self._kept) | {label} if change["new"] else set(self._kept) - {label}
        kept = [x for x in self._cm.labels if x in chosen]
        if not kept:
            self._refuse(
                "keep at least one label to score.",
                lambda: setattr(self.keep_boxes[label], "value", True),
            )
            return
        self._kept = tuple(kept)
        self._say("")
        self._render()

    def _on_preset(self, name: str) -> None:
        self.apply_preset(name)

    # -- what is shown --------------------------------------------------------------------

    def _render(self) -> None:
        cm, kept = self._cm, list(self._kept)
        every = len(kept) == len(cm.labels)
        by = {
            avg: cm.scores(average=avg, labels=kept, exact=True)
            for avg in ("micro", "macro", "weighted")
        }
        accuracy = cm.accuracy(exact=True)
        scored = cm.label_counts(kept)
        fp, fn = int(scored.fp.sum()), int(scored.fn.sum())
        rows = []
        for avg, s in by.items():
            show = _exact if avg == "micro" else _percent
            rows.append(
                (
                    avg,
                    [
                        _quantity(f"{avg}-{part}", show(getattr(s, part)))
                        for part in ("precision", "recall", "f1")
                    ],
                )
            )
        scores = _table(rows, head=("", "precision", "recall", "F1"))
        micro = by["micro"]
        if micro.precision == micro.recall == accuracy:
            verdict = "micro P = R = F1 = accuracy"
        elif micro.precision == micro.recall:
            verdict = "micro P = R, but not accuracy"
        else:
            verdict = "micro P ≠ micro R: they come apart"
        over = f"the labels scored ({'all' if every else _names(kept)})"
        totals = _table(
            [
                ("accuracy (all rows)", [_quantity("accuracy", _exact(accuracy))]),
                (
                    "ΣFP, ΣFN over all labels",
                    [
                        _quantity("all-sum-fp", str(int(cm.fp.sum())))
                        + ", "
                        + _quantity("all-sum-fn", str(int(cm.fn.sum())))
                    ],
                ),
                (
                    f"ΣFP, ΣFN over {html.escape(over)}",
                    [_quantity("sum-fp", str(fp)) + ", " + _quantity("sum-fn", str(fn))],
                ),
                ("residual ΣFP \u2212 ΣFN over them", [_quantity("residual", str(fp - fn))]),
            ]
        )
        self.readout.value = (
            f"{scores}{totals}<div>{_quantity('verdict', verdict)}</div>"
            if every
            else f"{scores}{totals}<div>{_quantity('verdict', verdict)} "
            f"(labels left out: {html.escape(_names(x for x in cm.labels if x not in kept))})"
            "</div>"
        )
        plots.update_confusion_heatmap(self._heatmap.figure, cm)
        self._heatmap.refresh()


def matrix_explorer(
    counts: object | None = None, labels: Sequence[Hashable] | None = None
) -> MatrixExplorer:
    """A k x k grid of counts with micro, macro and weighted scores and the heatmap, live.

    Rows are true labels, columns predicted labels. Type a count and press Enter (or
    leave the box); change k (2 to 10); untick labels to leave them out of the scores,
    as ``labels=`` does, and see micro precision and recall part by the residual
    ΣFP - ΣFN over the labels kept; or load a preset: the worked example, an imbalanced
    matrix, or an NER-like one with a dominant "O".

    Parameters
    ----------
    counts : array-like of shape (k, k), optional
        Default: the worked example.
    labels : sequence of k labels, optional
        Default: A, B, C, ...

    Returns
    -------
    MatrixExplorer

    Examples
    --------
    >>> explorer = matrix_explorer()
    >>> explorer.kept = ["B", "C"]
    >>> explorer.confusion_matrix.scores(labels=explorer.kept, exact=True).precision
    Fraction(1, 2)
    """
    if counts is None:
        if labels is not None:
            raise ValueError("labels needs counts: give both, or neither for the worked example")
        return MatrixExplorer(PRESETS["worked"][1]())
    arr = np.asarray(counts)
    if labels is None and arr.ndim == 2:
        labels = fresh_labels((), arr.shape[0])
    cm = ConfusionMatrix.from_counts(counts, labels=labels)
    reason = _check_matrix(cm)
    if reason:
        raise ValueError(reason)
    return MatrixExplorer(cm)


# -- 3. many classifiers at once ------------------------------------------------------


class ManyClassifiers(_Explorer):
    """Sliders for a simulation of many classifiers, and F1 against accuracy for each.

    Build it with :func:`many_classifiers`. Controls: ``sliders[name]`` for
    ``n_labels``, ``n_samples``, ``skill``, ``imbalance`` and ``seed``.
    """

    def __init__(self, n_classifiers: int, **params: float) -> None:
        super().__init__("microavg-many-classifiers")
        self.n_classifiers = n_classifiers
        style = {"description_width": "9em"}
        layout = w.Layout(width="27em")
        self.sliders = {
            "n_labels": w.IntSlider(min=K_MIN, max=K_MAX, description="labels"),
            "n_samples": w.IntSlider(min=20, max=2000, step=10, description="test rows"),
            "skill": w.FloatSlider(min=0.0, max=1.0, step=0.05, description="skill"),
            "imbalance": w.FloatSlider(min=0.0, max=3.0, step=0.25, description="imbalance"),
            "seed": w.IntSlider(min=0, max=99, description="seed"),
        }
        for name, slider in self.sliders.items():
            slider.continuous_update = False
            slider.style, slider.layout = style, layout
            slider.add_class(f"microavg-slider-{name}")
        self.readout = w.HTML()
        self.readout.add_class("microavg-readout")
        self.scores: dict[str, np.ndarray] = {}
        self._check_params(params)
        self._set_quietly(lambda: self._set_sliders(params))
        self._compute()
        self._scatter = FigureImage(
            plots.f1_accuracy_scatter(
                self.scores["accuracy"], self.scores["micro_f1"], self.scores["macro_f1"]
            )
        )
        self._show_readout()
        for slider in self.sliders.values():
            slider.observe(self._on_slide, "value")
        self.children = [
            w.HBox(
                [w.VBox(list(self.sliders.values())), self.readout],
                layout=w.Layout(flex_flow="row wrap", grid_gap="2em", align_items="flex-start"),
            ),
            self._message,
            self._scatter.widget,
        ]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.params.items())
        return f"ManyClassifiers(n_classifiers={self.n_classifiers}, {shown})"

    @property
    def params(self) -> dict[str, float]:
        """The simulation's parameters, as the sliders show them."""
        return {name: slider.value for name, slider in self.sliders.items()}

    def set(self, **params: float) -> None:
        """Move sliders and simulate again, e.g. ``set(skill=0.5, seed=3)``.

        Raises
        ------
        ValueError
            For an unknown name or a value outside its slider's range.
        """
        self._check_params(params)
        self._set_quietly(lambda: self._set_sliders(params))
        self._say("")
        self._update()

    def _check_params(self, params: dict[str, float]) -> None:
        for name, value in params.items():
            if name not in self.sliders:
                raise ValueError(f"{name} is not a parameter; they are {sorted(self.sliders)}")
            slider = self.sliders[name]
            if isinstance(value, bool) or not isinstance(value, int | float | np.number):
                raise ValueError(self._refuse(f"{name} must be a number, got {value!r}."))
            whole = isinstance(slider, w.IntSlider)
            if (whole and int(value) != value) or not slider.min <= value <= slider.max:
                kind = "a whole number" if whole else "a number"
                raise ValueError(
                    self._refuse(
                        f"{name} must be {kind} from {slider.min} to {slider.max}, got {value!r}."
                    )
                )

    def _set_sliders(self, params: dict[str, float]) -> None:
        for name, value in params.items():
            self.sliders[name].value = value

    def _on_slide(self, _change: dict) -> None:
        if not self._quiet:
            self._say("")
            self._update()

    def _compute(self) -> None:
        p = self.params
        y_true, y_pred = simulate_classifiers(
            n_classifiers=self.n_classifiers,
            n_labels=p["n_labels"],
            n_samples=p["n_samples"],
            skill=p["skill"],
            imbalance=p["imbalance"],
            seed=p["seed"],
        )
        found = {"accuracy": [], "micro_f1": [], "macro_f1": []}
        for row in y_pred:
            cm = confusion_matrix(y_true, row)
            found["accuracy"].append(cm.accuracy())
            found["micro_f1"].append(cm.scores(average="micro").f1)
            found["macro_f1"].append(cm.scores(average="macro").f1)
        self.scores = {name: np.array(values) for name, values in found.items()}

    def _update(self) -> None:
        self._compute()
        self._show_readout()
        plots.update_f1_accuracy_scatter(
            self._scatter.figure,
            self.scores["accuracy"],
            self.scores["micro_f1"],
            self.scores["macro_f1"],
        )
        self._scatter.refresh()

    def _show_readout(self) -> None:
        acc, micro, macro = (self.scores[k] for k in ("accuracy", "micro_f1", "macro_f1"))
        off_micro = float(np.abs(micro - acc).max())
        gap = macro - acc
        self.readout.value = _table(
            [
                ("classifiers", [_quantity("classifiers", str(len(acc)))]),
                (
                    "accuracy",
                    [
                        _quantity("accuracy-min", _percent(acc.min()))
                        + " to "
                        + _quantity("accuracy-max", _percent(acc.max()))
                    ],
                ),
                ("largest |micro-F1 \u2212 accuracy|", [_quantity("micro-gap", f"{off_micro:g}")]),
                (
                    "macro-F1 \u2212 accuracy",
                    [
                        _quantity("macro-gap-min", f"{100 * gap.min():+.1f}")
                        + " to "
                        + _quantity("macro-gap-max", f"{100 * gap.max():+.1f}")
                        + " percentage points"
                    ],
                ),
            ]
        )


def many_classifiers(
    n_classifiers: int = 300,
    *,
    n_labels: int = 3,
    n_samples: int = 200,
    skill: float = 0.7,
    imbalance: float = 1.0,
    seed: int = 0,
) -> ManyClassifiers:
    """Simulate many classifiers and plot micro-F1 and macro-F1 against accuracy.

    Sliders set the number of labels, test rows, skill, class imbalance and the seed of
    :func:`microavg.simulation.simulate_classifiers`; each classifier is scored by the
    engine. Every micro-F1 point lies on the diagonal (it equals accuracy); macro-F1
    points scatter around it.

    Parameters
    ----------
    n_classifiers : int, default 300
    n_labels, n_samples, skill, imbalance, seed
        The sliders' starting values.

    Returns
    -------
    ManyClassifiers

    Examples
    --------
    >>> explorer = many_classifiers(20)
    >>> bool((explorer.scores["micro_f1"] == explorer.scores["accuracy"]).all())
    True
    """
    if isinstance(n_classifiers, bool) or not isinstance(n_classifiers, int):
        raise ValueError(f"n_classifiers must be a whole number, got {n_classifiers!r}")
    if not 1 <= n_classifiers <= 2000:
        raise ValueError(f"n_classifiers must be from 1 to 2000, got {n_classifiers}")
    return ManyClassifiers(
        n_classifiers,
        n_labels=n_labels,
        n_samples=n_samples,
        skill=skill,
        imbalance=imbalance,
        seed=seed,
    )
