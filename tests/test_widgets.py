"""The explorers, driven from Python as a person drives them: every number shown is the engine's.

Each test edits a control (a cell's text, a dropdown, a check box, a button, a slider),
reads the numbers the explorer displays (the ``data-quantity`` spans of its readout) and
compares them with the engine's, computed here from the same counts.
"""

from __future__ import annotations

from fractions import Fraction
from html.parser import HTMLParser

import matplotlib.pyplot as plt
import microavg as ma
import numpy as np
import pytest
from microavg import examples, tables, widgets
from microavg.simulation import simulate_classifiers

WORKED = [[2, 1, 1], [1, 1, 0], [0, 1, 2]]


@pytest.fixture(autouse=True)
def no_figure_left_open():
    yield
    assert plt.get_fignums() == [], "a figure was left open in pyplot"


class _Quantities(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str] = {}
        self._key: str | None = None

    def handle_starttag(self, tag, attrs):
        self._key = dict(attrs).get("data-quantity", self._key)

    def handle_endtag(self, tag):
        self._key = None

    def handle_data(self, data):
        if self._key is not None:
            self.found[self._key] = self.found.get(self._key, "") + data


def shown(explorer) -> dict[str, str]:
    """{quantity: text} as the explorer's readout displays it."""
    parser = _Quantities()
    parser.feed(explorer.readout.value)
    return parser.found


def exact(value: Fraction) -> str:
    return f"{value} = {100 * float(value):.1f} %"


def percent(value) -> str:
    return f"{100 * float(value):.1f} %"


def expected_matrix_readout(counts, labels, kept) -> dict[str, str]:
    """What the matrix explorer must show, from the engine."""
    cm = ma.ConfusionMatrix.from_counts(counts, labels=list(labels))
    out = {}
    for avg in ("micro", "macro", "weighted"):
        s = cm.scores(average=avg, labels=list(kept), exact=True)
        show = exact if avg == "micro" else percent
        out |= {f"{avg}-{p}": show(getattr(s, p)) for p in ("precision", "recall", "f1")}
    lc = cm.label_counts(list(kept))
    fp, fn = int(lc.fp.sum()), int(lc.fn.sum())
    out |= {
        "accuracy": exact(cm.accuracy(exact=True)),
        "all-sum-fp": str(int(cm.fp.sum())),
        "all-sum-fn": str(int(cm.fn.sum())),
        "sum-fp": str(fp),
        "sum-fn": str(fn),
        "residual": str(fp - fn),
    }
    return out


def matrix_numbers(explorer) -> dict[str, str]:
    return {k: v for k, v in shown(explorer).items() if k != "verdict"}


def heatmap_counts(explorer) -> list[list[int]]:
    ax = explorer._heatmap.figure.axes[0]
    k = explorer.k
    texts = {t.get_gid(): t.get_text() for t in ax.texts}
    return [[int(texts[f"count-{i}-{j}"]) for j in range(k)] for i in range(k)]


# -- the prediction table editor ------------------------------------------------------


def test_editor_starts_from_the_worked_example_with_micro_scores_of_five_ninths():
    editor = widgets.prediction_editor()
    assert (editor.y_true, editor.y_pred) == examples.worked_example()
    # Design: 5 right of 9; each of the 4 wrong rows is one FP and one FN.
    assert shown(editor) == {
        "micro-precision": "5/9 = 55.6 %",
        "micro-recall": "5/9 = 55.6 %",
        "micro-f1": "5/9 = 55.6 %",
        "accuracy": "5/9 = 55.6 %",
        "sum-tp": "5",
        "sum-fp": "4",
        "sum-fn": "4",
    }


def test_editor_marks_each_wrong_row_as_fp_of_its_prediction_and_fn_of_its_truth():
    editor = widgets.prediction_editor()
    verdicts = [row.verdict.value for row in editor.rows]
    # Row 3 is (pred B, true A); row 1 is (A, A).
    assert "FP of B" in verdicts[2] and "FN of A" in verdicts[2] and "TP" not in verdicts[2]
    assert "TP of A" in verdicts[0] and "FP" not in verdicts[0]
    wrong = [n for n, v in enumerate(verdicts, 1) if v.startswith("✗")]
    assert wrong == [3, 4, 5, 7]


