"""ma.explain: the four numbers as scikit-learn computes them, the causes exactly as defined.

Named cases for each cause and its detail, the words and their escaping, and hypothesis
properties over single-label and multi-label data, with and without sample weights,
against scikit-learn and against the definitions of the causes written out here again.
"""

from __future__ import annotations

import html
import math
import subprocess
import sys
from fractions import Fraction

import microavg as ma
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from microavg.explanation import CAUSES, LeftOut
from sklearn.metrics import accuracy_score, f1_score, multilabel_confusion_matrix
from test_agreement import (
    ZERO_DIVISIONS,
    multi_label,
    quietly,
    single_label,
    sklearn_prf,
    weights_for,
)

# -- named cases ------------------------------------------------------------------------


def words(explanation) -> str:
    """str() of an explanation with its line wrapping undone."""
    return " ".join(str(explanation).split())


def test_complete_single_label_data_is_guaranteed_to_agree():
    e = ma.explain(list("AAAABBCCC"), list("AABCABBCC"))
    assert e.holds and e.causes == ()
    assert e.exact == dict.fromkeys(("precision", "recall", "f1", "accuracy"), Fraction(5, 9))
    assert (e.sum_fp, e.sum_fn, e.total) == (4, 4, 9)
    assert e.equals_accuracy == ("precision", "recall", "f1")
    assert "They agree, as they must. ΣFP = 4 = ΣFN: every wrong prediction is an FP" in words(e)
    assert "ΣTP + ΣFP = ΣTP + ΣFN = 9, the number of items" in words(e)


def test_leaving_out_a_label_names_it_with_its_errors_out_and_in():
    # The NER case: "O" left out. Items true O predicted PER are FPs with no FN (out of O);
    # items true PER predicted O are FNs with no FP (into O).
    y_true = ["O", "O", "O", "PER", "PER", "LOC"]
    y_pred = ["O", "PER", "PER", "O", "PER", "LOC"]
    e = ma.explain(y_true, y_pred, labels=["PER", "LOC"])
    assert e.causes == ("labels",)
    assert e.left_out == (LeftOut("O", out_of=2, into=1),)
    assert e.sum_fp - e.sum_fn == 2 - 1
    assert not e.holds
    assert "'O': 2 out of it, 1 into it" in words(e)
    assert "ΣFP − ΣFN = 1" in words(e)
    assert "Precision divides by ΣTP + ΣFP = 4 and recall by ΣTP + ΣFN = 3" in words(e)
    assert "accuracy divides by 6, all items." in words(e)


def test_leaving_out_only_an_abstention_keeps_recall_equal_to_accuracy():
    y_true, y_pred = list("AABBC"), ["A", "?", "B", "?", "C"]
    e = ma.explain(y_true, y_pred, labels=["A", "B", "C"])
    assert e.causes == ("labels",)
    assert e.equals_accuracy == ("recall",)
    assert e.exact["recall"] == e.exact["accuracy"] == Fraction(3, 5)
    assert e.exact["precision"] == 1
    assert "Recall still equals accuracy" in words(e)


def test_labels_that_cover_every_label_seen_are_no_cause():
    e = ma.explain(list("AB"), list("BA"), labels=["B", "A", "never"])
    assert e.causes == () and e.holds and e.left_out == ()


def test_a_label_seen_only_in_rows_of_weight_zero_still_occurs():
    e = ma.explain(list("AAB"), list("AAC"), labels=["A", "B"], sample_weight=[1, 1, 0])
    assert e.causes == ("labels",)
    assert e.left_out == (LeftOut("C", out_of=0, into=0),)
    assert e.holds  # the numbers happen to agree; nothing guarantees it


def test_multi_label_data_counts_extra_and_missed_tags():
    y_true = [[1, 0, 0], [1, 1, 0], [0, 0, 0]]
    y_pred = [[1, 1, 0], [0, 1, 0], [0, 0, 1]]
    e = ma.explain(y_true, y_pred)
    assert e.causes == ("multilabel",)
    assert (e.sum_fp, e.sum_fn) == (2, 1)
    assert (e.extra_tags, e.missed_tags) == (2, 1)
    assert e.exact["accuracy"] == 0  # subset accuracy: no item has every tag right
    assert "Extra tags (an FP with no FN on its item): 2; missed tags" in words(e)
    assert "(an FN with no FP on its item): 1" in words(e)


