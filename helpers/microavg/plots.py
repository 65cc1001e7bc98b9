"""Figures of a confusion matrix and its per-label counts: numbers in, a Figure out.

Each function returns a :class:`matplotlib.figure.Figure` and leaves no global state
behind: the figure is built with interactive mode off and closed in pyplot before it is
returned, so it is shown exactly once, by the cell that displays it, and
``plt.get_fignums()`` stays empty. Pass ``ax=`` to draw into axes of your own instead.

The colours of true positives, false positives and false negatives come from the
Okabe-Ito palette, which stays distinct under the common colour-vision deficiencies;
every coloured mark is also named in text (a legend, a cell tag or a tick label), so
nothing rests on colour alone.

Every figure these functions make also carries a text alternative, :func:`describe`: what
it shows in words and numbers, read from what is drawn. Jupyter gets it with the image as
the output's ``alt`` metadata, which nbconvert's HTML export and the tutorial's site write
into the ``<img alt>``.

The artists that hold a figure's numbers carry a ``gid`` naming what they show, such as
``"count-0-1"`` for the count of true ``labels[0]``, predicted ``labels[1]``: tests and
:func:`describe` read a figure through them, never by position.

>>> import microavg as ma
>>> from microavg import plots
>>> cm = ma.confusion_matrix(list("AAAABBCCC"), list("AABCABBCC"))
>>> fig = plots.confusion_heatmap(cm, highlight="A")
>>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "count-0-1"]
['1']
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from microavg.counts import ROLES, ConfusionMatrix, LabelCounts, check_counts, role
from microavg.metrics import confusion_matrix
from microavg.palette import CELL_GREYS, ROLE_COLOURS, SCORE_COLOURS

__all__ = [
    "CELL_CMAP",
    "averages_bars",
    "confusion_heatmap",
    "describe",
    "gap_sweep",
    "label_counts_bars",
    "label_heatmaps",
]

_HEATMAP_GID = "confusion-heatmap"
_BARS_GID = "label-counts-bars"
_TOTALS_GID = "label-counts-totals"
CELL_CMAP = LinearSegmentedColormap.from_list("microavg-cells", list(CELL_GREYS))
"""The heatmap's colour map: count / largest count to the cell's grey."""


# -- checks ---------------------------------------------------------------------------


def _check_cm(cm: object) -> ConfusionMatrix:
    if not isinstance(cm, ConfusionMatrix):
        raise ValueError(
            f"cm must be a ConfusionMatrix (from microavg.confusion_matrix), "
            f"got {type(cm).__name__}"
        )
    return cm


def _check_counts(cm: object) -> ConfusionMatrix | LabelCounts:
    cm = check_counts(cm)
    if len(cm.labels) == 0:
        raise ValueError("cm has no labels: there is nothing to draw")
    return cm


def _highlight_index(cm: ConfusionMatrix, highlight: Hashable | None) -> int | None:
    if highlight is None:
        return None
    for i, label in enumerate(cm.labels):
        if label == highlight:
            return i
    raise ValueError(f"highlight is {highlight!r}, which is not among cm.labels {cm.labels!r}")


def _fit_rows(numbers: list[str], budget: int) -> str:
    """``"prediction 3"`` or ``"predictions 3, 4"``, cut to ``", …"`` beyond ``budget`` chars.

    A number names a prediction (a data item), not a row of the matrix, whose rows are labels.

    >>> _fit_rows(["3"], 12), _fit_rows(["123", "125", "189", "240"], 23)
    ('prediction 3', 'predictions 123, 125, …')
    """
    text = ("prediction " if len(numbers) == 1 else "predictions ") + numbers[0]
    for n, number in enumerate(numbers[1:], 2):
        longer = f"{text}, {number}"
        if len(longer) + (3 if n < len(numbers) else 0) > budget:
            return text + ", …"
        text = longer
    return text


def _row_marks(cm: ConfusionMatrix, rows: object) -> list[list[str]]:
    """For each cell, the 1-based numbers of the wrong predictions that land in it, as text."""
    k = len(cm.labels)
    marks = [[""] * k for _ in range(k)]
    if rows is None:
        return marks
    if not isinstance(rows, tuple | list) or len(rows) != 2:
        raise ValueError("rows must be a pair (y_true, y_pred) of the rows cm was counted from")
    y_true, y_pred = rows
    if confusion_matrix(y_true, y_pred, labels=list(cm.labels)) != cm:
        raise ValueError(
            "rows do not give the counts of cm: pass the (y_true, y_pred) cm was counted from"
        )
    index = {label: i for i, label in enumerate(cm.labels)}
    cell, _, tag_size = _sizes(k)
    budget = max(8, int(cell * 72 / (0.6 * tag_size)))  # characters that fit in a cell
    numbers: dict[tuple[int, int], list[str]] = {}
    pairs = zip(np.asarray(y_true).tolist(), np.asarray(y_pred).tolist(), strict=True)
    for n, (t, p) in enumerate(pairs, 1):
        if t != p and t in index and p in index:
            numbers.setdefault((index[t], index[p]), []).append(str(n))
    for (i, j), found in numbers.items():
        marks[i][j] = _fit_rows(found, budget)
    return marks


# -- the confusion heatmap ------------------------------------------------------------


def _by_gid(artists: Sequence, prefix: str) -> dict[str, object]:
    return {a.get_gid(): a for a in artists if (a.get_gid() or "").startswith(prefix)}


def _sizes(k: int) -> tuple[float, float, float]:
    """Cell size in inches, count font size and tag font size for a k x k heatmap."""
    cell = min(1.05, 7.5 / k)
    return cell, max(7.0, min(18.0, 17.0 * cell)), max(6.0, min(11.0, 10.5 * cell))


def confusion_heatmap(
    cm: ConfusionMatrix,
    highlight: Hashable | None = None,
    ax: Axes | None = None,
    *,
    rows: tuple[Sequence[Hashable], Sequence[Hashable]] | None = None,
) -> Figure:
    """Draw a confusion matrix as a heatmap with its count written in every cell.

    Rows are true labels and columns predicted labels, as in :mod:`microavg.counts`
    and scikit-learn, and the axis titles say so.

    Parameters
    ----------
    cm : ConfusionMatrix
    highlight : label, optional
        Outline the cells that count for this label: its true-positive cell on the
        diagonal, its false positives (the rest of its column) and its false negatives
        (the rest of its row), each in its role colour, tagged TP, FP or FN, with a
        legend.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes; by default a new figure is made.
    rows : (y_true, y_pred), optional
        The predictions ``cm`` was counted from. Each wrong prediction's number (counting
        from 1) is written in the cell it lands in, as "prediction 3": true label's row,
        predicted label's column.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on (``ax.figure`` when ``ax`` is given).

    Raises
    ------
    ValueError
        If ``cm`` is not a ConfusionMatrix, ``highlight`` is not one of its labels, or
        ``rows`` does not give the counts of ``cm``.

    Examples
    --------
    >>> import microavg as ma
    >>> true, pred = list("AAAABBCCC"), list("AABCABBCC")
    >>> fig = confusion_heatmap(ma.confusion_matrix(true, pred), rows=(true, pred))
    >>> ax = fig.axes[0]
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('predicted label', 'true label')
    >>> sorted(t.get_text() for t in ax.texts if t.get_text().startswith("prediction"))
    ['prediction 3', 'prediction 4', 'prediction 5', 'prediction 7']
    """
    cm = _check_cm(cm)
    h = _highlight_index(cm, highlight)
    marks = _row_marks(cm, rows)
    if ax is None:
        k = len(cm.labels)
        cell = _sizes(k)[0]
        names = max(len(str(label)) for label in cm.labels) * 0.11  # inches of tick label
        legend = 0.0 if h is None else 0.8 + 0.08 * (23 + 2 * len(str(cm.labels[h])))
        fig = _new_figure((cell * k + 0.9 + names + legend, cell * k + 1.2 + names / 2))
        ax = fig.add_subplot()
    elif not isinstance(ax, Axes):
        raise ValueError(f"ax must be matplotlib Axes or None, got {type(ax).__name__}")
    _draw_heatmap(ax, cm, legend=True)
    _fill_heatmap(ax, cm, h, marks)
    return ax.figure


def label_heatmaps(
    cm: ConfusionMatrix,
    labels: Sequence[Hashable] | None = None,
    *,
    rows: tuple[Sequence[Hashable], Sequence[Hashable]] | None = None,
) -> Figure:
    """One heatmap per label, side by side, each highlighting that label's cells.

    Panel by panel, :func:`confusion_heatmap` with ``highlight=label``; one legend
    below explains the three roles for every panel.

    Parameters
    ----------
    cm : ConfusionMatrix
    labels : sequence of labels, optional
        The labels to highlight, one panel each, three panels to a line. Default: all
        of ``cm.labels``.
    rows : (y_true, y_pred), optional
        As for :func:`confusion_heatmap`.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If ``cm`` is not a ConfusionMatrix, ``labels`` is empty or holds a label that is
        not among ``cm.labels``, or ``rows`` does not give the counts of ``cm``.

    Examples
    --------
    >>> import microavg as ma
    >>> fig = label_heatmaps(ma.confusion_matrix(list("AAAABBCCC"), list("AABCABBCC")))
    >>> [ax.get_title() for ax in fig.axes]
    ['Cells that count for label A', 'Cells that count for label B', 'Cells that count for label C']
    """
    cm = _check_cm(cm)
    wanted = list(cm.labels) if labels is None else list(labels)
    if not wanted:
        raise ValueError("labels is empty: give at least one label to highlight")
    highlights = [_highlight_index(cm, label) for label in wanted]
    marks = _row_marks(cm, rows)
    k, n = len(cm.labels), len(wanted)
    cell = _sizes(k)[0]
    names = max(len(str(label)) for label in cm.labels) * 0.11  # inches of tick label
    ncols = min(n, 3)
    nrows = -(-n // ncols)
    fig = _new_figure(
        (ncols * (cell * k + 0.3 + names) + 0.4, nrows * (cell * k + 0.8 + names / 2) + 0.5)
    )
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for position, (ax, h) in enumerate(zip(axes, highlights, strict=False)):
        _draw_heatmap(ax, cm, legend=False)
        _fill_heatmap(ax, cm, h, marks)
        if position % ncols:
            ax.set_ylabel("")  # the first panel of the line names the axis
    for ax in axes[n:]:
        ax.remove()
    handles = [Patch(facecolor="none", edgecolor=ROLE_COLOURS[r], linewidth=3) for r in ROLES]
    fig.legend(
        handles,
        [
            "TP: true and predicted this label",
            "FP: predicted this label, truly another",
            "FN: truly this label, predicted another",
        ],
        loc="outside lower center",
        ncols=3,
        fontsize=11,
        frameon=False,
        handlelength=1.6,
    )
    return fig


def _label_xticks(ax: Axes, names: list[str]) -> None:
    """One x tick per label, slanted when a name is too long to sit level."""
    if max(len(n) for n in names) > 4:
        ax.set_xticks(
            range(len(names)), names, fontsize=12, rotation=30, ha="right", rotation_mode="anchor"
        )
    else:
        ax.set_xticks(range(len(names)), names, fontsize=12)


def _new_figure(size: tuple[float, float]) -> Figure:
    """A figure that pyplot neither shows nor keeps: displayed once, by whoever shows it."""
    with plt.ioff():
        fig = plt.figure(figsize=size, layout="constrained", FigureClass=_DescribedFigure)
    plt.close(fig)
    return fig


def _draw_heatmap(ax: Axes, cm: ConfusionMatrix, *, legend: bool) -> None:
    """The artists of a heatmap, empty: _fill_heatmap writes the numbers into them."""
    k = len(cm.labels)
    _, count_size, tag_size = _sizes(k)
    ax.set_gid(_HEATMAP_GID)
    ax.imshow(np.zeros((k, k)), cmap=CELL_CMAP, vmin=0, vmax=1, gid="cells")
    names = [str(label) for label in cm.labels]
    _label_xticks(ax, names)
    ax.set_yticks(range(k), labels=names, fontsize=12)
    ax.set_xlabel("predicted label", fontsize=12)
    ax.set_ylabel("true label", fontsize=12)
    ax.set_xticks(np.arange(k + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(k + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    ax.tick_params(which="major", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    inset = 0.06
    for i in range(k):
        for j in range(k):
            ax.text(j, i, "", ha="center", va="center", fontsize=count_size, gid=f"count-{i}-{j}")
            ax.text(
                j,
                i - 0.30,
                "",
                ha="center",
                va="center",
                fontsize=tag_size,
                fontweight="bold",
                gid=f"tag-{i}-{j}",
            )
            ax.text(
                j,
                i + 0.31,
                "",
                ha="center",
                va="center",
                fontsize=tag_size,
                color="#222222",
                gid=f"rows-{i}-{j}",
            )
            ax.add_patch(
                Rectangle(
                    (j - 0.5 + inset, i - 0.5 + inset),
                    1 - 2 * inset,
                    1 - 2 * inset,
                    fill=False,
                    linewidth=3,
                    visible=False,
                    gid=f"outline-{i}-{j}",
                )
            )
    if not legend:
        return
    handles = [Patch(facecolor="none", edgecolor=ROLE_COLOURS[r], linewidth=3) for r in ROLES]
    roles_legend = ax.legend(
        handles,
        ["", "", ""],
        loc="center left",
        bbox_to_anchor=(1.02, 0.5),
        fontsize=10,
        frameon=False,
        handlelength=1.6,
    )
    roles_legend.set_gid("roles-legend")


def _fill_heatmap(ax: Axes, cm: ConfusionMatrix, h: int | None, marks: list[list[str]]) -> None:
    """Write counts, role tags, row marks, outlines and legend for ``cm`` into ``ax``."""
    counts = cm.counts
    k = len(cm.labels)
    image = next(im for im in ax.images if im.get_gid() == "cells")
    image.set_data(counts)
    image.set_clim(0, max(1, int(counts.max())))
    texts = _by_gid(ax.texts, "")
    outlines = _by_gid(ax.patches, "outline-")
    for i in range(k):
        for j in range(k):
            cell_role = None if h is None else role(i, j, h)
            texts[f"count-{i}-{j}"].set_text(str(int(counts[i, j])))
            texts[f"rows-{i}-{j}"].set_text(marks[i][j])
            tag = texts[f"tag-{i}-{j}"]
            tag.set_text(cell_role or "")
            outline = outlines[f"outline-{i}-{j}"]
            outline.set_visible(cell_role is not None)
            if cell_role is not None:
                tag.set_color(ROLE_COLOURS[cell_role])
                outline.set_edgecolor(ROLE_COLOURS[cell_role])
    ax.set_title("" if h is None else f"Cells that count for label {cm.labels[h]}", fontsize=12)
    legend = ax.get_legend()
    if legend is None:
        return
    legend.set_visible(h is not None)
    name = "" if h is None else str(cm.labels[h])
    what = {
        "TP": f"TP: true {name}, predicted {name}",
        "FP": f"FP: true not {name}, predicted {name}",
        "FN": f"FN: true {name}, predicted not {name}",
    }
    for text, r in zip(legend.get_texts(), ROLES, strict=True):
        text.set_text(what[r] if name else "")


# -- TP, FP and FN per label, and their sums ------------------------------------------


# Width of a stacked bar on the right panel, whose x axis spans 3.2 units.
_STACK_WIDTH = 0.8


def label_counts_bars(cm: ConfusionMatrix | LabelCounts) -> Figure:
    """Bars of TP, FP and FN per label, beside stacked bars of ΣTP, ΣFP and ΣFN.

    The left panel groups each label's three counts side by side; the right panel
    stacks every label's share into one bar per role, with the sum written on top, so
    ΣFP and ΣFN can be compared at a glance (for single-label data over all labels
    they are equal: every wrong row is one FP and one FN).

    Parameters
    ----------
    cm : ConfusionMatrix or LabelCounts
        The counts to draw (LabelCounts also covers multi-label data).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If ``cm`` is neither a ConfusionMatrix nor a LabelCounts, or has no labels.

    Examples
    --------
    >>> import microavg as ma
    >>> cm = ma.confusion_matrix(list("AAAABBCCC"), list("AABCABBCC"))
    >>> fig = label_counts_bars(cm)
    >>> [t.get_text() for t in fig.axes[1].texts if t.get_gid().startswith("sum-")]
    ['5', '4', '4']
    """
    cm = _check_counts(cm)
    k = len(cm.labels)
    fig = _new_figure((max(6.4, 1.15 * k + 3.6), 3.9))
    per_label, totals = fig.subplots(
        1, 2, sharey=True, gridspec_kw={"width_ratios": [max(k, 2), 2.2]}
    )
    per_label.set_gid(_BARS_GID)
    totals.set_gid(_TOTALS_GID)
    width = 0.27
    x = np.arange(k)
    for n, r in enumerate(ROLES):
        for i in range(k):
            per_label.bar(
                x[i] + (n - 1) * width,
                0,
                width,
                color=ROLE_COLOURS[r],
                label=r if i == 0 else None,
                gid=f"bar-{r}-{i}",
            )
            per_label.text(
                x[i] + (n - 1) * width,
                0,
                "",
                ha="center",
                va="bottom",
                fontsize=10,
                gid=f"value-{r}-{i}",
            )
        for i in range(k):
            totals.bar(
                n,
                0,
                _STACK_WIDTH,
                color=ROLE_COLOURS[r],
                edgecolor="white",
                linewidth=1.5,
                gid=f"stack-{r}-{i}",
            )
            totals.text(
                n,
                0,
                "",
                ha="center",
                va="center",
                fontsize=9,
                color="white",
                fontweight="bold",
                gid=f"share-{r}-{i}",
            )
        totals.text(
            n, 0, "", ha="center", va="bottom", fontsize=12, fontweight="bold", gid=f"sum-{r}"
        )
    _label_xticks(per_label, [str(label) for label in cm.labels])
    per_label.set_xlabel("label", fontsize=12)
    per_label.set_ylabel("count", fontsize=12)
    per_label.set_title("Per label", fontsize=12)
    per_label.legend(loc="upper left", fontsize=10, ncols=3, frameon=False)
    totals.set_xticks(range(3), labels=[f"Σ{r}" for r in ROLES], fontsize=12)
    totals.set_xlim(-0.6, 2.6)
    totals.set_title("Summed over labels", fontsize=12)
    for ax in (per_label, totals):
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="x", length=0)
        ax.yaxis.get_major_locator().set_params(integer=True)
    _fill_bars(fig, cm)
    return fig


def _fill_bars(fig: Figure, cm: ConfusionMatrix | LabelCounts) -> None:
    per_label, totals = _bars_axes(fig)
    values = {"TP": cm.tp.tolist(), "FP": cm.fp.tolist(), "FN": cm.fn.tolist()}
    top = max(max(sum(v), 1) for v in values.values())
    bars = _by_gid(per_label.patches, "bar-")
    stacks = _by_gid(totals.patches, "stack-")
    texts = {**_by_gid(per_label.texts, "value-"), **_by_gid(totals.texts, "")}
    names = [str(label) for label in cm.labels]
    # A stacked bar's width and one count's height, in points: each share is written in
    # the largest size up to 9 points that fits its segment (a bold character is about
    # 0.62 of the size wide), as "label: count", or as the label alone where that is too
    # wide; below 6.5 points it is left out.
    width, height = fig.get_size_inches()
    panel = width * 2.2 / (max(len(names), 2) + 2.2) - 0.3
    bar_points = panel * _STACK_WIDTH / 3.2 * 72
    count_points = height * 0.75 * 72 / (top * 1.25)

    def fitted(text: str, v: int) -> float:
        return min(9.0, bar_points / (0.62 * len(text)), 0.8 * v * count_points)

    for n, r in enumerate(ROLES):
        bottom = 0
        for i, v in enumerate(values[r]):
            bars[f"bar-{r}-{i}"].set_height(v)
            value = texts[f"value-{r}-{i}"]
            value.set_text(str(v))
            value.set_y(v)
            stack = stacks[f"stack-{r}-{i}"]
            stack.set_y(bottom)
            stack.set_height(v)
            share = texts[f"share-{r}-{i}"]
            share.set_position((n, bottom + v / 2))
            text = f"{names[i]}: {v}"
            if fitted(text, v) < 6.5:
                text = names[i]
            size = fitted(text, v)
            share.set_text(text if size >= 6.5 else "")
            share.set_fontsize(max(size, 6.5))
            bottom += v
        total = texts[f"sum-{r}"]
        total.set_text(str(bottom))
        total.set_y(bottom)
    per_label.set_ylim(0, top * 1.25)


def _bars_axes(fig: Figure) -> tuple[Axes, Axes]:
    found = {ax.get_gid(): ax for ax in fig.axes}
    if _BARS_GID not in found or _TOTALS_GID not in found:
        raise ValueError("fig must be a Figure drawn by label_counts_bars")
    return found[_BARS_GID], found[_TOTALS_GID]


# -- scores in [0, 1] ----------------------------------------------------------------

# The points of a strip plot stay neutral, apart from the role and score colours.
_POINT_COLOUR = "#333333"


def _check_scores(**arrays: object) -> list[np.ndarray]:
    """Equal-length 1-D arrays of finite scores in [0, 1], in the order given."""
    out = []
    for name, values in arrays.items():
        arr = np.asarray(values, dtype=float)
        if arr.ndim != 1 or arr.size == 0:
            raise ValueError(f"{name} must be a non-empty 1-D sequence, got shape {arr.shape}")
        bad = np.flatnonzero(~(np.isfinite(arr) & (arr >= 0) & (arr <= 1)))
        if bad.size:
            raise ValueError(
                f"{name} holds {arr[bad[0]]} at position {bad[0]}: scores must be from 0 to 1"
            )
        out.append(arr)
    lengths = {name: len(arr) for name, arr in zip(arrays, out, strict=True)}
    if len(set(lengths.values())) != 1:
        raise ValueError(f"the score sequences differ in length: {lengths}")
    return out


# -- micro, macro and weighted averages -----------------------------------------------


_AVERAGES = ("micro", "macro", "weighted")


def _score_bars(ax: Axes, groups: list[tuple[float, float, float]], prefix: str) -> None:
    """Precision, recall and F1 side by side for each group, each value written on top."""
    width = 0.26
    for n, (metric, colour) in enumerate(SCORE_COLOURS.items()):
        for i, values in enumerate(groups):
            x = i + (n - 1) * width
            ax.bar(
                x,
                values[n],
                width,
                color=colour,
                edgecolor="#333333",  # the light yellow still stands out from the page
                linewidth=0.6,
                gid=f"{prefix}-{metric}-{i}",
            )
            ax.text(
                x,
                values[n] + 0.015,
                f"{values[n]:.2f}",
                ha="center",
                va="bottom",
                fontsize=9,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6},
                gid=f"{prefix}-value-{metric}-{i}",
            )


def averages_bars(cm: ConfusionMatrix) -> Figure:
    """Per-label precision, recall and F1 beside their micro, macro and weighted averages.

    The left panel shows each label's three scores with its support (rows truly of
    that label) under its name; the right panel shows the three averages of each score,
    with a dashed line at accuracy (named in the legend). Micro averages count every
    row once, macro every label once, weighted every label by its support: on
    imbalanced data, rare labels scored badly pull the macro bars down and hardly move
    the others. Scores with a zero denominator count as 0, as scikit-learn's default.

    Parameters
    ----------
    cm : ConfusionMatrix
        Single-label counts, e.g. from :func:`microavg.confusion_matrix`.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If ``cm`` is not a ConfusionMatrix.

    Examples
    --------
    >>> from microavg import examples
    >>> fig = averages_bars(examples.imbalanced_matrix())
    >>> [t.get_text() for t in fig.axes[1].get_xticklabels()]
    ['micro', 'macro', 'weighted']
    >>> [t.get_text() for t in fig.axes[1].texts if t.get_gid() == "average-value-recall-1"]
    ['0.56']
    """
    cm = _check_cm(cm)
    k = len(cm.labels)
    per_label = cm.scores(average=None)
    fig = _new_figure((max(8.4, 1.0 * k + 6.2), 4.3))
    left, right = fig.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [max(k, 2), 3]})
    left.set_gid("per-label-scores")
    right.set_gid("averaged-scores")
    _score_bars(left, list(zip(*(v.tolist() for v in per_label), strict=True)), "label")
    _score_bars(right, [tuple(cm.scores(average=a)) for a in _AVERAGES], "average")
    names = [f"{label}\n{int(n)} items" for label, n in zip(cm.labels, cm.support, strict=True)]
    left.set_xticks(range(k), names, fontsize=11)
    left.set_xlabel("label and its support", fontsize=12)
    left.set_ylabel("score", fontsize=12)
    left.set_title("Per label", fontsize=12)
    right.set_xticks(range(3), list(_AVERAGES), fontsize=12)
    right.set_xlabel("average", fontsize=12)
    right.set_title("Micro, macro and weighted averages", fontsize=12)
    accuracy = cm.accuracy()
    line = right.axhline(
        accuracy, color="#333333", linestyle="--", linewidth=1.2, zorder=0.5, gid="accuracy"
    )
    right.set_xlim(-0.55, 2.55)
    for ax in (left, right):
        ax.set_ylim(0, 1.12)
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="x", length=0)
    handles = [
        *(Patch(facecolor=c, edgecolor="#333333", linewidth=0.6) for c in SCORE_COLOURS.values()),
        line,
    ]
    fig.legend(
        handles,
        [*SCORE_COLOURS, f"accuracy ({accuracy:.2f})"],
        loc="outside lower center",
        ncols=4,
        fontsize=11,
        frameon=False,
    )
    return fig


# -- the identity over many random cases ----------------------------------------------


def gap_sweep(gaps: dict[str, Sequence[float]]) -> Figure:
    """|P - R| of micro precision and recall over many random cases, one strip per kind.

    Every case is a point (spread sideways at random so that the points can be told
    apart, with a fixed seed: the same numbers draw the same figure); each strip is
    titled with how many of its cases have P ≠ R and its largest gap.

    Parameters
    ----------
    gaps : dict of str to sequence of float
        For each kind of case (its name on the x axis), one gap per case, from 0 to 1
        (fractions.Fraction values are fine).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If ``gaps`` is not a non-empty dict, or a sequence is empty, not 1-D, or holds
        a value outside [0, 1] or nan.

    Examples
    --------
    >>> fig = gap_sweep({"single-label": [0, 0, 0], "multi-label": [0.1, 0.0, 0.4]})
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "summary-1"]
    ['P ≠ R in 2 of 3\\nlargest gap 0.400']
    """
    if not isinstance(gaps, dict) or not gaps:
        raise ValueError("gaps must be a non-empty dict of case name to gaps")
    names = list(gaps)
    values = [_check_scores(**{str(name): gaps[name]})[0] for name in names]
    fig = _new_figure((max(6.4, 2.3 * len(names) + 1.4), 4.4))
    ax = fig.add_subplot()
    ax.set_gid("gap-sweep")
    rng = np.random.default_rng(0)
    top = max(float(v.max()) for v in values)
    for i, v in enumerate(values):
        x = i + rng.uniform(-0.3, 0.3, len(v))
        ax.scatter(x, v, s=6, color=_POINT_COLOUR, alpha=0.25, linewidths=0, gid=f"points-{i}")
        unequal = int(np.count_nonzero(v))
        largest = "0 (exactly)" if unequal == 0 else f"{v.max():.3f}"
        ax.text(
            i,
            max(top, 0.1) * 1.06,
            f"P ≠ R in {unequal:,} of {len(v):,}\nlargest gap {largest}",
            ha="center",
            va="bottom",
            fontsize=10,
            gid=f"summary-{i}",
        )
    ax.set_xticks(range(len(names)), [str(n) for n in names], fontsize=12)
    ax.set_xlim(-0.6, len(names) - 0.4)
    ax.set_ylim(-0.03 * max(top, 0.1), max(top, 0.1) * 1.3)
    ticks = ax.get_yticks()
    ax.set_yticks(ticks[(ticks >= 0) & (ticks.round(9) <= 1)])  # none above the largest gap
    ax.set_title("Each dot is one random case", fontsize=12)
    ax.set_ylabel("|micro precision − micro recall|", fontsize=12)
    ax.set_xlabel("kind of random case", fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(axis="x", length=0)
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    return fig


# -- text alternatives ---------------------------------------------------------------


class _DescribedFigure(Figure):
    """A Figure that hands Jupyter its text alternative (output metadata ``alt``) alongside
    the image the inline backend draws; nothing else changes."""

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        return {}, {"alt": describe(self)}

    def __repr__(self) -> str:
        # A Figure's text/plain, as saved notebooks and their checks expect it.
        return super().__repr__().replace(type(self).__name__, "Figure", 1)


def _texts(ax: Axes, prefix: str) -> dict[str, str]:
    """The texts of ``ax`` whose gid starts with ``prefix``, by the rest of their gid."""
    return {
        t.get_gid()[len(prefix) :]: t.get_text()
        for t in ax.texts
        if t.get_gid() and t.get_gid().startswith(prefix)
    }


def _ticks(ax: Axes) -> list[str]:
    return [" ".join(t.get_text().split()) for t in ax.get_xticklabels()]


def _describe_heatmaps(axes: list[Axes]) -> str:
    labels = _ticks(axes[0])
    counts = _texts(axes[0], "count-")
    rows = "; ".join(
        f"{label}: " + ", ".join(counts.get(f"{i}-{j}", "?") for j in range(len(labels)))
        for i, label in enumerate(labels)
    )
    about = "Heatmap" if len(axes) == 1 else f"{len(axes)} heatmaps, one panel each,"
    text = (
        f"{about} of a confusion matrix over labels {', '.join(labels)}; rows are true labels, "
        f"columns predicted labels. Counts by true label (predicted {', '.join(labels)}): "
        f"{rows}."
    )
    # Panel titles ("Cells that count for label A") continue the sentence in lower case.
    titles = [t[:1].lower() + t[1:] for t in (ax.get_title() for ax in axes) if t]
    if titles:
        text += (
            " Outlined: " + "; ".join(titles) + " (TP on the diagonal, FP in the rest of the "
            "label's column, FN in the rest of its row)."
        )
    return text


def _describe_label_counts(per_label: Axes, totals: Axes) -> str:
    labels = _ticks(per_label)
    values = _texts(per_label, "value-")
    sums = _texts(totals, "sum-")
    each = "; ".join(
        f"{label}: " + ", ".join(f"{r} {values.get(f'{r}-{i}', '?')}" for r in ROLES)
        for i, label in enumerate(labels)
    )
    summed = ", ".join(f"Σ{r} {sums.get(r, '?')}" for r in ROLES)
    return (
        f"Bar charts of the true positives, false positives and false negatives per label "
        f"({each}) and summed over the labels ({summed})."
    )


def _describe_averages(per_label: Axes, averaged: Axes) -> str:
    labels = _ticks(per_label)
    scores = ("precision", "recall", "F1")
    first = _texts(per_label, "label-value-")
    second = _texts(averaged, "average-value-")
    each = "; ".join(
        f"{label}: " + ", ".join(f"{m} {first.get(f'{m}-{i}', '?')}" for m in scores)
        for i, label in enumerate(labels)
    )
    averages = "; ".join(
        f"{name}: " + ", ".join(f"{m} {second.get(f'{m}-{i}', '?')}" for m in scores)
        for i, name in enumerate(_ticks(averaged))
    )
    line = [ln for ln in averaged.lines if ln.get_gid() == "accuracy"]
    accuracy = f"; a dashed line marks accuracy, {line[0].get_ydata()[0]:.2f}" if line else ""
    return (
        f"Bar charts of precision, recall and F1 per label, with its support ({each}), and "
        f"their averages ({averages}){accuracy}."
    )


def _describe_gaps(ax: Axes) -> str:
    summaries = _texts(ax, "summary-")
    strips = "; ".join(
        f"{name}: {', '.join(summaries.get(str(i), '').splitlines())}"
        for i, name in enumerate(_ticks(ax))
    )
    return (
        "Strip plot of the gap between micro precision and micro recall, one dot per random "
        f"case and one strip per kind of case ({strips})."
    )


def describe(fig: Figure) -> str:
    """A text alternative for a figure drawn by this module: what it shows, with its numbers.

    Read from the figure's artists, so it says what is drawn. A figure this module did not
    draw gets its axes' titles.

    Examples
    --------
    >>> import microavg as ma
    >>> cm = ma.confusion_matrix(list("AAAABBCCC"), list("AABCABBCC"))
    >>> print(describe(confusion_heatmap(cm)))  # doctest: +NORMALIZE_WHITESPACE
    Heatmap of a confusion matrix over labels A, B, C; rows are true labels, columns
    predicted labels. Counts by true label (predicted A, B, C): A: 2, 1, 1; B: 1, 1, 0;
    C: 0, 1, 2.
    >>> print(describe(label_counts_bars(cm)))  # doctest: +NORMALIZE_WHITESPACE
    Bar charts of the true positives, false positives and false negatives per label
    (A: TP 2, FP 1, FN 2; B: TP 1, FP 2, FN 1; C: TP 2, FP 1, FN 1) and summed over the
    labels (ΣTP 5, ΣFP 4, ΣFN 4).
    """
    if not isinstance(fig, Figure):
        raise ValueError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    by_gid: dict[str, list[Axes]] = {}
    for ax in fig.axes:
        by_gid.setdefault(ax.get_gid() or "", []).append(ax)
    if _HEATMAP_GID in by_gid:
        return _describe_heatmaps(by_gid[_HEATMAP_GID])
    if _BARS_GID in by_gid and _TOTALS_GID in by_gid:
        return _describe_label_counts(by_gid[_BARS_GID][0], by_gid[_TOTALS_GID][0])
    if "per-label-scores" in by_gid and "averaged-scores" in by_gid:
        return _describe_averages(by_gid["per-label-scores"][0], by_gid["averaged-scores"][0])
    if "gap-sweep" in by_gid:
        return _describe_gaps(by_gid["gap-sweep"][0])
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    return "Figure: " + "; ".join(titles) if titles else "Figure"
