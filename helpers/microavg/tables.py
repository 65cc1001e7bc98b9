"""Tables of predictions and per-label counts, as pandas Stylers for notebooks and HTML.

The colours mean what they mean in figures (:mod:`microavg.palette`): one Okabe-Ito colour
per role (TP, FP, FN), as a light tint behind black text, and every coloured cell also names its
role in words. Label text comes from the user, so it is escaped in the HTML output.

A Styler's table id is derived from what the table shows, so the same table renders to
the same HTML every time (notebooks compare outputs) and different tables on one page
never share an id (their styles would mix).

>>> from microavg import tables
>>> from microavg.examples import worked_example
>>> html = tables.prediction_table(*worked_example(), highlight="A").to_html()
>>> html.count(">FN<")
2
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Hashable, Sequence

import pandas as pd
from pandas.io.formats.style import Styler

from microavg.counts import ROLES, ConfusionMatrix, LabelCounts, check_counts, role
from microavg.palette import ROLE_TINTS
from microavg.targets import check_targets

__all__ = ["label_counts_table", "prediction_table"]


_CELL = "color: #000000; background-color: {};"
_TABLE_STYLES = [
    {"selector": "th, td", "props": "text-align: center; padding: 0.25em 0.8em;"},
    {
        "selector": "caption",
        "props": "caption-side: top; text-align: left; padding: 0.3em 0; white-space: nowrap;",
    },
]


def _uuid(*parts: object) -> str:
    """A table id that depends only on the table's content."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:12]


def _styler(frame: pd.DataFrame, caption: str, *parts: object) -> Styler:
    styler = Styler(frame, uuid=_uuid(caption, *parts), cell_ids=False)
    styler.format(escape="html")
    styler.format_index(escape="html", axis=0)
    styler.format_index(escape="html", axis=1)
    styler.set_caption(html.escape(caption))
    styler.hide(names=True)  # the caption says what the rows are
    return styler.set_table_styles(_TABLE_STYLES)


def prediction_table(
    y_true: Sequence[Hashable],
    y_pred: Sequence[Hashable],
    highlight: Hashable | Sequence[Hashable] | None = None,
) -> Styler:
    """The predictions, one per line, with what each prediction counts as per label.

    Columns ``pred`` and ``true``; the first column, headed ``prediction``, numbers the
    predictions from 1. For each highlighted label a column says whether the prediction is one
    of its TP, FP or FN, on that role's colour. With a single highlighted label the whole line
    is tinted too.

    Parameters
    ----------
    y_true, y_pred : sequence of labels
        Single-label targets, as for :func:`microavg.confusion_matrix`.
    highlight : label or list of labels, optional
        The label(s) whose TP, FP and FN predictions to mark. A list gives one column per
        label, which shows each wrong prediction counted twice: FN for its true label and FP
        for its predicted one.

    Returns
    -------
    pandas.io.formats.style.Styler

    Raises
    ------
    ValueError
        If the targets are refused (see :func:`microavg.targets.check_targets`), are
        multi-label, or ``highlight`` holds a label found in neither ``y_true`` nor
        ``y_pred``.

    Examples
    --------
    >>> table = prediction_table(["A", "A", "B"], ["A", "B", "B"], highlight="B")
    >>> table.data.columns.tolist()
    ['pred', 'true', 'for B']
    >>> table.data["for B"].tolist()
    ['', 'FP', 'TP']
    >>> table.data.index.name
    'prediction'
    """
    targets = check_targets(y_true, y_pred)
    if targets.kind != "single":
        raise ValueError(
            "y_true and y_pred are multi-label indicator arrays: a prediction table needs "
            "one label per row"
        )
    true, pred = targets.y_true.tolist(), targets.y_pred.tolist()
    if highlight is None:
        labels: list = []
    elif isinstance(highlight, list | tuple):
        labels = list(highlight)
    else:
        labels = [highlight]
    seen = set(true) | set(pred)
    for label in labels:
        if label not in seen:
            raise ValueError(
                f"highlight holds {label!r}, which is in neither y_true nor y_pred "
                f"(their labels are {sorted(seen)!r})"
            )
    frame = pd.DataFrame(
        {"pred": pred, "true": true}, index=pd.RangeIndex(1, len(true) + 1, name="prediction")
    )
    # The header's corner cell, above the numbers, names them (the index's own name row is
    # hidden, as in every table here).
    frame.columns.name = "prediction"
    for label in labels:
        frame[f"for {label}"] = [role(t, p, label) or "" for t, p in zip(true, pred, strict=True)]

    def colours(data: pd.DataFrame) -> pd.DataFrame:
        css = pd.DataFrame("", index=data.index, columns=data.columns)
        for column in data.columns[2:]:
            for position, r in enumerate(data[column]):
                if r:
                    css.iloc[position, data.columns.get_loc(column)] = (
                        _CELL.format(ROLE_TINTS[r]) + " font-weight: bold;"
                    )
                    if len(labels) == 1:
                        css.iloc[position, :2] = _CELL.format(ROLE_TINTS[r])
        return css

    if labels:
        names = ", ".join(str(label) for label in labels)
        caption = f"What each prediction counts as for {names}"
    else:
        caption = "Predicted and true label of each prediction"
    styler = _styler(frame, caption, "predictions", true, pred, labels)
    return styler.apply(colours, axis=None)


def label_counts_table(cm: ConfusionMatrix | LabelCounts) -> Styler:
    """Per-label TP, FP, FN and support, with their sums in a last row.

    Parameters
    ----------
    cm : ConfusionMatrix or LabelCounts

    Returns
    -------
    pandas.io.formats.style.Styler
        ``.data`` holds one row per label; the sums row below it is a second Styler
        joined on with :meth:`~pandas.io.formats.style.Styler.concat`.

    Raises
    ------
    ValueError
        If ``cm`` is neither a ConfusionMatrix nor a LabelCounts.

    Examples
    --------
    >>> import microavg as ma
    >>> table = label_counts_table(ma.confusion_matrix(list("AAAABBCCC"), list("AABCABBCC")))
    >>> table.data.loc["A"].tolist()
    [2, 1, 2, 4]
    """
    cm = check_counts(cm)
    columns = {"TP": cm.tp, "FP": cm.fp, "FN": cm.fn, "support": cm.support}
    frame = pd.DataFrame(
        {name: values.tolist() for name, values in columns.items()},
        index=pd.Index(list(cm.labels), name="label", dtype=object),
    )
    sums = pd.DataFrame(
        {name: [int(values.sum())] for name, values in columns.items()},
        index=pd.Index(["Σ (all labels)"], name="label"),
    )
    role_columns = {r: _CELL.format(ROLE_TINTS[r]) for r in ROLES}

    def colours(data: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame(
            [[role_columns.get(c, "") for c in data.columns]] * len(data),
            index=data.index,
            columns=data.columns,
        )

    caption = "TP, FP and FN per label, and their sums"
    parts = ("counts", list(cm.labels), frame.to_numpy().tolist())
    sums_styler = _styler(sums, "", *parts, "sums").apply(colours, axis=None)
    sums_styler.apply(lambda row: ["font-weight: bold; border-top: 2px solid;"] * len(row), axis=1)
    sums_styler.map_index(lambda _: "font-weight: bold;", axis=0)
    table = _styler(frame, caption, *parts).apply(colours, axis=None)
    return table.concat(sums_styler)
