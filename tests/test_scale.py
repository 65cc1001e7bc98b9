"""Files of any size: DuckDB's GROUP BY (microavg.sources) counts as the engine does, and the
command line refuses bad files in one line naming the file, the line and the column."""

from __future__ import annotations

from fractions import Fraction

import duckdb
import microavg as ma
import numpy as np
import pytest
from command_line import refused, run
from hypothesis import given, settings
from hypothesis import strategies as st
from microavg import grouped, sources


def shards(tmp_path, true, pred, weights, parts: int, kind: str) -> str:
    """The rows written as ``parts`` Parquet or CSV shards by DuckDB; returns the glob."""
    con = duckdb.connect()
    con.execute("CREATE TABLE t (y VARCHAR, yhat VARCHAR, w DOUBLE, part INTEGER)")
    part = [i % parts for i in range(len(true))]
    con.executemany(
        "INSERT INTO t VALUES (?, ?, ?, ?)", list(zip(true, pred, weights, part, strict=True))
    )
    fmt = "PARQUET" if kind == "parquet" else "CSV, HEADER"
    for i in range(parts):
        con.execute(
            f"COPY (SELECT y, yhat, w FROM t WHERE part = {i}) "
            f"TO '{tmp_path}/shard-{i}.{kind}' (FORMAT {fmt})"
        )
    return f"{tmp_path}/shard-*.{kind}"


labels = st.sampled_from(["A", "B", "C", "D", "E"])


@settings(max_examples=10, deadline=None)
@given(
    rows=st.lists(st.tuples(labels, labels, st.integers(1, 12).map(lambda q: q / 4)), min_size=1),
    parts=st.integers(1, 4),
    kind=st.sampled_from(["parquet", "csv"]),
    kept=st.lists(labels, min_size=1, max_size=3, unique=True),
)
def test_duckdb_counts_equal_the_engines_on_random_shards(
    tmp_path_factory, rows, parts, kind, kept
):
    tmp = tmp_path_factory.mktemp("shards")
    true, pred, w = (list(c) for c in zip(*rows, strict=True))
    glob = shards(tmp, true, pred, w, parts, kind)
    files = sources.files_of([glob])
    g = sources.count(files, ["y"], ["yhat"])
    assert g.rows == len(rows)
    assert grouped.confusion_matrix(g.true, g.pred, g.n) == ma.confusion_matrix(true, pred)
    assert grouped.confusion_matrix(g.true, g.pred, g.n, kept) == ma.confusion_matrix(
        true, pred, labels=kept
    )
    assert str(grouped.explain(g.true, g.pred, g.n, kept)) == str(
        ma.explain(true, pred, labels=kept)
    )
    weighted = sources.count(files, ["y"], ["yhat"], weight="w")
    assert grouped.confusion_matrix(weighted.true, weighted.pred, weighted.n) == (
        ma.confusion_matrix(true, pred, sample_weight=w)
    )


def test_the_command_line_explains_parquet_shards_as_the_engine_explains_rows(tmp_path):
    rng = np.random.default_rng(5)
    true = rng.choice(list("ABCD"), 3_000).tolist()
    pred = [t if rng.random() < 0.7 else str(rng.choice(list("ABCD"))) for t in true]
    glob = shards(tmp_path, true, pred, [1.0] * len(true), 3, "parquet")
    result = run("explain", glob, "--true", "y", "--pred", "yhat", "--labels", "A,B")
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(ma.explain(true, pred, labels=["A", "B"])) + "\n"
    assert result.stderr == ""


