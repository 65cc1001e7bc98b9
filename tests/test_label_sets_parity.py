"""The label-set explorers' JavaScript against their Python, on the same inputs, under Node.

* ``set_rules.js`` against ``microavg.explorers.set_rules``: the same data
  (``set_rules.json``), the same functions under the same names, the same values accepted
  and the same refusals, word for word, hostile inputs included;
* ``label_sets.js`` against the engine: predicted sets as ``microavg.predictions`` makes
  them (abstaining, thresholds, top-k), and their counts and scores as ``microavg.scores``,
  ``label_counts`` and ``accuracy`` give them on indicator arrays, on the lesson's data and
  on random tables; and its own guards against bad input.
"""

from __future__ import annotations

import math
from fractions import Fraction

import microavg as ma
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from microavg import examples, predictions
from microavg.explorers import rules, set_rules
from node_js import NodeModules, require_node

ANIMALS = list(examples.ANIMAL_LABELS)
TOLERANCE = 1e-12


@pytest.fixture(scope="module")
def js():
    runner = NodeModules(require_node())
    yield runner
    runner.close()


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def python_answer(fn, *args) -> dict:
    try:
        value = fn(*args)
    except rules.RefusedEdit as err:
        return {"error": "RefusedEdit", "message": str(err)}
    return {"value": list(value) if isinstance(value, tuple) else value}


def assert_same_answer(js, name: str, *args) -> dict:
    mine = js.call("set_rules", camel(name), *args)
    theirs = python_answer(getattr(set_rules, name), *args)
    assert mine == theirs, (name, args)
    return theirs


# --- set_rules.js --------------------------------------------------------------------------


def test_set_rules_js_reads_the_same_data_as_set_rules_py(js):
    assert js.value("set_rules", "SET_RULES") == set_rules.SET_RULES
    for name in ("MAX_ITEMS", "UNKNOWN", "CONTROLS", "MESSAGES"):
        assert js.value("set_rules", name) == getattr(set_rules, name), name
    assert js.value("set_rules", "MODES") == list(set_rules.MODES)


def test_every_set_rule_has_the_same_name_in_both_languages(js):
    exported = js.exports("set_rules")
    functions = {n for n in set_rules.__all__ if n[0].islower()}
    js_functions = {n for n, kind in exported.items() if kind == "function"}
    assert js_functions == {camel(n) for n in functions}
    assert {n for n in set_rules.__all__ if n.isupper()} <= set(exported)


HOSTILE = [
    None,
    True,
    0,
    -1,
    1.5,
    math.nan,
    math.inf,
    -math.inf,
    10**20,
    "",
    " ",
    "<b>",
    "$x$",
    [],
    {},
]


@pytest.mark.parametrize(
    "mode", ["abstain", "threshold", "top_k", "argmax", "", "<b>", None, 3, []]
)
def test_a_mode_is_taken_or_refused_in_the_same_words(js, mode):
    assert_same_answer(js, "check_mode", mode)


@pytest.mark.parametrize("mode", ["abstain", "threshold", "nope"])
@pytest.mark.parametrize("value", [0, 1, 0.5, 0.35, 1e-9, *HOSTILE])
def test_a_cut_is_taken_or_refused_in_the_same_words(js, value, mode):
    assert_same_answer(js, "check_cut", value, mode)


@pytest.mark.parametrize("value", [1, 2, 3, 4, *HOSTILE])
def test_a_k_is_taken_or_refused_in_the_same_words(js, value):
    assert_same_answer(js, "check_top_k", value, 3)


@pytest.mark.parametrize("value", [True, False, *HOSTILE])
def test_a_flag_is_taken_or_refused_in_the_same_words(js, value):
    assert_same_answer(js, "check_flag", value, set_rules.CONTROLS["unknown"])