def test_moving_row_3_prediction_to_a_changes_two_counts_and_keeps_sums_equal():
    editor = widgets.prediction_editor()
    editor.rows[2].pred.value = "A"
    y_true, y_pred = examples.worked_example()
    y_pred[2] = "A"
    cm = ma.confusion_matrix(y_true, y_pred)
    s = ma.scores(y_true, y_pred, exact=True)
    assert shown(editor) == {
        "micro-precision": exact(s.precision),
        "micro-recall": exact(s.recall),
        "micro-f1": exact(s.f1),
        "accuracy": exact(ma.accuracy(y_true, y_pred, exact=True)),
        "sum-tp": "6",
        "sum-fp": "3",
        "sum-fn": "3",
    }
    # FN of A and FP of B fall by one; the table shows the engine's counts.
    assert editor.counts_table.value == tables.label_counts_table(cm).to_html()
    assert "TP of A" in editor.rows[2].verdict.value


def test_bars_follow_the_rows_in_the_same_figure():
    editor = widgets.prediction_editor()
    figure = editor._bars.figure
    editor.rows[6].pred.value = "C"  # row 7 (pred B, true C) becomes right
    assert editor._bars.figure is figure
    sums = {t.get_gid(): t.get_text() for t in figure.axes[1].texts if t.get_gid()}
    assert (sums["sum-TP"], sums["sum-FP"], sums["sum-FN"]) == ("6", "3", "3")


def test_adding_and_removing_rows_follow_the_engine():
    editor = widgets.prediction_editor()
    editor.add_button.click()
    assert len(editor.rows) == 10 and (editor.y_true[-1], editor.y_pred[-1]) == ("A", "A")
    editor.rows[-1].pred.value = "C"
    editor.rows[0].remove.click()
    assert [row.number.value for row in editor.rows] == [str(n) for n in range(1, 10)]
    y_true = [*examples.worked_example()[0][1:], "A"]
    y_pred = [*examples.worked_example()[1][1:], "C"]
    assert (editor.y_true, editor.y_pred) == (y_true, y_pred)
    assert shown(editor)["micro-f1"] == exact(ma.scores(y_true, y_pred, exact=True).f1)
    assert editor.message == ""


def test_removing_the_last_row_is_refused_and_the_row_stays():
    editor = widgets.prediction_editor(["A"], ["B"], labels=["A", "B"])
    before = shown(editor)
    editor.rows[0].remove.click()
    assert len(editor.rows) == 1
    assert editor.message == "Refused: the last row stays: scores need at least one prediction."
    assert shown(editor) == before
    with pytest.raises(ValueError, match="the last row stays"):
        editor.remove_row(0)


def test_a_new_label_joins_the_dropdowns_and_counts_zero():
    editor = widgets.prediction_editor()
    editor.labels_input.value = "A, B, C, D"
    assert editor.labels == ("A", "B", "C", "D")
    assert editor.rows[0].pred.options == ("A", "B", "C", "D")
    cm = editor.confusion_matrix
    assert cm.labels == ("A", "B", "C", "D") and cm.support.tolist() == [4, 2, 3, 0]
    editor.rows[0].pred.value = "D"
    assert shown(editor)["sum-fp"] == "5"
    ticks = [t.get_text() for t in editor._bars.figure.axes[0].get_xticklabels()]
    assert ticks == ["A", "B", "C", "D"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("A, B", "row 4 uses 'C': change the rows that use it"),
        ("A, , B, C", "has an empty name"),
        ("A, B, A", "lists 'A' twice"),
        ("A", "labels has 1 names: give 2 to 10"),
        (", ".join("ABCDEFGHIJK"), "labels has 11 names: give 2 to 10"),
    ],
)
def test_bad_label_sets_are_refused_and_the_input_put_back(typed, message):
    editor = widgets.prediction_editor()
    before = shown(editor)
    editor.labels_input.value = typed
    assert editor.message.startswith("Refused: ") and message in editor.message
    assert editor.labels_input.value == "A, B, C"
    assert editor.labels == ("A", "B", "C") and shown(editor) == before


def test_editor_refuses_bad_rows_from_python_by_argument():
    editor = widgets.prediction_editor()
    with pytest.raises(ValueError, match="y_true has 2 rows but y_pred has 1"):
        editor.set_rows(["A", "B"], ["A"])
    with pytest.raises(ValueError, match="the editor holds 1 to 40"):
        editor.set_rows([], [])
    with pytest.raises(ValueError, match="the rows use 'C', which is not among labels"):
        editor.set_rows(["A", "C"], ["A", "B"], labels=["A", "B"])
    with pytest.raises(ValueError, match="labels is the string 'AB'"):
        editor.labels = "AB"
    with pytest.raises(ValueError, match="labels lists 'A' twice"):
        editor.set_rows(["A"], ["A"], labels=["A", "A", "B"])
    assert editor.message.startswith("Refused: labels lists 'A' twice")
    assert (editor.y_true, editor.y_pred) == examples.worked_example()


