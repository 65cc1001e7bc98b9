"""The explorers' speed in the page: script time in Chromium, as ratios to a 60 Hz frame.

Goals (printed, never asserted):

* one edit to a 10 x 10 matrix explorer (a count typed into a cell: parse, check, recompute
  every number, redraw the readout and the shading) costs at most 1/8 of a frame (2 ms);
* a many-classifiers redraw of 300 classifiers x 1,000 test rows (simulate, score, both
  scatter plots) costs at most 3 frames;
* a drag of a many-classifiers slider, one input event every 8 ms (a 125 Hz mouse) for 60
  steps, shows its last value at most twice as late after its last event as one step on its
  own does (the redraw under way, then the one of that value): the view redraws at most once
  per animation frame, so a drag never queues redraws, however long it lasts.

Each explorer's real bundle (``front_end``) is rendered into a bare page with a stand-in
for the widget model (``get``, ``set``, ``on``, ``save_changes``), so only the explorer's own
script is timed: ``performance.now()`` around the synchronous update. The baseline, run in
the same page, is one call of ``metrics.summarize`` on the same matrix: the arithmetic alone;
a drag's latency (from the moment its last event was due to the frame after the one that
painted that value) is measured against the same latency of one step on its own, timed in
the same page.

Run with ``python benchmarks/bench_widgets.py`` (needs /usr/bin/chromium).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

from microavg.explorers.base import front_end, style
from microavg.explorers.many import many_classifiers
from microavg.explorers.matrix import matrix_explorer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import chromium

FRAME_MS = 1000 / 60
EDIT_GOAL = 1 / 8  # of a frame
REDRAW_GOAL = 3  # frames
DRAG_STEPS, DRAG_EVERY_MS = 60, 8  # a 125 Hz mouse, for about half a second
DRAG_GOAL = 2  # steps on their own

_MODEL = """
class Model {
  constructor(state) { this.state = {...state}; this.handlers = []; }
  get(name) { return this.state[name]; }
  set(name, value) {
    const changes = typeof name === "string" ? {[name]: value} : name;
    Object.assign(this.state, changes);
    for (const handler of this.handlers) handler();
  }
  on(_event, handler) { this.handlers.push(handler); }
  off() { this.handlers = []; }
  save_changes() {}
}
"""

_PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>{css}</style></head>
<body><div id="root"></div><script type="module">
{model}
const view = await import("data:text/javascript," + encodeURIComponent({bundle}));
window.model = new Model({state});
view.default.render({{model: window.model, el: document.getElementById("root")}});
window.ready = true;
</script></body></html>"""

_EDITS = """(repeat) => {
  const times = [];
  const cells = [...document.querySelectorAll("input.ma-cell")];
  for (let n = 0; n < repeat; n += 1) {
    const cell = cells[(n * 37) % cells.length];
    cell.focus();
    cell.value = String(1 + ((n * 7919) % 90));  // below the largest count: shading stays put
    const start = performance.now();
    cell.dispatchEvent(new Event("input"));
    times.push(performance.now() - start);
  }
  return times;
}"""

# performance.now() ticks in 0.1 ms steps here: the arithmetic is timed 100 calls at a time.
_SUMMARIZE = """(repeat) => {
  const counts = window.model.get("counts");
  const kept = counts.map((_, i) => i);
  const times = [];
  for (let n = 0; n < repeat; n += 1) {
    const start = performance.now();
    for (let m = 0; m < 100; m += 1) window.metrics.summarize(counts, kept, 0);
    times.push((performance.now() - start) / 100);
  }
  return times;
}"""

_REDRAWS = """(repeat) => {
  const times = [];
  for (let n = 0; n < repeat; n += 1) {
    const start = performance.now();
    window.model.set("seed", n % 100);
    times.push(performance.now() - start);
  }
  return times;
}"""

# The drag's events come as a mouse's do: one due every 8 ms whether or not the page keeps
# up, and when the page is free it is handed every event due by then, one after the other
# (a browser's input queue drained). A view that redraws on every event takes one redraw per
# event, so a drag's events pile up behind them and its end lags further the longer it lasts.
_DRAG = """async ([steps, every]) => {
  const range = document.querySelector("input.ma-range-seed");
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  await frame();
  const start = performance.now();
  await new Promise((done) => {
    let n = 0;
    const drain = () => {
      while (n < steps && performance.now() >= start + (n + 1) * every) {
        n += 1;
        range.value = String(n % 100);
        range.dispatchEvent(new Event("input", { bubbles: true }));
      }
      if (n === steps) done();
      else setTimeout(drain, Math.max(0, start + (n + 1) * every - performance.now()));
    };
    setTimeout(drain, every);
  });
  while (window.model.get("seed") !== steps % 100) await frame();
  await frame();  // the frame after the one that painted it
  return performance.now() - (start + steps * every);
}"""

