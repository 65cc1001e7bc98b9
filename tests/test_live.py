"""The live explorer: its Python side (traits, refusals, the engine's numbers) and its
browser-side arithmetic, ``static/metrics.js``, run under Node and compared with the engine
on the same matrices: zero rows, zero columns, labels left out, every ``zero_division``.

Node missing: the JavaScript tests are skipped, except under ``CI=true`` where they fail.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from fractions import Fraction
from itertools import combinations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import to_hex
from microavg import examples, live, plots, widgets
from microavg.counts import ConfusionMatrix

WORKED = [[2, 1, 1], [1, 1, 0], [0, 1, 2]]
ZERO_DIVISIONS = [0.0, 1.0, math.nan]
TOLERANCE = 1e-12
AVERAGES = ("micro", "macro", "weighted")
PARTS = ("precision", "recall", "f1")


@pytest.fixture(autouse=True)
def no_figure_left_open():
    yield
    assert plt.get_fignums() == [], "a figure was left open in pyplot"


# --- metrics.js under Node -------------------------------------------------------------------

# Reads one JSON request per line, answers one JSON line: metrics.js's summary of a matrix,
# every number as String(x) (shortest round trip, "NaN" included), or the bundle's exports.
_RUNNER = r"""
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
const metrics = await import(pathToFileURL(process.argv[1]).href);
const PARTS = ["precision", "recall", "f1"];
const show = (x) => Array.isArray(x) ? x.map(show) : typeof x === "number" ? String(x) : x;
for await (const line of createInterface({ input: process.stdin })) {
  const request = JSON.parse(line);
  let answer;
  if (request.bundle !== undefined) {
    const module = await import("data:text/javascript," + encodeURIComponent(request.bundle));
    answer = { exports: Object.keys(module).sort(), render: typeof module.default.render };
  } else {
    const zd = { "0": 0, "1": 1, nan: NaN }[request.zero_division];
    const s = metrics.summarize(request.counts, request.kept, zd);
    answer = {
      tp: s.labels.tp, fp: s.labels.fp, fn: s.labels.fn, support: s.labels.support,
      per_label: Object.fromEntries(PARTS.map((p) => [p, show(s.perLabel[p])])),
      averages: Object.fromEntries(["micro", "macro", "weighted"].map((a) =>
        [a, Object.fromEntries(PARTS.map((p) => [p, show(s[a][p])]))])),
      micro_parts: s.micro.parts,
      accuracy: show(s.accuracy.value), accuracy_parts: s.accuracy.parts,
      sum_fp: s.sumFp, sum_fn: s.sumFn, residual: s.residual,
      all_sum_fp: s.allSumFp, all_sum_fn: s.allSumFn,
    };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
"""


class NodeMetrics:
    """One Node process running metrics.js, asked one matrix at a time."""

    def __init__(self, node: str) -> None:
        self.process = subprocess.Popen(
            [node, "--input-type=module", "-e", _RUNNER, str(live.STATIC / "metrics.js")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, request: dict) -> dict:
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"node exited with {self.process.wait()}"
        return json.loads(line)

    def summarize(self, counts: list[list[int]], kept: list[int], zero_division: float) -> dict:
        return self.ask(
            {
                "counts": counts,
                "kept": kept,
                "zero_division": "nan" if math.isnan(zero_division) else str(int(zero_division)),
            }
        )

    def close(self) -> None:
        self.process.stdin.close()
        code = self.process.wait(timeout=10)
        self.process.stdout.close()
        assert code == 0


@pytest.fixture(scope="module")
def js():
    node = shutil.which("node")
    if node is None:
        message = "node is missing: apt-get install -y nodejs"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: the parity tests may not be skipped)")
        pytest.skip(message)
    runner = NodeMetrics(node)
    yield runner
    runner.close()


def same(js_number: str, engine_number: float) -> bool:
    """A number from metrics.js equals the engine's: both nan, or within 1e-12."""
    value = float(js_number)
    if math.isnan(engine_number) or math.isnan(value):
        return math.isnan(engine_number) and math.isnan(value)
    return abs(value - engine_number) <= TOLERANCE


def assert_agrees(js: NodeMetrics, counts: list[list[int]], kept: list[int], zd: float) -> None:
    """metrics.js and the engine give the same counts and scores for this matrix."""
    got = js.summarize(counts, kept, zd)
    cm = ConfusionMatrix.from_counts(counts)
    lc = cm.label_counts(kept)
    assert (got["tp"], got["fp"], got["fn"], got["support"]) == (
        lc.tp.tolist(),
        lc.fp.tolist(),
        lc.fn.tolist(),
        lc.support.tolist(),
    )
    each = cm.scores(average=None, labels=kept, zero_division=zd)
    for part in PARTS:
        engine = getattr(each, part).tolist()
        assert len(got["per_label"][part]) == len(engine)
        for mine, theirs in zip(got["per_label"][part], engine, strict=True):
            assert same(mine, theirs), (part, got["per_label"][part], engine)
    for average in AVERAGES:
        scores = cm.scores(average=average, labels=kept, zero_division=zd)
        for part in PARTS:
            mine, theirs = got["averages"][average][part], getattr(scores, part)
            assert same(mine, theirs), (average, part, mine, theirs)
    # The fraction the page shows for micro scores is the engine's exact one.
    exact = cm.scores(labels=kept, zero_division=zd, exact=True)
    for part in PARTS:
        numerator, denominator = got["micro_parts"][part]
        if denominator:
            assert Fraction(numerator, denominator) == getattr(exact, part)
    assert same(got["accuracy"], cm.accuracy())
    correct, total = got["accuracy_parts"]
    assert (correct, total) == (cm.correct, cm.total)
    assert (got["sum_fp"], got["sum_fn"]) == (int(lc.fp.sum()), int(lc.fn.sum()))
    assert got["residual"] == got["sum_fp"] - got["sum_fn"]
    assert (got["all_sum_fp"], got["all_sum_fn"]) == (int(cm.fp.sum()), int(cm.fn.sum()))


EDGE_CASES = {
    "worked example": (WORKED, [0, 1, 2]),
    # B is never true: its recall (and only that) divides by zero.
    "zero row": ([[3, 1, 0], [0, 0, 0], [2, 0, 4]], [0, 1, 2]),
    # C is never predicted: its precision divides by zero.
    "zero column": ([[3, 1, 0], [1, 2, 0], [2, 1, 0]], [0, 1, 2]),
    # B is neither true nor predicted: precision, recall and F1 all divide by zero.
    "label absent": ([[3, 0, 1], [0, 0, 0], [2, 0, 4]], [0, 1, 2]),
    "absent label kept alone": ([[3, 0, 1], [0, 0, 0], [2, 0, 4]], [1]),
    # Left out, A still makes FPs and FNs for the kept labels.
    "label left out": (WORKED, [1, 2]),
    "two labels left out": (WORKED, [2]),
    "left-out label's zero row": ([[3, 1, 0], [0, 0, 0], [2, 0, 4]], [0, 2]),
    "kept labels never predicted": ([[5, 0, 0], [4, 0, 0], [3, 0, 0]], [1, 2]),
    "kept labels never true or predicted": ([[5, 0, 0], [0, 0, 0], [0, 0, 0]], [1, 2]),
    "diagonal only": ([[4, 0], [0, 6]], [0, 1]),
    "nothing right": ([[0, 4], [6, 0]], [0, 1]),
    "every count 0": ([[0, 0], [0, 0]], [0, 1]),
    "largest counts": ([[1_000_000] * 10 for _ in range(10)], list(range(10))),
    "NER-like, O left out": (examples.ner_matrix().counts.tolist(), [1, 2, 3, 4]),
    "imbalanced": (examples.imbalanced_matrix().counts.tolist(), [0, 1, 2]),
}


@pytest.mark.parametrize("zero_division", ZERO_DIVISIONS, ids=["zd=0", "zd=1", "zd=nan"])
@pytest.mark.parametrize("case", EDGE_CASES, ids=list(EDGE_CASES))
def test_metrics_js_agrees_with_the_engine_on_edge_cases(js, case, zero_division):
    counts, kept = EDGE_CASES[case]
    assert_agrees(js, counts, kept, zero_division)


def test_metrics_js_agrees_for_every_choice_of_labels_kept(js):
    counts = [[7, 0, 2, 1], [0, 0, 0, 0], [3, 0, 5, 0], [1, 0, 0, 0]]  # B absent, D never right
    for size in range(1, 5):
        for kept in combinations(range(4), size):
            for zd in ZERO_DIVISIONS:
                assert_agrees(js, counts, list(kept), zd)


@st.composite
def matrices(draw):
    """A k x k matrix (k 2..10) with many zeros, a non-empty set of labels kept, a zero_division."""
    k = draw(st.integers(2, 10))
    cell = st.one_of(st.just(0), st.integers(0, 9), st.integers(0, 1_000_000))
    counts = draw(st.lists(st.lists(cell, min_size=k, max_size=k), min_size=k, max_size=k))
    kept = draw(st.lists(st.integers(0, k - 1), min_size=1, max_size=k, unique=True))
    return counts, sorted(kept), draw(st.sampled_from(ZERO_DIVISIONS))


@settings(max_examples=300, deadline=None)
@given(case=matrices())
def test_metrics_js_agrees_with_the_engine_on_random_matrices(js, case):
    counts, kept, zero_division = case
    assert_agrees(js, counts, kept, zero_division)


def test_metrics_js_sums_in_the_engines_order_on_the_worked_example(js):
    # Not only close: the same IEEE arithmetic gives the very same floats.
    got = js.summarize(WORKED, [0, 1, 2], 0.0)
    macro = ConfusionMatrix.from_counts(WORKED).scores(average="macro")
    assert float(got["averages"]["macro"]["f1"]) == macro.f1
    assert float(got["averages"]["micro"]["precision"]) == 5 / 9


def test_front_end_bundle_loads_as_one_module_with_the_view_and_the_arithmetic(js):
    loaded = js.ask({"bundle": live.front_end()})
    assert loaded["render"] == "function"
    assert {"summarize", "labelCounts", "averagedScores", "default"} <= set(loaded["exports"])


# --- the Python side -------------------------------------------------------------------------


def test_explorer_starts_from_the_worked_example_with_every_label_kept():
    ex = live.explorer()
    assert (ex.labels, ex.counts, ex.kept) == (["A", "B", "C"], WORKED, ["A", "B", "C"])
    assert ex.zero_division == 0.0 and ex.message == "" and ex.k == 3


def test_state_sent_to_the_page_holds_counts_labels_kept_and_zero_division_as_json():
    ex = live.explorer(zero_division=math.nan)
    state = ex.get_state()
    assert state["counts"] == WORKED and state["labels"] == ["A", "B", "C"]
    assert state["zero_division"] == "nan"
    json.dumps(state, allow_nan=False)  # no bare NaN in a notebook's widget state
    ex.zero_division = 1
    assert ex.get_state()["zero_division"] == "1"


def test_state_edited_in_the_page_is_read_in_python():
    ex = live.explorer()
    # What the page sends after ticking off A and typing 5 in true C, predicted B.
    ex.set_state({"counts": [[2, 1, 1], [1, 1, 0], [0, 5, 2]], "kept": ["B", "C"], "message": ""})
    assert ex.counts[2][1] == 5 and ex.kept == ["B", "C"]
    # B and C: TP 1 + 2; predicted B 1 + 1 + 5, predicted C 1 + 0 + 2.
    assert ex.scores("micro", exact=True).precision == Fraction(3, 10)
    ex.set_state({"zero_division": "nan"})
    assert math.isnan(ex.zero_division)


def test_a_refusal_made_in_the_page_is_read_in_python():
    ex = live.explorer()
    ex.set_state({"message": 'Refused: true A, predicted B: "-1" is not a count'})
    assert ex.message.startswith("Refused: true A, predicted B")
    assert ex.counts == WORKED


def test_page_state_that_python_would_refuse_is_refused_whole():
    ex = live.explorer()
    with pytest.raises(ValueError, match="counts is 2 x 2 but there are 4 labels"):
        ex.set_state({"labels": ["A", "B", "C", "D"], "counts": [[1, 0], [0, 1]]})
    assert (ex.labels, ex.counts) == (["A", "B", "C"], WORKED)


def test_explorer_takes_numpy_counts_and_any_labels_shown_as_text():
    ner = examples.ner_matrix()
    ex = live.explorer(ner.counts, labels=ner.labels, kept=["PER", "ORG", "LOC", "MISC"])
    assert ex.counts == ner.counts.tolist() and ex.kept == ["PER", "ORG", "LOC", "MISC"]
    ex = live.explorer(np.array([[1, 2], [3, 4]]), labels=[0, 1])
    assert ex.labels == ["0", "1"]
    assert live.explorer([[1, 2], [3, 4]]).labels == ["A", "B"]


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ([[2, 1, 1], [1, 1, 0], [0, 1, -2]], "counts holds -2 at row 2, column 2: counts must be"),
        (
            [[2, 1, 1], [1, 1.5, 0], [0, 1, 2]],
            "counts holds 1.5 at row 1, column 1: counts must be",
        ),
        ([[2, 1, 1], [1, 1, 0], [0, 1, 1_000_001]], "counts holds 1000001 at row 2, column 2: "),
        ([[0, 0, 0], [0, 0, 0], [0, 0, 0]], "counts are all 0: there would be no rows to score"),
        ([[1, 2], [3, 4]], "counts is 2 x 2 but there are 3 labels"),
        ([[1, 2, 3], [4, 5, 6]], r"counts has shape \(2, 3\): expected a square"),
        ([["1", "2", "3"]] * 3, "counts has dtype <U1: expected whole numbers"),
    ],
)
def test_bad_counts_are_refused_by_name_and_the_last_good_state_kept(counts, message):
    ex = live.explorer()
    ex.kept = ["B", "C"]
    with pytest.raises(ValueError, match=message):
        ex.counts = counts
    assert (ex.counts, ex.kept) == (WORKED, ["B", "C"])
    assert ex.message.startswith("Refused: counts")