def test_editor_holds_at_most_max_rows():
    editor = widgets.prediction_editor(["A"] * widgets.MAX_ROWS, ["B"] * widgets.MAX_ROWS)
    editor.add_button.click()
    assert len(editor.rows) == widgets.MAX_ROWS
    assert "at most 40 rows" in editor.message


# -- the confusion-matrix explorer ----------------------------------------------------


def test_matrix_explorer_starts_from_the_worked_example_with_all_numbers_from_the_engine():
    explorer = widgets.matrix_explorer()
    assert explorer.counts.tolist() == WORKED
    assert [[c.value for c in row] for row in explorer.cells] == [
        [str(v) for v in row] for row in WORKED
    ]
    assert matrix_numbers(explorer) == expected_matrix_readout(WORKED, "ABC", "ABC")
    assert shown(explorer)["micro-precision"] == "5/9 = 55.6 %"
    assert shown(explorer)["residual"] == "0"
    assert shown(explorer)["verdict"] == "micro P = R = F1 = accuracy"
    assert heatmap_counts(explorer) == WORKED


def test_typing_a_count_updates_numbers_and_the_same_heatmap():
    explorer = widgets.matrix_explorer()
    figure = explorer._heatmap.figure
    explorer.cells[0][1].value = "7"
    counts = [[2, 7, 1], [1, 1, 0], [0, 1, 2]]
    assert explorer.counts.tolist() == counts
    assert matrix_numbers(explorer) == expected_matrix_readout(counts, "ABC", "ABC")
    assert explorer._heatmap.figure is figure and heatmap_counts(explorer) == counts
    explorer.cells[2][2].value = " 12 "  # spaces around a count are fine, and tidied
    assert explorer.cells[2][2].value == "12" and explorer.counts[2, 2] == 12
    assert explorer.message == ""


def test_leaving_a_out_parts_micro_precision_and_recall_by_the_residual():
    explorer = widgets.matrix_explorer()
    explorer.keep_boxes["A"].value = False
    assert explorer.kept == ("B", "C")
    numbers = shown(explorer)
    # README: labels=["B", "C"] gives P = 1/2, R = 3/5; ΣFP 3 and ΣFN 2 over B and C.
    assert (numbers["micro-precision"], numbers["micro-recall"]) == (
        "1/2 = 50.0 %",
        "3/5 = 60.0 %",
    )
    assert (numbers["sum-fp"], numbers["sum-fn"], numbers["residual"]) == ("3", "2", "1")
    assert (numbers["all-sum-fp"], numbers["all-sum-fn"]) == ("4", "4")
    assert numbers["verdict"] == "micro P ≠ micro R: they come apart"
    assert matrix_numbers(explorer) == expected_matrix_readout(WORKED, "ABC", "BC")


def test_changing_k_keeps_the_counts_of_the_labels_that_stay():
    explorer = widgets.matrix_explorer()
    explorer.k_input.value = 5
    assert explorer.labels == ("A", "B", "C", "D", "E") and explorer.kept == explorer.labels
    assert explorer.counts[:3, :3].tolist() == WORKED and explorer.counts.sum() == 9
    assert len(explorer.cells) == 5 and len(explorer.keep_boxes) == 5
    explorer.cells[4][0].value = "3"
    assert matrix_numbers(explorer) == expected_matrix_readout(
        explorer.counts, explorer.labels, explorer.labels
    )
    explorer.k_input.value = 2
    assert explorer.counts.tolist() == [[2, 1], [1, 1]] and explorer.labels == ("A", "B")
    assert heatmap_counts(explorer) == [[2, 1], [1, 1]]