LABEL_SETS = [
    ANIMALS,
    ["cat", "unknown"],
    ["a"],
    ["a", "a"],
    ["<b>", "$x$"],
    [" ", "a"],
    [1, 2],
    "cat",
    None,
    ["x" * 21, "y"],
]


@pytest.mark.parametrize("mode", ["abstain", "threshold", "top_k", "bad"])
@pytest.mark.parametrize("labels", LABEL_SETS, ids=[repr(x)[:30] for x in LABEL_SETS])
def test_scored_labels_are_taken_or_refused_in_the_same_words(js, labels, mode):
    assert_same_answer(js, "check_scored_labels", labels, mode)


SCORES = {
    "the animals": examples.animal_probabilities()[1],
    "ones and zeros": [[1, 0, 0], [0, 1, 0]],
    "no rows": [],
    "too many rows": [[0.1, 0.2, 0.7]] * 21,
    "twenty rows": [[0.1, 0.2, 0.7]] * 20,
    "a short row": [[0.1, 0.2, 0.7], [0.5, 0.5]],
    "a row not a list": [[0.1, 0.2, 0.7], "0.5"],
    "above 1": [[0.1, 1.5, 0.7]],
    "negative": [[-0.1, 0.5, 0.7]],
    "nan": [[math.nan, 0.5, 0.7]],
    "inf": [[math.inf, 0.5, 0.7]],
    "text": [["0.5", 0.5, 0.7]],
    "bool": [[True, 0.5, 0.7]],
    "None": [[None, 0.5, 0.7]],
    "a huge integer": [[10**30, 0, 0]],
    "not a list": "scores",
    "a mapping": {"a": 1},
}


@pytest.mark.parametrize("case", SCORES, ids=list(SCORES))
def test_scores_are_taken_or_refused_in_the_same_words(js, case):
    assert_same_answer(js, "check_scores", SCORES[case], ANIMALS)


TRUTHS = {
    "the animals": (examples.animal_probabilities()[0], 8),
    "too few": (["cat"], 2),
    "too many": (["cat", "dog", "fox"], 2),
    "unknown label": (["cat", "wolf"], 2),
    "a number": (["cat", 3], 2),
    "None": (["cat", None], 2),
    "markup": (["<b>"], 1),
    "not a list": ("cat", 1),
}


@pytest.mark.parametrize("case", TRUTHS, ids=list(TRUTHS))
def test_true_labels_are_taken_or_refused_in_the_same_words(js, case):
    truths, n = TRUTHS[case]
    assert_same_answer(js, "check_truths", truths, ANIMALS, n)


INDICATORS = {
    "photo tags": examples.photo_tags()[1],
    "booleans": [[True, False, True]],
    "a 2": [[1, 2, 0]],
    "a half": [[1, 0.5, 0]],
    "minus one": [[1, -1, 0]],
    "nan": [[1, math.nan, 0]],
    "text": [[1, "1", 0]],
    "None": [[None, 0, 0]],
    "a short row": [[1, 0]],
    "a long row": [[1, 0, 0, 1]],
    "no items": [],
    "21 items": [[0, 0, 0]] * 21,
    "20 items": [[0, 1, 0]] * 20,
    "not a list": "1,0,1",
    "a row not a list": [7],
}


@pytest.mark.parametrize("side", ["true tags", "predicted tags"])
@pytest.mark.parametrize("case", INDICATORS, ids=list(INDICATORS))
def test_indicator_tables_are_taken_or_refused_in_the_same_words(js, case, side):
    assert_same_answer(js, "check_indicators", INDICATORS[case], list(examples.PHOTO_TAGS), side)


