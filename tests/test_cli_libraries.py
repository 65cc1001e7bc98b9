"""`microavg explain … --library NAME` and `--batch COL` / `--batch-size N`, run as users run
them (real subprocesses): the libraries' numbers and the per-batch scores of a file, computed
from its counted groups, equal what microavg.libraries and ma.explain say of its rows."""

from __future__ import annotations

import time

import duckdb
import microavg as ma
import numpy as np
import pytest
from command_line import refused, run
from microavg import libraries

TRUE, PRED = list("AAAABBCCC"), list("AABCABBCC")
BATCH = ["x"] * 4 + ["y"] * 4 + ["z"]


def write_csv(path, header, rows):
    path.write_text(",".join(header) + "\n" + "".join(",".join(map(str, r)) + "\n" for r in rows))
    return str(path)


@pytest.fixture
def worked(tmp_path):
    return write_csv(
        tmp_path / "worked.csv", ["y", "yhat", "b"], zip(TRUE, PRED, BATCH, strict=True)
    )


def said(*parts) -> str:
    return "\n\n".join(str(p) for p in parts) + "\n"


@pytest.mark.parametrize("library", ["all", *libraries.LIBRARIES])
def test_library_prints_the_comparison_compare_text_prints(worked, library):
    result = run("explain", worked, "--true", "y", "--pred", "yhat", "--library", library)
    assert result.returncode == 0, result.stderr
    assert result.stdout == said(
        ma.explain(TRUE, PRED), libraries.compare_text(TRUE, PRED, library=library)
    )
    assert result.stderr == ""


def test_library_all_prints_every_library(worked):
    out = run("explain", worked, "--true", "y", "--pred", "yhat", "--library", "all").stdout
    for library in libraries.LIBRARIES:
        assert f"\n{library}  " in out
    assert "average defaults to 'macro' here" in out  # torchmetrics' Multiclass* classes


