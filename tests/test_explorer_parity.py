"""The explorers' JavaScript against their Python, on the same inputs, under Node.

* ``metrics.js`` against the engine: counts and scores of edge-case and random matrices,
  every ``zero_division``, labels left out; and its own guards against bad input;
* ``rules.js`` against ``microavg.explorers.rules``: the same values accepted and the same
  refusals, word for word;
* ``prng.js`` against ``microavg.simulation``: the same random stream and the same
  simulated classifiers, bit for bit, and the same scores;
* ``dom.js``'s number formats against ``microavg.prose``;
* each explorer's bundle loads as one module.
"""

from __future__ import annotations

import math
from fractions import Fraction
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from microavg import examples, prose, simulation
from microavg.counts import ConfusionMatrix
from microavg.explorers import rules
from microavg.explorers.base import front_end
from node_js import NodeModules, require_node

WORKED = [[2, 1, 1], [1, 1, 0], [0, 1, 2]]
ZERO_DIVISIONS = [0.0, 1.0, math.nan]
TOLERANCE = 1e-12
AVERAGES = ("micro", "macro", "weighted")
PARTS = ("precision", "recall", "f1")


@pytest.fixture(scope="module")
def js():
    runner = NodeModules(require_node())
    yield runner
    runner.close()


def same(mine: float, engine: float) -> bool:
    if math.isnan(engine) or math.isnan(mine):
        return math.isnan(engine) and math.isnan(mine)
    return abs(mine - engine) <= TOLERANCE


# --- metrics.js --------------------------------------------------------------------------


def assert_agrees(js, counts, kept, zd) -> None:
    got = js.value("metrics", "summarize", counts, kept, zd)
    cm = ConfusionMatrix.from_counts(counts)
    lc = cm.label_counts(kept)
    for part in ("tp", "fp", "fn", "support"):
        assert got["labels"][part] == getattr(lc, part).tolist()
    each = cm.scores(average=None, labels=kept, zero_division=zd)
    for part in PARTS:
        for mine, theirs in zip(got["perLabel"][part], getattr(each, part).tolist(), strict=True):
            assert same(mine, theirs), part
    for average in AVERAGES:
        scores = cm.scores(average=average, labels=kept, zero_division=zd)
        for part in PARTS:
            assert same(got[average][part], getattr(scores, part)), (average, part)
    exact = cm.scores(labels=kept, zero_division=zd, exact=True)
    for part in PARTS:
        numerator, denominator = got["micro"]["parts"][part]
        if denominator:
            assert Fraction(numerator, denominator) == getattr(exact, part)
    assert same(got["accuracy"]["value"], cm.accuracy())
    assert (got["sumFp"], got["sumFn"]) == (int(lc.fp.sum()), int(lc.fn.sum()))
    assert got["residual"] == got["sumFp"] - got["sumFn"]
    assert (got["allSumFp"], got["allSumFn"]) == (int(cm.fp.sum()), int(cm.fn.sum()))


EDGE_CASES = {
    "worked example": (WORKED, [0, 1, 2]),
    "zero row": ([[3, 1, 0], [0, 0, 0], [2, 0, 4]], [0, 1, 2]),
    "zero column": ([[3, 1, 0], [1, 2, 0], [2, 1, 0]], [0, 1, 2]),
    "label absent": ([[3, 0, 1], [0, 0, 0], [2, 0, 4]], [0, 1, 2]),
    "absent label kept alone": ([[3, 0, 1], [0, 0, 0], [2, 0, 4]], [1]),
    "label left out": (WORKED, [1, 2]),
    "two labels left out": (WORKED, [2]),
    "kept labels never predicted": ([[5, 0, 0], [4, 0, 0], [3, 0, 0]], [1, 2]),
    "nothing right": ([[0, 4], [6, 0]], [0, 1]),
    "every count 0": ([[0, 0], [0, 0]], [0, 1]),
    "largest counts": ([[1_000_000] * 10 for _ in range(10)], list(range(10))),
    "NER-like, O left out": (examples.ner_matrix().counts.tolist(), [1, 2, 3, 4]),
}


@pytest.mark.parametrize("zero_division", ZERO_DIVISIONS, ids=["zd=0", "zd=1", "zd=nan"])
@pytest.mark.parametrize("case", EDGE_CASES, ids=list(EDGE_CASES))
def test_metrics_js_agrees_with_the_engine_on_edge_cases(js, case, zero_division):
    counts, kept = EDGE_CASES[case]
    assert_agrees(js, counts, kept, zero_division)


