"""The command line's last hostile inputs (issue 23): each is refused in one line naming the
option, the file and the line, in the command line's words, or counted exactly."""

from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import microavg as ma
import pytest
from command_line import refused, run
from microavg import grouped


@pytest.mark.parametrize("cell", [str(2**53 + 1), str(2**52), "1" + "0" * 30, "9" * 5000])
def test_a_count_too_large_to_count_exactly_is_refused_with_its_line(tmp_path, cell):
    # 2**53 + 1 read as a float is 2**53: the numbers would be of another file.
    path = tmp_path / "c.csv"
    path.write_text(f"t,p,n\nA,B,1\nA,A,{cell}\n")
    refused(
        run("explain", str(path), "--true", "t", "--pred", "p", "--counts", "n"),
        "line 3: --counts column 'n' holds",
        "below 2**52",
    )


def test_a_parquet_count_too_large_is_refused_with_its_row(tmp_path):
    duckdb.execute(
        f"COPY (SELECT * FROM (VALUES ('A', 'A', 1::BIGINT), ('A', 'B', {2**53 + 1}::BIGINT)) "
        f"v(t, p, n)) TO '{tmp_path}/c.parquet' (FORMAT PARQUET)"
    )
    refused(
        run("explain", f"{tmp_path}/c.parquet", "--true", "t", "--pred", "p", "--counts", "n"),
        "row 2: --counts column 'n' holds 9007199254740993",
    )


def test_counts_summing_past_what_is_counted_exactly_are_refused_in_command_line_words(tmp_path):
    path = tmp_path / "c.csv"
    half = 2**51
    path.write_text(f"t,p,n\nA,B,{half}\nA,A,{half}\n")
    line = refused(run("explain", str(path), "--true", "t", "--pred", "p", "--counts", "n"))
    assert "--counts column 'n' sums to 4503599627370496 rows" in line
    assert "sample_weight" not in line
    path.write_text(f"t,p,n\nA,B,{half}\nA,A,{half - 1}\n")
    ok = run("explain", str(path), "--true", "t", "--pred", "p", "--counts", "n")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == str(grouped.explain(["A", "A"], ["B", "A"], [half, half - 1])) + "\n"


@pytest.mark.parametrize("option", ["--weight", "--counts"])
def test_weights_or_counts_all_zero_are_refused_naming_the_option(tmp_path, option):
    path = tmp_path / "z.csv"
    path.write_text("t,p,w\nA,A,0\nA,B,0\n")
    line = refused(
        run("explain", str(path), "--true", "t", "--pred", "p", option, "w"),
        f"{option} column 'w' is 0 on every row",
    )
    assert "sample_weight" not in line


@pytest.mark.parametrize(
    ("cells", "words"),
    [
        (("1e308", "1e308"), "--weight column 'w' sums to more than half the largest float"),
        ((str(2**51), str(2**51)), "--weight column 'w' sums to 4503599627370496: the engine"),
    ],
    ids=["floats", "whole numbers"],
)
def test_weights_summing_past_what_is_counted_are_refused_naming_the_option(tmp_path, cells, words):
    path = tmp_path / "w.csv"
    path.write_text(f"t,p,w\nA,B,{cells[0]}\nA,A,{cells[1]}\n")
    line = refused(run("explain", str(path), "--true", "t", "--pred", "p", "--weight", "w"), words)
    assert "sample_weight" not in line and "pass floats" not in line


@pytest.mark.parametrize("cell", ["", "  "])
def test_a_blank_weight_is_called_blank_not_none(tmp_path, cell):
    path = tmp_path / "w.csv"
    path.write_text(f"t,p,w\nA,A,1\nA,B,{cell}\n")
    line = refused(
        run("explain", str(path), "--true", "t", "--pred", "p", "--weight", "w"),
        "line 3: --weight column 'w' is blank; weights must be non-negative numbers",
    )
    assert "None" not in line


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('t,p\n"A,A\nB,B\n', 2),
        ('t,p\nA,A\n\nB,"B\n', 4),
        ('t,p\nA,A\n"B"x,B\n', 3),
        ("t,p\n" + "A,B\n" * 30_000 + '"A,A\nB,B\n', 30_002),
    ],
    ids=["opened, never closed", "on the last line", "text after the quote", "past the sample"],
)
def test_a_badly_quoted_field_is_refused_with_its_line(tmp_path, text, line):
    # Read without quotes, '"A' was counted as a label of its own.
    path = tmp_path / "q.csv"
    path.write_text(text)
    refused(
        run("explain", str(path), "--true", "t", "--pred", "p"),
        f"line {line}: a quoted field is not closed where it ends",
    )