# The baseline: one slider step on its own (after a few quiet frames), from its event to the
# same point, the frame after the one that painted it.
_STEP = """async (repeat) => {
  const range = document.querySelector("input.ma-range-seed");
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  const times = [];
  for (let n = 0; n < repeat; n += 1) {
    for (let i = 0; i < 3; i += 1) await frame();
    const seed = (window.model.get("seed") + 1) % 100;
    const start = performance.now();
    range.value = String(seed);
    range.dispatchEvent(new Event("input", { bubbles: true }));
    while (window.model.get("seed") !== seed) await frame();
    await frame();
    times.push(performance.now() - start);
  }
  return times;
}"""


def page_for(view: str, state: dict, folder: Path) -> Path:
    bundle = front_end(view) + "\nexport { summarize as benchSummarize };\n"
    html = _PAGE.format(
        css=style(), model=_MODEL, bundle=json.dumps(bundle), state=json.dumps(state)
    )
    html = html.replace(
        "window.ready = true;",
        "window.metrics = {summarize: view.benchSummarize};\nwindow.ready = true;",
    )
    path = folder / f"{view}.html"
    path.write_text(html, encoding="utf-8")
    return path


def median(times: list[float]) -> float:
    return statistics.median(times[5:])  # the first few warm the JIT


def main(repeat: int = 105) -> None:
    big = [[100 if i == j else (i * 10 + j) % 50 for j in range(10)] for i in range(10)]
    matrix = matrix_explorer(big)
    many = many_classifiers(300, n_samples=1000, n_labels=5, imbalance=1.0)
    matrix_state = {
        "labels": matrix.labels,
        "counts": matrix.counts,
        "kept": matrix.kept,
        "zero_division": "0",
        "presets": matrix.presets,
        "message": "",
    }
    many_state = {**many.state, "message": ""}
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(page_for("matrix_explorer", matrix_state, Path(folder)).as_uri())
        page.wait_for_function("() => window.ready === true")
        edit = median(page.evaluate(_EDITS, repeat))
        arithmetic = median(page.evaluate(_SUMMARIZE, repeat))
        page.goto(page_for("many_classifiers", many_state, Path(folder)).as_uri())
        page.wait_for_function("() => window.ready === true")
        redraw = median(page.evaluate(_REDRAWS, 25))
        step = median(page.evaluate(_STEP, 20))
        drags = [page.evaluate(_DRAG, [DRAG_STEPS, DRAG_EVERY_MS]) for _ in range(7)]
        drag = statistics.median(drags[2:])
        page.close()
    edit_frames, redraw_frames = edit / FRAME_MS, redraw / FRAME_MS
    print("10 x 10 matrix explorer, one typed count (parse, check, recompute, redraw):")
    print(
        f"  {edit:.3f} ms median = {edit_frames:.3f} of a 60 Hz frame "
        f"(goal <= {EDIT_GOAL:.3f}: {'meets' if edit_frames <= EDIT_GOAL else 'MISSES'} goal); "
        f"{edit / arithmetic:.1f} x the arithmetic alone (summarize: {arithmetic:.4f} ms)"
    )
    print("many classifiers, 300 classifiers x 1,000 rows, one redraw (simulate, score, plot):")
    print(
        f"  {redraw:.1f} ms median = {redraw_frames:.2f} frames "
        f"(goal <= {REDRAW_GOAL}: {'meets' if redraw_frames <= REDRAW_GOAL else 'MISSES'} goal)"
    )
    print(
        f"many classifiers, a slider dragged ({DRAG_STEPS} input events, one every "
        f"{DRAG_EVERY_MS} ms), from its last event to the frame after the one showing it:"
    )
    print(
        f"  {drag:.1f} ms median = {drag / step:.2f} x one step on its own ({step:.1f} ms) "
        f"(goal <= {DRAG_GOAL}: {'meets' if drag / step <= DRAG_GOAL else 'MISSES'} goal)"
    )


if __name__ == "__main__":
    main()
