"""Explorer latency in the kernel, as a ratio to one bare ``fig.canvas.draw()`` of the same figure.

Goal (printed, never asserted): in a 10 x 10 matrix explorer, a changed count takes at most
30 ms, median, from the new text in the cell to the numbers and the heatmap updated (the
readout's HTML and the PNG of the heatmap set on their widgets, ready to be sent to the page).

The edit is what the page does when a person types a count and presses Enter: the cell's
``value`` is set. Cells are picked at random and given random counts below the largest one,
so the colour scale stays put (the common case); a new largest count recolours every cell and
is timed on its own. The baseline is one full draw of the same heatmap figure, measured in the
same run after the edits: ``fig.canvas.draw()`` as a user would call it (constrained layout
included), and the same draw with the layout kept, which is what the explorer does.

Run with ``python benchmarks/bench_widgets.py``.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np
from microavg import widgets

GOAL_MS = 30.0


def median_ms(fn: Callable[[int], object], repeat: int) -> float:
    fn(-1)  # warm up
    times = []
    for n in range(repeat):
        start = time.perf_counter()
        fn(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main(repeat: int = 41) -> None:
    rng = np.random.default_rng(0)
    explorer = widgets.matrix_explorer()
    counts = rng.integers(0, 50, size=(10, 10))
    counts[0, 0] = 100  # the largest count, never edited below
    explorer.counts = counts
    assert explorer.k == 10

    cells = [(i, j) for i in range(10) for j in range(10) if (i, j) != (0, 0)]
    picks = [cells[n] for n in rng.integers(0, len(cells), size=repeat + 1)]
    values = rng.integers(0, 99, size=repeat + 1)

    def edit(n: int) -> None:
        i, j = picks[n]
        explorer.cells[i][j].value = str(int(values[n]))

    edit_ms = median_ms(edit, repeat)
    assert explorer.message == "", explorer.message
    assert explorer.counts[picks[repeat - 1]] == values[repeat - 1]

    def recolour(n: int) -> None:
        explorer.cells[0][0].value = str(200 + n % 2)  # a new largest count each time

    recolour_ms = median_ms(recolour, 9)

    figure = explorer._heatmap.figure
    draw_ms = median_ms(lambda _: figure.canvas.draw(), 15)
    engine = figure.get_layout_engine()
    figure.set_layout_engine("none")
    try:
        fixed_ms = median_ms(lambda _: figure.canvas.draw(), 15)
    finally:
        figure.set_layout_engine(engine)

    verdict = "meets goal" if edit_ms <= GOAL_MS else "MISSES goal"
    print(f"10 x 10 matrix explorer, median of {repeat} edits")
    print(f"  one bare fig.canvas.draw() of the heatmap    {draw_ms:8.1f} ms   1.00 x")
    print(
        f"  the same draw with its layout kept           {fixed_ms:8.1f} ms   "
        f"{fixed_ms / draw_ms:.2f} x"
    )
    print(
        f"  changed count -> numbers and heatmap updated {edit_ms:8.1f} ms   "
        f"{edit_ms / draw_ms:.2f} x   goal <= {GOAL_MS:.0f} ms: {verdict}"
    )
    print(
        f"  new largest count (every cell recoloured)    {recolour_ms:8.1f} ms   "
        f"{recolour_ms / draw_ms:.2f} x"
    )


if __name__ == "__main__":
    main()