def test_metrics_js_agrees_for_every_choice_of_labels_kept(js):
    counts = [[7, 0, 2, 1], [0, 0, 0, 0], [3, 0, 5, 0], [1, 0, 0, 0]]
    for size in range(1, 5):
        for kept in combinations(range(4), size):
            for zd in ZERO_DIVISIONS:
                assert_agrees(js, counts, list(kept), zd)


@st.composite
def matrices(draw):
    k = draw(st.integers(2, 10))
    cell = st.one_of(st.just(0), st.integers(0, 9), st.integers(0, 1_000_000))
    counts = draw(st.lists(st.lists(cell, min_size=k, max_size=k), min_size=k, max_size=k))
    kept = draw(st.lists(st.integers(0, k - 1), min_size=1, max_size=k, unique=True))
    return counts, sorted(kept), draw(st.sampled_from(ZERO_DIVISIONS))


@settings(max_examples=200, deadline=None)
@given(case=matrices())
def test_metrics_js_agrees_with_the_engine_on_random_matrices(js, case):
    assert_agrees(js, *case)


BAD_METRICS_CALLS = {
    "fraction of NaN": ("fraction", [math.nan, 1], "RangeError"),
    "fraction over 0": ("fraction", [1, 0], "RangeError"),
    "count of 2**53": ("summarize", [[[2**53, 0], [0, 1]], [0, 1], 0], "RangeError"),
    "negative count": ("summarize", [[[-1, 0], [0, 1]], [0, 1], 0], "RangeError"),
    "count as text": ("summarize", [[["3", 0], [0, 1]], [0, 1], 0], "RangeError"),
    "fractional count": ("summarize", [[[1.5, 0], [0, 1]], [0, 1], 0], "RangeError"),
    "ragged matrix": ("summarize", [[[1, 0], [0]], [0, 1], 0], "TypeError"),
    "no label kept": ("summarize", [WORKED, [], 0], "TypeError"),
    "a label kept twice": ("summarize", [WORKED, [0, 0], 0], "RangeError"),
    "a label not there": ("summarize", [WORKED, [3], 0], "RangeError"),
    'zero_division "nan"': ("summarize", [WORKED, [0], "nan"], "TypeError"),
}


@pytest.mark.parametrize("case", BAD_METRICS_CALLS, ids=list(BAD_METRICS_CALLS))
def test_metrics_js_refuses_what_it_cannot_count(js, case):
    fn, args, error = BAD_METRICS_CALLS[case]
    answer = js.call("metrics", fn, *args)
    assert answer.get("error") == error, answer


# --- rules.js ----------------------------------------------------------------------------


def python_answer(fn, *args, **kwargs) -> dict:
    try:
        return {"value": fn(*args, **kwargs)}
    except rules.RefusedEdit as err:
        return {"error": "RefusedEdit", "message": str(err)}


def test_rules_js_has_the_limits_of_rules_py(js):
    for name in ("K_MIN", "K_MAX", "MAX_COUNT", "MAX_ROWS", "MAX_LABEL_LENGTH"):
        assert js.value("rules", name) == getattr(rules, name), name
    simulation_js = js.value("rules", "SIMULATION")
    for name, (low, high, step) in rules.SIMULATION.items():
        assert simulation_js[name] == [low, high, step, isinstance(low, int)]


TYPED = [
    "12",
    " 007 ",
    "0",
    "",
    " ",
    "-1",
    "1.5",
    "abc",
    "1e3",
    "1000000",
    "1000001",
    "9" * 5000,
    ".",
    "0.5",
    "+3",
    "٣",
    "1_000",
    "0x10",
    "NaN",
    "Infinity",
    "<b>1</b>",
    "$$",
]


@pytest.mark.parametrize("text", TYPED)
def test_a_typed_count_is_taken_or_refused_in_the_same_words(js, text):
    where = "count of true A, predicted B"
    assert js.call("rules", "parseCount", text, where) == python_answer(
        rules.parse_count, text, where
    )