def test_a_counted_file_is_explained_as_its_rows(tmp_path):
    path = tmp_path / "counted.csv"
    path.write_text("y,yhat,n\nA,A,2\nA,B,1\nB,B,3\nB,A,0\nA,A,1\n")
    result = run("explain", str(path), "--true", "y", "--pred", "yhat", "--counts", "n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(ma.explain(list("AAAABBB"), list("AAABBBB"))) + "\n"
    for cell, words in (("-1", "holds '-1'"), ("1.5", "holds '1.5'"), ("x", "holds 'x'")):
        path.write_text(f"y,yhat,n\nA,A,2\nB,B,{cell}\n")
        refused(
            run("explain", str(path), "--true", "y", "--pred", "yhat", "--counts", "n"),
            "line 3",
            "--counts column 'n'",
            words,
            "non-negative whole numbers",
        )


def test_control_characters_inside_a_cell_do_not_split_its_row(tmp_path):
    # pandas reads three rows here, accuracy 2/3; splitlines() used to make four.
    path = tmp_path / "ff.csv"
    for inside in ["\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]:
        path.write_text(f"true,pred,text,id\nA,A,fine,1\nA,B,see page{inside}2,17\nB,B,ok,3\n")
        result = run("explain", str(path), "--true", "true", "--pred", "pred")
        assert result.returncode == 0, result.stderr
        assert result.stdout == str(ma.explain(list("AAB"), list("ABB"))) + "\n"
        assert ma.explain(list("AAB"), list("ABB")).exact["accuracy"] == Fraction(2, 3)
        path.write_text(f"true,pred,id,text\nA,A,1,fine\nA,B,17,see page{inside}2\nB,B,3,ok\n")
        again = run("explain", str(path), "--true", "true", "--pred", "pred")
        assert again.stdout == result.stdout, again.stderr


def test_whole_numbers_written_as_floats_are_the_same_labels(tmp_path):
    path = tmp_path / "floats.csv"
    path.write_text("t,p\n1,1.0\n2,2.0\n2,1.0\n3,3.0\n")
    result = run("explain", str(path), "--true", "t", "--pred", "p")
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(ma.explain([1, 2, 2, 3], [1, 2, 1, 3])) + "\n"
    assert "75.0%" in result.stdout  # scikit-learn's accuracy on these rows is 0.75
    path.write_text("t,p\n1,1.5\n2,2\n")
    refused(run("explain", str(path), "--true", "t", "--pred", "p"), "line 2", "'1.5'")


def test_a_column_mixing_numbers_and_text_is_refused(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text("t,p\n1,1\n2,x\n")
    refused(run("explain", str(path), "--true", "t", "--pred", "p"), "line 3", "column 'p' mixes")
    path.write_text("t,p\n1,A\n2,B\n")
    refused(run("explain", str(path), "--true", "t", "--pred", "p"), "whole numbers", "text")


def test_long_numbers_give_short_messages(tmp_path):
    path = tmp_path / "long.csv"
    digits = "5" * 5000
    path.write_text(f"t,p,w\n{digits},1,1\n1,1,1\n")
    line = refused(run("explain", str(path), "--true", "t", "--pred", "p"), "line 2")
    assert len(line) < 400
    path.write_text("t,p,w\n1,1,1\n1,2,1\n")
    line = refused(run("explain", str(path), "--true", "t", "--pred", "p", "--labels", digits))
    assert "not a whole number" not in line or len(line) < 400
    assert len(line) < 400
    path.write_text(f"t,p,w\n1,1,-{digits}\n1,2,1\n")
    line = refused(run("explain", str(path), "--true", "t", "--pred", "p", "--weight", "w"))
    assert "line 2" in line and len(line) < 400


def test_weight_names_one_column(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("t,p,w\nA,A,1\n")
    refused(
        run("explain", str(path), "--true", "t", "--pred", "p", "--weight", "w,w"),
        "--weight names one column",
    )


def test_messages_speak_the_command_line_and_count_lines_as_an_editor_does(tmp_path):
    path = tmp_path / "lines.csv"
    path.write_text('t,p,w,note\n\nA,A,1,"two\nlines"\n\nA,B,-1,x\n')
    line = refused(run("explain", str(path), "--true", "t", "--pred", "p", "--weight", "w"))
    assert "line 6: --weight column 'w' holds '-1'" in line
    assert "sample_weight" not in line and "index" not in line


def test_a_trailing_whitespace_line_is_ignored_as_pandas_ignores_it(tmp_path):
    path = tmp_path / "trailing.csv"
    path.write_text("t,p\nA,A\nA,B\n   \n")
    result = run("explain", str(path), "--true", "t", "--pred", "p")
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(ma.explain(["A", "A"], ["A", "B"])) + "\n"


def test_duplicate_column_names_are_refused_by_name(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("t,p,t\nA,A,B\n")
    refused(run("explain", str(path), "--true", "t", "--pred", "p"), "names the column 't' twice")


@pytest.mark.parametrize("cell", ["1_000", "\u0661", "heavy", "nan", "inf", ""])
def test_weights_pandas_refuses_are_refused(tmp_path, cell):
    path = tmp_path / "w.csv"
    path.write_text(f"t,p,w\nA,A,1\nA,B,{cell}\n")
    refused(
        run("explain", str(path), "--true", "t", "--pred", "p", "--weight", "w"),
        "line 3",
        "--weight column 'w'",
    )


def test_a_label_named_in_labels_that_no_row_holds_is_warned_about(tmp_path):
    path = tmp_path / "ner.csv"
    path.write_text("t,p\nPER,PER\nPER,O\nO,O\n")
    result = run("explain", str(path), "--true", "t", "--pred", "p", "--labels", "PER,XYZ")
    assert result.returncode == 0
    assert (
        result.stdout
        == str(ma.explain(["PER", "PER", "O"], ["PER", "O", "O"], labels=["PER", "XYZ"])) + "\n"
    )
    assert result.stderr.splitlines() == [
        "microavg: warning: --labels names 'XYZ', which no row holds as its true or predicted label"
    ]


@pytest.mark.parametrize(
    ("make", "args", "words"),
    [
        (None, ["{tmp}/none-*.parquet"], ["matches no file"]),
        (None, ["{tmp}/nope.parquet"], ["does not exist"]),
        (
            "SELECT 'A' AS y, 'A' AS yhat",
            ["{tmp}/a.parquet", "--pred", "label"],
            ["no column named 'label'", "a.parquet"],
        ),
        (
            "SELECT * FROM (VALUES ('A', 'A'), (NULL, 'B')) v(y, yhat)",
            ["{tmp}/a.parquet"],
            ["row 2", "column 'y' is blank"],
        ),
        (
            "SELECT * FROM (VALUES (1.0::DOUBLE, 1.0::DOUBLE), ('nan'::DOUBLE, 2.0)) v(y, yhat)",
            ["{tmp}/a.parquet"],
            ["row 2", "holds nan"],
        ),
        (
            "SELECT * FROM (VALUES ('A', 'A', 1.0), ('B', 'B', -2.0)) v(y, yhat, w)",
            ["{tmp}/a.parquet", "--weight", "w"],
            ["row 2", "--weight column 'w' holds -2.0"],
        ),
        (
            "SELECT * FROM (VALUES ('A', 'A', 1.0), ('B', 'B', 'nan'::DOUBLE)) v(y, yhat, w)",
            ["{tmp}/a.parquet", "--weight", "w"],
            ["row 2", "holds nan"],
        ),
        (
            "SELECT * FROM (VALUES ('A', 1)) v(y, yhat)",
            ["{tmp}/a.parquet"],
            ["column 'y' holds text but column 'yhat' holds whole numbers"],
        ),
        (
            "SELECT * FROM (VALUES ('A', 'A', 2), ('B', 'A', -1)) v(y, yhat, n)",
            ["{tmp}/a.parquet", "--counts", "n"],
            ["row 2", "--counts column 'n' holds -1"],
        ),
        (
            "SELECT * FROM (VALUES ('A', 'A', 2.5)) v(y, yhat, n)",
            ["{tmp}/a.parquet", "--counts", "n"],
            ["row 1", "holds 2.5"],
        ),
    ],
)
def test_bad_parquet_input_is_one_line_naming_file_and_column(tmp_path, make, args, words):
    if make:
        duckdb.execute(f"COPY ({make}) TO '{tmp_path}/a.parquet' (FORMAT PARQUET)")
    argv = [a.format(tmp=tmp_path) for a in args]
    if "--pred" not in argv:
        argv += ["--pred", "yhat"]
    refused(run("explain", argv[0], "--true", "y", *argv[1:]), *words)
    assert sorted(p.name for p in tmp_path.iterdir()) == (["a.parquet"] if make else [])


def test_a_memory_limit_that_is_not_a_size_is_refused(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("t,p\nA,A\n")
    refused(
        run("explain", str(path), "--true", "t", "--pred", "p", "--memory-limit", "lots"),
        "--memory-limit 'lots' is not a size",
    )
    ok = run("explain", str(path), "--true", "t", "--pred", "p", "--memory-limit", "64MB")
    assert ok.returncode == 0, ok.stderr
