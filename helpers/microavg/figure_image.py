"""A matplotlib figure shown as a PNG in an :class:`ipywidgets.Image`, redrawn where it changed.

The explorers in :mod:`microavg.widgets` keep one figure each and change its artists in
place (with the ``update_*`` functions of :mod:`microavg.plots`). :class:`FigureImage`
turns the figure into PNG bytes for an ``ipywidgets.Image``: it needs no matplotlib
widget backend, and because the bytes are the widget's state they are saved with the
notebook, so the picture also shows in exported HTML.

Drawing a whole figure is slow when it holds hundreds of texts (a 10 x 10 heatmap), so
:meth:`FigureImage.refresh` redraws only what changed. After a full draw it keeps two
things: the *backdrop* (the figure drawn without the artists inside its axes:
tick labels, axis labels and titles) and, for every artist inside the axes, a signature of
what it shows and where. On refresh it compares signatures; for each artist that
changed it restores the backdrop in the pixels the artist covered, before and after,
and draws again, clipped to those pixels and in z-order, every artist inside the axes
that reaches them. A change that may move things (a title, a legend, tick labels,
new axis limits) or an artist of a kind it does not know gets a full draw.

>>> import matplotlib
>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(2, 1), dpi=50)
>>> text = fig.add_subplot().text(0.5, 0.5, "1")
>>> view = FigureImage(fig)
>>> bytes(view.widget.value[:4])
b'\\x89PNG'
>>> text.set_text("2")
>>> view.refresh()
'partial'
>>> view.refresh()
'unchanged'
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import ipywidgets
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import Collection
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from PIL import Image

__all__ = ["FigureImage"]

# Pixels added around an artist's extent: antialiased edges reach past it.
_PAD = 3
# Beyond this many separate regions, redraw their bounding box at once.
_MAX_REGIONS = 12


class FigureImage:
    """Show ``figure`` in an ``ipywidgets.Image`` and redraw it after its artists change.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure to show. It is given a Agg canvas of its own; its size and layout are
        taken from its first draw.
    compress_level : int, default 1
        zlib level of the PNG: 1 encodes several times faster than the default 6 for a
        file a few per cent larger.

    Attributes
    ----------
    widget : ipywidgets.Image
        What to place in a layout; its ``value`` is the PNG.
    figure : matplotlib.figure.Figure

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1))
    >>> line, = fig.add_subplot().plot([0, 1], [0, 1])
    >>> view = FigureImage(fig)
    >>> line.set_ydata([1, 0])
    >>> view.refresh(), view.refresh(full=True)
    ('partial', 'full')
    """

    def __init__(self, figure: Figure, *, compress_level: int = 1) -> None:
        if not isinstance(figure, Figure):
            raise ValueError(f"figure must be a matplotlib Figure, got {type(figure).__name__}")
        if not 0 <= compress_level <= 9:
            raise ValueError(f"compress_level must be 0 to 9, got {compress_level!r}")
        self.figure = figure
        self._canvas = FigureCanvasAgg(figure)
        self._compress_level = compress_level
        self._backdrop: np.ndarray | None = None
        self._layer: list[tuple[Artist, Bbox | None]] = []
        self._signatures: list[object] = []
        self._frame: object = None
        width = round(figure.bbox.width)
        self.widget = ipywidgets.Image(
            format="png",
            layout=ipywidgets.Layout(width=f"{width}px", max_width="100%", height="auto"),
        )
        self.refresh(full=True)

    # -- public -------------------------------------------------------------------------

    def refresh(self, *, full: bool = False) -> str:
        """Bring the picture up to date with the figure's artists.

        Returns
        -------
        str
            ``"full"`` (the figure was drawn again), ``"partial"`` (only the regions of
            changed artists were) or ``"unchanged"`` (nothing to do).
        """
        if full or self._backdrop is None or self._frame_signature() != self._frame:
            self._draw_full()
            how = "full"
        else:
            regions = self._changed_regions()
            if regions is None:
                self._draw_full()
                how = "full"
            elif not regions:
                return "unchanged"
            else:
                self._draw_regions(regions)
                how = "partial"
        self.widget.value = self.png()
        return how

    def png(self) -> bytes:
        """The figure as last drawn, as PNG bytes."""
        pixels = np.asarray(self._canvas.buffer_rgba())
        out = io.BytesIO()
        Image.fromarray(pixels).save(out, format="PNG", compress_level=self._compress_level)
        return out.getvalue()

    def pixels(self) -> np.ndarray:
        """A copy of the figure as last drawn: height x width x RGBA, uint8."""
        return np.array(self._canvas.buffer_rgba())

    # -- what is drawn where --------------------------------------------------------------

    def _layer_artists(self) -> Iterator[Artist]:
        """Every artist inside the figure's axes, in the order matplotlib draws them."""
        for ax in self.figure.axes:
            # Titles sit above the axes and place themselves while the axes draw.
            frame = {ax.patch, ax.title, ax._left_title, ax._right_title}
            inside: list[tuple[float, int, Artist]] = []
            for n, child in enumerate(ax.get_children()):
                if isinstance(child, Axis):
                    ticks = child.get_major_ticks() + child.get_minor_ticks()
                    inside += [(child.get_zorder(), n, tick.gridline) for tick in ticks]
                elif child not in frame and not isinstance(child, Axes):
                    inside.append((child.get_zorder(), n, child))
            inside.sort(key=lambda item: (item[0], item[1]))
            yield from (artist for _, _, artist in inside)

    def _frame_signature(self) -> object:
        """What, if changed, moves or redraws things outside the axes: a full draw."""
        fig = self.figure
        parts: list[object] = [tuple(fig.bbox.bounds), [_text_sig(t) for t in fig.texts]]
        parts.append([[_text_sig(t) for t in legend.get_texts()] for legend in fig.legends])
        for ax in fig.axes:
            legend = ax.get_legend()
            parts.append(
                (
                    tuple(ax.get_position().bounds),
                    tuple(ax.viewLim.bounds),
                    ax.get_visible(),
                    [_text_sig(t) for t in (ax.title, ax._left_title, ax._right_title)],
                    [_text_sig(t) for t in ax.get_xticklabels() + ax.get_yticklabels()],
                    _text_sig(ax.xaxis.label),
                    _text_sig(ax.yaxis.label),
                    None
                    if legend is None
                    else (legend.get_visible(), [_text_sig(t) for t in legend.get_texts()]),
                    len(ax.get_children()),
                )
            )
        return parts

    def _extent(self, artist: Artist) -> Bbox | None:
        """Pixels the artist may touch, padded, or None when it shows nothing."""
        if not artist.get_visible():
            return None
        if isinstance(artist, Text) and not artist.get_text():
            return None
        renderer = self._canvas.get_renderer()
        box = artist.get_window_extent(renderer)
        pad = _PAD
        if isinstance(artist, Patch | Line2D):
            pad += artist.get_linewidth() * self.figure.dpi / 72
        if isinstance(artist, Line2D):
            pad += artist.get_markersize() * self.figure.dpi / 72
        return box.padded(pad)

    # -- drawing --------------------------------------------------------------------------

    def _draw_full(self) -> None:
        fig = self.figure
        engine = fig.get_layout_engine()
        if engine is not None:
            engine.execute(fig)  # lay out with every artist shown, then keep that layout
            fig.set_layout_engine("none")
        layer = list(self._layer_artists())
        shown = [artist.get_visible() for artist in layer]
        for artist in layer:
            artist.set_visible(False)
        try:
            self._canvas.draw()
        finally:
            for artist, visible in zip(layer, shown, strict=True):
                artist.set_visible(visible)
            if engine is not None:
                fig.set_layout_engine(engine)
        self._backdrop = self.pixels()
        renderer = self._canvas.get_renderer()
        for artist in layer:
            artist.draw(renderer)
        self._layer = [(artist, self._extent(artist)) for artist in layer]
        self._signatures = [_signature(artist) for artist in layer]
        self._frame = self._frame_signature()

    def _changed_regions(self) -> list[Bbox] | None:
        """Regions to redraw, or None when a full draw is needed."""
        layer = list(self._layer_artists())
        if len(layer) != len(self._layer) or any(
            a is not b for a, (b, _) in zip(layer, self._layer, strict=True)
        ):
            return None
        regions: list[Bbox] = []
        extents: list[tuple[Artist, Bbox | None]] = []
        signatures: list[object] = []
        for (artist, before), old in zip(self._layer, self._signatures, strict=True):
            new = _signature(artist)
            if new is None:
                return None
            signatures.append(new)
            if new == old:
                extents.append((artist, before))
                continue
            after = self._extent(artist)
            extents.append((artist, after))
            if isinstance(artist, AxesImage) and _same_but_data(old, new):
                regions += _changed_cells(artist, old[-1], new[-1])
            else:
                regions += [box for box in (before, after) if box is not None]
        self._layer, self._signatures = extents, signatures
        return _merge(regions, self.figure.bbox)

    def _draw_regions(self, regions: list[Bbox]) -> None:
        renderer = self._canvas.get_renderer()
        pixels = np.asarray(self._canvas.buffer_rgba())
        height = pixels.shape[0]
        for region in regions:
            x0, y0, x1, y1 = (int(v) for v in region.extents)
            pixels[height - y1 : height - y0, x0:x1] = self._backdrop[
                height - y1 : height - y0, x0:x1
            ]
            for artist, extent in self._layer:
                if extent is not None and extent.overlaps(region):
                    _draw_clipped(artist, renderer, region)