def test_a_label_ending_in_nul_is_refused_with_its_line(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_text("t,p\nA,A\nB,B\nA\x00,A\n")
    line = refused(
        run("explain", str(path), "--true", "t", "--pred", "p"), "line 4: column 't' holds 'A\\x00'"
    )
    assert "y_true" not in line and "index" not in line
    duckdb.execute(
        f"COPY (SELECT * FROM (VALUES ('A', 'A'), ('B', 'B\x00')) v(t, p)) "
        f"TO '{tmp_path}/nul.parquet' (FORMAT PARQUET)"
    )
    refused(
        run("explain", f"{tmp_path}/nul.parquet", "--true", "t", "--pred", "p"),
        "row 2: column 'p' holds 'B\\x00'",
    )


def test_nineteen_digit_labels_that_int64_holds_are_labels(tmp_path):
    path = tmp_path / "big.csv"
    big = 2**62
    path.write_text(f"t,p\n{big},0\n0,0\n{2**63 - 1},{2**63 - 1}\n")
    result = run("explain", str(path), "--true", "t", "--pred", "p", "--labels", f"{big},0")
    assert result.returncode == 0, result.stderr
    expected = ma.explain([big, 0, 2**63 - 1], [0, 0, 2**63 - 1], labels=[big, 0])
    assert result.stdout == str(expected) + "\n"
    path.write_text(f"t,p\n{2**63},0\n0,0\n")
    refused(run("explain", str(path), "--true", "t", "--pred", "p"), "line 2", "more than int64")
    path.write_text("t,p\n1,0\n0,0\n")
    refused(
        run("explain", str(path), "--true", "t", "--pred", "p", "--labels", f"{2**63},0"),
        "is more than int64 holds",
    )


@pytest.mark.parametrize(
    ("limit", "words"),
    [("-1", "--memory-limit '-1' is not a size"), ("1KB", "within --memory-limit '1KB'")],
)
def test_a_memory_limit_of_no_limit_or_too_little_is_refused(tmp_path, limit, words):
    path = tmp_path / "a.csv"
    path.write_text("t,p\nA,A\n")
    refused(run("explain", str(path), "--true", "t", "--pred", "p", "--memory-limit", limit), words)


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("t,p\nA,A\nA,B\n")
    command = [sys.executable, "-m", "microavg", "explain", str(path), "--true", "t", "--pred", "p"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        proc.stdout.close()  # as `| head -0` does
        stderr = proc.stderr.read().decode()
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
    assert proc.returncode in (0, 1)


@pytest.mark.parametrize(
    "content, words",
    [(b"", "empty"), (b"y,p\n\xff\xfe,\x80\n", "UTF-8")],
    ids=["empty", "not-utf8"],
)
def test_a_file_refused_while_opening_leaves_no_temporary_directory(tmp_path, content, words):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    command = ["-W", "error::ResourceWarning", "-m", "microavg", "explain", str(path)]
    result = subprocess.run(
        [sys.executable, *command, "--true", "y", "--pred", "p"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("cell", ["x", "-1", "1.5"])
def test_a_bad_count_on_a_row_with_one_blank_label_is_refused_with_its_line(tmp_path, cell):
    path = tmp_path / "counted.csv"
    path.write_text(f"y,p,n\nA,A,2\nB,,{cell}\nA,B,1\n", encoding="utf-8")
    args = ["explain", str(path), "--true", "y", "--pred", "p", "--counts", "n"]
    refused(run(*args), "line 3", "--counts column 'n'", repr(cell))