@pytest.mark.parametrize("text", ["3", "10", "11", "1", "0.5", ".", "", "4.0", "k", "-2"])
def test_a_typed_k_is_taken_or_refused_in_the_same_words(js, text):
    assert js.call("rules", "parseNumber", text, "k", 2, 10, True) == python_answer(
        rules.parse_number, text, "k", 2, 10, whole=True
    )


@pytest.mark.parametrize("name", list(rules.SIMULATION))
@pytest.mark.parametrize("text", ["0", "0.35", "1", "1.5", "3", "3.25", "99", "100", "", "1e-1"])
def test_a_typed_slider_value_is_taken_or_refused_in_the_same_words(js, name, text):
    low, high, _ = rules.SIMULATION[name]
    whole = isinstance(low, int)
    assert js.call("rules", "parseNumber", text, name, low, high, whole) == python_answer(
        rules.parse_number, text, name, low, high, whole=whole
    )


LABEL_SETS = [
    "A, B, C",
    "A, A",
    "A",
    "A,,B",
    " , B",
    "cat, dog, $$, <b>x</b>",
    "$x$, $\\foo$",
    ",".join("ABCDEFGHIJK"),
    "a very long label name indeed, B",
]


@pytest.mark.parametrize("text", LABEL_SETS)
def test_a_typed_label_set_is_taken_or_refused_in_the_same_words(js, text):
    assert js.call("rules", "parseLabels", text) == python_answer(rules.parse_labels, text)


PASTED = {
    "csv": "5,1\n2,7",
    "tsv with names": "\tcat\tdog\ncat\t5\t1\ndog\t2\t7",
    "header line": "cat,dog\n5,1\n2,7",
    "sklearn printed": "[[50  3]\n [ 7 40]]",
    "sklearn repr": "array([[2, 1, 1],\n       [1, 1, 0],\n       [0, 1, 2]])",
    "list of lists": "[[2, 1], [1, 1]]",
    "ragged": "1 2 3\n4 5",
    "not square": "1 2 3\n4 5 6",
    "one by one": "7",
    "eleven labels": "\n".join(" ".join("1" * 11) for _ in range(11)),
    "a bad count": "1,2\n3,x",
    "negative": "1,-2\n3,4",
    "all zero": "0 0\n0 0",
    "names disagree": ",a,b\nc,1,2\nd,3,4",
    "names repeated": "a,a\n1,2\n3,4",
    "blank": "   ",
    "only names": "a,b",
    "fractions": "1.5 2\n3 4",
}


@pytest.mark.parametrize("case", PASTED, ids=list(PASTED))
def test_a_pasted_matrix_is_read_or_refused_in_the_same_words(js, case):
    text = PASTED[case]
    mine = js.call("rules", "parseMatrix", text)
    theirs = python_answer(rules.parse_matrix, text)
    if "value" in theirs:
        counts, labels = theirs["value"]
        theirs = {"value": {"counts": counts, "labels": labels}}
    assert mine == theirs


RESIZES = [
    (["A", "B", "C"], WORKED, ["A", "B", "C"], 4),
    (["A", "B", "C"], WORKED, ["A", "B", "C"], 2),
    (["A", "B", "C"], WORKED, ["C"], 2),  # no label kept would stay: refused
    (["A", "B", "C"], [[0, 0, 0], [0, 0, 0], [0, 0, 5]], ["A", "B", "C"], 2),  # counts all 0
    (["X", "A", "C"], WORKED, ["X"], 5),  # fresh letters skip the taken ones
]


@pytest.mark.parametrize("case", RESIZES)
def test_resizing_makes_the_same_state_or_the_same_refusal(js, case):
    labels, counts, kept, k = case
    mine = js.call("rules", "resized", labels, counts, kept, k)
    theirs = python_answer(rules.resized, labels, counts, kept, k)
    if "value" in theirs:
        new_labels, new_counts, new_kept = theirs["value"]
        theirs = {"value": {"labels": new_labels, "counts": new_counts, "kept": new_kept}}
    assert mine == theirs


ROWS = [
    (["A", "B"], ["B", "B"], ["A", "B"]),
    (["A", "B"], ["B", "C"], ["A", "B"]),
    (["A", "C"], ["A", "A"], ["A", "B"]),
    ([], [], ["A", "B"]),
    (["A"] * 41, ["A"] * 41, ["A", "B"]),
]


