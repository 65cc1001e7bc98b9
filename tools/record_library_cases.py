"""Record what scikit-learn, torchmetrics, Keras and Hugging Face evaluate report, case by case.

Run in an environment of its own that has those libraries (not the project's .venv: torch is
large), from the repository's root::

    python3 -m venv /tmp/libenv
    /tmp/libenv/bin/pip install torch==2.13.0 torchmetrics==1.9.0 keras==3.15.1 \
        scikit-learn==1.9.1 numpy==2.4.6 evaluate
    KERAS_BACKEND=torch /tmp/libenv/bin/python tools/record_library_cases.py

It writes tests/fixtures/library_cases.json: the versions that ran, every case's inputs,
each call (library, metric, options) and its exact output, floats as ``float.hex`` so that
``tests/test_libraries.py`` can hold ``microavg.libraries`` to them bit for bit, and the
message of every call the library refused. A library that cannot be loaded is listed under
``unavailable`` with the reason, and has no rows.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import warnings
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "torch")

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "library_cases.json"

# -- the cases ------------------------------------------------------------------------
# Labels are whole numbers 0..k-1 (torchmetrics and Keras know classes by index).

WORKED_TRUE = [0, 0, 0, 0, 1, 1, 2, 2, 2]
WORKED_PRED = [0, 0, 1, 2, 0, 1, 1, 2, 2]

# Softmax-like scores over 3 labels: row 3 has no score above 0.5, row 4 ties its top two.
SCORES = [
    [0.7, 0.2, 0.1],
    [0.1, 0.6, 0.3],
    [0.2, 0.3, 0.5],
    [0.4, 0.35, 0.25],
    [0.45, 0.45, 0.1],
    [0.05, 0.15, 0.8],
    [0.3, 0.6, 0.1],
    [0.55, 0.4, 0.05],
]
SCORES_TRUE = [0, 1, 1, 1, 1, 2, 0, 0]

# Tokens: -100 marks padding (outside the classes); class 0 ("O") is a class of its own.
TOKENS_TRUE = [0, 1, 1, 2, -100, 0, 2, 2, -100, 0]
TOKENS_PRED = [0, 1, 2, 2, 1, 1, 0, 2, 0, 0]

# Four classes declared, class 3 never seen; class 2 only ever predicted.
ABSENT_TRUE = [0, 0, 0, 1, 1, 0]
ABSENT_PRED = [0, 0, 2, 1, 0, 0]

MULTI_TRUE = [[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1], [0, 0, 0]]
MULTI_PRED = [[1, 0, 0], [0, 1, 1], [1, 0, 0], [0, 0, 1], [1, 0, 0]]
MULTI_SCORES = [
    [0.9, 0.2, 0.4],
    [0.1, 0.7, 0.6],
    [0.8, 0.5, 0.3],
    [0.2, 0.1, 0.95],
    [0.6, 0.3, 0.2],
]

AVERAGES = ["micro", "macro", "weighted", None]


def sk_calls(labels_sets=(None,), zero_divisions=(0.0,)):
    calls = [{"library": "scikit-learn", "metric": "accuracy_score", "options": {}}]
    for labels in labels_sets:
        for zd in zero_divisions:
            for average in AVERAGES:
                options = {"average": average}
                if labels is not None:
                    options["labels"] = labels
                if zd != 0.0:
                    options["zero_division"] = zd
                calls.append(
                    {
                        "library": "scikit-learn",
                        "metric": "precision_recall_fscore_support",
                        "options": options,
                    }
                )
    return calls


def tm_calls(
    num_classes,
    extra=({},),
    metrics=("MulticlassPrecision", "MulticlassRecall", "MulticlassF1Score"),
):
    calls = []
    task = "multilabel" if metrics[0].startswith("Multilabel") else "multiclass"
    size = {"num_labels": num_classes} if task == "multilabel" else {"num_classes": num_classes}
    for metric in metrics:
        calls.append({"library": "torchmetrics", "metric": metric, "options": dict(size)})
        for more in extra:
            for average in ["micro", "macro", "weighted", "none"]:
                calls.append(
                    {
                        "library": "torchmetrics",
                        "metric": metric,
                        "options": {**size, "average": average, **more},
                    }
                )
    for metric in ("Precision", "Recall", "F1Score"):
        calls.append(
            {"library": "torchmetrics", "metric": metric, "options": {"task": task, **size}}
        )
    return calls


def keras_calls(thresholds=(None, 0.5), precision_options=({},)):
    calls = []
    for metric in ("Precision", "Recall"):
        for options in precision_options:
            calls.append({"library": "keras", "metric": metric, "options": dict(options)})
    for average in AVERAGES:
        for threshold in thresholds:
            options = {} if average is None else {"average": average}
            if threshold is not None:
                options["threshold"] = threshold
            calls.append({"library": "keras", "metric": "F1Score", "options": options})
    return calls


def evaluate_calls():
    return [
        {"library": "evaluate", "metric": m, "options": {}} for m in ("f1", "precision", "recall")
    ]


CASES = [
    {
        "name": "worked example",
        "num_classes": 3,
        "about": "nine single-label predictions over three classes (lesson 01's example)",
        "y_true": WORKED_TRUE,
        "y_pred": WORKED_PRED,
        "calls": sk_calls(labels_sets=(None, [1, 2]))
        + tm_calls(3, extra=({}, {"ignore_index": 0}))
        + keras_calls()
        + evaluate_calls(),
    },
    {
        "name": "scores",
        "num_classes": 3,
        "about": "per-label scores of eight rows: arg-max, top-k and thresholds part",
        "y_true": SCORES_TRUE,
        "y_score": SCORES,
        "calls": sk_calls()
        + tm_calls(3, extra=({}, {"top_k": 2}))
        + keras_calls(
            thresholds=(None, 0.5, 0.3),
            precision_options=(
                {},
                {"thresholds": 0.3},
                {"top_k": 1},
                {"top_k": 2},
                {"class_id": 1},
            ),
        ),
    },
    {
        "name": "tokens with padding",
        "num_classes": 3,
        "about": "token labels with -100 padding; class 0 is the 'outside' class",
        "y_true": TOKENS_TRUE,
        "y_pred": TOKENS_PRED,
        "calls": sk_calls(labels_sets=([0, 1, 2], [1, 2]))
        + tm_calls(3, extra=({"ignore_index": -100}, {"ignore_index": 0})),
    },
    {
        "name": "a class never seen",
        "num_classes": 4,
        "about": "four classes declared; class 3 never occurs and class 2 is only predicted",
        "y_true": ABSENT_TRUE,
        "y_pred": ABSENT_PRED,
        "calls": sk_calls(labels_sets=(None, [0, 1, 2, 3]), zero_divisions=(0.0, 1.0))
        + tm_calls(4, extra=({}, {"zero_division": 1}))
        + keras_calls(),
    },
    {
        "name": "multi-label",
        "num_classes": 3,
        "about": "five items with zero, one or two tags out of three",
        "y_true": MULTI_TRUE,
        "y_pred": MULTI_PRED,
        "calls": sk_calls()
        + tm_calls(3, metrics=("MultilabelPrecision", "MultilabelRecall", "MultilabelF1Score"))
        + keras_calls(thresholds=(None, 0.5)),
    },
    {
        "name": "multi-label scores",
        "num_classes": 3,
        "about": "per-label probabilities of five multi-label items",
        "y_true": MULTI_TRUE,
        "y_score": MULTI_SCORES,
        "calls": tm_calls(
            3,
            extra=({}, {"threshold": 0.4}),
            metrics=("MultilabelPrecision", "MultilabelRecall", "MultilabelF1Score"),
        )
        + keras_calls(thresholds=(None, 0.5, 0.4), precision_options=({}, {"thresholds": 0.4})),
    },
    {
        "name": "refusals",
        "num_classes": 3,
        "about": "options each library refuses, with its own words",
        "y_true": WORKED_TRUE,
        "y_pred": WORKED_PRED,
        "calls": [
            {
                "library": "torchmetrics",
                "metric": "MulticlassF1Score",
                "options": {"num_classes": 3, "zero_division": float("nan")},
            },
            {
                "library": "torchmetrics",
                "metric": "MulticlassF1Score",
                "options": {"num_classes": 3, "average": "samples"},
            },
            {
                "library": "torchmetrics",
                "metric": "MulticlassF1Score",
                "options": {"num_classes": 3, "top_k": 4},
            },
            {
                "library": "torchmetrics",
                "metric": "MulticlassF1Score",
                "options": {"num_classes": 3, "ignore_index": 0.5},
            },
            {
                "library": "torchmetrics",
                "metric": "MulticlassF1Score",
                "options": {"num_classes": 3, "multidim_average": "batch"},
            },
            {"library": "keras", "metric": "F1Score", "options": {"average": "samples"}},
            {"library": "keras", "metric": "F1Score", "options": {"threshold": 1.5}},
            {"library": "keras", "metric": "F1Score", "options": {"threshold": 0}},
            {
                "library": "scikit-learn",
                "metric": "precision_recall_fscore_support",
                "options": {"average": "samples"},
            },
            {
                "library": "scikit-learn",
                "metric": "precision_recall_fscore_support",
                "options": {"average": "binary"},
            },
        ],
    },
]


# -- running one call -----------------------------------------------------------------


def encode(value):
    """A library's output as JSON: floats as hex strings (exact), arrays as lists."""
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if value is None:
        return None
    arr = np.asarray(value)
    if arr.ndim:
        return [encode(v) for v in arr.tolist()]
    if arr.dtype.kind in "iub":
        return int(arr)
    return {"dtype": str(arr.dtype), "hex": float(arr).hex()}


