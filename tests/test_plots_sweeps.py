"""Figures of lesson 04: averages side by side, and |P - R| over random sweeps."""

from __future__ import annotations

from fractions import Fraction

import matplotlib.pyplot as plt
import microavg as ma
import numpy as np
import pytest
from matplotlib.colors import to_hex
from microavg import examples, palette, plots


@pytest.fixture(autouse=True)
def no_figure_left_open():
    assert plt.get_fignums() == []
    yield
    assert plt.get_fignums() == [], "a figure was left open in pyplot"


def heights(ax, prefix):
    """{gid: bar height} of the bars whose gid starts with prefix."""
    return {
        p.get_gid(): p.get_height() for p in ax.patches if (p.get_gid() or "").startswith(prefix)
    }


def texts(ax, prefix):
    return {t.get_gid(): t.get_text() for t in ax.texts if (t.get_gid() or "").startswith(prefix)}


# -- averages_bars ----------------------------------------------------------------------


def test_averages_bars_draw_the_engines_micro_macro_and_weighted_scores():
    cm = examples.imbalanced_matrix()
    fig = plots.averages_bars(cm)
    right = fig.axes[1]
    drawn = heights(right, "average-")
    for i, average in enumerate(("micro", "macro", "weighted")):
        s = cm.scores(average=average)
        for metric, value in zip(("precision", "recall", "F1"), s, strict=True):
            assert drawn[f"average-{metric}-{i}"] == pytest.approx(value, abs=1e-12)
            assert texts(right, "average-value-")[f"average-value-{metric}-{i}"] == f"{value:.2f}"


def test_averages_bars_draw_each_labels_scores_and_name_its_support():
    cm = examples.imbalanced_matrix()
    fig = plots.averages_bars(cm)
    left = fig.axes[0]
    recall = cm.scores(average=None).recall
    drawn = heights(left, "label-recall-")
    assert [drawn[f"label-recall-{i}"] for i in range(3)] == pytest.approx(recall.tolist())
    ticks = [t.get_text() for t in left.get_xticklabels()]
    assert ticks == ["A\n80 items", "B\n15 items", "C\n5 items"]


def test_averages_bars_mark_accuracy_and_name_every_colour_in_the_legend():
    cm = examples.imbalanced_matrix()
    fig = plots.averages_bars(cm)
    line = next(ln for ln in fig.axes[1].lines if ln.get_gid() == "accuracy")
    assert line.get_ydata()[0] == pytest.approx(0.85)
    legend = fig.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        "precision",
        "recall",
        "F1",
        "accuracy (0.85)",
    ]
    colours = {to_hex(p.get_facecolor()) for p in fig.axes[1].patches}
    assert colours == {c.lower() for c in palette.SCORE_COLOURS.values()}


def test_averages_bars_of_the_worked_example_show_micro_equal_to_accuracy():
    cm = ma.confusion_matrix(*examples.worked_example())
    drawn = heights(plots.averages_bars(cm).axes[1], "average-")
    assert {round(drawn[f"average-{m}-0"], 12) for m in ("precision", "recall", "F1")} == {
        round(5 / 9, 12)
    }


def test_averages_bars_refuse_anything_but_a_confusion_matrix():
    with pytest.raises(ValueError, match="cm must be a ConfusionMatrix"):
        plots.averages_bars(ma.label_counts([[1, 0], [0, 1]], [[1, 0], [1, 1]]))


# -- gap_sweep ------------------------------------------------------------------------


def test_gap_sweep_draws_one_point_per_case_in_its_strip():
    fig = plots.gap_sweep({"single-label": [0, 0, 0, 0], "multi-label": [0.5, 0.0, 0.25]})
    ax = fig.axes[0]
    points = {c.get_gid(): c.get_offsets() for c in ax.collections}
    assert len(points["points-0"]) == 4 and len(points["points-1"]) == 3
    assert np.all(np.abs(points["points-0"][:, 0]) <= 0.3)  # spread around strip 0
    assert np.all(np.abs(points["points-1"][:, 0] - 1) <= 0.3)
    assert points["points-1"][:, 1].tolist() == [0.5, 0.0, 0.25]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["single-label", "multi-label"]
    assert ax.get_ylabel() == "|micro precision − micro recall|"  # a minus sign, as in prose


def test_gap_sweep_says_how_many_cases_differ_and_calls_an_all_zero_strip_exact():
    gaps = {"single-label": [Fraction(0)] * 5, "labels left out": [0, Fraction(1, 3), 0.5]}
    summary = texts(plots.gap_sweep(gaps).axes[0], "summary-")
    assert summary == {
        "summary-0": "P ≠ R in 0 of 5\nlargest gap 0 (exactly)",
        "summary-1": "P ≠ R in 2 of 3\nlargest gap 0.500",
    }


def test_gap_sweep_draws_the_same_figure_for_the_same_numbers():
    gaps = {"a": [0.1, 0.2, 0.3]}
    first = plots.gap_sweep(gaps).axes[0].collections[0].get_offsets()
    again = plots.gap_sweep(gaps).axes[0].collections[0].get_offsets()
    np.testing.assert_array_equal(first, again)


def test_gap_sweep_has_no_tick_above_one():
    ticks = plots.gap_sweep({"a": [0.0, 0.99]}).axes[0].get_yticks()
    assert ticks.max() == pytest.approx(1.0) and ticks.min() == 0


@pytest.mark.parametrize(
    ("gaps", "message"),
    [
        ({}, "gaps must be a non-empty dict"),
        ([0.1, 0.2], "gaps must be a non-empty dict"),
        ({"a": []}, "a must be a non-empty 1-D sequence"),
        ({"a": [0.1, 1.5]}, "a holds 1.5 at position 1: scores must be from 0 to 1"),
        ({"a": [float("nan")]}, "a holds nan at position 0"),
    ],
)
def test_gap_sweep_refuses_bad_gaps(gaps, message):
    with pytest.raises(ValueError, match=message):
        plots.gap_sweep(gaps)
