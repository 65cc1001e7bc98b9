"""The explain-file explorer's speed in the page: a 1,000,000-row CSV explained in Chromium,
as a ratio to parsing the same text alone with the same parser.

Goal (printed, never asserted): reading, counting and explaining the text (``explainText``
inside the view's real bundle, ``front_end("explain_file")``, rendered into a bare page with
a stand-in for the widget model) costs at most 3x what papaparse (the same version, the
page's parser) takes to parse the same text with the same delimiter, timed in the same page
with ``performance.now()``: the median of a few runs each.

Run with ``python benchmarks/bench_explain_file.py`` (needs /usr/bin/chromium).
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from microavg.explorers.base import front_end, style

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import ROOT, chromium

ROWS = 1_000_000
GOAL = 3.0
REPEAT = 3
LABELS = ["PER", "LOC", "ORG", "MISC", "O"]

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<style>{css}</style><script src="papaparse.min.js"></script><script src="text.js"></script>
<script src="bundle.js"></script>
</head><body><div id="root"></div></body></html>"""

RUN = """async ({repeat}) => {
  const url = URL.createObjectURL(new Blob([BUNDLE], {type: "text/javascript"}));
  const view = (await import(url)).default;
  const parse = [];
  for (let i = 0; i < repeat; i += 1) {
    const t0 = performance.now();
    const rows = Papa.parse(TEXT, {delimiter: ",", quoteChar: '"', escapeChar: '"'}).data;
    parse.push(performance.now() - t0);
    if (rows.length < 2) throw new Error("nothing parsed");
  }
  const explain = [];
  for (let i = 0; i < repeat; i += 1) {
    const state = {text: TEXT, true: "true", pred: "pred", counts: "", labels: null, message: ""};
    const model = {get: (k) => state[k], set: (k, v) => { if (typeof k === "string") state[k] = v;
      else Object.assign(state, k); }, on() {}, off() {}, save_changes() {}};
    const el = document.createElement("div");
    document.getElementById("root").replaceChildren(el);
    const t0 = performance.now();
    view.render({model, el});
    explain.push(performance.now() - t0);
    if (!el.querySelector(".ma-ef-output p").textContent.startsWith("Micro precision")) {
      throw new Error("not explained: " + el.textContent.slice(0, 200));
    }
  }
  return {parse, explain, chars: TEXT.length};
}"""


def text_of(rows: int) -> str:
    rng = random.Random(0)
    lines = ["true,pred"]
    for _ in range(rows):
        t = rng.choice(LABELS)
        lines.append(f"{t},{t if rng.random() < 0.8 else rng.choice(LABELS)}")
    return "\n".join(lines) + "\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        bundle = json.dumps(front_end("explain_file"))
        (root / "bundle.js").write_text(f"window.BUNDLE = {bundle};", encoding="utf-8")
        shutil.copy(ROOT / "node_modules" / "papaparse" / "papaparse.min.js", root)
        text = text_of(ROWS)
        (root / "text.js").write_text(f"window.TEXT = {json.dumps(text)};", encoding="utf-8")
        (root / "bench.html").write_text(PAGE.format(css=style()), encoding="utf-8")
        with chromium() as browser:
            context = browser.new_context()
            page = context.new_page()
            page.goto((root / "bench.html").as_uri())
            timed = page.evaluate(RUN, {"repeat": REPEAT})
            context.close()
    parse, explain = statistics.median(timed["parse"]), statistics.median(timed["explain"])
    ratio = explain / parse
    print(f"explain-file: {ROWS:,} rows, {timed['chars']:,} characters (median of {REPEAT} runs)")
    print(f"  papaparse alone (baseline)        {parse:9.1f} ms")
    print(f"  read, count, explain, draw        {explain:9.1f} ms   {ratio:.2f}x the parse")
    print(f"  goal: at most {GOAL:.0f}x: {'met' if ratio <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
