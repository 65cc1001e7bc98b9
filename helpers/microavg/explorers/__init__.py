"""The lessons' explorers, each one call, each computing in the page (with or without a
kernel), each with its state set and read from Python:

* :func:`prediction_editor`: rows of (predicted, true) labels;
* :func:`matrix_explorer`: a k x k confusion matrix, typed, stepped or pasted;
* :func:`many_classifiers`: hundreds of simulated classifiers, F1 against accuracy;
* :func:`scored_items`: scores per label turned into label sets (abstaining, a threshold,
  the top k), micro P, R and F1 against the accuracy that goes with the rule;
* :func:`tag_table`: a 0/1 table of true and predicted tags, multi-label counts;
* :func:`exercise`: an answer box that checks the reader's answer;
* :func:`explain_file`: a pasted or dropped CSV/TSV of one's own predictions, explained as
  ``microavg explain`` explains the file.

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
    "Exercise",
    "ExplainFile",
    "ManyClassifiers",
    "MatrixExplorer",
    "PredictionEditor",
    "RefusedEdit",
    "ScoredItems",
    "TagTable",
    "exercise",
    "explain_file",
    "many_classifiers",
    "matrix_explorer",
    "prediction_editor",
    "scored_items",
    "tag_table",
]

_HOMES = {
    "Exercise": "exercises",
    "ExplainFile": "pasted",
    "explain_file": "pasted",
    "exercise": "exercises",
    "ManyClassifiers": "many",
    "many_classifiers": "many",
    "MatrixExplorer": "matrix",
    "matrix_explorer": "matrix",
    "PredictionEditor": "editor",
    "prediction_editor": "editor",
    "RefusedEdit": "rules",
    "ScoredItems": "scored",
    "scored_items": "scored",
    "TagTable": "tags",
    "tag_table": "tags",
}


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(f"microavg.explorers.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'microavg.explorers' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
