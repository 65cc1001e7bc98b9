"""Simulated classifiers: many sets of predictions for one test set, with numpy alone.

Lesson 03 plots hundreds of classifiers at once to show that micro-F1 equals accuracy
for every one of them, while macro-F1 does not. This module makes their predictions
(:func:`simulate_classifiers`) and scores them with the engine (:func:`f1_against_accuracy`).

Its random numbers come from :func:`uniform`, a counter-based generator small enough to
be written again, bit for bit, in the page's JavaScript (``explorers/static/prng.js``):
number ``i`` of stream ``s`` under seed ``seed`` is a 32-bit hash of the three, so the
page and the kernel draw the same classifiers for the same seed, and numpy draws them all
at once. Only integer arithmetic modulo 2**32, additions, multiplications, divisions and
square roots are used, which IEEE 754 rounds the same way in both languages.

>>> from microavg.simulation import simulate_classifiers
>>> y_true, y_pred = simulate_classifiers(n_classifiers=4, n_labels=3, n_samples=50)
>>> y_true.shape, y_pred.shape
((50,), (4, 50))
"""

from __future__ import annotations

import numpy as np

from microavg._validate import real, shown, whole_number
from microavg.metrics import confusion_matrix

__all__ = [
    "SKILL_SPREAD",
    "f1_against_accuracy",
    "label_frequencies",
    "mix32",
    "simulate_classifiers",
    "uniform",
]

SKILL_SPREAD = 0.15
"""The spread (standard deviation) of one classifier's skill on one label around ``skill``."""

_MAX_DRAWS = 2**32 - 1  # the generator's counter is 32 bits: one index per draw

_GOLDEN = np.uint32(0x9E3779B9)
_M1, _M2 = np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35)
_STREAMS = {"truth": 1, "skill": 2, "correct": 3, "wrong": 4, "shift": 5}
_NOISE_TERMS = 4  # uniforms summed per normal-like draw (Irwin-Hall)


