"""Simulated classifiers: many sets of predictions for one test set, with numpy alone.

Lesson 03 plots hundreds of classifiers at once to show that micro-F1 equals accuracy
for every one of them, while macro-F1 does not. This module makes their predictions;
counting and scoring them is the engine's job.

>>> from microavg.simulation import simulate_classifiers
>>> y_true, y_pred = simulate_classifiers(n_classifiers=4, n_labels=3, n_samples=50)
>>> y_true.shape, y_pred.shape
((50,), (4, 50))
"""

from __future__ import annotations

import numpy as np

__all__ = ["label_frequencies", "simulate_classifiers"]

# The spread (standard deviation) of one classifier's skill on one label around `skill`.
SKILL_SPREAD = 0.15


def label_frequencies(n_labels: int, imbalance: float) -> np.ndarray:
    """How often each label occurs: proportional to ``1 / (i + 1) ** imbalance``.

    ``imbalance`` 0 gives equally frequent labels; at 1 label 0 is twice as frequent as
    label 1 and three times as frequent as label 2; larger values are more skewed.

    >>> label_frequencies(3, 1.0).round(3).tolist()
    [0.545, 0.273, 0.182]
    >>> label_frequencies(4, 0.0).tolist()
    [0.25, 0.25, 0.25, 0.25]
    """
    _check_int("n_labels", n_labels, 2, None)
    _check_float("imbalance", imbalance, 0.0, None)
    weights = 1.0 / np.arange(1, n_labels + 1) ** float(imbalance)
    return weights / weights.sum()


def simulate_classifiers(
    n_classifiers: int = 300,
    n_labels: int = 3,
    n_samples: int = 200,
    skill: float = 0.7,
    imbalance: float = 0.0,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """One test set and the predictions of many classifiers on it.

    The true labels are drawn with :func:`label_frequencies`. Each classifier gets, for
    each label, its own chance of predicting that label correctly: ``skill`` plus normal
    noise of standard deviation :data:`SKILL_SPREAD`, clipped to [0, 1], so classifiers
    differ in which labels they are good at. A wrong prediction is drawn from the label
    frequencies, and when that draw is the true label, one of the other labels is taken
    at random instead: frequent labels collect most of the errors, as in real data.

    Parameters
    ----------
    n_classifiers : int, default 300
        How many classifiers, at least 1.
    n_labels : int, default 3
        Labels ``0, 1, ..., n_labels - 1``; at least 2.
    n_samples : int, default 200
        Rows in the test set, at least 1.
    skill : float, default 0.7
        The typical chance of a correct prediction, from 0 to 1.
    imbalance : float, default 0.0
        How skewed the label frequencies are (see :func:`label_frequencies`), at least 0.
    seed : int, default 0
        Seed of the random generator: the same arguments give the same arrays.

    Returns
    -------
    y_true : numpy.ndarray of shape (n_samples,)
        The true labels, int64.
    y_pred : numpy.ndarray of shape (n_classifiers, n_samples)
        Row ``c`` holds classifier ``c``'s predictions, int64.

    Raises
    ------
    ValueError
        If an argument is of the wrong type or out of its range.

    Examples
    --------
    >>> import microavg as ma
    >>> y_true, y_pred = simulate_classifiers(n_classifiers=3, n_samples=100, seed=1)
    >>> all(ma.scores(y_true, row).f1 == ma.accuracy(y_true, row) for row in y_pred)
    True
    """
    _check_int("n_classifiers", n_classifiers, 1, None)
    _check_int("n_samples", n_samples, 1, None)
    _check_float("skill", skill, 0.0, 1.0)
    _check_int("seed", seed, 0, None)
    frequencies = label_frequencies(n_labels, imbalance)
    rng = np.random.default_rng(seed)
    cumulative = np.cumsum(frequencies)
    cumulative[-1] = 1.0

    def draw(shape: tuple[int, ...]) -> np.ndarray:
        return np.searchsorted(cumulative, rng.random(shape), side="right").astype(np.int64)

    y_true = draw((n_samples,))
    label_skill = np.clip(
        skill + SKILL_SPREAD * rng.standard_normal((n_classifiers, n_labels)), 0.0, 1.0
    )
    correct = rng.random((n_classifiers, n_samples)) < label_skill[:, y_true]
    wrong = draw((n_classifiers, n_samples))
    clash = wrong == y_true
    shift = rng.integers(1, n_labels, size=(n_classifiers, n_samples))
    wrong = np.where(clash, (y_true + shift) % n_labels, wrong)
    y_pred = np.where(correct, y_true, wrong)
    return y_true, y_pred


def _check_int(name: str, value: object, low: int, high: int | None) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if value < low or (high is not None and value > high):
        limit = f"at least {low}" if high is None else f"from {low} to {high}"
        raise ValueError(f"{name} must be {limit}, got {value}")


def _check_float(name: str, value: object, low: float, high: float | None) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if not np.isfinite(value) or value < low or (high is not None and value > high):
        limit = f"at least {low}" if high is None else f"from {low} to {high}"
        raise ValueError(f"{name} must be {limit}, got {value}")
