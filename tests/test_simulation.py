"""Simulated classifiers: reproducible, shaped as documented, skewed and skilled as asked."""

from __future__ import annotations

import microavg as ma
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from microavg.simulation import (
    f1_against_accuracy,
    label_frequencies,
    simulate_classifiers,
    uniform,
)


def test_label_frequencies_follow_one_over_rank_to_the_power_imbalance():
    # 1, 1/4, 1/9 normalised by their sum 49/36.
    assert label_frequencies(3, 2.0).tolist() == pytest.approx([36 / 49, 9 / 49, 4 / 49])
    assert label_frequencies(5, 0.0).tolist() == [0.2] * 5


def test_simulation_has_one_test_set_and_one_row_of_predictions_per_classifier():
    y_true, y_pred = simulate_classifiers(n_classifiers=7, n_labels=4, n_samples=30)
    assert y_true.shape == (30,) and y_pred.shape == (7, 30)
    assert y_true.dtype == y_pred.dtype == np.int64
    assert set(np.unique(y_pred)) <= {0, 1, 2, 3} and set(np.unique(y_true)) <= {0, 1, 2, 3}


def test_same_seed_same_arrays_other_seed_other_arrays():
    a = simulate_classifiers(n_classifiers=5, seed=4)
    b = simulate_classifiers(n_classifiers=5, seed=4)
    c = simulate_classifiers(n_classifiers=5, seed=5)
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    assert not np.array_equal(a[1], c[1])


def test_more_skill_gives_higher_accuracy():
    def mean_accuracy(skill: float) -> float:
        y_true, y_pred = simulate_classifiers(n_classifiers=50, n_samples=400, skill=skill)
        return float(np.mean([ma.accuracy(y_true, row) for row in y_pred]))

    low, mid, high = mean_accuracy(0.2), mean_accuracy(0.5), mean_accuracy(0.9)
    assert low < mid < high
    # With skill s and noise clipped to [0, 1], the accuracy stays near s.
    assert abs(mid - 0.5) < 0.05


def test_imbalance_makes_label_zero_the_most_frequent():
    y_true, _ = simulate_classifiers(n_classifiers=1, n_labels=4, n_samples=4000, imbalance=2.0)
    shares = np.bincount(y_true, minlength=4) / 4000
    assert shares.tolist() == pytest.approx(label_frequencies(4, 2.0).tolist(), abs=0.03)
    assert shares[0] > 0.6


def test_a_wrong_prediction_is_never_the_true_label_by_accident():
    # skill 0: every label's chance of a right answer is clipped noise around 0, so most
    # predictions are drawn as wrong; none of those may equal the true label.
    y_true, y_pred = simulate_classifiers(n_classifiers=20, n_samples=500, skill=0.0)
    assert (y_pred == y_true).mean() < 0.1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_classifiers": 0}, "n_classifiers must be a whole number of at least 1, got 0"),
        ({"n_labels": 1}, "n_labels must be a whole number of at least 2, got 1"),
        ({"n_samples": 2.5}, "n_samples must be a whole number"),
        ({"skill": 1.5}, "skill must be a finite real number from 0.0 to 1.0, got 1.5"),
        ({"skill": float("nan")}, "skill must be a finite real number from 0.0 to 1.0, got nan"),
        ({"imbalance": -1}, "imbalance must be a finite real number of at least 0.0"),
        ({"seed": True}, "seed must be a whole number"),
        ({"seed": 2**32}, "seed must be a whole number from 0 to 4294967295"),
        ({"skill": "high"}, "skill must be a finite real number"),
    ],
)
def test_simulation_refuses_bad_arguments_by_name(kwargs, message):
    with pytest.raises(ValueError, match=message):
        simulate_classifiers(**kwargs)


# Costly examples: at most 25, fewer if the profile says fewer.
@settings(max_examples=min(25, settings().max_examples), deadline=None)
@given(
    n_labels=st.integers(2, 10),
    n_samples=st.integers(1, 300),
    skill=st.floats(0, 1),
    imbalance=st.floats(0, 3),
    seed=st.integers(0, 2**32 - 1),
)
def test_every_simulated_classifier_has_micro_f1_equal_to_accuracy(
    n_labels, n_samples, skill, imbalance, seed
):
    y_true, y_pred = simulate_classifiers(8, n_labels, n_samples, skill, imbalance, seed)
    for row in y_pred:
        cm = ma.confusion_matrix(y_true, row)
        assert cm.scores(exact=True).f1 == cm.accuracy(exact=True)


def test_uniform_numbers_are_multiples_of_two_to_the_minus_32_in_zero_one():
    u = uniform(5, 3, np.arange(10_000))
    assert ((u >= 0) & (u < 1)).all() and (u * 2**32 == np.floor(u * 2**32)).all()
    assert 0.48 < u.mean() < 0.52
    assert not np.array_equal(u, uniform(6, 3, np.arange(10_000)))
    assert not np.array_equal(u, uniform(5, 4, np.arange(10_000)))


def test_f1_against_accuracy_is_the_engines_score_of_each_classifier():
    y_true, y_pred = simulate_classifiers(n_classifiers=6, n_labels=4, imbalance=2.0, seed=9)
    found = f1_against_accuracy(y_true, y_pred)
    for n, row in enumerate(y_pred):
        assert found["accuracy"][n] == ma.accuracy(y_true, row)
        assert found["macro_f1"][n] == ma.scores(y_true, row, average="macro").f1
    with pytest.raises(ValueError, match="rows of 3 predictions for 200 true labels"):
        f1_against_accuracy(y_true, y_pred[:, :3])