def test_k_ten_takes_every_count_and_shows_the_engine_numbers():
    explorer = widgets.matrix_explorer()
    counts = np.arange(100).reshape(10, 10) % 13
    explorer.counts = counts
    assert explorer.k == 10 and explorer.labels == tuple("ABCDEFGHIJ")
    explorer.keep_boxes["J"].value = False
    kept = tuple("ABCDEFGHI")
    assert matrix_numbers(explorer) == expected_matrix_readout(counts, "ABCDEFGHIJ", kept)


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("worked", ("A", "B", "C")),
        ("imbalanced", ("A", "B", "C")),
        ("ner", ("O", "PER", "ORG", "LOC", "MISC")),
    ],
)
def test_presets_load_their_matrix(name, labels):
    explorer = widgets.matrix_explorer([[1, 0], [0, 1]])
    explorer.preset_buttons[name].click()
    cm = widgets.PRESETS[name][1]()
    assert explorer.labels == labels and explorer.counts.tolist() == cm.counts.tolist()
    assert matrix_numbers(explorer) == expected_matrix_readout(cm.counts, labels, labels)
    assert heatmap_counts(explorer) == cm.counts.tolist()


def test_ner_preset_without_o_scores_entities_far_below_accuracy():
    explorer = widgets.matrix_explorer()
    explorer.apply_preset("ner")
    explorer.keep_boxes["O"].value = False
    numbers = shown(explorer)
    assert numbers["accuracy"] == "1037/1100 = 94.3 %"
    assert (numbers["micro-precision"], numbers["micro-recall"]) == (
        "107/147 = 72.8 %",
        "107/150 = 71.3 %",
    )
    assert numbers["residual"] == "-3"


BAD_COUNTS = [
    ("-1", "negative"),
    ("", "blank"),
    ("   ", "blank"),
    ("2.5", "not whole"),
    ("abc", "not a number"),
    ("1e3", "exponent"),
    ("٣", "a non-ASCII digit"),
    ("1000001", "absurdly large"),
    ("99999999999999999999999", "beyond int64"),
]


@pytest.mark.parametrize(("typed", "why"), BAD_COUNTS, ids=[why for _, why in BAD_COUNTS])
def test_bad_counts_are_refused_visibly_and_the_last_good_state_kept(typed, why):
    explorer = widgets.matrix_explorer()
    before = shown(explorer)
    explorer.cells[0][1].value = typed
    assert explorer.message == (
        f'Refused: true A, predicted B: "{typed}" is not a count '
        "(a whole number from 0 to 1,000,000)."
    )
    assert explorer._message.value.startswith('<div role="alert"')
    assert explorer.cells[0][1].value == "1"  # the box shows the last good count again
    assert explorer.counts.tolist() == WORKED and shown(explorer) == before
    assert heatmap_counts(explorer) == WORKED
    explorer.cells[0][1].value = "2"  # a good edit clears the message
    assert explorer.message == ""


def test_emptying_the_matrix_is_refused():
    explorer = widgets.matrix_explorer([[0, 0], [0, 3]])
    explorer.cells[1][1].value = "0"
    assert explorer.message == "Refused: every count would be 0: there would be no rows to score."
    assert explorer.cells[1][1].value == "3" and explorer.counts.tolist() == [[0, 0], [0, 3]]


@pytest.mark.parametrize("k", [1, 0, -3, 11, 100])
def test_k_out_of_range_is_refused_and_put_back(k):
    explorer = widgets.matrix_explorer()
    before = shown(explorer)
    explorer.k_input.value = k
    assert explorer.message == f"Refused: k = {k}: the explorer takes 2 to 10 labels."
    assert explorer.k_input.value == 3 and explorer.k == 3 and shown(explorer) == before
    with pytest.raises(ValueError, match=f"k = {k}: the explorer takes 2 to 10 labels"):
        explorer.k = k


def test_unticking_the_last_scored_label_is_refused_and_ticked_again():
    explorer = widgets.matrix_explorer()
    explorer.kept = ["C"]
    before = shown(explorer)
    explorer.keep_boxes["C"].value = False
    assert explorer.message == "Refused: keep at least one label to score."
    assert explorer.keep_boxes["C"].value is True and explorer.kept == ("C",)
    assert shown(explorer) == before


def test_matrix_explorer_refuses_bad_matrices_from_python_and_keeps_its_state():
    explorer = widgets.matrix_explorer()
    for bad, message in [
        ([[1, -1], [0, 1]], "counts holds -1 at row 0, column 1"),
        ([[1, 2, 3]], "expected a square k x k matrix"),
        (np.ones((11, 11), dtype=int), "k = 11: the explorer takes 2 to 10 labels"),
        ([[2_000_000, 0], [0, 1]], "a count above 1,000,000"),
        ([[0, 0], [0, 0]], "every count would be 0"),
    ]:
        with pytest.raises(ValueError, match=message):
            explorer.counts = bad
        assert explorer.message.startswith("Refused: ")
        assert explorer.counts.tolist() == WORKED
    with pytest.raises(ValueError, match="kept holds 'Z'"):
        explorer.kept = ["Z"]
    with pytest.raises(ValueError, match="name must be one of"):
        explorer.apply_preset("nonesuch")


