"""microavg: why micro-averaged precision, recall and F1 equal accuracy, and when not.

The engine checks (:mod:`microavg.targets`), counts (:mod:`microavg.counting`, into the
types of :mod:`microavg.counts`) and averages (:mod:`microavg.reduction`) with numpy alone,
behind the public functions of :mod:`microavg.metrics`; ``ma.explain``
(:mod:`microavg.explanation`, loaded on first use) says why micro scores agree or part
on your data. The lessons' other helpers load on first use,
as attributes or by import: ``ma.examples`` (the lessons' datasets), ``ma.predictions``
(scores to labels: arg-max, thresholds, top-k, abstention), ``ma.simulation`` and
``ma.sweeps`` (random classifiers and cases), all numpy;
``ma.symbolic`` (sympy), ``ma.plots`` (matplotlib), ``ma.tables`` (pandas),
``ma.explorers`` (anywidget: the lessons' explorers, which compute in the page).

>>> import microavg as ma
>>> ma.scores(list("AAAABBCCC"), list("AABCABBCC"), exact=True).precision
Fraction(5, 9)
"""

import importlib

from microavg.counts import ConfusionMatrix, LabelCounts
from microavg.metrics import accuracy, confusion_matrix, label_counts, scores
from microavg.reduction import Scores

__all__ = [
    "ConfusionMatrix",
    "LabelCounts",
    "Scores",
    "accuracy",
    "confusion_matrix",
    "explain",
    "label_counts",
    "scores",
]

_LAZY_MODULES = {
    "examples",
    "explanation",
    "explorers",
    "libraries",
    "plots",
    "predictions",
    "prose",
    "simulation",
    "sweeps",
    "symbolic",
    "tables",
}


# Functions loaded with their module on first use: ma.explain(...) works without an import.
_LAZY_FUNCTIONS = {"explain": "explanation"}


def __getattr__(name: str):
    if name in _LAZY_MODULES:
        return importlib.import_module(f"microavg.{name}")
    if name in _LAZY_FUNCTIONS:
        return getattr(importlib.import_module(f"microavg.{_LAZY_FUNCTIONS[name]}"), name)
    raise AttributeError(f"module 'microavg' has no attribute {name!r}")
