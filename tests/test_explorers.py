"""The explorers' Python side: state set and read from Python, refused whole with a message
in the widget and a ValueError, and state sent by the page checked the same way. Every
number Python reports comes from the engine. Named after what a hostile reader tried."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest
from microavg import examples, simulation
from microavg.explorers import rules
from microavg.explorers.editor import prediction_editor
from microavg.explorers.many import many_classifiers
from microavg.explorers.matrix import MatrixExplorer, matrix_explorer
from microavg.explorers.rules import RefusedEdit

WORKED = [[2, 1, 1], [1, 1, 0], [0, 1, 2]]


def refused(explorer, action, words: str) -> None:
    """``action`` raises a ValueError with ``words``; the widget says so; state unchanged."""
    before = explorer.state
    with pytest.raises(ValueError, match=words) as caught:
        action()
    assert isinstance(caught.value, RefusedEdit)
    assert explorer.message == f"Refused: {caught.value}"
    assert explorer.state == before or all(
        (a == b) or (isinstance(a, float) and math.isnan(a) and math.isnan(b))
        for a, b in zip(explorer.state.values(), before.values(), strict=True)
    )


# -- importing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "module",
    [
        "microavg.explorers",
        "microavg.explorers.rules",
        "microavg.explorers.matrix",
        "microavg.explorers.editor",
        "microavg.explorers.many",
    ],
)
def test_importing_an_explorer_loads_neither_pandas_nor_matplotlib(module):
    code = f"import sys, {module}; print(sorted({{'pandas', 'matplotlib'}} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_rules_need_numpy_only():
    code = (
        "import sys, microavg.explorers.rules; "
        "print(sorted({'anywidget', 'ipywidgets', 'traitlets'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_microavg_lists_explorers_among_its_lazy_modules_and_no_removed_one():
    import microavg as ma

    assert ma.explorers.matrix_explorer is matrix_explorer
    for gone in ("widgets", "live", "figure_image"):
        with pytest.raises(AttributeError):
            getattr(ma, gone)


# -- the matrix explorer --------------------------------------------------------------


def test_matrix_explorer_starts_from_the_worked_example_with_the_engines_numbers():
    ex = matrix_explorer()
    assert ex.labels == ex.kept == ["A", "B", "C"] and ex.counts == WORKED
    q = ex.quantities()
    assert q["micro-precision"] == q["accuracy"] == 5 / 9
    assert (q["sum-fp"], q["sum-fn"], q["residual"]) == (4, 4, 0)


def test_untick_a_and_b_then_shrinking_k_to_2_is_refused_so_a_label_stays_scored():
    ex = matrix_explorer()
    ex.kept = ["C"]
    refused(ex, lambda: setattr(ex, "k", 2), "labels \\(k\\) = 2 would leave no label scored")
    ex.kept = ["A", "B", "C"]  # and later edits still work
    ex.k = 2
    assert ex.kept == ["A", "B"] and ex.counts == [[2, 1], [1, 1]]
    assert ex.quantities()["macro-f1"] == ex.scores("macro").f1


def test_labels_that_do_not_fit_the_counts_are_refused_with_counts_and_kept_checked_together():
    ex = matrix_explorer()
    refused(ex, lambda: setattr(ex, "labels", ["X", "Y"]), "counts must be a 2 x 2 matrix")
    ex.labels = ["X", "Y", "Z"]  # renaming keeps the same positions scored
    assert ex.kept == ["X", "Y", "Z"] and ex.scores().f1 == 5 / 9
    refused(ex, lambda: ex.update(kept=["A"]), 'labels scored must be among X, Y, Z, got "A"')


@pytest.mark.parametrize("label", ["$$", "$\\foo$", "$x$", "<b>bold</b>", "a|b"])
def test_labels_holding_dollars_or_markup_are_plain_text(label):
    ex = matrix_explorer([[3, 1], [2, 4]], labels=[label, "other"])
    assert ex.labels == [label, "other"]
    assert f"tp {label}" in ex.quantities()


BAD_COUNTS = {
    "negative": ([[2, 1, 1], [1, 1, 0], [0, 1, -2]], r"counts\[2\]\[2\] must be a whole number"),
    "over the limit": ([[1_000_001, 1, 1], [1, 1, 0], [0, 1, 2]], "got 1000001"),
    "5,000 digits": ([[10**5000, 1, 1], [1, 1, 0], [0, 1, 2]], "a number of more than 12 digits"),
    "a fraction": ([[1.5, 1, 1], [1, 1, 0], [0, 1, 2]], r"got 1\.5$"),
    "nan": ([[math.nan, 1, 1], [1, 1, 0], [0, 1, 2]], r"got nan$"),
    "text": ([["3", 1, 1], [1, 1, 0], [0, 1, 2]], 'got "3"$'),
    "None": (None, "counts must be a 3 x 3 matrix"),
    "ragged": ([[1, 2, 3], [1, 2], [1, 2, 3]], "counts must be a 3 x 3 matrix"),
    "every count 0": ([[0] * 3] * 3, "got every count 0"),
    "a bool": ([[True, 1, 1], [1, 1, 0], [0, 1, 2]], r"got True$"),
}


@pytest.mark.parametrize("case", BAD_COUNTS, ids=list(BAD_COUNTS))
def test_bad_counts_from_python_are_refused_and_the_last_good_state_kept(case):
    counts, words = BAD_COUNTS[case]
    ex = matrix_explorer()
    refused(ex, lambda: setattr(ex, "counts", counts), words)


# The methods that replace the whole state: not rows at all, or more rows than labels can be
# named, is refused in the words of what is wrong (not "got 0" labels, not a TypeError).
WHOLE_STATE = {
    "set_matrix(None)": (matrix_explorer, lambda ex: ex.set_matrix(None), "counts must be a 3 x 3"),
    "set_matrix(5)": (matrix_explorer, lambda ex: ex.set_matrix(5), "counts must be a 3 x 3"),
    "set_matrix of 11 rows": (
        matrix_explorer,
        lambda ex: ex.set_matrix([[1] * 11] * 11),
        r"^labels must hold from 2 to 10 labels, got 11$",
    ),
    "set_rows(None, None)": (
        prediction_editor,
        lambda ex: ex.set_rows(None, None),
        "^true labels must be a list of labels, got None$",
    ),
    "set_rows(rows, None)": (
        prediction_editor,
        lambda ex: ex.set_rows(["A", "B"], None),
        "^predicted labels must be a list of labels, got None$",
    ),
}


@pytest.mark.parametrize("case", WHOLE_STATE, ids=list(WHOLE_STATE))
def test_a_whole_new_state_that_is_not_one_is_refused_in_its_own_words(case):
    make, action, words = WHOLE_STATE[case]
    ex = make()
    refused(ex, lambda: action(ex), words)


WRONGLY_TYPED = {
    "labels a number": ("labels", 5, "labels must be a list of labels, got 5"),
    "labels a string": ("labels", "ABC", 'labels must be a list of labels, got "ABC"'),
    "a label None": ("labels", ["A", None, "C"], r"labels must hold text, got None"),
    "kept a string": ("kept", "A", 'labels scored must be a list of labels, got "A"'),
    "counts a string": ("counts", "abc", "counts must be a 3 x 3 matrix"),
    "counts a dict": ("counts", {"a": 1}, "counts must be a 3 x 3 matrix"),
}


@pytest.mark.parametrize("case", WRONGLY_TYPED, ids=list(WRONGLY_TYPED))
def test_wrongly_typed_trait_values_are_refused_as_value_errors_with_a_message(case):
    name, value, words = WRONGLY_TYPED[case]
    ex = matrix_explorer()
    refused(ex, lambda: setattr(ex, name, value), words)


def test_numpy_counts_and_k_as_numpy_integer_are_taken():
    ex = matrix_explorer(np.array(WORKED, dtype=np.int64))
    ex.k = np.int64(4)
    assert ex.labels == ["A", "B", "C", "D"] and ex.counts[3] == [0, 0, 0, 0]


@pytest.mark.parametrize("k", [11, 1, 2.5, "4", None, math.inf, True])
def test_k_out_of_range_or_of_the_wrong_type_is_refused(k):
    ex = matrix_explorer()
    refused(ex, lambda: setattr(ex, "k", k), r"labels \(k\) must be a whole number from 2 to 10")


@pytest.mark.parametrize("value", ["abc", 0.5, None, "None", True])
def test_a_bad_zero_division_is_refused(value):
    ex = matrix_explorer()
    refused(ex, lambda: setattr(ex, "zero_division", value), "zero_division must be 0, 1 or nan")


def test_every_label_unticked_is_refused():
    ex = matrix_explorer()
    refused(
        ex, lambda: setattr(ex, "kept", []), "labels scored must hold at least one label, got none"
    )


def test_a_refusal_clears_on_the_next_good_edit():
    ex = matrix_explorer()
    with pytest.raises(ValueError):
        ex.counts = [[-1, 0, 0], [0, 0, 0], [0, 0, 1]]
    ex.counts = [[3, 0, 0], [0, 1, 0], [0, 0, 1]]
    assert ex.message == "" and ex.scores().f1 == 1.0


def test_pasting_a_scikit_learn_matrix_with_names_shows_it():
    ex = matrix_explorer()
    ex.paste("cat\tdog\tbird\n5\t1\t0\n2\t7\t1\n0\t0\t4")
    assert ex.labels == ["cat", "dog", "bird"] and ex.counts[1] == [2, 7, 1]
    refused(ex, lambda: ex.paste("1 2 3\n4 5"), "as many counts in every row")
    refused(ex, lambda: ex.paste("1 2 3\n4 5 6"), "must be square")


def test_presets_show_their_matrix_with_every_label_kept():
    ex = matrix_explorer()
    ex.apply_preset("ner")
    assert ex.labels == list(examples.NER_LABELS) == ex.kept
    with pytest.raises(ValueError, match="name must be"):
        ex.apply_preset("nope")


def test_state_sent_by_the_page_is_checked_as_from_python():
    ex = matrix_explorer()
    ex.set_state({"counts": [[2, 5, 1], [1, 1, 0], [0, 1, 2]], "zero_division": "nan"})
    assert ex.counts[0][1] == 5 and math.isnan(ex.zero_division)
    sent = []
    ex.send_state = lambda key=None: (
        sent.append(key) if isinstance(key, list) else None
    )  # what goes back to the page
    ex.set_state({"labels": ["X", "Y", "Z"], "kept": ["Q"]})
    assert ex.labels == ["A", "B", "C"] and ex.message.startswith("Refused: labels scored must be")
    assert sent == [list(ex._state)], "the page gets the last good state back"


def test_a_refusal_made_in_the_page_is_read_in_python():
    ex = matrix_explorer()
    ex.set_state({"message": 'Refused: k must be a whole number from 2 to 10, got "0.5"'})
    assert "0.5" in ex.message and ex.k == 3


def test_a_half_made_explorer_is_closed_when_refused():
    with pytest.raises(
        ValueError, match="counts must be a k x k matrix with k from 2 to 10, got 11"
    ):
        matrix_explorer([[1] * 11] * 11)


# -- the prediction editor ------------------------------------------------------------


def test_editor_marks_each_wrong_row_as_fp_of_its_prediction_and_fn_of_its_truth():
    ed = prediction_editor()
    assert ed.row_roles()[:4] == ["TP of A", "TP of A", "FP of B, FN of A", "FP of C, FN of A"]
    q = ed.quantities()
    assert q["sum-fp"] == q["sum-fn"] == 4 and q["micro-f1"] == q["accuracy"] == 5 / 9


def test_editor_rows_are_edited_added_and_removed_with_the_engines_numbers():
    ed = prediction_editor()
    y_pred = list(ed.y_pred)
    y_pred[2] = "A"
    ed.y_pred = y_pred
    assert ed.quantities()["accuracy"] == 6 / 9
    ed.add_row("B", "C")
    assert len(ed.y_true) == 10 and ed.quantities()["fp C"] == 2
    ed.remove_row(9)
    assert len(ed.y_true) == 9


def test_editor_refuses_removing_the_last_row_an_unknown_label_and_too_many_rows():
    ed = prediction_editor(["A"], ["B"], labels=["A", "B"])
    refused(ed, lambda: ed.remove_row(0), "rows must number from 1 to 40, got 0")
    refused(ed, lambda: ed.add_row("Z"), 'true label in row 2 must be one of A, B, got "Z"')
    refused(
        ed,
        lambda: setattr(ed, "y_pred", [None]),
        "predicted label in row 1 must be one of A, B, got None",
    )
    refused(ed, lambda: setattr(ed, "labels", ["A", "A"]), "labels must be distinct")
    refused(
        ed, lambda: setattr(ed, "labels", ["B", "C"]), "true label in row 1 must be one of B, C"
    )
    ed.set_rows(["A"] * 40, ["A"] * 40, labels=["A", "B"])
    refused(ed, lambda: ed.add_row(), "rows must number from 1 to 40, got 41")
    refused(ed, lambda: ed.remove_row(40), "index must be a whole number from 0 to 39")


# -- many classifiers -----------------------------------------------------------------


def test_many_classifiers_report_the_engines_scores_of_the_simulation():
    many = many_classifiers(50, seed=3)
    q = many.quantities()
    found = simulation.f1_against_accuracy(*simulation.simulate_classifiers(50, **many.params))
    assert q["accuracy-min"] == found["accuracy"].min() and q["micro-gap"] == 0.0


HOSTILE_PARAMETERS = {
    "n_labels inf": ({"n_labels": math.inf}, "labels must be a whole number from 2 to 10, got inf"),
    "n_labels 11": ({"n_labels": 11}, "labels must be a whole number from 2 to 10, got 11"),
    "seed nan": ({"seed": math.nan}, "seed must be a whole number from 0 to 99"),
    "skill 1.5": ({"skill": 1.5}, "skill must be a finite real number from 0.0 to 1.0"),
    "skill text": ({"skill": "0.5"}, 'got "0.5"'),
    "imbalance None": ({"imbalance": None}, "imbalance must be a finite real number"),
    "n_samples 10": ({"n_samples": 10}, "test rows must be a whole number from 20 to 2000, got 10"),
    "unknown": ({"speed": 3}, "speed is not a parameter"),
}


@pytest.mark.parametrize("case", HOSTILE_PARAMETERS, ids=list(HOSTILE_PARAMETERS))
def test_many_classifiers_refuse_values_outside_the_sliders(case):
    params, words = HOSTILE_PARAMETERS[case]
    many = many_classifiers(10)
    before = many.state
    with pytest.raises(ValueError, match=words):
        many.set(**params)
    assert many.state == before


def test_many_classifiers_take_numpy_numbers_and_refuse_bad_sizes():
    many = many_classifiers(10)
    many.set(n_labels=np.int64(4), skill=np.float64(0.5))
    assert many.n_labels == 4 and many.skill == 0.5
    with pytest.raises(ValueError, match="n_classifiers must be a whole number from 1 to 2000"):
        many_classifiers(0)


def test_simulation_limits_are_the_pages():
    n_labels = rules.SIMULATION["n_labels"]
    assert (n_labels["low"], n_labels["high"]) == (rules.K_MIN, rules.K_MAX)


# -- issue 23: what the rules let through -----------------------------------------------


def test_a_paste_without_names_gets_the_default_names_not_the_last_pastes():
    ex = matrix_explorer()
    ex.paste("cat,dog\n5,1\n2,7")
    ex.paste("[[5 1]\n [2 7]]")
    assert ex.labels == ["A", "B"] and ex.kept == ["A", "B"]  # lesson 03 asks to untick B


def test_a_zero_division_too_large_for_a_float_is_refused_not_an_overflow():
    ex = matrix_explorer()
    refused(ex, lambda: setattr(ex, "zero_division", 10**400), "got a number of more than 12")
    with pytest.raises(ValueError, match="zero_division must be 0, 1 or nan"):
        matrix_explorer(zero_division=10**400)


def test_refusals_name_the_controls_the_reader_sees():
    many = many_classifiers(10)
    with pytest.raises(ValueError, match=r"^test rows must be a whole number from 20 to 2000"):
        many.set(n_samples=10)
    with pytest.raises(ValueError, match=r"^labels must hold from 2 to 10 labels, got 0$"):
        rules.parse_labels("")  # an empty labels box (the editor's): 0 labels, not 1
    ed = prediction_editor()
    refused(ed, lambda: ed.update(y_pred=ed.y_pred[:-1]), "^predicted labels must be one per row")


def test_a_count_of_5000_digits_is_refused_without_printing_it():
    ex = matrix_explorer()
    refused(ex, lambda: setattr(ex, "labels", ["A", "B", 10**5000]), "got a number of more than")


def test_a_label_ending_in_nul_is_refused_before_it_reaches_the_scores():
    # numpy's strings drop a trailing NUL: "A\x00" would be scored as "A".
    ex = matrix_explorer()
    refused(ex, lambda: ex.update(labels=["A\x00", "B", "C"]), r"ending in NUL \('\\x00'\)")
    assert ex.scores().f1 == 5 / 9


def test_a_number_of_classifiers_of_400_digits_is_described_not_printed():
    with pytest.raises(ValueError, match=r"from 1 to 2000, got a number of more than 12 digits$"):
        many_classifiers(10**400)


def test_presets_keep_their_order_through_a_saved_notebook():
    # nbformat writes a notebook's widget state with sorted keys; the buttons must come back
    # in the order the lesson gives them.
    import json

    ex = matrix_explorer()
    saved = json.loads(json.dumps(ex.get_state()["presets"], sort_keys=True))
    assert [preset["name"] for preset in saved] == list(rules.PRESETS)


@pytest.mark.parametrize(
    "refused",
    [
        lambda ex: ex.update(bogus=1),
        lambda ex: ex.apply_preset("nope"),
    ],
    ids=["update bogus", "apply_preset nope"],
)
def test_an_unrelated_refusal_replaces_the_message_line(refused):
    ex = matrix_explorer()
    with pytest.raises(ValueError):
        ex.kept = []
    stale = ex.message
    with pytest.raises(ValueError) as err:
        refused(ex)
    assert ex.message == f"Refused: {err.value}" != stale


def test_many_classifiers_say_when_an_unknown_parameter_is_refused():
    many = many_classifiers(10)
    with pytest.raises(ValueError, match="speed is not a parameter") as err:
        many.set(speed=3)
    assert many.message == f"Refused: {err.value}"


def test_a_check_failing_with_another_error_leaves_no_explorer_open(monkeypatch):
    from ipywidgets.widgets.widget import _instances

    def broken(*_args):
        raise TypeError("a check that broke")

    monkeypatch.setattr(rules, "check_counts", broken)

    def explorers():
        return {key for key, w in _instances.items() if isinstance(w, MatrixExplorer)}

    before = explorers()
    with pytest.raises(TypeError):
        matrix_explorer()
    assert explorers() == before
