"""microavg.spark counts a Spark DataFrame on its cluster (here local[2]) as the engine does."""

from __future__ import annotations

import shutil

import microavg as ma
import numpy as np
import pytest

pyspark = pytest.importorskip("pyspark")
pytestmark = pytest.mark.slow

from microavg import spark  # noqa: E402


@pytest.fixture(scope="module")
def session():
    if shutil.which("java") is None:
        pytest.fail("PySpark needs a Java runtime (.ci/run installs openjdk-17-jre-headless)")
    from pyspark.sql import SparkSession

    s = (
        SparkSession.builder.master("local[2]")
        .appName("microavg-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        # A short-lived JVM: its quick compiler alone and one GC thread (on 2 cores, 21 s for
        # this file becomes 17 s).
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .getOrCreate()
    )
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_counts_equal_the_engines_on_random_rows(session, seed):
    rng = np.random.default_rng(seed)
    n, k = 5_000, int(rng.integers(2, 9))
    names = [f"L{i}" for i in range(k)]
    true = rng.choice(names, n).tolist()
    pred = [t if rng.random() < 0.6 else str(rng.choice(names)) for t in true]
    weights = (rng.integers(0, 8, n) / 4).tolist()  # quarters: float sums are exact
    df = session.createDataFrame(list(zip(true, pred, weights, strict=True)), ["y", "yhat", "w"])
    assert spark.confusion_matrix(df, "y", "yhat") == ma.confusion_matrix(true, pred)
    kept = names[:2]
    assert spark.confusion_matrix(df, "y", "yhat", labels=kept) == ma.confusion_matrix(
        true, pred, labels=kept
    )
    assert spark.confusion_matrix(df, "y", "yhat", weight="w") == ma.confusion_matrix(
        true, pred, sample_weight=weights
    )


def test_whole_number_labels_and_integer_weights(session):
    true, pred, w = [1, 2, 2, 3], [1, 2, 3, 3], [2, 1, 5, 1]
    df = session.createDataFrame(list(zip(true, pred, w, strict=True)), ["y", "yhat", "w"])
    cm = spark.confusion_matrix(df, weight="w")
    assert cm == ma.confusion_matrix(true, pred, sample_weight=w)
    assert cm.counts.dtype == np.int64 and cm.total == 9
    assert ma.explain(true, pred, sample_weight=w).exact["accuracy"] == cm.accuracy(exact=True)


@pytest.mark.parametrize(
    ("rows", "kwargs", "words"),
    [
        ([("A", "A", 1.0)], {"true": "label"}, "true names 'label', which is not a column"),
        ([("A", None, 1.0), ("A", "A", 1.0)], {}, "pred column 'yhat' holds null labels"),
        ([("A", "A", -1.0), ("B", "B", 1.0)], {"weight": "w"}, "smallest is -1.0"),
        ([("A", "A", float("nan"))], {"weight": "w"}, "weights must be non-negative"),
        ([("A", "A", 1.0)], {"weight": "y"}, "weight column 'y' holds string"),
    ],
)
def test_bad_input_is_refused_naming_the_argument(session, rows, kwargs, words):
    df = session.createDataFrame(rows, "y string, yhat string, w double")
    with pytest.raises(ValueError, match=words.replace("(", r"\(")):
        spark.confusion_matrix(df, **kwargs)


def test_fractional_number_labels_are_refused(session):
    df = session.createDataFrame([(1.0, 1.5)], ["y", "yhat"])
    with pytest.raises(ValueError, match=r"pred column .yhat. holds 1\.5"):
        spark.confusion_matrix(df)
    whole = session.createDataFrame([(1.0, 1.0), (2.0, 1.0)], ["y", "yhat"])
    assert spark.confusion_matrix(whole) == ma.confusion_matrix([1, 2], [1, 1])
