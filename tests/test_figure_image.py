"""FigureImage: a redraw of only what changed gives the very pixels of a full drawing."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import microavg as ma
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from microavg import plots
from microavg.figure_image import FigureImage
from PIL import Image

LABELS = list("ABCDEFGHIJ")


@pytest.fixture(autouse=True)
def no_figure_left_open():
    yield
    assert plt.get_fignums() == [], "a figure was left open in pyplot"


def matrix(counts) -> ma.ConfusionMatrix:
    return ma.ConfusionMatrix.from_counts(counts, labels=LABELS[: len(counts)])


def drawn_afresh(fig: Figure) -> np.ndarray:
    """The pixels of ``fig`` drawn whole, with the layout it had (layout not run again)."""
    engine = fig.get_layout_engine()
    fig.set_layout_engine("none")
    try:
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        return np.asarray(canvas.buffer_rgba()).copy()
    finally:
        fig.set_layout_engine(engine)


def same_pixels(view: FigureImage) -> bool:
    shown = view.pixels()
    decoded = np.asarray(Image.open(io.BytesIO(bytes(view.widget.value))))
    assert np.array_equal(decoded, shown), "the widget's PNG is not the figure as drawn"
    return np.array_equal(shown, drawn_afresh(view.figure))


@pytest.fixture
def heatmap():
    counts = np.arange(100).reshape(10, 10) % 37
    counts[0, 0] = 50  # the largest count, so the colour scale stays put below
    view = FigureImage(plots.confusion_heatmap(matrix(counts)))
    return view, counts


def test_first_drawing_is_the_whole_figure_as_png(heatmap):
    view, _ = heatmap
    image = Image.open(io.BytesIO(bytes(view.widget.value)))
    assert image.format == "PNG"
    assert image.size == tuple(round(v) for v in view.figure.bbox.size)
    assert same_pixels(view)


def test_one_changed_count_redraws_part_of_the_heatmap_with_the_pixels_of_a_full_draw(heatmap):
    view, counts = heatmap
    for i, j, value in [(3, 4, 7), (9, 9, 0), (0, 9, 1234), (5, 0, 36)]:
        counts[i, j] = value
        plots.update_confusion_heatmap(view.figure, matrix(counts))
        assert view.refresh() == "partial"
        assert same_pixels(view)


def test_a_new_largest_count_recolours_every_cell_and_still_matches(heatmap):
    view, counts = heatmap
    counts[2, 2] = 500
    plots.update_confusion_heatmap(view.figure, matrix(counts))
    assert view.refresh() == "partial"
    assert same_pixels(view)


def test_a_changed_title_or_legend_is_drawn_whole(heatmap):
    view, counts = heatmap
    plots.update_confusion_heatmap(view.figure, matrix(counts), highlight="B")
    assert view.refresh() == "full"
    assert same_pixels(view)


def test_nothing_changed_sends_nothing_new(heatmap):
    view, counts = heatmap
    before = bytes(view.widget.value)
    plots.update_confusion_heatmap(view.figure, matrix(counts))
    assert view.refresh() == "unchanged"
    assert bytes(view.widget.value) == before


def test_bars_and_scatter_updates_match_a_full_draw():
    cm = ma.confusion_matrix(list("AAAABBCCC"), list("AABCABBCC"))
    bars = FigureImage(plots.label_counts_bars(cm))
    plots.update_label_counts_bars(bars.figure, ma.confusion_matrix(list("AAAC"), list("AABB")))
    bars.refresh()
    assert same_pixels(bars)
    scatter = FigureImage(plots.f1_accuracy_scatter([0.5], [0.5], [0.4]))
    plots.update_f1_accuracy_scatter(scatter.figure, [0.3, 0.8], [0.3, 0.8], [0.2, 0.85])
    assert scatter.refresh() == "partial"
    assert same_pixels(scatter)


def test_an_artist_of_an_unknown_kind_gets_a_full_draw():
    from matplotlib.offsetbox import AnchoredText

    fig = Figure(figsize=(2, 2))
    ax = fig.add_subplot()
    ax.add_artist(AnchoredText("note", loc="center"))
    view = FigureImage(fig)
    assert view.refresh() == "full"


def test_refuses_what_is_not_a_figure():
    with pytest.raises(ValueError, match="figure must be a matplotlib Figure, got str"):
        FigureImage("figure")
    with pytest.raises(ValueError, match="compress_level must be 0 to 9"):
        FigureImage(Figure(), compress_level=10)
