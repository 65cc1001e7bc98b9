"""Figures: the right counts in the right cells, the right cells outlined, nothing left open."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import microavg as ma
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex
from microavg import palette, plots
from microavg.examples import worked_example

OKABE_ITO = {"#009e73", "#d55e00", "#0072b2"}


@pytest.fixture(autouse=True)
def no_figure_left_open():
    assert plt.get_fignums() == []
    yield
    assert plt.get_fignums() == [], "a figure was left open in pyplot"


@pytest.fixture
def worked():
    return worked_example()


@pytest.fixture
def cm(worked):
    return ma.confusion_matrix(*worked)


def texts(ax, prefix):
    """{gid: text} of the texts whose gid starts with prefix."""
    return {t.get_gid(): t.get_text() for t in ax.texts if (t.get_gid() or "").startswith(prefix)}


def outlines(ax):
    """{(i, j): colour} of the visible cell outlines."""
    found = {}
    for patch in ax.patches:
        if (patch.get_gid() or "").startswith("outline-") and patch.get_visible():
            _, i, j = patch.get_gid().split("-")
            found[int(i), int(j)] = to_hex(patch.get_edgecolor())
    return found


def render(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


# -- confusion_heatmap ------------------------------------------------------------------


def test_heatmap_writes_every_count_rows_true_columns_predicted(cm):
    fig = plots.confusion_heatmap(cm)
    ax = fig.axes[0]
    assert texts(ax, "count-") == {
        "count-0-0": "2", "count-0-1": "1", "count-0-2": "1",
        "count-1-0": "1", "count-1-1": "1", "count-1-2": "0",
        "count-2-0": "0", "count-2-1": "1", "count-2-2": "2",
    }  # fmt: skip
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("predicted label", "true label")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B", "C"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B", "C"]
    assert render(fig).startswith(b"\x89PNG")


def test_heatmap_without_highlight_outlines_nothing_and_hides_the_legend(cm):
    ax = plots.confusion_heatmap(cm).axes[0]
    assert outlines(ax) == {}
    assert set(texts(ax, "tag-").values()) == {""}
    assert not ax.get_legend().get_visible()
    assert ax.get_title() == ""


def test_heatmap_highlight_outlines_tp_cell_fp_column_fn_row_in_three_colours(cm):
    ax = plots.confusion_heatmap(cm, highlight="A").axes[0]
    tp, fp, fn = (palette.ROLE_COLOURS[r].lower() for r in ("TP", "FP", "FN"))
    # A's column below the diagonal holds its FPs, its row right of it its FNs.
    assert outlines(ax) == {(0, 0): tp, (1, 0): fp, (2, 0): fp, (0, 1): fn, (0, 2): fn}
    assert {tp, fp, fn} == OKABE_ITO
    tags = {gid: text for gid, text in texts(ax, "tag-").items() if text}
    assert tags == {"tag-0-0": "TP", "tag-1-0": "FP", "tag-2-0": "FP", "tag-0-1": "FN",
                    "tag-0-2": "FN"}  # fmt: skip
    legend = ax.get_legend()
    assert legend.get_visible()
    assert [t.get_text() for t in legend.get_texts()] == [
        "TP: true A, predicted A",
        "FP: true not A, predicted A",
        "FN: true A, predicted not A",
    ]
    assert ax.get_title() == "Cells that count for label A"


def test_heatmap_highlight_of_b_has_the_counts_of_b(cm):
    ax = plots.confusion_heatmap(cm, highlight="B").axes[0]
    counts = texts(ax, "count-")
    by_role = {"TP": 0, "FP": 0, "FN": 0}
    for (i, j), colour in outlines(ax).items():
        role = next(r for r, c in palette.ROLE_COLOURS.items() if c.lower() == colour)
        by_role[role] += int(counts[f"count-{i}-{j}"])
    assert by_role == {"TP": 1, "FP": 2, "FN": 1}


def test_heatmap_rows_marks_each_wrong_prediction_by_number_in_its_cell(cm, worked):
    ax = plots.confusion_heatmap(cm, rows=worked).axes[0]
    marks = {gid: text for gid, text in texts(ax, "rows-").items() if text}
    # Prediction 3 is true A, predicted B: the matrix's row A, column B. And so on. The marks
    # say "prediction", since the matrix's own rows are true labels.
    assert marks == {"rows-0-1": "prediction 3", "rows-0-2": "prediction 4",
                     "rows-1-0": "prediction 5", "rows-2-1": "prediction 7"}  # fmt: skip


def test_heatmap_rows_lists_several_rows_in_one_cell_and_cuts_long_lists():
    y_true, y_pred = ["A"] * 40 + ["B"], ["B"] * 40 + ["B"]
    ax = plots.confusion_heatmap(ma.confusion_matrix(y_true, y_pred), rows=(y_true, y_pred)).axes[0]
    mark = texts(ax, "rows-0-1")["rows-0-1"]
    assert mark.startswith("predictions 1, ")
    assert mark.endswith(", …")


def test_heatmap_draws_into_given_axes_and_leaves_that_figure_to_its_owner(cm):
    fig, ax = plt.subplots()
    try:
        assert plots.confusion_heatmap(cm, highlight="C", ax=ax) is fig
        assert outlines(ax)[2, 2] == palette.ROLE_COLOURS["TP"].lower()
        assert plt.get_fignums() == [fig.number]
    finally:
        plt.close(fig)


def test_heatmap_names_long_and_html_labels_as_plain_text():
    cm = ma.confusion_matrix(["<b>x</b>", "a long label"], ["<b>x</b>", "<b>x</b>"])
    ax = plots.confusion_heatmap(cm, highlight="<b>x</b>").axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["<b>x</b>", "a long label"]
    assert render(ax.figure).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"highlight": "D"}, r"highlight is 'D', which is not among cm.labels \('A', 'B', 'C'\)"),
        ({"rows": (list("AAAA"), list("AAAA"))}, "rows do not give the counts of cm"),
        ({"rows": list("AAAABBCCC")}, r"rows must be a pair \(y_true, y_pred\)"),
        ({"ax": "left"}, "ax must be matplotlib Axes or None, got str"),
    ],
)
def test_heatmap_refuses_bad_arguments_by_name(cm, kwargs, message):
    with pytest.raises(ValueError, match=message):
        plots.confusion_heatmap(cm, **kwargs)


def test_heatmap_refuses_anything_but_a_confusion_matrix():
    with pytest.raises(ValueError, match=r"cm must be a ConfusionMatrix .*got list"):
        plots.confusion_heatmap([[1, 0], [0, 1]])


# -- label_heatmaps -----------------------------------------------------------------------


def test_label_heatmaps_draws_one_highlighted_panel_per_label_and_one_legend(cm, worked):
    fig = plots.label_heatmaps(cm, rows=worked)
    assert [ax.get_title() for ax in fig.axes] == [
        f"Cells that count for label {label}" for label in "ABC"
    ]
    for i, ax in enumerate(fig.axes):
        assert outlines(ax)[i, i] == palette.ROLE_COLOURS["TP"].lower()
        assert ax.get_legend() is None
        assert texts(ax, "rows-0-1")["rows-0-1"] == "prediction 3"
    assert len(fig.legends) == 1
    assert render(fig).startswith(b"\x89PNG")


def test_label_heatmaps_takes_a_subset_and_refuses_unknown_labels(cm):
    fig = plots.label_heatmaps(cm, labels=["C"])
    assert [ax.get_title() for ax in fig.axes] == ["Cells that count for label C"]
    with pytest.raises(ValueError, match="highlight is 'D'"):
        plots.label_heatmaps(cm, labels=["A", "D"])
    with pytest.raises(ValueError, match="labels is empty"):
        plots.label_heatmaps(cm, labels=[])


def test_label_heatmaps_wraps_after_three_panels():
    cm = ma.confusion_matrix(list("ABCDE"), list("ABCDE"))
    fig = plots.label_heatmaps(cm)
    assert len(fig.axes) == 5
    rows = {round(ax.get_subplotspec().rowspan.start) for ax in fig.axes}
    assert rows == {0, 1}


# -- label_counts_bars --------------------------------------------------------------------


def bar_heights(fig):
    per_label, totals = fig.axes
    heights = {p.get_gid(): p.get_height() for p in per_label.patches}
    return heights, texts(totals, "sum-"), texts(totals, "share-")


def test_bars_show_tp_fp_fn_per_label_and_their_sums(cm):
    fig = plots.label_counts_bars(cm)
    heights, sums, shares = bar_heights(fig)
    assert heights == {
        "bar-TP-0": 2, "bar-TP-1": 1, "bar-TP-2": 2,
        "bar-FP-0": 1, "bar-FP-1": 2, "bar-FP-2": 1,
        "bar-FN-0": 2, "bar-FN-1": 1, "bar-FN-2": 1,
    }  # fmt: skip
    assert sums == {"sum-TP": "5", "sum-FP": "4", "sum-FN": "4"}
    assert shares["share-FP-1"] == "B: 2"
    assert [t.get_text() for t in fig.axes[1].get_xticklabels()] == ["ΣTP", "ΣFP", "ΣFN"]
    per_label = fig.axes[0]
    colours = {p.get_gid().split("-")[1]: to_hex(p.get_facecolor()) for p in per_label.patches}
    assert set(colours.values()) == OKABE_ITO
    assert render(fig).startswith(b"\x89PNG")


def test_bars_stack_each_labels_share_on_the_last(cm):
    stacks = {
        p.get_gid(): (p.get_y(), p.get_height())
        for p in plots.label_counts_bars(cm).axes[1].patches
    }
    # FP: A 1, B 2, C 1 stacked from the bottom.
    assert [stacks[f"stack-FP-{i}"] for i in range(3)] == [(0, 1), (1, 2), (3, 1)]


def test_bars_show_unequal_sums_when_a_label_is_left_out(worked):
    # Without A, rows 3, 4 and 5 lose one side of their pair: ΣFP 3, ΣFN 2.
    fig = plots.label_counts_bars(ma.confusion_matrix(*worked, labels=["B", "C"]))
    assert bar_heights(fig)[1] == {"sum-TP": "3", "sum-FP": "3", "sum-FN": "2"}


def test_bars_take_multi_label_counts():
    counts = ma.label_counts([[1, 1], [0, 1]], [[1, 0], [1, 1]])
    assert bar_heights(plots.label_counts_bars(counts))[1] == {
        "sum-TP": "2",
        "sum-FP": "1",
        "sum-FN": "1",
    }


def test_bars_refuse_bad_input(cm):
    with pytest.raises(ValueError, match=r"cm must be a ConfusionMatrix or LabelCounts.*got dict"):
        plots.label_counts_bars({"A": 1})


# -- laws and layering ----------------------------------------------------------------------


# Costly examples: at most 15, fewer if the profile says fewer.
@settings(max_examples=min(15, settings().max_examples), deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("ABCD"), st.sampled_from("ABCD")), min_size=1, max_size=30)
)
def test_figures_show_the_counts_and_equal_sums_for_any_single_label_rows(pairs):
    y_true, y_pred = (list(x) for x in zip(*pairs, strict=True))
    cm = ma.confusion_matrix(y_true, y_pred)
    ax = plots.confusion_heatmap(cm, highlight=cm.labels[0], rows=(y_true, y_pred)).axes[0]
    k = len(cm.labels)
    shown = texts(ax, "count-")
    assert [
        [int(shown[f"count-{i}-{j}"]) for j in range(k)] for i in range(k)
    ] == cm.counts.tolist()
    marks = texts(ax, "rows-")
    for i in range(k):
        for j in range(k):
            listed = [n for n in marks[f"rows-{i}-{j}"].split(" ", 1)[-1].split(", ") if n]
            if i == j or not cm.counts[i, j]:
                assert marks[f"rows-{i}-{j}"] == ""  # only wrong rows are marked
            elif listed[-1] == "…":  # a list too long for its cell is cut
                assert len(listed) - 1 < cm.counts[i, j]
            else:
                assert len(listed) == cm.counts[i, j]
    sums = bar_heights(plots.label_counts_bars(cm))[1]
    assert sums["sum-FP"] == sums["sum-FN"] == str(cm.total - cm.correct)


def test_score_colours_keep_clear_of_the_role_colours():
    # A precision bar must not read as an FP, nor a recall bar as an FN: every saturated score
    # colour is at least 25 degrees of hue from every role colour.
    import colorsys

    from matplotlib.colors import to_rgb

    def hue_and_saturation(colour: str) -> tuple[float, float]:
        h, _, s = colorsys.rgb_to_hls(*to_rgb(colour))
        return h * 360, s

    for score, colour in palette.SCORE_COLOURS.items():
        hue, saturation = hue_and_saturation(colour)
        if saturation < 0.1:
            continue  # a grey has no hue to confuse
        for role_name, role_colour in palette.ROLE_COLOURS.items():
            other = hue_and_saturation(role_colour)[0]
            distance = min(abs(hue - other), 360 - abs(hue - other))
            assert distance >= 25, (score, role_name, distance)