def one_hot(labels, k):
    out = np.zeros((len(labels), k), dtype=np.float32)
    out[np.arange(len(labels)), labels] = 1
    return out


def run_sklearn(case, call):
    from sklearn.metrics import accuracy_score, precision_recall_fscore_support

    y_pred = case.get("y_pred", case.get("y_score"))
    if call["metric"] == "accuracy_score":
        return encode(accuracy_score(case["y_true"], y_pred))
    p, r, f, _ = precision_recall_fscore_support(case["y_true"], y_pred, **call["options"])
    return encode((p, r, f))


def run_torchmetrics(case, call):
    import torch
    import torchmetrics
    from torchmetrics import classification

    metric = call["metric"]
    factory = getattr(torchmetrics, metric, None) or getattr(classification, metric)
    m = factory(**call["options"])
    target = torch.tensor(case["y_true"])
    if "y_score" in case:
        preds = torch.tensor(case["y_score"], dtype=torch.float32)
    else:
        preds = torch.tensor(case["y_pred"])
    return encode(m(preds, target).numpy())


def run_keras(case, call):
    import keras

    y_true = np.asarray(case["y_true"])
    if y_true.ndim == 1:  # Keras scores one-hot rows: labels become rows of num_classes columns
        y_true = one_hot(y_true, case["num_classes"])
        y_pred = (
            np.asarray(case["y_score"], dtype=np.float32)
            if "y_score" in case
            else one_hot(case["y_pred"], case["num_classes"])
        )
    else:
        y_true = y_true.astype(np.float32)
        y_pred = np.asarray(case.get("y_score", case.get("y_pred")), dtype=np.float32)
    m = getattr(keras.metrics, call["metric"])(**call["options"])
    m.update_state(y_true, y_pred)
    return encode(keras.ops.convert_to_numpy(m.result()))