def test_refusal_message_clears_on_the_next_good_edit():
    ex = live.explorer()
    with pytest.raises(ValueError):
        ex.counts = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
    assert ex.message != ""
    ex.counts = [[1, 1, 1], [1, 1, 0], [0, 1, 2]]
    assert ex.message == ""


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("kept", [], "kept is empty: keep at least one label"),
        ("kept", ["A", "Z"], r"kept holds 'Z', not among labels \['A', 'B', 'C'\]"),
        ("labels", ["A", "B", "B"], "labels holds 'B' twice"),
        ("labels", ["A", " ", "C"], "labels holds the blank label ' '"),
        ("zero_division", 0.5, "zero_division must be 0.0, 1.0 or nan, got 0.5"),
    ],
)
def test_bad_labels_kept_or_zero_division_are_refused_by_name(name, value, message):
    ex = live.explorer()
    before = ex.get_state()
    with pytest.raises(ValueError, match=message):
        setattr(ex, name, value)
    assert ex.get_state() | {"message": ""} == before
    assert ex.message.startswith(f"Refused: {name}")


def test_kept_labels_are_put_in_the_matrix_order():
    ex = live.explorer()
    ex.kept = ["C", "A"]
    assert ex.kept == ["A", "C"]


def test_set_matrix_is_one_edit_refused_whole():
    ex = live.explorer()
    with pytest.raises(ValueError, match="counts holds -1 at row 0, column 1"):
        ex.set_matrix([[1, -1], [0, 1]], labels=["x", "y"])
    assert (ex.labels, ex.counts) == (["A", "B", "C"], WORKED)
    assert ex.message.startswith("Refused: counts holds -1")
    ex.set_matrix([[1, 2], [0, 1]], labels=["x", "y"])
    assert (ex.labels, ex.kept, ex.message) == (["x", "y"], ["x", "y"], "")


