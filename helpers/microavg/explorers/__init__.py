"""The lessons' explorers, each one call, each computing in the page (with or without a
kernel), each with its state set and read from Python:

* :func:`prediction_editor`: rows of (predicted, true) labels;
* :func:`matrix_explorer`: a k x k confusion matrix, typed, stepped or pasted;
* :func:`many_classifiers`: hundreds of simulated classifiers, F1 against accuracy.

Their rules live in :mod:`microavg.explorers.rules` (numpy only); a refused edit raises
:class:`RefusedEdit` (a ``ValueError``) and is shown in the explorer. No pandas, no
matplotlib: the page draws. The explorers load on first use, so importing the rules alone
needs no widget library.

>>> from microavg.explorers import matrix_explorer
>>> matrix_explorer().k
3
"""

import importlib

__all__ = [
    "ManyClassifiers",
    "MatrixExplorer",
    "PredictionEditor",
    "RefusedEdit",
    "many_classifiers",
    "matrix_explorer",
    "prediction_editor",
]

_HOMES = {
    "ManyClassifiers": "many",
    "many_classifiers": "many",
    "MatrixExplorer": "matrix",
    "matrix_explorer": "matrix",
    "PredictionEditor": "editor",
    "prediction_editor": "editor",
    "RefusedEdit": "rules",
}


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(f"microavg.explorers.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'microavg.explorers' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
