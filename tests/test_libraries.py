"""microavg.libraries against the numbers scikit-learn, torchmetrics and Keras really reported.

tests/fixtures/library_cases.json was written by tools/record_library_cases.py, run with the
libraries installed (versions inside it); every recorded number must come out bit for bit.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import microavg as ma
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from microavg import libraries

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "library_cases.json").read_text())
CALLS = [
    pytest.param(
        case, call, id=f"{case['name']}-{call['library']}-{call['metric']}-{call['options']}"
    )
    for case in FIXTURE["cases"]
    for call in case["calls"]
]


def encode(value):
    """As the recorder writes a library's output: floats as hex, arrays as lists."""
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    arr = np.asarray(value)
    if arr.ndim:
        return [encode(v) for v in arr.tolist()]
    dtype = "float32" if isinstance(value, np.float32) else "float64"
    return {"dtype": dtype, "hex": float(arr).hex()}


def run(case, call):
    options = dict(call["options"])
    if call["library"] == "keras" and "y_pred" in case and np.ndim(case["y_true"]) == 1:
        options["num_classes"] = case["num_classes"]  # the width of the recorded one-hot rows
    data = {"y_score": case["y_score"]} if "y_score" in case else {"y_pred": case["y_pred"]}
    return libraries.reproduce(call["library"], call["metric"], case["y_true"], **data, **options)


def test_the_fixture_names_the_versions_reproduced():
    for library, version in libraries.VERSIONS.items():
        assert FIXTURE["versions"][library].split("+")[0] == version
    assert set(FIXTURE["unavailable"]) == set(libraries.UNAVAILABLE)


@pytest.mark.parametrize(("case", "call"), CALLS)
def test_reproduction_equals_the_recorded_output(case, call):
    if "refused" in call:
        with pytest.raises(ValueError) as refusal:
            run(case, call)
        if case["name"] == "refusals":  # argument refusals quote the library's own words
            assert call["refused"].removeprefix("ValueError: ") in str(refusal.value)
        return
    assert encode(run(case, call)) == call["result"]


def test_importing_it_loads_none_of_the_libraries():
    code = (
        "import sys, microavg.libraries as L; "
        "L.compare([0, 1, 1], [0, 1, 0]); "
        "print(sorted({'torch', 'torchmetrics', 'keras', 'evaluate', 'sklearn', 'tensorflow',"
        " 'jax'} & {m.split('.')[0] for m in sys.modules}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("args", "options", "message"),
    [
        (("pandas", "f1"), {}, "library must be 'scikit-learn', 'torchmetrics' or 'keras'"),
        (("evaluate", "f1"), {}, "library 'evaluate' is not reproduced: Hugging Face evaluate"),
        (("keras", "F1"), {}, "metric must be 'Precision', 'Recall' or 'F1Score', got 'F1'"),
        (("torchmetrics", "MulticlassF1Score"), {}, "num_classes is required by torchmetrics"),
        (("torchmetrics", "F1Score"), {"num_classes": 3}, "task must be 'multiclass'"),
        (("torchmetrics", "MulticlassRecall"), {"num_classes": 3, "top_k": 2}, "top_k above 1"),
        (("torchmetrics", "MulticlassRecall"), {"num_classes": 3, "top_k": 0}, "top_k must be"),
        (("torchmetrics", "MulticlassRecall"), {"num_classes": 3, "beta": 2}, "['beta']"),
        (("torchmetrics", "MulticlassRecall"), {"num_classes": 2}, "Detected more unique values"),
        (("keras", "Precision"), {"thresholds": 2.0}, "Threshold values must be in [0, 1]"),
        (("keras", "Precision"), {"top_k": 5}, "top_k must be a whole number from 1 to 3"),
        (("scikit-learn", "precision_recall_fscore_support"), {}, "average='binary'"),
    ],
)
def test_bad_calls_are_refused_by_name(args, options, message):
    with pytest.raises(ValueError) as refusal:
        libraries.reproduce(*args, [0, 1, 2], [0, 2, 2], **options)
    assert message in str(refusal.value)


def test_scores_and_labels_together_are_refused():
    with pytest.raises(ValueError, match="either y_pred"):
        libraries.reproduce("keras", "F1Score", [0, 1], [0, 1], y_score=[[1, 0], [0, 1]])