def test_a_swapped_tag_in_one_row_is_one_fp_and_one_fn_paired():
    e = ma.explain([[1, 0], [0, 1]], [[0, 1], [0, 1]])
    assert (e.sum_fp, e.sum_fn, e.extra_tags, e.missed_tags) == (1, 1, 0, 0)
    assert e.causes == ("multilabel",)
    assert e.holds  # precision = recall = 1/2 = accuracy here, though nothing guarantees it


def test_multi_label_columns_left_out_are_named():
    e = ma.explain([[1, 0, 1]], [[1, 1, 0]], labels=[0])
    assert e.causes == ("labels", "multilabel")
    assert [item.label for item in e.left_out] == [1, 2]


def test_a_zero_denominator_is_a_cause_and_zero_division_decides():
    e = ma.explain(["A", "A"], ["B", "B"], labels=["B"], zero_division=1.0)
    assert e.causes == ("labels", "zero_division")
    assert e.zero_denominators == ("recall",)
    assert e.recall == 1.0
    assert "zero_division = 1.0 decides it" in words(e)


def test_nan_zero_division_never_holds():
    e = ma.explain([[0, 0]], [[0, 0]], zero_division=math.nan)
    assert e.zero_denominators == ("precision", "recall", "f1")
    assert math.isnan(e.precision) and not e.holds
    assert e.accuracy == 1.0


def test_weights_change_the_numbers_not_the_guarantee():
    e = ma.explain(list("AAAABBCCC"), list("AABCABBCC"), sample_weight=[1, 1, 2, 1, 1, 1, 3, 1, 1])
    assert e.holds and e.causes == () and e.weighted
    assert e.exact["precision"] == Fraction(5, 12)
    assert "the summed weight of the items" in words(e)


def test_float_weights_show_percentages_not_long_fractions():
    e = ma.explain(list("AB"), list("AA"), sample_weight=[0.1, 0.2])
    assert "1/3" not in words(e) and "33.33%" in words(e)


@pytest.mark.parametrize("label", ["<b>bold</b>", "$x$", "a|b", "*em*", "[l](u)", "`tick`"])
def test_labels_are_escaped_in_html_and_markdown(label):
    e = ma.explain([label, "A", "A"], ["A", "A", label], labels=["A"])
    page = e._repr_html_()
    assert f"<code>{html.escape(repr(label))}</code>" in page
    assert "<b>" not in page
    assert 'class="microavg-explanation tex2jax_ignore mathjax_ignore"' in page
    markdown = e._repr_markdown_()
    fence = "``" if "`" in label else "`"  # longer than any run of backticks in the label
    assert f"{fence}{label!r}{fence}" in markdown  # a code span: shown as typed


def test_explain_refuses_bad_input_at_the_door():
    with pytest.raises(ValueError, match="y_true and y_pred must have the same length"):
        ma.explain([1, 2], [1])
    with pytest.raises(ValueError, match=r"zero_division must be 0\.0, 1\.0 or nan"):
        ma.explain([1], [1], zero_division=2)


def test_batches_say_what_averaging_per_batch_scores_reports():
    true, pred = list("AAAABBCCC"), list("AABCABBCC")
    e = ma.explain(true, pred, batch=4)
    per_batch = [f1_score(true[i : i + 4], pred[i : i + 4], average="macro") for i in (0, 4, 8)]
    assert e.batches.per_batch == tuple(per_batch)  # scikit-learn's, batch by batch
    assert e.batches.mean_of_batches == np.mean(per_batch)
    assert e.batches.of_summed_counts == f1_score(true, pred, average="macro")
    text = " ".join(str(e).split())  # the words, as wrapped lines join
    assert f"mean of 3 per-batch macro F1 scores is {np.mean(per_batch):.4f}" in text
    assert f"macro F1 of the summed counts is {f1_score(true, pred, average='macro'):.4f}" in text
    assert "ma.ConfusionMatrix addition" in text
    assert "ConfusionMatrix addition" in e._repr_markdown_()
    assert "sum(matrices)" in e._repr_html_()
    by_column = ma.explain(true, pred, batch=np.array(["a"] * 4 + ["b"] * 4 + ["c"]))
    assert by_column.batches == e.batches
    assert ma.explain(true, pred).batches is None
    assert str(e).startswith(str(ma.explain(true, pred)) + "\n\n")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"batch": 0}, "batch must be a whole number from 1 to 9, got 0: batch is a batch size"),
        ({"batch": 2.5}, "batch must be a whole number from 1 to 9, got 2.5"),
        ({"batch": True}, "batch must be a whole number"),
        ({"batch": "b"}, "batch must be a whole number"),
        ({"batch": 10**5000}, "batch must be a whole number from 1 to 9, got a 5001-digit"),
        ({"batch": [0, 1]}, "batch has 2 ids but y_true has 9 rows"),
        ({"batch": [None] * 9}, "batch holds None at index 0"),
        ({"batch": 3, "labels": ["A"]}, "batch and labels"),
        ({"batch": 3, "sample_weight": [1] * 9}, "batch and sample_weight"),
    ],
)
def test_bad_batches_are_refused_by_name(options, message):
    with pytest.raises(ValueError) as refusal:
        ma.explain(list("AAAABBCCC"), list("AABCABBCC"), **options)
    assert str(refusal.value).startswith(message), refusal.value
    assert len(str(refusal.value)) < 300


