"""The engine's last hostile inputs (issue 23): each is refused by name, or counted exactly."""

from __future__ import annotations

import microavg as ma
import numpy as np
import pytest
from microavg import predictions
from microavg._validate import shown
from microavg.explorers import rules

HUGE = 10**5000  # str() of it raises Python's 4,300-digit error


def test_weights_whose_f1_denominator_overflows_are_refused_naming_sample_weight():
    # The total (1.1e308) fits in a float, but F1's 2 ΣTP + ΣFP + ΣFN would be inf.
    for exact in (True, False):
        with pytest.raises(ValueError, match=r"^sample_weight sums to"):
            ma.scores(["A", "B"], ["A", "B"], sample_weight=[1e308, 1e307], exact=exact)
    with pytest.raises(ValueError, match=r"^sample_weight sums to"):
        ma.scores(["A", "B"], ["A", "A"], sample_weight=[1e308, 1e308], exact=True)


def test_labels_ending_in_nul_are_refused_not_merged():
    for call in (
        lambda: ma.confusion_matrix(["A", "A\x00"], ["A", "A"]),
        lambda: ma.scores(["A", "B"], ["A", "B"], labels=["A\x00"]),
        lambda: ma.confusion_matrix(np.array(["A", "A\x00"], dtype=object), ["A", "A"]),
    ):
        with pytest.raises(ValueError, match=r"NUL"):
            call()


def test_abstain_label_of_two_to_the_63_stays_exact():
    out = predictions.abstain_below([[0.9, 0.1], [0.4, 0.6]], 0.7, [0, 1], unknown=2**63)
    assert out.tolist() == [0, 2**63]
    assert out.dtype == np.uint64
    with pytest.raises(ValueError, match="unknown"):
        predictions.abstain_below([[0.9, 0.1]], 0.7, [-1, 1], unknown=2**63)


def test_mixed_bool_and_int_labels_are_refused_naming_the_families():
    with pytest.raises(ValueError, match=r"^y_true mixes booleans and numbers"):
        ma.confusion_matrix([True, 0], [1, 0])
    with pytest.raises(ValueError, match=r"^y_pred mixes booleans and numbers"):
        ma.scores([1, 0], np.array([True, 2], dtype=object))
    with pytest.raises(ValueError, match=r"^labels mixes booleans and numbers"):
        ma.scores([1, 0], [1, 0], labels=[True, 0])
    assert ma.confusion_matrix([True, False], [True, True]).labels == (False, True)


@pytest.mark.parametrize(
    ("y_true", "y_pred", "message"),
    [
        (
            np.array([True, False]),
            np.array([1, 0]),
            "y_true holds booleans but y_pred holds numbers",
        ),
        ([1, 0], [True, False], "y_pred holds booleans but y_true holds numbers"),
        (np.array([True, False]), np.array([1.0, 0.0]), "y_true holds booleans but y_pred"),
        (np.array([0, 2], dtype=np.uint8), np.array([False, True]), "y_pred holds booleans"),
    ],
)
def test_boolean_labels_against_number_labels_are_refused_naming_both(y_true, y_pred, message):
    for call in (ma.confusion_matrix, ma.scores, ma.accuracy, ma.explain, ma.label_counts):
        with pytest.raises(ValueError, match=f"^{message}"):
            call(y_true, y_pred)


def test_labels_of_the_other_kind_than_boolean_data_are_refused():
    with pytest.raises(
        ValueError, match=r"^labels holds numbers but y_true and y_pred hold booleans"
    ):
        ma.scores([True, False], [True, True], labels=[1, 0])
    with pytest.raises(
        ValueError, match=r"^labels holds booleans but y_true and y_pred hold numbers"
    ):
        ma.explain([1, 0], [1, 1], labels=[True])
    assert ma.scores([True, False], [True, True], labels=[True]).precision == 0.5


def test_simulating_more_draws_than_the_generator_indexes_is_refused():
    for options in ({"n_classifiers": HUGE}, {"n_samples": HUGE}, {"n_classifiers": 10**20}):
        with pytest.raises(
            ValueError, match=r"^n_classifiers \* n_samples must be at most 2\*\*32"
        ):
            ma.simulation.simulate_classifiers(**options)
    with pytest.raises(ValueError, match="got 4294967296"):
        ma.simulation.simulate_classifiers(n_classifiers=2**16, n_samples=2**16)


def test_explain_refuses_a_weight_too_large_for_a_float():
    with pytest.raises(ValueError, match=r"^sample_weight holds whole numbers summing to 2\*\*52"):
        ma.explain(["A", "B", "A"], ["A", "A", "B"], sample_weight=[10**400, 1, 1])
    with pytest.raises(ValueError, match=r"^sample_weight"):
        ma.scores([1, 2], [1, 2], sample_weight=[HUGE, 1])


def test_shown_never_raises_the_digit_limit():
    assert shown(HUGE) == "a 5001-digit integer"
    assert shown(-HUGE) == "a 5001-digit negative integer"
    assert shown(12) == "12" and shown("A") == "'A'"


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: ma.scores([HUGE, 1], [1, 1]), "y_true"),
        (lambda: ma.scores([1, 1], [1, 1], labels=[HUGE]), "labels"),
        (lambda: ma.scores([1], [1], zero_division=HUGE), "zero_division"),
        (lambda: ma.ConfusionMatrix.from_counts([[HUGE, 1], [1, 1]]), "counts"),
        (lambda: ma.ConfusionMatrix.from_counts([[1, 1], [1, 1]], labels=[HUGE, 1]), "labels"),
        (lambda: ma.simulation.simulate_classifiers(seed=HUGE), "seed"),
        (lambda: ma.simulation.simulate_classifiers(n_classifiers=HUGE), "n_classifiers"),
        (lambda: predictions.top_k_sets([[0.5, 0.5]], k=HUGE), "k"),
    ],
)
def test_a_five_thousand_digit_value_is_refused_by_name(call, name):
    with pytest.raises(ValueError, match=f"^{name}") as info:
        call()
    assert "4300" not in str(info.value) and len(str(info.value)) < 300


@pytest.mark.parametrize(
    "call",
    [
        lambda: ma.scores([1, 1], [1, 1], labels=[10**400]),
        lambda: ma.scores([1], [1], zero_division=10**400),
        lambda: ma.explain([1, 2], [1, 2], labels=[10**400]),
        lambda: ma.simulation.simulate_classifiers(n_classifiers=10**400),
    ],
    ids=["labels", "zero_division", "explain labels", "n_classifiers"],
)
def test_a_400_digit_value_is_described_not_written_out(call):
    with pytest.raises(ValueError, match=r"a 40\d-digit integer") as info:
        call()
    assert "0" * 21 not in str(info.value)


def test_zero_division_of_ten_to_the_400_is_refused():
    with pytest.raises(ValueError, match=r"^zero_division must be 0.0, 1.0 or nan"):
        ma.scores([1], [1], zero_division=10**400)
    # The explorers name the choices as their menu shows them (0, 1, nan).
    with pytest.raises(rules.RefusedEdit, match=r"^zero_division must be 0, 1 or nan, got a "):
        rules.check_zero_division(10**400)


def test_unhashable_labels_are_refused_clearly():
    with pytest.raises(ValueError, match=r"^labels has shape"):
        ma.scores(["x", "y"], ["x", "y"], labels=[np.array(["x", "y"])])
    with pytest.raises(ValueError, match=r"^labels holds \{'x'\} \(set\)"):
        ma.scores(["x", "y"], ["x", "y"], labels=[{"x"}])