def test_scikit_learn_refuses_scores_in_its_own_words():
    with pytest.raises(ValueError, match="continuous-multioutput"):
        libraries.reproduce("scikit-learn", "accuracy_score", [0, 1], y_score=[[1, 0], [0, 1]])


def test_compare_refuses_an_unknown_library_listing_the_known_ones():
    with pytest.raises(ValueError, match="'scikit-learn', 'torchmetrics' or 'keras', got 'tf'"):
        libraries.compare([0, 1], [0, 1], library="tf")


def test_compare_gives_a_reason_for_every_number_that_differs():
    c = libraries.compare(
        FIXTURE["cases"][1]["y_true"], y_score=FIXTURE["cases"][1]["y_score"], top_k=2
    )
    f = c.micro[2]
    for row in c.rows:
        if row.refused:
            continue
        values = [v for v in (row.precision, row.recall, row.f1) if v is not None]
        differs = any(np.ndim(v) or not math.isclose(float(v), f, rel_tol=1e-6) for v in values)
        assert bool(row.why) == differs, row


def test_compare_escapes_labels_in_markdown_and_html():
    c = libraries.compare(["<b>", "$x$", "<b>"], ["<b>", "<b>", "$x$"])
    assert "0 = '$x$', 1 = '<b>'" in str(c)  # torchmetrics and Keras number them
    assert "<b>" not in c._repr_html_() and "&lt;b&gt;" in c._repr_html_()
    assert "<b>" not in c._repr_markdown_() and "\\$x\\$" in c._repr_markdown_()


def test_batch_averaging_against_summed_matrices():
    true, pred = list("AAAABBCCC"), list("AABCABBCC")
    b = libraries.batch_averaging(true, pred, batch_size=4)
    summed = sum(
        ma.confusion_matrix(true[i : i + 4], pred[i : i + 4], labels=list("ABC")) for i in (0, 4, 8)
    )
    assert b.of_summed_counts == summed.scores(average="macro").f1
    assert b.mean_of_batches == np.mean(b.per_batch) != b.of_summed_counts
    assert b.sizes == (4, 4, 1) and "sum(matrices)" in str(b)
    same = libraries.batch_averaging(true, pred, batch=[0] * 4 + [1] * 4 + [2])
    assert same == b


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "either batch"),
        ({"batch_size": 0}, "batch_size must be a whole number from 1 to 3"),
        ({"batch": [0, 1]}, "batch has 2 ids but y_true has 3 rows"),
        ({"batch_size": 1, "average": None}, "average must be"),
    ],
)
def test_batch_averaging_refuses_bad_batches(options, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        libraries.batch_averaging([0, 1, 1], [0, 1, 0], **options)


# -- the recording, as a lesson reads it -------------------------------------------------

FIXTURE_PATH = Path(__file__).parent / "fixtures" / "library_cases.json"


def test_read_recording_gives_the_versions_the_cases_and_each_recorded_number():
    recording = libraries.read_recording(FIXTURE_PATH)
    assert recording.versions == FIXTURE["versions"]
    assert set(recording.unavailable) == set(libraries.UNAVAILABLE)
    assert list(recording.cases) == [case["name"] for case in FIXTURE["cases"]]
    f1 = recording.result("worked example", "torchmetrics", "MulticlassF1Score", num_classes=3)
    assert type(f1) is np.float32 and f1 == np.float32(0.5460318)
    assert recording.result("worked example", "keras", "F1Score") == pytest.approx(
        [4 / 7, 2 / 5, 2 / 3], abs=1e-6
    )


@pytest.mark.parametrize(("case", "call"), CALLS)
def test_reproduced_checks_every_recorded_number_against_the_reproduction(case, call):
    recording = libraries.read_recording(FIXTURE_PATH)
    args = (case["name"], call["library"], call["metric"])
    if "refused" in call:
        assert recording.refusal(*args, **call["options"]) == call["refused"]
        with pytest.raises(ValueError, match="refused this call"):
            recording.result(*args, **call["options"])
    else:
        ours = recording.reproduced(*args, **call["options"])
        assert np.array_equal(np.asarray(ours, np.float64), np.asarray(run(case, call), np.float64))


def test_reproduced_says_where_a_reproduction_parts_from_the_recording():
    data = json.loads(FIXTURE_PATH.read_text())
    call = next(c for c in data["cases"][0]["calls"] if c["metric"] == "MulticlassF1Score")
    call["result"]["hex"] = float.hex(0.25)
    recording = libraries.Recording(
        data["versions"], data["unavailable"], {c["name"]: c for c in data["cases"]}
    )
    parted = r"reproduced np\.float32\(0\.546.*recorded np\.float32\(0\.25\)"
    with pytest.raises(AssertionError, match=parted):
        recording.reproduced(
            data["cases"][0]["name"], "torchmetrics", "MulticlassF1Score", **call["options"]
        )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda r: r.case("<b>$"), r"case must be .worked example.*got .<b>\$."),
        (
            lambda r: r.result("worked example", "keras", "F1Score", average="tiny"),
            "no recorded call",
        ),
        (lambda r: r.refusal("worked example", "keras", "F1Score"), "did not refuse"),
        (
            lambda r: r.reproduced("worked example", "keras", "Precision", top_k=-1),
            "no recorded call",
        ),
    ],
)
def test_recording_refuses_what_was_never_recorded_by_name(call, message):
    with pytest.raises(ValueError, match=message):
        call(libraries.read_recording(FIXTURE_PATH))