# -- helpers ------------------------------------------------------------------------------


def _text_sig(text: Text) -> tuple:
    return (
        text.get_visible(),
        text.get_text(),
        text.get_position(),
        str(text.get_color()),
        text.get_fontsize(),
        text.get_fontweight(),
        text.get_rotation(),
        text.get_horizontalalignment(),
        text.get_verticalalignment(),
        text.get_alpha(),
    )


def _signature(artist: Artist) -> object:
    """What an artist shows and where, comparable with ``==``; None for unknown kinds."""
    if isinstance(artist, Text):
        return _text_sig(artist)
    if isinstance(artist, Legend):
        # Its texts are in the frame signature too: a changed legend gets a full draw.
        return (artist.get_visible(), [_text_sig(t) for t in artist.get_texts()])
    if isinstance(artist, AxesImage):
        data = np.ma.getdata(artist.get_array())
        return (
            artist.get_visible(),
            artist.get_clim(),
            artist.get_cmap().name,
            tuple(artist.get_extent()),
            artist.get_alpha(),
            _Data(data),
        )
    if isinstance(artist, Patch):
        if isinstance(artist, Rectangle):
            shape: tuple = (*artist.get_xy(), artist.get_width(), artist.get_height())
            shape += (artist.get_angle(),)
        else:
            shape = (
                *artist.get_path().vertices.ravel().tolist(),
                *artist.get_patch_transform().get_matrix().ravel().tolist(),
            )
        return (
            artist.get_visible(),
            shape,
            tuple(artist.get_facecolor()),
            tuple(artist.get_edgecolor()),
            artist.get_linewidth(),
        )
    if isinstance(artist, Line2D):
        return (
            artist.get_visible(),
            _Data(np.asarray(artist.get_xydata())),
            str(artist.get_color()),
            artist.get_linewidth(),
            artist.get_marker(),
            artist.get_markersize(),
        )
    if isinstance(artist, Collection):
        return (
            artist.get_visible(),
            _Data(np.asarray(artist.get_offsets())),
            _Data(np.asarray(artist.get_facecolors())),
            _Data(np.asarray(artist.get_edgecolors())),
            _Data(np.asarray(artist.get_sizes())),
        )
    return None


