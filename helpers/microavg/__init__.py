"""microavg: why micro-averaged precision, recall and F1 equal accuracy, and when not.

The engine counts (:mod:`microavg.counts`) and averages (:mod:`microavg.scores`) with
numpy alone. The lessons' heavier helpers load only when used:
:mod:`microavg.symbolic` (sympy), :mod:`microavg.plots` (matplotlib) and
:mod:`microavg.widgets` (ipywidgets).

>>> import microavg as ma
>>> ma.scores(list("AAAABBCCC"), list("AABCABBCC"), exact=True).precision
Fraction(5, 9)
"""

from microavg.counts import ConfusionMatrix, LabelCounts, confusion_matrix, label_counts
from microavg.scores import Scores, accuracy, scores

__all__ = [
    "ConfusionMatrix",
    "LabelCounts",
    "Scores",
    "accuracy",
    "confusion_matrix",
    "label_counts",
    "scores",
]