def test_growing_k_pads_with_zeros_and_new_labels_are_kept():
    ex = live.explorer()
    ex.kept = ["A", "C"]
    ex.k = 5
    assert ex.labels == ["A", "B", "C", "D", "E"]
    assert ex.counts == [[*row, 0, 0] for row in WORKED] + [[0] * 5, [0] * 5]
    assert ex.kept == ["A", "C", "D", "E"]


def test_shrinking_k_keeps_the_top_left_counts():
    ex = live.explorer()
    ex.k = 2
    assert (ex.labels, ex.counts, ex.kept) == (["A", "B"], [[2, 1], [1, 1]], ["A", "B"])


@pytest.mark.parametrize(
    ("k", "message"),
    [(1, "k = 1: the explorer takes 2 to 10 labels"), (11, "k = 11: the explorer takes")],
)
def test_k_out_of_range_is_refused(k, message):
    ex = live.explorer()
    with pytest.raises(ValueError, match=message):
        ex.k = k
    assert ex.k == 3 and ex.message == f"Refused: {message.split(':')[0]}: " + (
        "the explorer takes 2 to 10 labels"
    )


def test_shrinking_to_counts_of_zero_only_is_refused():
    ex = live.explorer([[0, 0, 0], [0, 0, 0], [0, 0, 5]])
    with pytest.raises(ValueError, match="counts are all 0"):
        ex.k = 2
    assert ex.k == 3


