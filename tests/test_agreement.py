"""The engine agrees with scikit-learn, and the identity holds, for every input.

Property tests: hypothesis draws labels, predictions, ``labels=`` subsets (with labels
absent from the data), every ``average`` and ``zero_division``, int and string labels,
and multi-label indicators, with and without sample weights (whole numbers and floats);
scikit-learn is the reference.
"""

from __future__ import annotations

import math
import warnings

import microavg as ma
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import confusion_matrix as sk_confusion_matrix
from sklearn.metrics import precision_recall_fscore_support

AVERAGES = ["micro", "macro", "weighted", None]
ZERO_DIVISIONS = [0.0, 1.0, math.nan]

int_pool = st.lists(st.integers(-3, 6), min_size=1, max_size=5, unique=True)
str_pool = st.lists(
    st.sampled_from(["A", "B", "C", "O", "dog", "cat"]), min_size=1, max_size=5, unique=True
)


@st.composite
def single_label(draw, pool=None):
    """y_true, y_pred over a small label pool, and a labels= that may drop or add labels.

    Integer labels come as Python lists or as numpy arrays of any integer dtype that holds
    them (small dtypes overflow where arithmetic is done in the input's dtype).
    """
    pool = draw(pool if pool is not None else st.one_of(int_pool, str_pool))
    n = draw(st.integers(1, 40))
    y_true = draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))
    y_pred = draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))
    if isinstance(pool[0], int):
        dtypes = [None, np.int8, np.int16, np.int64]
        dtypes += [np.uint8, np.uint16, np.uint64] if min(pool) >= 0 else []
        dtype = draw(st.sampled_from(dtypes))
        if dtype is not None:
            y_true, y_pred = np.array(y_true, dtype=dtype), np.array(y_pred, dtype=dtype)
    extra = [99, 100] if isinstance(pool[0], int) else ["never", "zzz"]
    labels = draw(
        st.none()
        | st.lists(st.sampled_from(pool + extra), min_size=1, max_size=len(pool) + 2, unique=True)
    )
    return y_true, y_pred, labels


@st.composite
def multi_label(draw):
    n = draw(st.integers(1, 30))
    k = draw(st.integers(2, 5))
    cells = st.lists(st.lists(st.integers(0, 1), min_size=k, max_size=k), min_size=n, max_size=n)
    y_true, y_pred = np.array(draw(cells)), np.array(draw(cells))
    labels = draw(st.none() | st.lists(st.integers(0, k - 1), min_size=1, max_size=k, unique=True))
    return y_true, y_pred, labels


@st.composite
def weights_for(draw, n):
    """n non-negative sample weights, not all zero: whole numbers or floats."""
    element = draw(
        st.sampled_from(
            [st.integers(0, 5), st.floats(0, 10, allow_nan=False, allow_infinity=False)]
        )
    )
    return draw(st.lists(element, min_size=n, max_size=n).filter(any))