def test_a_refusal_names_the_control_as_the_page_shows_it():
    with pytest.raises(rules.RefusedEdit, match=r"^predicted tag dog of item 2 must be 0 or 1"):
        set_rules.check_indicators(
            [[0, 0, 0], [0, 3, 0]], ["beach", "dog", "sunset"], "predicted tags"
        )
    with pytest.raises(rules.RefusedEdit, match=r"^score of item 1, <b> must be a finite real"):
        set_rules.check_scores([[0.5, math.nan]], ["a", "<b>"])
    with pytest.raises(rules.RefusedEdit, match=r'^labels must not hold "unknown"'):
        set_rules.check_scored_labels(["cat", "unknown"], "abstain")
    assert set_rules.check_scored_labels(["cat", "unknown"], "threshold") == ["cat", "unknown"]


# --- label_sets.js -------------------------------------------------------------------------


def engine_sets(scores, mode, cut, k) -> list[list[int]]:
    if mode == "threshold":
        return predictions.threshold_sets(scores, cut).astype(int).tolist()
    if mode == "top_k":
        return predictions.top_k_sets(scores, k).astype(int).tolist()
    answers = predictions.abstain_below(scores, cut, unknown=-1)
    out = np.zeros(np.shape(scores), dtype=int)
    answered = answers >= 0
    out[np.flatnonzero(answered), answers[answered]] = 1
    return out.tolist()


def assert_scored_alike(js, truth, pred) -> None:
    got = js.value("label_sets", "scoreSets", truth, pred, 0)
    t, p = np.array(truth), np.array(pred)
    lc = ma.label_counts(t, p)
    for part in ("tp", "fp", "fn", "support"):
        assert got["labels"][part] == getattr(lc, part).tolist(), part
    exact = ma.scores(t, p, exact=True)
    close = ma.scores(t, p)
    for part in ("precision", "recall", "f1"):
        numerator, denominator = got["micro"]["parts"][part]
        if denominator:
            assert Fraction(numerator, denominator) == getattr(exact, part)
        assert abs(got["micro"][part] - getattr(close, part)) <= TOLERANCE
    assert (got["sumTp"], got["sumFp"], got["sumFn"]) == tuple(
        int(x.sum()) for x in (lc.tp, lc.fp, lc.fn)
    )
    assert got["residual"] == got["sumFp"] - got["sumFn"]
    subset = ma.accuracy(t, p, exact=True)
    assert Fraction(*got["subsetAccuracy"]["parts"]) == subset
    covered = Fraction(int(((t & p).sum(axis=1) == t.sum(axis=1)).sum()), len(t))
    assert Fraction(*got["covered"]["parts"]) == covered
    for n, item in enumerate(got["items"]):
        assert item["fp"] == int((p[n] & (1 - t[n])).sum())
        assert item["fn"] == int((t[n] & (1 - p[n])).sum())
        assert item["size"] == int(p[n].sum())


CUTS = [0.0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.7, 0.8, 0.85, 0.9, 1.0]


@pytest.mark.parametrize("mode", ["abstain", "threshold"])
@pytest.mark.parametrize("cut", CUTS)
def test_label_sets_js_predicts_and_scores_the_animals_as_the_engine(js, mode, cut):
    y_true, y_score = examples.animal_probabilities()
    pred = js.value("label_sets", "predictedSets", y_score, mode, cut, 1)
    assert pred == engine_sets(y_score, mode, cut, 1)
    truth = predictions.one_hot(y_true, ANIMALS).astype(int).tolist()
    assert_scored_alike(js, truth, pred)


@pytest.mark.parametrize("k", [1, 2, 3])
@pytest.mark.filterwarnings(
    "ignore:'k' \\(3\\) greater than or equal:sklearn.exceptions.UndefinedMetricWarning"
)
def test_label_sets_js_top_k_is_the_engines_and_recall_is_top_k_accuracy(js, k):
    from sklearn.metrics import top_k_accuracy_score

    y_true, y_score = examples.animal_probabilities()
    pred = js.value("label_sets", "predictedSets", y_score, "top_k", 0.5, k)
    assert pred == engine_sets(y_score, "top_k", 0.5, k)
    truth = predictions.one_hot(y_true, ANIMALS).astype(int).tolist()
    assert_scored_alike(js, truth, pred)
    got = js.value("label_sets", "scoreSets", truth, pred, 0)
    assert got["covered"]["value"] == top_k_accuracy_score(y_true, y_score, k=k, labels=ANIMALS)
    assert got["micro"]["recall"] == got["covered"]["value"]
    tp, support = got["micro"]["parts"]["recall"]
    assert Fraction(*got["micro"]["parts"]["precision"]) == Fraction(tp, support * k)


