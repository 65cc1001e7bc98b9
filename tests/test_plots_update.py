"""F1 against accuracy: one point per classifier, the diagonal, updated in place."""

from __future__ import annotations

import matplotlib.pyplot as plt
import microavg as ma
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from microavg import plots


@pytest.fixture(autouse=True)
def no_figure_left_open():
    assert plt.get_fignums() == []
    yield
    assert plt.get_fignums() == [], "a figure was left open in pyplot"


def points(fig):
    """{panel gid: [[accuracy, f1], ...]} of the scatter points."""
    return {
        ax.get_gid(): next(c for c in ax.collections if c.get_gid() == "points")
        .get_offsets()
        .tolist()
        for ax in fig.axes
    }


def pixels(fig) -> np.ndarray:
    FigureCanvasAgg(fig).draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


def test_scatter_puts_micro_left_and_macro_right_against_accuracy():
    fig = plots.f1_accuracy_scatter([0.5, 0.9], [0.5, 0.9], [0.25, 0.75])
    assert points(fig) == {
        "micro-f1-against-accuracy": [[0.5, 0.5], [0.9, 0.9]],
        "macro-f1-against-accuracy": [[0.5, 0.25], [0.9, 0.75]],
    }
    for ax in fig.axes:
        assert ax.get_xlabel() == "accuracy"
        assert ax.get_xlim() == ax.get_ylim() == (0.0, 1.0)
        (diagonal,) = ax.lines
        assert diagonal.get_xydata().tolist() == [[0, 0], [1, 1]]
        assert ax.get_legend().get_texts()[0].get_text() == "F1 = accuracy"


def test_update_scatter_moves_the_points_and_matches_a_fresh_drawing():
    fig = plots.f1_accuracy_scatter([0.5], [0.5], [0.4])
    before = fig.axes[0].collections[0]
    plots.update_f1_accuracy_scatter(fig, [0.2, 0.6, 0.7], [0.2, 0.6, 0.7], [0.1, 0.65, 0.9])
    assert fig.axes[0].collections[0] is before  # the same artist, moved
    fresh = plots.f1_accuracy_scatter([0.2, 0.6, 0.7], [0.2, 0.6, 0.7], [0.1, 0.65, 0.9])
    assert points(fig) == points(fresh)
    assert np.array_equal(pixels(fig), pixels(fresh))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (([], [], []), "accuracy must be a non-empty 1-D sequence"),
        (([0.5], [1.5], [0.5]), "micro_f1 holds 1.5 at position 0: scores must be from 0 to 1"),
        (([0.5], [0.5], [float("nan")]), "macro_f1 holds nan at position 0"),
        (([0.5, 0.6], [0.5], [0.5]), "the score sequences differ in length"),
        (([[0.5]], [0.5], [0.5]), "accuracy must be a non-empty 1-D sequence"),
    ],
)
def test_scatter_refuses_bad_scores_by_name(args, message):
    with pytest.raises(ValueError, match=message):
        plots.f1_accuracy_scatter(*args)


def test_update_scatter_refuses_other_figures():
    fig = plots.label_counts_bars(ma.confusion_matrix(["A", "B"], ["A", "A"]))
    with pytest.raises(ValueError, match="fig must be a Figure drawn by f1_accuracy_scatter"):
        plots.update_f1_accuracy_scatter(fig, [0.5], [0.5], [0.5])
    with pytest.raises(ValueError, match="fig must be a Figure drawn by f1_accuracy_scatter"):
        plots.update_f1_accuracy_scatter("figure", [0.5], [0.5], [0.5])