def quietly(fn, *args, **kwargs):
    """Call a scikit-learn reference, silencing its advice (labels absent, one label)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def sklearn_prf(y_true, y_pred, average, labels, zero_division, sample_weight=None):
    return quietly(
        precision_recall_fscore_support,
        y_true,
        y_pred,
        average=average,
        labels=labels,
        zero_division=zero_division,
        sample_weight=sample_weight,
    )[:3]


def assert_close(ours, theirs):
    np.testing.assert_allclose(
        np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float), rtol=0, atol=1e-12
    )


@settings(deadline=None)
@given(
    data=st.one_of(single_label(), multi_label()),
    average=st.sampled_from(AVERAGES),
    zero_division=st.sampled_from(ZERO_DIVISIONS),
)
def test_scores_equal_sklearn_for_single_and_multi_label_data(data, average, zero_division):
    y_true, y_pred, labels = data
    ours = ma.scores(y_true, y_pred, average=average, labels=labels, zero_division=zero_division)
    theirs = sklearn_prf(y_true, y_pred, average, labels, zero_division)
    for mine, ref in zip(ours, theirs, strict=True):
        assert_close(mine, ref)


@settings(deadline=None)
@given(data=single_label())
def test_confusion_matrix_equals_sklearn(data):
    y_true, y_pred, labels = data
    cm = ma.confusion_matrix(y_true, y_pred, labels=labels)
    if labels is not None and not set(labels) & set(y_true):
        # sklearn refuses a labels= with no label in y_true; we count it as zeros.
        assert cm.counts.sum() == 0
        return
    expected = quietly(sk_confusion_matrix, y_true, y_pred, labels=labels)
    np.testing.assert_array_equal(cm.counts, expected)
    assert list(cm.labels) == (sorted(set(y_true) | set(y_pred)) if labels is None else labels)


@settings(deadline=None)
@given(data=single_label())
def test_every_wrong_row_is_one_fp_and_one_fn(data):
    # With every label counted, sum(FP) = sum(FN) = the number of wrong rows, so micro
    # precision, recall and F1 all equal accuracy, exactly.
    y_true, y_pred, _ = data
    cm = ma.confusion_matrix(y_true, y_pred)
    wrong = sum(t != p for t, p in zip(y_true, y_pred, strict=True))
    assert cm.fp.sum() == cm.fn.sum() == wrong
    s = ma.scores(y_true, y_pred, exact=True)
    assert s.precision == s.recall == s.f1 == ma.accuracy(y_true, y_pred, exact=True)


@settings(deadline=None)
@given(data=single_label(), split=st.integers(0, 40))
def test_matrices_counted_in_batches_add_up_to_the_whole(data, split):
    y_true, y_pred, labels = data
    fixed = sorted(set(y_true) | set(y_pred)) if labels is None else labels
    split = min(split, len(y_true) - 1) if len(y_true) > 1 else 0
    whole = ma.confusion_matrix(y_true, y_pred, labels=fixed)
    if split == 0:
        assert whole == ma.confusion_matrix(y_true, y_pred, labels=fixed)
        return
    parts = ma.confusion_matrix(y_true[:split], y_pred[:split], labels=fixed) + (
        ma.confusion_matrix(y_true[split:], y_pred[split:], labels=fixed)
    )
    assert parts == whole
    assert parts.scores(average=None).precision.tolist() == pytest.approx(
        whole.scores(average=None).precision.tolist(), nan_ok=True
    )


@settings(deadline=None)
@given(data=single_label())
def test_accuracy_equals_sklearn(data):
    from sklearn.metrics import accuracy_score

    y_true, y_pred, _ = data
    assert ma.accuracy(y_true, y_pred) == pytest.approx(accuracy_score(y_true, y_pred), abs=1e-12)


@settings(deadline=None)
@given(data=multi_label())
def test_subset_accuracy_equals_sklearn(data):
    from sklearn.metrics import accuracy_score

    y_true, y_pred, _ = data
    assert ma.accuracy(y_true, y_pred) == pytest.approx(accuracy_score(y_true, y_pred), abs=1e-12)


@settings(deadline=None)
@given(
    data=single_label(),
    average=st.sampled_from(AVERAGES),
    zero_division=st.sampled_from([0.0, 1.0]),
)
def test_exact_scores_are_the_float_scores(data, average, zero_division):
    y_true, y_pred, labels = data
    kw = {"average": average, "labels": labels, "zero_division": zero_division}
    exact = ma.scores(y_true, y_pred, exact=True, **kw)
    floats = ma.scores(y_true, y_pred, **kw)
    for e, f in zip(exact, floats, strict=True):
        assert_close(np.asarray(e, dtype=float), f)


# -- sample weights ---------------------------------------------------------------------


def assert_weighted_close(ours, theirs):
    # Float weights are summed in another order than scikit-learn's: equal to rounding.
    np.testing.assert_allclose(
        np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float), rtol=1e-9, atol=1e-12
    )


@settings(deadline=None)
@given(
    data=st.one_of(single_label(), multi_label()).flatmap(
        lambda d: st.tuples(st.just(d), weights_for(len(d[0])))
    ),
    average=st.sampled_from(AVERAGES),
    zero_division=st.sampled_from(ZERO_DIVISIONS),
)
def test_weighted_scores_equal_sklearn_for_single_and_multi_label_data(
    data, average, zero_division
):
    (y_true, y_pred, labels), weights = data
    ours = ma.scores(
        y_true,
        y_pred,
        average=average,
        labels=labels,
        zero_division=zero_division,
        sample_weight=weights,
    )
    theirs = sklearn_prf(y_true, y_pred, average, labels, zero_division, weights)
    for mine, ref in zip(ours, theirs, strict=True):
        assert_weighted_close(mine, ref)


@settings(deadline=None)
@given(data=single_label().flatmap(lambda d: st.tuples(st.just(d), weights_for(len(d[0])))))
def test_weighted_confusion_matrix_equals_sklearn(data):
    (y_true, y_pred, labels), weights = data
    cm = ma.confusion_matrix(y_true, y_pred, labels=labels, sample_weight=weights)
    if labels is not None and not set(labels) & set(y_true):
        assert cm.counts.sum() == 0  # sklearn refuses such a labels=, as above
        return
    expected = quietly(sk_confusion_matrix, y_true, y_pred, labels=labels, sample_weight=weights)
    assert cm.counts.dtype == expected.dtype  # int64 for whole-number weights, else float64
    assert_weighted_close(cm.counts, expected)


@settings(deadline=None)
@given(data=single_label().flatmap(lambda d: st.tuples(st.just(d), weights_for(len(d[0])))))
def test_weighted_sum_fp_equals_sum_fn_and_micro_scores_equal_weighted_accuracy(data):
    # Each wrong row adds its weight to one FP and one FN: weights keep the identity.
    (y_true, y_pred, _), weights = data
    cm = ma.confusion_matrix(y_true, y_pred, sample_weight=weights)
    assert cm.fp.sum() == pytest.approx(cm.fn.sum(), rel=1e-12, abs=1e-12)
    s = ma.scores(y_true, y_pred, sample_weight=weights)
    acc = ma.accuracy(y_true, y_pred, sample_weight=weights)
    assert s.precision == pytest.approx(acc, abs=1e-12)
    assert s.recall == pytest.approx(acc, abs=1e-12)
    assert s.f1 == pytest.approx(acc, abs=1e-12)
    if all(isinstance(w, int) for w in weights):
        exact = ma.scores(y_true, y_pred, sample_weight=weights, exact=True)
        assert exact.precision == exact.recall == exact.f1
        assert exact.precision == ma.accuracy(y_true, y_pred, sample_weight=weights, exact=True)


@settings(deadline=None)
@given(
    data=st.one_of(single_label(), multi_label()).flatmap(
        lambda d: st.tuples(st.just(d), weights_for(len(d[0])))
    )
)
def test_weighted_accuracy_equals_sklearn(data):
    from sklearn.metrics import accuracy_score

    (y_true, y_pred, _), weights = data
    ours = ma.accuracy(y_true, y_pred, sample_weight=weights)
    assert ours == pytest.approx(accuracy_score(y_true, y_pred, sample_weight=weights), abs=1e-12)


# -- the engine over every integer dtype, both byte orders and the whole range of each -----

INT_DTYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]


def fits_both(a, b):
    ia, ib = np.iinfo(a), np.iinfo(b)
    return max(ia.min, ib.min), min(ia.max, ib.max)


@st.composite
def integer_labels(draw):
    """y_true and y_pred of any integer dtypes (perhaps two), either byte order, with labels
    anywhere in the range both hold (extremes likely), and a labels= that may reach outside."""
    t_dtype, p_dtype = draw(st.sampled_from(INT_DTYPES)), draw(st.sampled_from(INT_DTYPES))
    low, high = fits_both(t_dtype, p_dtype)
    value = st.one_of(
        st.integers(low, high), st.sampled_from([low, high, 0, 1, high - 1, max(low, -1)])
    )
    pool = draw(st.lists(value, min_size=1, max_size=5, unique=True))
    n = draw(st.integers(1, 30))
    y_true = draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))
    y_pred = draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n))
    order_t, order_p = draw(st.sampled_from("<>")), draw(st.sampled_from("<>"))
    t = np.array(y_true, dtype=np.dtype(t_dtype).newbyteorder(order_t))
    p = np.array(y_pred, dtype=np.dtype(p_dtype).newbyteorder(order_p))
    outside = [v for v in (low - 1, high + 1, -100, 2**63 - 1) if -(2**63) <= v < 2**63]
    labels = draw(
        st.none()
        | st.lists(st.sampled_from(pool + outside), min_size=1, max_size=6, unique=True).filter(
            lambda ls: max(ls) < 2**63 or min(ls) >= 0
        )
    )
    return t, p, labels, y_true, y_pred


def reference_counts(y_true, y_pred, labels):
    """The confusion matrix among labels, and each label's totals, counted in Python ints."""
    rows = list(zip(y_true, y_pred, strict=True))
    counts = [[sum(1 for r in rows if r == (a, b)) for b in labels] for a in labels]
    support = [sum(1 for t in y_true if t == a) for a in labels]
    predicted = [sum(1 for p in y_pred if p == a) for a in labels]
    return counts, support, predicted