def test_matrix_explorer_repr_names_its_state():
    assert repr(widgets.matrix_explorer([[1, 2], [0, 3]], labels=["x", "y"])) == (
        "MatrixExplorer(labels=('x', 'y'), counts=[[1, 2], [0, 3]], kept=('x', 'y'))"
    )


# -- many classifiers -----------------------------------------------------------------


def expected_many(n_classifiers, **params) -> dict[str, str]:
    y_true, y_pred = simulate_classifiers(n_classifiers, **params)
    acc, micro, macro = [], [], []
    for row in y_pred:
        cm = ma.confusion_matrix(y_true, row)
        acc.append(cm.accuracy())
        micro.append(cm.scores(average="micro").f1)
        macro.append(cm.scores(average="macro").f1)
    acc, micro, macro = np.array(acc), np.array(micro), np.array(macro)
    return {
        "classifiers": str(n_classifiers),
        "accuracy-min": percent(acc.min()),
        "accuracy-max": percent(acc.max()),
        "micro-gap": f"{np.abs(micro - acc).max():g}",
        "macro-gap-min": f"{100 * (macro - acc).min():+.1f}",
        "macro-gap-max": f"{100 * (macro - acc).max():+.1f}",
    }


def test_many_classifiers_show_the_engine_scores_of_the_simulation():
    explorer = widgets.many_classifiers(40, n_labels=4, skill=0.6, imbalance=1.5, seed=2)
    params = {"n_labels": 4, "n_samples": 200, "skill": 0.6, "imbalance": 1.5, "seed": 2}
    assert explorer.params == params
    assert shown(explorer) == expected_many(40, **params)
    assert shown(explorer)["micro-gap"] == "0"  # every micro-F1 point is on the diagonal
    assert np.array_equal(explorer.scores["micro_f1"], explorer.scores["accuracy"])


def test_moving_a_slider_simulates_again_and_moves_the_points_of_the_same_figure():
    explorer = widgets.many_classifiers(30)
    figure = explorer._scatter.figure
    explorer.sliders["seed"].value = 7
    explorer.sliders["skill"].value = 0.45
    params = {**explorer.params}
    assert (params["seed"], params["skill"]) == (7, 0.45)
    assert shown(explorer) == expected_many(30, **params)
    assert explorer._scatter.figure is figure
    macro_points = figure.axes[1].collections[0].get_offsets()
    assert np.array_equal(macro_points[:, 0], explorer.scores["accuracy"])
    assert np.array_equal(macro_points[:, 1], explorer.scores["macro_f1"])


def test_many_classifiers_refuse_values_outside_the_sliders():
    explorer = widgets.many_classifiers(10)
    before = shown(explorer)
    with pytest.raises(ValueError, match=r"skill must be a number from 0\.0 to 1\.0, got 2"):
        explorer.set(skill=2)
    assert "skill must be a number from 0.0 to 1.0" in explorer.message
    with pytest.raises(ValueError, match="n_labels must be a whole number from 2 to 10"):
        explorer.set(n_labels=2.5)
    with pytest.raises(ValueError, match="speed is not a parameter"):
        explorer.set(speed=1)
    assert shown(explorer) == before and explorer.params["skill"] == 0.7
    explorer.set(n_labels=6)
    assert explorer.message == "" and explorer.params["n_labels"] == 6
    with pytest.raises(ValueError, match="n_classifiers must be from 1 to 2000"):
        widgets.many_classifiers(0)


# -- what rebuilding leaves behind ------------------------------------------------------


def test_rebuilt_controls_are_closed_with_their_layouts_and_styles():
    from ipywidgets.widgets.widget import _instances  # every open widget model, by id

    explorer = widgets.matrix_explorer()
    editor = widgets.prediction_editor()
    start = len(_instances)
    for k in (5, 3, 10, 3):
        explorer.k = k
    explorer.apply_preset("ner")
    explorer.apply_preset("worked")
    editor.add_row()
    editor.remove_row(9)
    editor.labels = ["A", "B", "C", "D"]
    editor.labels = ["A", "B", "C"]
    assert len(_instances) == start
