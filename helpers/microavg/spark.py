"""A Spark DataFrame's confusion matrix, counted on its cluster: ``pip install microavg[spark]``.

:func:`confusion_matrix` runs one ``GROUP BY true, pred`` (weighted: ``SUM(weight)``) as a
Spark job, wherever the DataFrame's session runs (``local[2]`` or a cluster: the same call,
nothing of ours is distributed), and builds the :class:`~microavg.ConfusionMatrix` on the
driver from the k x k groups it collects, never from the rows. The checks (a column that
is not there, blank or NaN labels, negative or NaN weights) are aggregates of the same job.

.. code-block:: python

    from microavg import spark
    cm = spark.confusion_matrix(df, true="y", pred="yhat")
    cm.scores(average="micro")
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from microavg import grouped
from microavg.counts import ConfusionMatrix

__all__ = ["confusion_matrix"]

_LABEL_TYPES = ("string", "tinyint", "smallint", "int", "bigint", "float", "double", "boolean")
_NUMBER_TYPES = ("tinyint", "smallint", "int", "bigint", "float", "double")


def _checked(df: DataFrame, argument: str, name: str, kinds: tuple[str, ...]) -> str:
    types = dict(df.dtypes)
    if name not in types:
        raise ValueError(
            f"{argument} names {name!r}, which is not a column of df (its columns are "
            f"{', '.join(map(repr, df.columns))})"
        )
    if types[name] not in kinds:
        raise ValueError(f"{argument} column {name!r} holds {types[name]}, not numbers or text")
    return types[name]


def confusion_matrix(
    df: DataFrame,
    true: str = "y",
    pred: str = "yhat",
    weight: str | None = None,
    labels: Sequence[Hashable] | None = None,
) -> ConfusionMatrix:
    """Count a Spark DataFrame's (true, pred) pairs on its cluster into a ConfusionMatrix.

    Parameters
    ----------
    df : pyspark.sql.DataFrame
        One row per prediction.
    true, pred : str
        The columns of true and predicted labels (text or whole numbers).
    weight : str, optional
        A column of non-negative sample weights, summed per pair.
    labels : sequence, optional
        As ``labels=`` of :func:`microavg.confusion_matrix`.

    Returns
    -------
    ConfusionMatrix
        The engine's matrix of the same rows: ``ma.confusion_matrix`` of the collected
        columns would be equal.

    Raises
    ------
    ValueError
        For a column that is not there or of another type, blank (null) or NaN labels,
        fractional number labels, and null, NaN, infinite or negative weights.
    """
    if not isinstance(df, DataFrame):
        raise ValueError(f"df must be a pyspark.sql.DataFrame, got {type(df).__name__}")
    kinds = {
        "true": _checked(df, "true", true, _LABEL_TYPES),
        "pred": _checked(df, "pred", pred, _LABEL_TYPES),
    }
    t, p = F.col(true), F.col(pred)
    amount = [F.count(F.lit(1)).alias("n")]
    if weight is not None:
        whole = _checked(df, "weight", weight, _NUMBER_TYPES) not in ("float", "double")
        w = F.col(weight).cast("double")
        bad = w.isNull() | F.isnan(w) | (w < 0) | (F.abs(w) == float("inf"))
        amount = [
            F.sum(F.col(weight) if whole else w).alias("n"),  # whole weights summed exactly
            F.sum(bad.cast("int")).alias("bad"),
            F.min(F.col(weight)).alias("low"),
        ]
    rows = df.groupBy(t.alias("t"), p.alias("p")).agg(*amount).collect()
    if weight is not None and any(row["bad"] for row in rows):
        low = min((row["low"] for row in rows if row["low"] is not None), default=None)
        raise ValueError(
            f"weight column {weight!r} holds a null, NaN, infinite or negative weight "
            f"(the smallest is {low}): weights must be non-negative numbers"
        )
    columns = {"true": [row["t"] for row in rows], "pred": [row["p"] for row in rows]}
    for argument, values in columns.items():
        name = true if argument == "true" else pred
        if any(v is None for v in values):
            raise ValueError(f"{argument} column {name!r} holds null labels: every row needs one")
        if kinds[argument] in ("float", "double"):
            odd = [v for v in values if v != v or v != round(v)]
            if odd:
                raise ValueError(
                    f"{argument} column {name!r} holds {odd[0]}: number labels must be whole"
                )
            columns[argument] = [int(v) for v in values]
    n = [row["n"] for row in rows]
    return grouped.confusion_matrix(columns["true"], columns["pred"], n, labels)