@st.composite
def scored_tables(draw):
    # Scores drawn from a few values, so ties (arg-max, top k) and scores equal to the cut
    # are common.
    k = draw(st.integers(2, 6))
    n = draw(st.integers(1, 20))
    value = st.sampled_from([0.0, 0.1, 0.25, 0.3, 0.5, 0.5, 0.7, 1.0])
    scores = draw(st.lists(st.lists(value, min_size=k, max_size=k), min_size=n, max_size=n))
    truth = draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n))
    mode = draw(st.sampled_from(["abstain", "threshold", "top_k"]))
    return (
        scores,
        truth,
        mode,
        draw(st.sampled_from([0.0, 0.25, 0.3, 0.5, 0.7, 1.0])),
        draw(st.integers(1, k)),
    )


@given(scored_tables())
def test_label_sets_js_agrees_with_the_engine_on_random_scored_tables(js, case):
    scores, truth, mode, cut, k = case
    pred = js.value("label_sets", "predictedSets", scores, mode, cut, k)
    assert pred == engine_sets(scores, mode, cut, k)
    truth_sets = np.eye(len(scores[0]), dtype=int)[truth].tolist()
    assert_scored_alike(js, truth_sets, pred)


@st.composite
def indicator_tables(draw):
    k = draw(st.integers(2, 10))
    n = draw(st.integers(1, 20))
    row = st.lists(st.integers(0, 1), min_size=k, max_size=k)
    return draw(st.lists(row, min_size=n, max_size=n)), draw(st.lists(row, min_size=n, max_size=n))


@given(indicator_tables())
def test_label_sets_js_agrees_with_the_engine_on_random_tag_tables(js, case):
    assert_scored_alike(js, *case)


def test_label_sets_js_scores_the_photo_tags_as_the_engine(js):
    assert_scored_alike(js, *examples.photo_tags())


BAD_CALLS = {
    "scores empty": ("predictedSets", [], "threshold", 0.5, 1),
    "scores ragged": ("predictedSets", [[0.1, 0.2], [0.3]], "threshold", 0.5, 1),
    "score nan": ("predictedSets", [[math.nan, 0.2]], "threshold", 0.5, 1),
    "score text": ("predictedSets", [["0.1", 0.2]], "threshold", 0.5, 1),
    "cut nan": ("predictedSets", [[0.1, 0.2]], "threshold", math.nan, 1),
    "k too big": ("predictedSets", [[0.1, 0.2]], "top_k", 0.5, 3),
    "mode unknown": ("predictedSets", [[0.1, 0.2]], "argmax", 0.5, 1),
    "truth empty": ("scoreSets", [], [], 0),
    "a 2 in pred": ("scoreSets", [[1, 0]], [[2, 0]], 0),
    "shapes differ": ("scoreSets", [[1, 0]], [[1, 0, 0]], 0),
    "zero_division text": ("scoreSets", [[1, 0]], [[1, 0]], "nan"),
}


@pytest.mark.parametrize("case", BAD_CALLS, ids=list(BAD_CALLS))
def test_label_sets_js_refuses_what_it_cannot_score(js, case):
    fn, *args = BAD_CALLS[case]
    answer = js.call("label_sets", fn, *args)
    assert answer.get("error") in {"TypeError", "RangeError"}, answer


def test_label_sets_js_exports_only_what_checks_its_input(js):
    assert js.exports("label_sets") == {"predictedSets": "function", "scoreSets": "function"}