def mix32(x: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, elementwise on uint32 (wrapping as C does).

    >>> int(mix32(np.uint32(1)))
    1364076727
    """
    x = np.asarray(x, dtype=np.uint32)
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint32(16))
        x = x * _M1
        x = x ^ (x >> np.uint32(13))
        x = x * _M2
        return x ^ (x >> np.uint32(16))


def uniform(seed: int, stream: int, index: np.ndarray) -> np.ndarray:
    """Uniform numbers in [0, 1): number ``index`` of ``stream`` under ``seed``, each a
    multiple of 2**-32.

    >>> uniform(0, 1, np.arange(3)).tolist()
    [0.43498227023519576, 0.9763666400685906, 0.3272886190097779]
    """
    key = mix32(np.uint32(seed) ^ mix32(np.uint32(stream)))
    with np.errstate(over="ignore"):
        counter = np.asarray(index, dtype=np.uint32) * _GOLDEN + key
    return mix32(mix32(counter) ^ key).astype(np.float64) / 2.0**32


def label_frequencies(n_labels: int, imbalance: float) -> np.ndarray:
    """How often each label occurs: proportional to ``1 / (i + 1) ** imbalance``.

    ``imbalance`` 0 gives equally frequent labels; at 1 label 0 is twice as frequent as
    label 1 and three times as frequent as label 2; larger values are more skewed.

    >>> label_frequencies(3, 1.0).round(3).tolist()
    [0.545, 0.273, 0.182]
    >>> label_frequencies(4, 0.0).tolist()
    [0.25, 0.25, 0.25, 0.25]
    """
    whole_number("n_labels", n_labels, 2)
    imbalance = real("imbalance", imbalance, 0.0)
    weights = [1.0 / (i + 1) ** imbalance for i in range(n_labels)]
    total = 0.0
    for weight in weights:  # left to right, as the page sums them
        total += weight
    return np.array(weights) / total


def _draw(frequencies: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Labels drawn with ``frequencies`` from uniforms ``u``: the first whose running sum
    exceeds ``u``, summed left to right as the page sums them."""
    cumulative = np.cumsum(frequencies)
    cumulative[-1] = 1.0
    return np.searchsorted(cumulative, u, side="right").astype(np.int64)


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
    each label, its own chance of predicting that label correctly: ``skill`` plus noise
    of standard deviation :data:`SKILL_SPREAD` (a sum of four uniforms, close to normal),
    clipped to [0, 1], so classifiers differ in which labels they are good at. A wrong
    prediction is drawn from the label frequencies, and when that draw is the true label,
    one of the other labels is taken at random instead: frequent labels collect most of
    the errors, as in real data.

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
        Seed of the generator, from 0 to 2**32 - 1: the same arguments give the same arrays,
        here and in the page.

    Returns
    -------
    y_true : numpy.ndarray of shape (n_samples,)
        The true labels, int64.
    y_pred : numpy.ndarray of shape (n_classifiers, n_samples)
        Row ``c`` holds classifier ``c``'s predictions, int64.

    Raises
    ------
    ValueError
        If an argument is of the wrong type or out of its range, or if the draws
        (``n_classifiers * n_samples``) pass 2**32 - 1, the generator's 32-bit counter.

    Examples
    --------
    >>> import microavg as ma
    >>> y_true, y_pred = simulate_classifiers(n_classifiers=3, n_samples=100, seed=1)
    >>> all(ma.scores(y_true, row).f1 == ma.accuracy(y_true, row) for row in y_pred)
    True
    """
    n_classifiers = whole_number("n_classifiers", n_classifiers, 1)
    n_samples = whole_number("n_samples", n_samples, 1)
    skill = real("skill", skill, 0.0, 1.0)
    seed = whole_number("seed", seed, 0, 2**32 - 1)
    frequencies = label_frequencies(n_labels, imbalance)
    n_labels = int(n_labels)
    for name, draws in (
        ("n_classifiers * n_samples", n_classifiers * n_samples),
        ("n_classifiers * n_labels * 4", n_classifiers * n_labels * _NOISE_TERMS),
    ):
        if draws > _MAX_DRAWS:
            raise ValueError(
                f"{name} must be at most 2**32 - 1 (each draw of the generator the page "
                f"shares has a 32-bit index), got {shown(draws)}: simulate fewer classifiers "
                "or rows"
            )

    def stream(name: str, size: int) -> np.ndarray:
        return uniform(seed, _STREAMS[name], np.arange(size, dtype=np.uint32))

    y_true = _draw(frequencies, stream("truth", n_samples))
    terms = stream("skill", n_classifiers * n_labels * _NOISE_TERMS)
    terms = terms.reshape(n_classifiers, n_labels, _NOISE_TERMS)
    noise = (((terms[..., 0] + terms[..., 1]) + terms[..., 2]) + terms[..., 3] - 2.0) * np.sqrt(3.0)
    label_skill = np.clip(skill + SKILL_SPREAD * noise, 0.0, 1.0)
    shape = (n_classifiers, n_samples)
    size = n_classifiers * n_samples
    correct = stream("correct", size).reshape(shape) < label_skill[:, y_true]
    wrong = _draw(frequencies, stream("wrong", size)).reshape(shape)
    shift = 1 + np.floor(stream("shift", size) * (n_labels - 1)).astype(np.int64).reshape(shape)
    wrong = np.where(wrong == y_true, (y_true + shift) % n_labels, wrong)
    y_pred = np.where(correct, y_true, wrong)
    return y_true, y_pred


def f1_against_accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, np.ndarray]:
    """Accuracy, micro-F1 and macro-F1 of each classifier (each row of ``y_pred``), by the
    engine, over the labels each one's rows hold (scikit-learn's default).

    >>> y_true, y_pred = simulate_classifiers(n_classifiers=5, seed=2)
    >>> found = f1_against_accuracy(y_true, y_pred)
    >>> bool((found["micro_f1"] == found["accuracy"]).all()), found["macro_f1"].shape
    (True, (5,))
    """
    y_true = np.asarray(y_true, dtype=np.int64)
    y_pred = np.atleast_2d(np.asarray(y_pred, dtype=np.int64))
    if y_pred.shape[1] != y_true.shape[0]:
        raise ValueError(
            f"y_pred has rows of {y_pred.shape[1]} predictions for {y_true.shape[0]} true labels"
        )
    found = {"accuracy": [], "micro_f1": [], "macro_f1": []}
    for row in y_pred:
        cm = confusion_matrix(y_true, row)
        found["accuracy"].append(cm.accuracy())
        found["micro_f1"].append(cm.scores(average="micro").f1)
        found["macro_f1"].append(cm.scores(average="macro").f1)
    return {name: np.array(values, dtype=np.float64) for name, values in found.items()}