def run_evaluate(case, call):
    import evaluate

    m = evaluate.load(call["metric"])
    return encode(m.compute(references=case["y_true"], predictions=case["y_pred"])[call["metric"]])


RUNNERS = {
    "scikit-learn": run_sklearn,
    "torchmetrics": run_torchmetrics,
    "keras": run_keras,
    "evaluate": run_evaluate,
}


def versions_and_unavailable():
    import importlib.metadata as md

    here = os.getcwd()
    versions, unavailable = {"python": sys.version.split()[0], "numpy": np.__version__}, {}
    for library, dist in [
        ("scikit-learn", "scikit-learn"),
        ("torchmetrics", "torchmetrics"),
        ("torch", "torch"),
        ("keras", "keras"),
        ("evaluate", "evaluate"),
    ]:
        try:
            versions[library] = md.version(dist)
        except md.PackageNotFoundError:
            unavailable[library] = f"{dist} is not installed"
    if "keras" in versions:
        import keras

        versions["keras backend"] = keras.backend.backend()
    if "evaluate" in versions:
        import evaluate

        empty = tempfile.mkdtemp()
        try:  # from an empty directory: evaluate.load first looks for ./f1/f1.py
            os.chdir(empty)
            evaluate.load("f1")
        except Exception as error:  # the metric scripts live on the Hugging Face hub
            said = str(error).replace(empty, ".")  # the same words wherever it runs
            unavailable["evaluate"] = (
                f"evaluate {versions['evaluate']} is installed, but evaluate.load('f1') "
                f"fails here: {type(error).__name__}: {said} (its metric scripts are "
                "fetched from the Hugging Face hub at run time, and neither the package "
                "nor its sdist ships them)"
            )
        finally:
            os.chdir(here)
            os.rmdir(empty)
    return versions, unavailable


def main():
    warnings.simplefilter("ignore")
    versions, unavailable = versions_and_unavailable()
    cases = []
    for case in CASES:
        calls = []
        for call in case["calls"]:
            if call["library"] in unavailable:
                continue
            row = dict(call)
            try:
                row["result"] = RUNNERS[call["library"]](case, call)
            except Exception as error:
                row["refused"] = f"{type(error).__name__}: {error}"
            calls.append(row)
        cases.append({**case, "calls": calls})
    fixture = {
        "about": "Outputs recorded by tools/record_library_cases.py; floats as float.hex.",
        "versions": versions,
        "unavailable": unavailable,
        "cases": cases,
    }
    OUT.write_text(json.dumps(fixture, indent=1, allow_nan=True) + "\n")
    n = sum(len(c["calls"]) for c in cases)
    refused = sum("refused" in r for c in cases for r in c["calls"])
    print(f"{OUT}: {len(cases)} cases, {n} calls ({refused} refused); versions {versions}")
    if unavailable:
        print(f"unavailable: {sorted(unavailable)}")


if __name__ == "__main__":
    main()