class _Data:
    """An array in a signature: compared by value, holding its own copy."""

    __slots__ = ("array",)

    def __init__(self, array: np.ndarray) -> None:
        self.array = np.array(array, copy=True)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Data) and np.array_equal(self.array, other.array)

    __hash__ = None  # type: ignore[assignment]


def _same_but_data(old: tuple, new: tuple) -> bool:
    return old[:-1] == new[:-1] and old[-1].array.shape == new[-1].array.shape


def _changed_cells(image: AxesImage, old: _Data, new: _Data) -> list[Bbox]:
    """Display boxes of the image cells whose value changed."""
    rows, cols = np.nonzero(old.array != new.array)
    left, right, bottom, top = image.get_extent()
    n_rows, n_cols = new.array.shape[:2]
    width, height = (right - left) / n_cols, (top - bottom) / n_rows
    transform = image.axes.transData
    boxes = []
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        # imshow's default origin="upper": row 0 is at the top of the extent.
        row = r if image.origin == "lower" else n_rows - 1 - r
        corners = [
            (left + c * width, bottom + row * height),
            (left + (c + 1) * width, bottom + (row + 1) * height),
        ]
        boxes.append(Bbox(transform.transform(corners)).padded(_PAD))
    return boxes


def _merge(regions: list[Bbox], limit: Bbox) -> list[Bbox]:
    """Whole-pixel regions inside the figure, overlapping ones joined; one when many."""
    merged: list[Bbox] = []
    for box in regions:
        while (hit := next((m for m in merged if m.overlaps(box)), None)) is not None:
            merged.remove(hit)
            box = Bbox.union([box, hit])
        merged.append(box)
    if len(merged) > _MAX_REGIONS:
        merged = [Bbox.union(merged)]
    out = []
    for box in merged:
        x0, y0 = max(np.floor(box.x0), limit.x0), max(np.floor(box.y0), limit.y0)
        x1, y1 = min(np.ceil(box.x1), limit.x1), min(np.ceil(box.y1), limit.y1)
        if x1 > x0 and y1 > y0:
            out.append(Bbox([[x0, y0], [x1, y1]]))
    return out


def _draw_clipped(artist: Artist, renderer: object, region: Bbox) -> None:
    """Draw ``artist`` inside ``region`` only (and inside its own clip box, if it has one)."""
    clip_on, clip_box = artist.get_clip_on(), artist.get_clip_box()
    box = region if not (clip_on and clip_box) else Bbox.intersection(region, clip_box)
    if box is None:
        return
    artist.set_clip_box(box)
    artist.set_clip_on(True)
    try:
        artist.draw(renderer)
    finally:
        artist.set_clip_box(clip_box)
        artist.set_clip_on(clip_on)