def test_presets_are_the_matrix_explorers_presets():
    ex = live.explorer()
    assert list(ex.presets) == list(widgets.PRESETS)
    for name, (text, make) in widgets.PRESETS.items():
        cm = make()
        ex.kept = [ex.labels[0]]
        ex.apply_preset(name)
        assert ex.presets[name]["text"] == text
        assert (ex.labels, ex.counts) == ([str(x) for x in cm.labels], cm.counts.tolist())
        assert ex.kept == ex.labels
    with pytest.raises(ValueError, match=r"name must be one of \['imbalanced', 'ner', 'worked'\]"):
        ex.apply_preset("nope")


def test_quantities_are_the_engines_numbers_for_the_labels_kept():
    ex = live.explorer()
    ex.kept = ["B", "C"]
    q = ex.quantities()
    # Worked example without A: B has TP 1, FP 2 (one from A's row), FN 1; C has TP 2, FP 1, FN 1.
    assert [q[f"{c} B"] for c in ("tp", "fp", "fn", "support")] == [1, 2, 1, 2]
    assert [q[f"{c} C"] for c in ("tp", "fp", "fn", "support")] == [2, 1, 1, 3]
    assert (q["sum-fp"], q["sum-fn"], q["residual"]) == (3, 2, 1)
    assert (q["all-sum-fp"], q["all-sum-fn"]) == (4, 4)
    assert q["micro-precision"] == 1 / 2 and q["micro-recall"] == 3 / 5
    assert q["accuracy"] == 5 / 9
    assert "tp A" not in q


def test_quantities_follow_zero_division():
    ex = live.explorer([[3, 0], [0, 0]], labels=["A", "B"], zero_division=math.nan)
    q = ex.quantities()
    assert math.isnan(q["label-precision B"]) and q["macro-precision"] == 1.0
    ex.zero_division = 1.0
    assert ex.quantities()["label-precision B"] == 1.0
    assert ex.quantities()["macro-precision"] == 1.0


def test_heat_colours_are_the_heatmaps_colour_map_level_by_level():
    fig = plots.confusion_heatmap(ConfusionMatrix.from_counts(WORKED))
    image = fig.axes[0].images[0]
    colours = live.heat_colours()
    assert len(colours) == image.get_cmap().N
    for value in (0.0, 0.3, 0.5, 1.0):
        level = min(int(value * len(colours)), len(colours) - 1)  # as explorer.js picks it
        assert colours[level] == to_hex(image.get_cmap()(value))


def test_front_end_inlines_metrics_once_and_keeps_no_relative_import():
    module = live.front_end()
    assert module.count("export function summarize(") == 1
    assert "./metrics.js" not in module
    assert module.rstrip().endswith("export default { render };")