def test_batches_need_single_label_data():
    with pytest.raises(ValueError, match=r"^batch needs single-label data"):
        ma.explain([[1, 0], [0, 1]], [[1, 0], [1, 1]], batch=1)


def test_ma_explain_loads_nothing_heavier_than_numpy():
    code = (
        "import sys, microavg as ma\n"
        "print(ma.explain([1, 2], [1, 1]).holds)\n"
        "heavy = {'pandas', 'matplotlib', 'sympy', 'ipywidgets', 'IPython', 'sklearn'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["True", "[]"]


# -- properties -------------------------------------------------------------------------


def causes_by_definition(y_true, y_pred, labels, weights, zero_division):
    """The causes as the issue defines them, computed without the engine."""
    multi = np.ndim(y_true) == 2
    if multi:
        used = set(np.flatnonzero(np.any(np.asarray(y_true) | np.asarray(y_pred), axis=0)))
    else:
        used = set(np.asarray(y_true).tolist()) | set(np.asarray(y_pred).tolist())
    left_out = labels is not None and bool(used - set(labels))
    mcm = quietly(
        multilabel_confusion_matrix,
        y_true,
        y_pred,
        labels=labels if labels is not None or multi else sorted(used),
        sample_weight=weights,
    )
    tp, fp, fn = mcm[:, 1, 1].sum(), mcm[:, 0, 1].sum(), mcm[:, 1, 0].sum()
    zero = tp + fp == 0 or tp + fn == 0
    present = {"labels": left_out, "multilabel": multi, "zero_division": zero}
    return tuple(cause for cause in CAUSES if present[cause])


data_and_weights = st.one_of(single_label(), multi_label()).flatmap(
    lambda d: st.tuples(st.just(d), st.none() | weights_for(len(d[0])))
)


@settings(deadline=None)
@given(data=data_and_weights, zero_division=st.sampled_from(ZERO_DIVISIONS))
def test_causes_are_exactly_as_defined_and_numbers_equal_sklearn(data, zero_division):
    (y_true, y_pred, labels), weights = data
    e = ma.explain(
        y_true, y_pred, labels=labels, sample_weight=weights, zero_division=zero_division
    )
    assert e.causes == causes_by_definition(y_true, y_pred, labels, weights, zero_division)
    expected = sklearn_prf(y_true, y_pred, "micro", labels, zero_division, weights)
    np.testing.assert_allclose((e.precision, e.recall, e.f1), expected, rtol=1e-12, atol=1e-12)
    acc = accuracy_score(y_true, y_pred, sample_weight=weights)
    assert e.accuracy == pytest.approx(acc, rel=1e-12, abs=1e-12)
    exact = [e.exact[name] for name in ("precision", "recall", "f1", "accuracy")]
    no_nan = not any(isinstance(v, float) and math.isnan(v) for v in exact)
    assert e.holds == (no_nan and len(set(exact)) == 1)
    if e.extra_tags is None:  # single-label: the residual, label by label
        assert e.sum_fp - e.sum_fn == pytest.approx(sum(i.out_of - i.into for i in e.left_out))
    else:
        assert e.sum_fp - e.sum_fn == pytest.approx(e.extra_tags - e.missed_tags)


@settings(deadline=None)
@given(
    data=single_label().flatmap(lambda d: st.tuples(st.just(d), st.none() | weights_for(len(d[0]))))
)
def test_complete_single_label_data_always_holds(data):
    (y_true, y_pred, _), weights = data
    e = ma.explain(y_true, y_pred, sample_weight=weights)
    assert e.causes == () and e.holds
    assert e.exact["precision"] == e.exact["accuracy"]
    everything = sorted(set(np.asarray(y_true).tolist()) | set(np.asarray(y_pred).tolist()))
    e = ma.explain(
        y_true,
        y_pred,
        labels=[*everything, "extra" if isinstance(everything[0], str) else 10**6],
        sample_weight=weights,
    )
    assert e.causes == () and e.holds
