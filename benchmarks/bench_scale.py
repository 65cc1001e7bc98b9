"""Predictions that do not fit in memory: ``microavg explain`` against bare DuckDB and pandas.

Goals (printed beside each figure, never asserted):

* 100,000,000 rows in 10 Parquet shards, 20 labels: ``microavg explain`` in at most 1.3x
  the time of a bare DuckDB ``GROUP BY`` on the same files, peak RSS at most 400 MB;
  pandas + scikit-learn on the same data as the comparison (or "did not fit" under a
  memory cap);
* a 30,000,000-row CSV: the same, at most 1.3x bare DuckDB;
* Spark in local mode, 10,000,000 rows: the same counts as DuckDB's, exactly.

Each run is a child process, timed by wall clock, its peak RSS read from ``os.wait4``.
The data is written into a temporary directory by DuckDB. ``MICROAVG_BENCH_SCALE=0.1``
runs every size at a tenth. Run with ``make bench``.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import duckdb

SCALE = float(os.environ.get("MICROAVG_BENCH_SCALE", "1"))
PARQUET_ROWS = int(100_000_000 * SCALE)
CSV_ROWS = int(30_000_000 * SCALE)
SPARK_ROWS = int(10_000_000 * SCALE)
LABELS = 20
PANDAS_CAP = 3 * 2**30  # address space for pandas + scikit-learn, bytes


def child(argv: list[str], cap: int | None = None) -> tuple[float, float, int, str]:
    """(seconds, peak RSS in MB, exit status, stdout) of one child process."""

    def limit() -> None:
        if cap is not None:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, preexec_fn=limit
    )
    out = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    return seconds, usage.ru_maxrss / 1024, proc.returncode, out


def python(code: str) -> list[str]:
    return [sys.executable, "-c", textwrap.dedent(code)]


def rows(lo: int, hi: int) -> str:
    """Rows lo..hi: a true label of 20, predicted right 70% of the time, else at random."""
    label = f"'L' || lpad((hash(i + {{}}) % {LABELS})::VARCHAR, 2, '0')"
    return (
        f"SELECT {label.format(0)} AS y, CASE WHEN hash(i + 1) % 10 < 7 THEN y "
        f"ELSE {label.format(2)} END AS yhat FROM range({lo}, {hi}) t(i)"
    )


def write(tmp: Path) -> None:
    con = duckdb.connect()
    (tmp / "shards").mkdir()
    per = PARQUET_ROWS // 10
    for s in range(10):
        part = rows(s * per, (s + 1) * per)
        con.execute(f"COPY ({part}) TO '{tmp}/shards/part-{s}.parquet' (FORMAT PARQUET)")
    con.execute(f"COPY ({rows(0, CSV_ROWS)}) TO '{tmp}/big.csv' (FORMAT CSV, HEADER)")
    con.execute(f"COPY ({rows(0, SPARK_ROWS)}) TO '{tmp}/spark.parquet' (FORMAT PARQUET)")


def bare(scan: str) -> list[str]:
    return python(
        f"""
        import duckdb
        print(sorted(duckdb.sql("SELECT y, yhat, count(*) FROM {scan} GROUP BY ALL").fetchall()))
        """
    )


def explain(path: str) -> list[str]:
    return [sys.executable, "-m", "microavg", "explain", path, "--true", "y", "--pred", "yhat"]


def pandas_sklearn(reader: str) -> list[str]:
    return python(
        f"""
        import pandas as pd
        from sklearn.metrics import precision_recall_fscore_support
        df = {reader}
        print(precision_recall_fscore_support(df.y, df.yhat, average="micro"))
        """
    )


def report(name: str, ours: tuple, base: tuple, other: tuple | None) -> None:
    ratio = ours[0] / base[0]
    print(f"{name}")
    print(f"  bare DuckDB GROUP BY  {base[0]:7.1f} s  {base[1]:6.0f} MB peak RSS")
    print(
        f"  microavg explain      {ours[0]:7.1f} s  {ours[1]:6.0f} MB peak RSS   "
        f"{ratio:.2f}x bare (goal <= 1.3x; RSS goal <= 400 MB)"
        + ("" if ours[2] == 0 else f"  FAILED (exit {ours[2]})")
    )
    if other is not None:
        fit = (
            f"{other[0]:7.1f} s  {other[1]:6.0f} MB peak RSS"
            if other[2] == 0
            else f"did not fit under {PANDAS_CAP / 2**30:.0f} GB (exit {other[2]})"
        )
        print(f"  pandas + scikit-learn {fit}")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="microavg-bench-") as name:
        tmp = Path(name)
        start = time.perf_counter()
        write(tmp)
        print(
            f"wrote {PARQUET_ROWS:,} rows in 10 Parquet shards, {CSV_ROWS:,} CSV rows and "
            f"{SPARK_ROWS:,} rows for Spark, {LABELS} labels, in "
            f"{time.perf_counter() - start:.0f} s"
        )
        glob = f"{tmp}/shards/*.parquet"
        base = child(bare(f"read_parquet('{glob}')"))
        ours = child(explain(glob))
        other = child(pandas_sklearn(f"pd.read_parquet({str(tmp / 'shards')!r})"), cap=PANDAS_CAP)
        report(f"{PARQUET_ROWS:,} rows, 10 Parquet shards", ours, base, other)
        csv = str(tmp / "big.csv")
        base = child(bare(f"read_csv('{csv}')"))
        ours = child(explain(csv))
        other = child(pandas_sklearn(f"pd.read_csv({csv!r})"), cap=PANDAS_CAP)
        report(f"{CSV_ROWS:,} rows, one CSV file", ours, base, other)
        spark_equal(tmp / "spark.parquet")


def spark_equal(path: Path) -> None:
    from microavg import grouped, sources
    from microavg import spark as ma_spark
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    start = time.perf_counter()
    cm = ma_spark.confusion_matrix(session.read.parquet(str(path)), "y", "yhat")
    seconds = time.perf_counter() - start
    session.stop()
    g = sources.count([path], ["y"], ["yhat"])
    equal = cm == grouped.confusion_matrix(g.true, g.pred, g.n)
    print(
        f"Spark local[2], {SPARK_ROWS:,} rows: counted in {seconds:.1f} s; "
        f"equal to DuckDB's counts exactly: {equal} (goal: True)"
    )


if __name__ == "__main__":
    main()