@pytest.mark.parametrize("path", ["no/such/file.json", Path(__file__), ""])
def test_read_recording_refuses_a_path_that_is_not_a_recording(path):
    with pytest.raises(ValueError, match="path must be a recording of library cases"):
        libraries.read_recording(path)


# -- counted rows: each row repeated as often as it counts ------------------------------


def counted(*columns):
    """The rows of ``columns`` (lists, one value per row) counted: the distinct rows in
    order of first occurrence, then how many times each occurs."""
    tally: dict = {}
    for row in zip(*(map(json.dumps, column) for column in columns), strict=True):
        tally[row] = tally.get(row, 0) + 1
    distinct = [[json.loads(cell) for cell in row] for row in tally]
    return [list(column) for column in zip(*distinct, strict=True)], list(tally.values())


@pytest.mark.parametrize(("case", "call"), [c for c in CALLS if "refused" not in c.values[1]])
def test_counted_rows_reproduce_the_recorded_output(case, call):
    # The rows counted once each (a GROUP BY), plus a row repeated 0 times that would
    # change every number if it counted: the recorded number must come out bit for bit.
    second = "y_score" if "y_score" in case else "y_pred"
    (t, other), repeats = counted(case["y_true"], case[second])
    t, other, repeats = [*t, t[0]], [*other, other[-1]], [*repeats, 0]
    options = dict(call["options"])
    if call["library"] == "keras" and second == "y_pred" and np.ndim(case["y_true"]) == 1:
        options["num_classes"] = case["num_classes"]
    got = libraries.reproduce(
        call["library"], call["metric"], t, **{second: other}, repeats=repeats, **options
    )
    assert encode(got) == call["result"]


def test_the_recorded_cases_hold_repeated_rows():
    # So that counting them (above) changes what the reproductions see.
    repeated = [
        case["name"]
        for case in FIXTURE["cases"]
        if max(counted(case["y_true"], case.get("y_score", case.get("y_pred")))[1]) > 1
    ]
    assert len(repeated) >= 3, repeated


labels3 = st.integers(0, 3)


@settings(max_examples=25, deadline=None)
@given(
    rows=st.lists(st.tuples(labels3, labels3, st.integers(0, 4)), min_size=1, max_size=12),
    options=st.sampled_from(
        [{}, {"average": "weighted"}, {"ignore_index": 0}, {"labels": [1, 2]}, {"average": "micro"}]
    ),
)
def test_comparing_counted_rows_says_what_comparing_the_rows_says(rows, options):
    assume(any(n for _, _, n in rows))
    true = [t for t, _, n in rows for _ in range(n)]
    pred = [p for _, p, n in rows for _ in range(n)]
    expected = libraries.compare_text(true, pred, **options)
    got = libraries.compare_text(
        [t for t, _, _ in rows], [p for _, p, _ in rows], repeats=[n for *_, n in rows], **options
    )
    assert got == expected


def test_counted_multi_label_rows_compare_as_the_rows():
    true, pred = [[1, 0], [0, 1], [1, 1], [1, 0]], [[1, 1], [0, 1], [1, 0], [1, 1]]
    (t, p), n = counted(true, pred)
    assert n == [2, 1, 1]
    assert libraries.compare_text(t, p, repeats=n) == libraries.compare_text(true, pred)