def test_labels_reach_scikit_learns_rows(worked):
    args = ["--true", "y", "--pred", "yhat", "--labels", "A,B", "--library", "scikit-learn"]
    result = run("explain", worked, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout == said(
        ma.explain(TRUE, PRED, labels=["A", "B"]),
        libraries.compare_text(TRUE, PRED, library="scikit-learn", labels=["A", "B"]),
    )
    assert "labels=['A', 'B']" in result.stdout


def test_whole_number_labels_and_multi_label_columns(tmp_path):
    true, pred = [2, 0, 1, 1, 2, 0, 0], [2, 0, 2, 1, 0, 0, 1]
    path = write_csv(tmp_path / "ints.csv", ["t", "p"], zip(true, pred, strict=True))
    result = run("explain", path, "--true", "t", "--pred", "p", "--library", "all")
    assert result.stdout == said(ma.explain(true, pred), libraries.compare_text(true, pred))
    tags_t, tags_p = [[1, 0], [0, 1], [1, 1], [1, 0]], [[1, 1], [0, 1], [1, 0], [1, 1]]
    rows = [[*a, *b] for a, b in zip(tags_t, tags_p, strict=True)]
    path = write_csv(tmp_path / "tags.csv", ["t_a", "t_b", "p_a", "p_b"], rows)
    args = ["--true", "t_a,t_b", "--pred", "p_a,p_b", "--library", "all"]
    result = run("explain", path, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout == said(ma.explain(tags_t, tags_p), libraries.compare_text(tags_t, tags_p))


def test_parquet_shards_and_a_counted_file_compare_as_their_rows(tmp_path):
    rng = np.random.default_rng(7)
    true = rng.integers(0, 4, 5_000).tolist()
    pred = [t if rng.random() < 0.6 else int(rng.integers(0, 4)) for t in true]
    con = duckdb.connect()
    con.execute("CREATE TABLE r (y INTEGER, yhat INTEGER, part INTEGER)")
    con.executemany(
        "INSERT INTO r VALUES (?, ?, ?)",
        [(t, p, i % 3) for i, (t, p) in enumerate(zip(true, pred, strict=True))],
    )
    for i in range(3):
        con.execute(f"COPY (SELECT y, yhat FROM r WHERE part = {i}) TO '{tmp_path}/s{i}.parquet'")
    con.execute(f"COPY (SELECT y, yhat, count(*) AS n FROM r GROUP BY ALL) TO '{tmp_path}/c.csv'")
    expected = said(ma.explain(true, pred), libraries.compare_text(true, pred))
    shards = run(
        "explain", f"{tmp_path}/s*.parquet", "--true", "y", "--pred", "yhat", "--library", "all"
    )
    assert shards.returncode == 0, shards.stderr
    assert shards.stdout == expected
    counted = run(
        "explain",
        f"{tmp_path}/c.csv",
        "--true",
        "y",
        "--pred",
        "yhat",
        "--counts",
        "n",
        "--library",
        "all",
    )
    assert counted.stdout == expected


def test_counts_no_memory_could_hold_as_rows_are_compared_from_the_counts(tmp_path):
    # 2 * 10**12 rows: expanded, they would need terabytes; counted, they are 4 groups.
    n = 10**12
    path = write_csv(
        tmp_path / "big.csv",
        ["y", "yhat", "n"],
        [("A", "A", 3 * n // 4), ("A", "B", n // 4), ("B", "B", n // 2), ("B", "A", n // 2)],
    )
    start = time.perf_counter()
    result = run(
        "explain", path, "--true", "y", "--pred", "yhat", "--counts", "n", "--library", "all"
    )
    assert result.returncode == 0, result.stderr
    assert time.perf_counter() - start < 60
    small = [("A", "A")] * 3 + [("A", "B")] + [("B", "B")] * 2 + [("B", "A")] * 2
    t, p = [r[0] for r in small], [r[1] for r in small]
    # Every share is the same as on 8 rows, so scikit-learn's numbers are too.
    lead = result.stdout.split("\n\n")[-2]
    assert lead == libraries.compare_text(t, p).split("\n\n")[0]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("sklearn", "--library 'sklearn' is not known: use one of all, scikit-learn, torchmetrics"),
        ("", "--library '' is not known"),
        ("<b>$x$", "--library '<b>$x$' is not known"),
        ("x" * 5000, "(5002 characters) is not known"),
        ("evaluate", "--library 'evaluate' is not reproduced: Hugging Face evaluate"),
    ],
)
def test_an_unknown_library_lists_the_known_ones(worked, name, words):
    start = time.perf_counter()
    line = refused(
        run("explain", worked, "--true", "y", "--pred", "yhat", "--library", name), words
    )
    assert len(line) < 400 or name == "evaluate"
    assert time.perf_counter() - start < 30


def test_library_with_weights_is_refused(tmp_path):
    path = write_csv(tmp_path / "w.csv", ["y", "yhat", "w"], [("A", "A", 1), ("B", "A", 2)])
    refused(
        run("explain", path, "--true", "y", "--pred", "yhat", "--weight", "w", "--library", "all"),
        "--library and --weight",
    )


def test_a_library_refusing_the_data_is_one_line_naming_the_option(tmp_path):
    # Negative classes: torchmetrics and Keras need 0 .. k-1.
    path = write_csv(tmp_path / "neg.csv", ["y", "yhat"], [(-1, -1), (0, 1), (1, 1)])
    refused(
        run("explain", path, "--true", "y", "--pred", "yhat", "--library", "all"),
        "--library all: torchmetrics and Keras need classes 0 .. k-1",
        "holds -1",
    )
    sklearn = run("explain", path, "--true", "y", "--pred", "yhat", "--library", "scikit-learn")
    assert sklearn.returncode == 0, sklearn.stderr


# -- batches ------------------------------------------------------------------------------


def test_batch_size_says_what_the_mean_of_per_batch_scores_is(worked):
    result = run("explain", worked, "--true", "y", "--pred", "yhat", "--batch-size", "4")
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(ma.explain(TRUE, PRED, batch=4)) + "\n"
    words = " ".join(result.stdout.split())
    assert "The mean of 3 per-batch macro F1 scores is 0.5370" in words
    assert "macro F1 of the summed counts is 0.5460" in words
    assert "ma.ConfusionMatrix addition" in words


def test_a_batch_column_gives_the_same(worked):
    result = run("explain", worked, "--true", "y", "--pred", "yhat", "--batch", "b")
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(ma.explain(TRUE, PRED, batch=BATCH)) + "\n"


def test_batches_run_across_files_in_order_and_skip_blank_lines(tmp_path):
    rng = np.random.default_rng(3)
    true = rng.choice(list("ABC"), 700).tolist()
    pred = [t if rng.random() < 0.7 else str(rng.choice(list("ABC"))) for t in true]
    first = "y,yhat\n" + "".join(f"{t},{p}\n" for t, p in zip(true[:333], pred[:333], strict=True))
    (tmp_path / "a.csv").write_text(first.replace("\n", "\n\n", 5))
    write_csv(tmp_path / "b.csv", ["y", "yhat"], zip(true[333:], pred[333:], strict=True))
    for size in ("1", "32", "700"):
        result = run(
            "explain",
            f"{tmp_path}/a.csv",
            f"{tmp_path}/b.csv",
            "--true",
            "y",
            "--pred",
            "yhat",
            "--batch-size",
            size,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == str(ma.explain(true, pred, batch=int(size))) + "\n"
    refused(
        run(
            "explain",
            f"{tmp_path}/a.csv",
            f"{tmp_path}/b.csv",
            "--true",
            "y",
            "--pred",
            "yhat",
            "--batch-size",
            "701",
        ),
        "--batch-size 701 is more than the 700 rows counted",
    )


def test_a_counted_file_with_a_batch_column(tmp_path):
    rows = [
        ("x", "A", "A", 2),
        ("x", "A", "B", 1),
        ("y", "B", "B", 3),
        ("y", "A", "A", 0),
        ("z", "B", "A", 1),
        ("x", "A", "A", 1),
    ]
    path = write_csv(tmp_path / "c.csv", ["b", "y", "yhat", "n"], rows)
    result = run("explain", path, "--true", "y", "--pred", "yhat", "--counts", "n", "--batch", "b")
    assert result.returncode == 0, result.stderr
    b, t, p = zip(*[(r[0], r[1], r[2]) for r in rows for _ in range(r[3])], strict=True)
    assert result.stdout == str(ma.explain(list(t), list(p), batch=list(b))) + "\n"


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--batch", "b", "--batch-size", "2"], "--batch and --batch-size: give one"),
        (["--batch-size", "0"], "--batch-size must be a whole number of rows from 1, got '0'"),
        (["--batch-size", "-3"], "got '-3'"),
        (["--batch-size", "2.5"], "got '2.5'"),
        (["--batch-size", "1e3"], "got '1e3'"),
        (["--batch-size", "\u0664"], "got '\u0664'"),
        (["--batch-size", "1_000"], "got '1_000'"),
        (["--batch-size", "9" * 5000], "(5002 characters)"),
        (["--batch-size", ""], "got ''"),
        (["--batch", "nope"], "--batch: FILE"),
        (["--batch", "b,c"], "--batch names one column"),
        (["--batch", "b", "--labels", "A"], "--batch and --labels"),
        (["--batch-size", "2", "--weight", "w"], "--batch-size and --weight"),
    ],
)
def test_bad_batch_options_are_refused_in_command_line_words(tmp_path, extra, words):
    path = write_csv(
        tmp_path / "b.csv", ["y", "yhat", "b", "w"], [("A", "A", 1, 1), ("B", "A", 2, 1)]
    )
    line = refused(run("explain", path, "--true", "y", "--pred", "yhat", *extra), words)
    assert len(line) < 400


def test_batch_size_of_a_counted_file_and_multi_label_batches_are_refused(tmp_path):
    path = write_csv(tmp_path / "c.csv", ["y", "yhat", "n"], [("A", "A", 2)])
    refused(
        run("explain", path, "--true", "y", "--pred", "yhat", "--counts", "n", "--batch-size", "2"),
        "--batch-size and --counts",
    )
    path = write_csv(tmp_path / "m.csv", ["ta", "tb", "pa", "pb"], [(1, 0, 1, 1)])
    refused(
        run("explain", path, "--true", "ta,tb", "--pred", "pa,pb", "--batch-size", "1"),
        "--batch-size: per-batch scores are told for single-label data",
    )


def test_a_blank_batch_cell_is_refused_with_its_line(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_text("y,yhat,b\nA,A,1\n\nB,A, \n")
    refused(
        run("explain", str(path), "--true", "y", "--pred", "yhat", "--batch", "b"),
        "line 4: --batch column 'b' is blank",
    )
