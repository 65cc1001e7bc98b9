"""Counting: the worked example, labels= semantics, the counting paths, batches."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction

import microavg as ma
import numpy as np
import pytest
from microavg.counts import ROLES, role
from microavg.examples import worked_example
from sklearn.metrics import confusion_matrix as sk_confusion_matrix
from sklearn.metrics import multilabel_confusion_matrix, precision_recall_fscore_support


@pytest.fixture
def worked():
    return worked_example()


def test_worked_example_counts_per_label(worked):
    cm = ma.confusion_matrix(*worked)
    assert cm.labels == ("A", "B", "C")
    # A: FP from row 5, FN from rows 3 and 4 (FN(A) is 2, not 1).
    assert cm.tp.tolist() == [2, 1, 2]
    assert cm.fp.tolist() == [1, 2, 1]
    assert cm.fn.tolist() == [2, 1, 1]
    assert cm.support.tolist() == [4, 2, 3]
    assert (cm.total, cm.correct) == (9, 5)


def test_worked_example_sum_fp_equals_sum_fn_equals_wrong_rows(worked):
    cm = ma.confusion_matrix(*worked)
    assert int(cm.tp.sum()) == 5
    assert int(cm.fp.sum()) == int(cm.fn.sum()) == 4


def test_worked_example_micro_scores_are_exactly_five_ninths(worked):
    s = ma.scores(*worked, exact=True)
    assert s.precision == s.recall == s.f1 == Fraction(5, 9)
    assert ma.accuracy(*worked, exact=True) == Fraction(5, 9)
    assert ma.confusion_matrix(*worked).accuracy(exact=True) == Fraction(5, 9)


def test_worked_example_macro_precision_equals_macro_recall_by_coincidence(worked):
    s = ma.scores(*worked, average="macro", exact=True)
    assert s.precision == s.recall == Fraction(5, 9)
    assert s.f1 == Fraction(172, 315)  # (4/7 + 2/5 + 2/3) / 3


def test_ner_example_leaving_o_out_breaks_the_identity():
    # Errors into and out of O are FPs and FNs of kept labels with no partner.
    y_true, y_pred = list("OOOAAB"), list("OAAAAB")
    s = ma.scores(y_true, y_pred, labels=["A", "B"], exact=True)
    assert (s.precision, s.recall) == (Fraction(3, 5), Fraction(1))


def test_labels_subset_keeps_errors_into_dropped_labels():
    y_true, y_pred = ["A", "O", "A"], ["O", "A", "A"]
    cm = ma.confusion_matrix(y_true, y_pred, labels=["A"])
    assert cm.counts.tolist() == [[1]]  # as scikit-learn: rows with O are not in counts
    assert (cm.fp.tolist(), cm.fn.tolist()) == ([1], [1])  # ...but still count for A
    assert not cm.complete


def test_labels_absent_from_data_count_as_zero():
    cm = ma.confusion_matrix([1, 2], [1, 1], labels=[7, 2, 1])
    assert cm.labels == (7, 2, 1)
    assert cm.counts.tolist() == [[0, 0, 0], [0, 0, 1], [0, 0, 1]]


def test_label_order_follows_labels_argument():
    cm = ma.confusion_matrix(["a", "b", "b"], ["b", "b", "a"], labels=["b", "a"])
    expected = sk_confusion_matrix(["a", "b", "b"], ["b", "b", "a"], labels=["b", "a"])
    assert cm.counts.tolist() == expected.tolist()


def test_label_counts_of_an_incomplete_matrix_refuses_labels_it_dropped():
    cm = ma.confusion_matrix(list("OAB"), list("AAB"), labels=["A", "B"])
    with pytest.raises(ValueError, match="labels holds 'O', which this matrix left out"):
        cm.label_counts(["O"])


def test_label_counts_of_a_complete_matrix_counts_unseen_labels_as_zero():
    lc = ma.confusion_matrix(list("AB"), list("AB")).label_counts(["Z", "A"])
    assert (lc.labels, lc.tp.tolist(), lc.fp.tolist()) == (("Z", "A"), [0, 1], [0, 0])


@pytest.mark.parametrize(
    ("y_true", "y_pred"),
    [
        pytest.param(np.arange(20) % 4, (np.arange(20) * 7) % 4, id="small non-negative ints"),
        pytest.param(np.array([-5, 3, -5, 0]), np.array([3, 3, -5, -5]), id="negative ints"),
        pytest.param(np.array([10**12, 5, 5]), np.array([5, 10**12, 5]), id="huge ints"),
        pytest.param(np.array([1.0, 2.0, 2.0]), np.array([2.0, 2.0, 1.0]), id="integral floats"),
        pytest.param(np.array([True, False, True]), np.array([True, True, False]), id="bools"),
        pytest.param(np.array([1, 2], dtype=np.int8), np.array([2, 300]), id="mixed int dtypes"),
        pytest.param(
            np.array([11, 11, 5], dtype=np.int8), np.array([11, 0, 5], dtype=np.int8), id="int8"
        ),
        pytest.param(
            np.array([200, 3], dtype=np.uint8), np.array([3, 3], dtype=np.uint8), id="uint8"
        ),
        pytest.param(np.array(["A", 2], dtype=object)[:1], np.array(["B"]), id="object strings"),
    ],
)
def test_every_counting_path_agrees_with_sklearn(y_true, y_pred):
    cm = ma.confusion_matrix(y_true, y_pred)
    assert cm.counts.tolist() == sk_confusion_matrix(y_true, y_pred).tolist()
    p, r, _, _ = precision_recall_fscore_support(y_true, y_pred, average=None, zero_division=0)
    np.testing.assert_allclose(cm.scores(average=None).precision, p, atol=1e-12)
    np.testing.assert_allclose(cm.scores(average=None).recall, r, atol=1e-12)


def test_labels_keep_their_python_types():
    assert ma.confusion_matrix(np.array([1, 2]), np.array([2, 1])).labels == (1, 2)
    assert type(ma.confusion_matrix(np.array([1, 2]), np.array([2, 1])).labels[0]) is int
    assert ma.confusion_matrix([1.0, 2.0], [2.0, 1.0]).labels == (1.0, 2.0)
    assert ma.confusion_matrix(["x"], ["y"]).labels == ("x", "y")


def test_counts_are_read_only():
    cm = ma.confusion_matrix([1, 2], [1, 1])
    with pytest.raises(ValueError, match="read-only"):
        cm.counts[0, 0] = 5


def test_from_counts_matches_counting_the_rows(worked):
    counted = ma.confusion_matrix(*worked)
    built = ma.ConfusionMatrix.from_counts(counted.counts.tolist(), labels=["A", "B", "C"])
    assert built == counted


def test_from_counts_defaults_to_integer_labels():
    assert ma.ConfusionMatrix.from_counts([[1, 0], [0, 1]]).labels == (0, 1)


@pytest.mark.parametrize(
    ("counts", "labels", "message"),
    [
        ([[1, 2, 3]], None, r"counts has shape \(1, 3\): expected a square"),
        ([], None, r"counts has shape \(0,\)"),
        ([[1, -1], [0, 0]], None, "counts holds -1 at row 0, column 1"),
        ([[1, 0.5], [0, 0]], None, "counts holds 0.5 at row 0, column 1"),
        ([[1, float("nan")], [0, 0]], None, "counts holds nan at row 0, column 1"),
        ([["a", "b"], ["c", "d"]], None, "counts has dtype <U1: expected whole numbers"),
        (
            [[1, 2], [3]],
            None,
            "counts is ragged: its rows have different lengths; expected a square k x k matrix",
        ),
        ([[1, 0], [0, 1]], ["A"], "labels has 1 labels but counts is 2 x 2"),
        ([[1, 0], [0, 1]], ["A", "A"], "labels holds 'A' twice"),
    ],
)
def test_from_counts_refuses_bad_matrices(counts, labels, message):
    with pytest.raises(ValueError, match=message):
        ma.ConfusionMatrix.from_counts(counts, labels=labels)


def test_adding_matrices_over_different_labels_is_refused():
    a = ma.confusion_matrix(["A"], ["B"])
    b = ma.confusion_matrix(["A"], ["C"])
    with pytest.raises(ValueError, match="cannot add confusion matrices over different labels"):
        _ = a + b


def test_batches_add_up_even_with_labels_left_out():
    y_true, y_pred = list("OOOAAB"), list("OAAAAB")
    labels = ["A", "B"]
    whole = ma.confusion_matrix(y_true, y_pred, labels=labels)
    parts = ma.confusion_matrix(y_true[:3], y_pred[:3], labels=labels) + ma.confusion_matrix(
        y_true[3:], y_pred[3:], labels=labels
    )
    assert parts == whole
    assert parts.scores(exact=True).precision == Fraction(3, 5)


def test_too_many_distinct_labels_is_refused_not_exhausting_memory():
    y = np.arange(10_000) * 3 + 10**9
    with pytest.raises(ValueError, match="10000 distinct labels"):
        ma.confusion_matrix(y, y)


def test_multi_label_input_has_no_confusion_matrix():
    with pytest.raises(ValueError, match="multi-label indicator arrays: a confusion matrix"):
        ma.confusion_matrix([[1, 0], [0, 1]], [[1, 0], [0, 1]])


def test_multi_label_counts_per_column():
    lc = ma.label_counts([[1, 1, 0], [0, 1, 1]], [[1, 0, 0], [1, 1, 1]], labels=[1, 0])
    assert lc.labels == (1, 0)
    assert (lc.tp.tolist(), lc.fp.tolist(), lc.fn.tolist()) == ([1, 1], [0, 1], [1, 0])


def test_repr_shows_the_matrix_with_true_rows(worked):
    text = repr(ma.confusion_matrix(*worked))
    assert text.splitlines()[0] == "ConfusionMatrix (rows: true, columns: predicted, total=9)"
    assert text.splitlines()[-3].split() == ["A", "|", "2", "1", "1"]


def test_import_microavg_loads_only_numpy():
    code = (
        "import sys, microavg\n"
        "heavy = {'sympy', 'matplotlib', 'ipywidgets', 'pandas', 'sklearn', 'scipy'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_helper_modules_load_on_first_use():
    code = (
        "import sys, microavg as ma\n"
        "assert 'sympy' not in sys.modules\n"
        "print(ma.symbolic.__name__, 'sympy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["microavg.symbolic", "True"]
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        _ = ma.nonesuch


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int32, np.int64])
def test_negative_labels_of_every_signed_dtype_keep_their_sign(dtype):
    # -1 viewed as unsigned is 255 for int8: it must not be counted as label 255.
    cm = ma.confusion_matrix(np.array([0, -1, -1], dtype=dtype), np.array([-1, -1, 0], dtype=dtype))
    assert cm.labels == (-1, 0)
    assert cm.counts.tolist() == [[1, 1], [1, 0]]


def test_role_names_the_three_ways_a_row_counts_for_a_label():
    assert [role(t, p, "A") for t, p in ["AA", "BA", "AB", "BC"]] == ["TP", "FP", "FN", None]
    assert ROLES == ("TP", "FP", "FN")


# -- hostile input: never a wrapped count ------------------------------------------------


def test_from_counts_refuses_a_total_beyond_int64_instead_of_wrapping():
    with pytest.raises(ValueError, match=r"counts sums to 9223372036854775808: more than int64"):
        ma.ConfusionMatrix.from_counts([[2**62, 2**62], [0, 0]])


def test_from_counts_refuses_uint64_counts_of_2_63_and_more():
    big = np.array([[2**63, 1], [0, 0]], dtype=np.uint64)
    with pytest.raises(ValueError, match="more than int64 holds"):
        ma.ConfusionMatrix.from_counts(big)


def test_from_counts_just_below_the_limit_is_exact():
    cm = ma.ConfusionMatrix.from_counts([[2**62, 2**62 - 1], [0, 0]])
    assert cm.total == 2**63 - 1
    assert cm.accuracy(exact=True) == Fraction(2**62, 2**63 - 1)


def test_adding_matrices_whose_total_would_wrap_is_refused():
    half = ma.ConfusionMatrix.from_counts([[2**62, 0], [0, 0]])
    with pytest.raises(ValueError, match="the sum of these confusion matrices counts"):
        half + half


def test_sum_of_matrices_adds_up_the_batches():
    y_true, y_pred = list("AAAABBCCC"), list("AABCABBCC")
    labels = ["A", "B", "C"]
    batches = [
        ma.confusion_matrix(y_true[i : i + 3], y_pred[i : i + 3], labels=labels)
        for i in range(0, 9, 3)
    ]
    assert sum(batches) == ma.confusion_matrix(y_true, y_pred)
    with pytest.raises(TypeError):
        sum(batches, 1)


def test_labels_outside_the_datas_dtype_keep_their_value():
    y = np.array([1, 2, 1], dtype=np.uint8)
    cm = ma.confusion_matrix(y, y, labels=[-100, 1])
    assert cm.labels == (-100, 1)
    assert cm.counts.tolist() == [[0, 0], [0, 2]]
    assert cm.fn.tolist() == [0, 0]


def test_uint64_labels_of_2_63_and_more_are_counted_with_labels():
    big = 2**63 + 5
    y_true = np.array([big, 1, big], dtype=np.uint64)
    y_pred = np.array([big, big, 1], dtype=np.uint64)
    cm = ma.confusion_matrix(y_true, y_pred, labels=[big, 1])
    assert cm.labels == (big, 1)
    assert cm.counts.tolist() == [[1, 1], [1, 0]]
    negative = ma.confusion_matrix(y_true, y_pred, labels=[-1, 1])  # -1: no uint64 is it
    assert negative.labels == (-1, 1) and negative.fn.tolist() == [0, 1]


def test_uint64_with_int64_labels_stay_exact_integers():
    y_true = np.array([2**63 + 1, 1], dtype=np.uint64)
    y_pred = np.array([1, 1], dtype=np.int64)
    cm = ma.confusion_matrix(y_true, y_pred)
    assert cm.labels == (1, 2**63 + 1)
    assert all(type(label) is int for label in cm.labels)
    small = np.array([7, 1], dtype=np.uint64)
    assert ma.confusion_matrix(small, np.array([-3, 1])).labels == (-3, 1, 7)


def test_more_than_8192_distinct_labels_are_counted_with_labels():
    rng = np.random.default_rng(3)
    y_true = rng.integers(0, 20_000, 50_000) * 7 + 10**9
    y_pred = np.where(rng.random(50_000) < 0.5, y_true, rng.integers(0, 20_000, 50_000) * 7 + 10**9)
    labels = [int(y_true[0]), int(y_true[1]), 5]
    cm = ma.confusion_matrix(y_true, y_pred, labels=labels)
    expected = sk_confusion_matrix(y_true, y_pred, labels=labels)
    np.testing.assert_array_equal(cm.counts, expected)
    p, r, f, _ = precision_recall_fscore_support(
        y_true, y_pred, labels=labels, average="micro", zero_division=0.0
    )
    s = ma.scores(y_true, y_pred, labels=labels)
    assert (s.precision, s.recall, s.f1) == pytest.approx((p, r, f))
    assert cm.total == 50_000 and cm.correct == int(np.count_nonzero(y_true == y_pred))
    assert not cm.complete


def test_too_many_labels_without_labels_says_what_to_do():
    y = np.arange(10_000) * 3 + 10**9
    with pytest.raises(ValueError, match="pass labels= to count only the labels you need"):
        ma.confusion_matrix(y, y)


def test_big_endian_arrays_are_counted_by_value():
    y_true = np.array([1, 2, 300], dtype=">i8")
    y_pred = np.array([1, 1, 300], dtype=">i8")
    cm = ma.confusion_matrix(y_true, y_pred)
    assert cm.labels == (1, 2, 300)
    assert cm.counts.tolist() == [[1, 0, 0], [1, 0, 0], [0, 0, 1]]
    weights = np.array([1.0, 2.0, 3.0], dtype=">f8")
    assert ma.accuracy(y_true, y_pred, sample_weight=weights, exact=True) == Fraction(2, 3)


@pytest.mark.parametrize("weighted", [False, True])
def test_scores_and_label_counts_take_any_number_of_distinct_labels(weighted):
    rng = np.random.default_rng(5)
    y_true = rng.integers(0, 12_000, 40_000) * 3 - 7
    y_pred = np.where(rng.random(40_000) < 0.6, y_true, rng.integers(0, 12_000, 40_000) * 3 - 7)
    weights = rng.random(40_000) if weighted else None
    for average in ("micro", "macro", "weighted"):
        s = ma.scores(y_true, y_pred, average=average, sample_weight=weights)
        expected = precision_recall_fscore_support(
            y_true, y_pred, average=average, zero_division=0.0, sample_weight=weights
        )[:3]
        assert (s.precision, s.recall, s.f1) == pytest.approx(expected, rel=1e-9)
    # 9,000 labels asked for (more than a matrix may hold), one of them absent (4).
    labels = [4, *np.unique(y_true)[:8_999].tolist()]
    lc = ma.label_counts(y_true, y_pred, labels=labels, sample_weight=weights)
    assert lc.labels == tuple(labels)
    mcm = multilabel_confusion_matrix(y_true, y_pred, labels=labels[:50], sample_weight=weights)
    np.testing.assert_allclose(lc.tp[:50], mcm[:, 1, 1])
    np.testing.assert_allclose(lc.fp[:50], mcm[:, 0, 1])
    np.testing.assert_allclose(lc.fn[:50], mcm[:, 1, 0])
    assert lc.tp[0] == lc.fp[0] == lc.fn[0] == 0