@settings(deadline=None)
@given(data=integer_labels())
def test_every_integer_dtype_byte_order_and_label_range_is_counted_exactly(data):
    t, p, labels, y_true, y_pred = data
    cm = ma.confusion_matrix(t, p, labels=labels)
    expected_labels = sorted(set(y_true) | set(y_pred)) if labels is None else labels
    assert list(cm.labels) == expected_labels
    assert all(type(label) is int for label in cm.labels)
    counts, support, predicted = reference_counts(y_true, y_pred, expected_labels)
    assert cm.counts.tolist() == counts
    assert cm.support.tolist() == support and cm.predicted.tolist() == predicted
    assert cm.total == len(y_true)
    assert cm.correct == sum(a == b for a, b in zip(y_true, y_pred, strict=True))
    wrong = cm.total - cm.correct
    if labels is None:
        assert cm.fp.sum() == cm.fn.sum() == wrong


def test_labels_none_of_which_occur_in_y_true_count_zeros_where_sklearn_refuses():
    # A documented difference (see confusion_matrix): batches over fixed labels must add up.
    y_true, y_pred = ["O", "O"], ["A", "O"]
    with pytest.raises(ValueError, match="At least one label specified must be in y_true"):
        sk_confusion_matrix(y_true, y_pred, labels=["A", "B"])
    cm = ma.confusion_matrix(y_true, y_pred, labels=["A", "B"])
    assert cm.counts.tolist() == [[0, 0], [0, 0]]
    assert cm.fp.tolist() == [1, 0]
    expected = sklearn_prf(y_true, y_pred, "micro", ["A", "B"], 0.0)
    assert_close(tuple(ma.scores(y_true, y_pred, labels=["A", "B"])), expected)