@pytest.mark.parametrize(
    ("repeats", "message"),
    [
        ([1, 2], "repeats has 2"),
        ([1, -1, 1], "repeats holds -1 at index 1: counts must be non-negative"),
        ([1, float("inf"), 1], "repeats holds inf at index 1: every count must be a finite"),
        ([[1], [2], [3]], "repeats has shape (3, 1): expected a flat array of one count per row"),
        (
            [1, 10**400, 1],
            "repeats holds whole numbers summing to 2**52 or more: too large to count exactly; "
            "scale them down",
        ),
        ([1, 1.5, 1], "repeats holds 1.5 at index 1: each row is repeated a whole number"),
        ([0, 0, 0], "repeats is all zero"),
        ([1, float("nan"), 1], "repeats holds nan at index 1"),
        (["a", 1, 1], "repeats"),
    ],
)
def test_bad_repeats_are_refused_by_name(repeats, message):
    for call in (
        lambda: libraries.compare([0, 1, 1], [0, 1, 0], repeats=repeats),
        lambda: libraries.reproduce("keras", "Precision", [0, 1, 1], [0, 1, 0], repeats=repeats),
        lambda: libraries.batch_averaging([0, 1, 1], [0, 1, 0], batch=[0, 0, 1], repeats=repeats),
    ):
        with pytest.raises(ValueError) as refusal:
            call()
        assert str(refusal.value).startswith(message), refusal.value


@settings(max_examples=25, deadline=None)
@given(
    rows=st.lists(
        st.tuples(labels3, labels3, st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=12
    )
)
def test_batch_averaging_of_counted_rows_equals_that_of_the_rows(rows):
    assume(any(n for *_, n in rows))
    expand = [(b, t, p) for b, t, p, n in rows for _ in range(n)]
    # The rows in batch order, as a GROUP BY batch, true, pred would leave them.
    order = {b: i for i, (b, _, _) in reversed(list(enumerate(expand)))}
    expand.sort(key=lambda r: order[r[0]])
    b, t, p = (list(c) for c in zip(*expand, strict=True))
    expected = libraries.batch_averaging(t, p, batch=b)
    got = libraries.batch_averaging(
        [r[1] for r in rows],
        [r[2] for r in rows],
        batch=[r[0] for r in rows],
        repeats=[r[3] for r in rows],
    )
    assert got == expected


def test_batches_keep_the_order_they_first_occur_in():
    b = libraries.batch_averaging(list("ABAB"), list("ABBB"), batch=["z", "a", "z", "a"])
    assert b.per_batch == (
        libraries.batch_averaging(list("AA"), list("AB"), batch_size=2).per_batch[0],
        1.0,
    )
    assert b.sizes == (2, 2)


def test_batch_size_refuses_counted_rows_and_batch_names_its_argument():
    with pytest.raises(ValueError, match=r"^batch_size takes rows in order"):
        libraries.batch_averaging([0, 1], [0, 1], batch_size=1, repeats=[1, 2])
    with pytest.raises(ValueError, match=r"^batch holds None at index 0"):
        libraries.batch_averaging([0, 1], [0, 1], batch=[None, 1])
    with pytest.raises(ValueError, match=r"^batch must hold one batch id per row"):
        libraries.batch_averaging([0, 1], [0, 1], batch=[[0, 1], [1, 0]])


def test_many_batches_are_grouped_in_one_pass():
    rng = np.random.default_rng(0)
    true, pred = rng.integers(0, 3, 20_000), rng.integers(0, 3, 20_000)
    b = libraries.batch_averaging(true, pred, batch_size=2)
    assert len(b.per_batch) == 10_000 and sum(b.sizes) == 20_000
    assert b.of_summed_counts == ma.scores(true, pred, average="macro").f1


@settings(max_examples=25, deadline=None)
@given(
    rows=st.lists(st.tuples(st.integers(0, 4), labels3, labels3), min_size=1, max_size=30),
    average=st.sampled_from(["micro", "macro", "weighted"]),
)
def test_each_batch_scores_as_a_call_on_that_batch_alone(rows, average):
    b, t, p = (np.array(c) for c in zip(*rows, strict=True))
    got = libraries.batch_averaging(t, p, batch=b, average=average)
    order = list(dict.fromkeys(b.tolist()))
    assert got.per_batch == tuple(
        ma.scores(t[b == i], p[b == i], average=average).f1 for i in order
    )
    assert got.of_summed_counts == ma.scores(t, p, average=average).f1
    assert got.sizes == tuple(int((b == i).sum()) for i in order)
