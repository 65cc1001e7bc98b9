"""The lessons' explorers, each one call, each computing in the page (with or without a
kernel), each with its state set and read from Python:

* :func:`prediction_editor`: rows of (predicted, true) labels;
* :func:`matrix_explorer`: a k x k confusion matrix, typed, stepped or pasted;
* :func:`many_classifiers`: hundreds of simulated classifiers, F1 against accuracy.

Their rules live in :mod:`microavg.explorers.rules`; a refused edit raises
:class:`RefusedEdit` (a ``ValueError``) and is shown in the explorer. No pandas, no
matplotlib: the page draws.
"""

from microavg.explorers.many_classifiers import ManyClassifiers, many_classifiers
from microavg.explorers.matrix_explorer import MatrixExplorer, matrix_explorer
from microavg.explorers.prediction_editor import PredictionEditor, prediction_editor
from microavg.explorers.rules import RefusedEdit

__all__ = [
    "ManyClassifiers",
    "MatrixExplorer",
    "PredictionEditor",
    "RefusedEdit",
    "many_classifiers",
    "matrix_explorer",
    "prediction_editor",
]