@pytest.mark.parametrize("case", ROWS)
def test_rows_are_taken_or_refused_in_the_same_words(js, case):
    mine = js.call("rules", "checkRows", *case)
    theirs = python_answer(rules.check_rows, *case)
    if "value" in theirs:
        theirs = {"value": list(theirs["value"])}
    assert mine == theirs


def test_refusing_every_kept_label_uses_the_same_words(js):
    assert js.call("rules", "checkKeptLabels", [], ["A", "B"]) == python_answer(
        rules.check_kept, [], ["A", "B"]
    )
    assert js.call("rules", "checkNotEmpty", [[0, 0], [0, 0]]) == python_answer(
        rules.check_counts, [[0, 0], [0, 0]], 2
    )


# --- prng.js -----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 99, 2**32 - 1])
@pytest.mark.parametrize("stream", [1, 2, 5])
def test_the_random_stream_is_the_same_number_for_number(js, seed, stream):
    page = [js.value("prng", "uniform", seed, stream, i) for i in range(0, 5000, 97)]
    kernel = simulation.uniform(seed, stream, np.arange(0, 5000, 97)).tolist()
    assert page == kernel


SETTINGS = [
    dict(n_labels=3, n_samples=200, skill=0.7, imbalance=1.0, seed=0),
    dict(n_labels=2, n_samples=20, skill=0.0, imbalance=0.0, seed=1),
    dict(n_labels=10, n_samples=1000, skill=1.0, imbalance=3.0, seed=99),
    dict(n_labels=7, n_samples=333, skill=0.35, imbalance=2.25, seed=42),
    dict(n_labels=5, n_samples=2000, skill=0.95, imbalance=0.5, seed=7),
]


@pytest.mark.parametrize("params", SETTINGS, ids=[str(p["seed"]) for p in SETTINGS])
def test_the_page_simulates_the_same_classifiers_and_scores_them_as_the_engine(js, params):
    n = 40
    p = {
        "nClassifiers": n,
        "nLabels": params["n_labels"],
        "nSamples": params["n_samples"],
        "skill": params["skill"],
        "imbalance": params["imbalance"],
        "seed": params["seed"],
    }
    page = js.value("prng", "simulateClassifiers", p)
    y_true, y_pred = simulation.simulate_classifiers(n, **params)
    assert page["yTrue"] == y_true.tolist()
    assert page["yPred"] == y_pred.tolist()
    scored = js.value("prng", "f1AgainstAccuracy", page["yTrue"], page["yPred"], p["nLabels"])
    engine = simulation.f1_against_accuracy(y_true, y_pred)
    for name in ("accuracy", "micro_f1", "macro_f1"):
        assert np.allclose(scored[name], engine[name], rtol=0, atol=TOLERANCE), name
    assert scored["accuracy"] == engine["accuracy"].tolist()  # exactly: one division each
    assert scored["micro_f1"] == scored["accuracy"]


# --- dom.js number formats ---------------------------------------------------------------

VALUES = [
    0.0,
    1.0,
    0.5,
    5 / 9,
    2 / 3,
    0.12345,
    0.1225,
    0.00125,
    0.9995,
    0.99949999,
    1 / 8,
    0.0005,
    0.0015,
    -0.25,
    -0.0001,
    1e-300,
    123.456,
    0.985,
    49 / 400,
    0.4445,
]


@pytest.mark.parametrize("value", VALUES)
def test_percentages_are_written_as_prose_writes_them(js, value):
    assert js.value("dom", "percent", value) == prose.percent(value)
    assert js.value("dom", "points", value) == prose.signed(f"{100 * value:+.1f}")


def test_nan_and_fractions_are_written_as_prose_writes_them(js):
    assert js.value("dom", "percent", math.nan) == prose.percent(math.nan)
    for numerator, denominator in [(5, 9), (2, 2), (0, 7), (107, 147), (10, 4)]:
        value = numerator / denominator
        assert js.value("dom", "exact", [numerator, denominator], value) == prose.exact(
            Fraction(numerator, denominator)
        )
    assert js.value("dom", "signed", -3) == prose.signed(-3)


# --- bundles -----------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["prediction_editor", "matrix_explorer", "many_classifiers"])
def test_each_explorer_bundle_loads_as_one_module(js, view):
    loaded = js.ask({"bundle": front_end(view)})
    assert loaded["value"]["render"] == "function", loaded
