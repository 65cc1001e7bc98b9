"""The command line, run as users run it: `python -m microavg` and the `microavg` script.

Every run is a real subprocess; a refusal must be one line on stderr, a non-zero exit
status and no traceback.
"""

from __future__ import annotations

import shutil

import microavg as ma
import pytest
from command_line import SCRIPT, refused, run


@pytest.fixture
def worked(tmp_path):
    true, pred = list("AAAABBCCC"), list("AABCABBCC")
    path = tmp_path / "worked.csv"
    path.write_text(
        "id,truth,guess\n"
        + "".join(f"{i},{t},{p}\n" for i, (t, p) in enumerate(zip(true, pred, strict=True)))
    )
    return path, true, pred


def test_explain_prints_what_ma_explain_says(worked):
    path, true, pred = worked
    result = run("explain", str(path), "--true", "truth", "--pred", "guess")
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(ma.explain(true, pred)) + "\n"
    assert result.stderr == ""


def test_the_console_script_does_the_same(worked):
    path, true, pred = worked
    assert SCRIPT.exists() or shutil.which("microavg")
    result = run("explain", str(path), "--true", "truth", "--pred", "guess", script=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(ma.explain(true, pred)) + "\n"


def test_tab_separated_files_with_labels_and_weights(tmp_path):
    rows = [("O", "O", "1"), ("O", "PER", "2"), ("PER", "O", "1"), ("PER", "PER", "0.5")]
    path = tmp_path / "ner.tsv"
    path.write_text("gold\tguess\tw\n" + "".join("\t".join(r) + "\n" for r in rows))
    result = run(
        "explain",
        str(path),
        "--true",
        "gold",
        "--pred",
        "guess",
        "--labels",
        "PER",
        "--weight",
        "w",
    )
    assert result.returncode == 0, result.stderr
    expected = ma.explain(
        [r[0] for r in rows], [r[1] for r in rows], labels=["PER"], sample_weight=[1, 2, 1, 0.5]
    )
    assert result.stdout == str(expected) + "\n"
    assert "'O'" in result.stdout


def test_whole_number_columns_are_read_as_numbers(tmp_path):
    path = tmp_path / "ints.csv"
    path.write_text("t;p\n1;1\n2;1\n-100;2\n")
    result = run("explain", str(path), "--true", "t", "--pred", "p", "--labels", "1,2")
    assert result.returncode == 0, result.stderr
    assert result.stdout == str(ma.explain([1, 2, -100], [1, 1, 2], labels=[1, 2])) + "\n"


def test_multi_label_files_name_their_columns(tmp_path):
    path = tmp_path / "tags.csv"
    path.write_text("t_cat,t_dog,p_cat,p_dog\n1,0,1,1\n0,1,0,1\n1,1,1,0\n")
    args = ["--true", "t_cat,t_dog", "--pred", "p_cat,p_dog"]
    result = run("explain", str(path), *args)
    assert result.returncode == 0, result.stderr
    y_true, y_pred = [[1, 0], [0, 1], [1, 1]], [[1, 1], [0, 1], [1, 0]]
    assert result.stdout == str(ma.explain(y_true, y_pred)) + "\n"
    only_cat = run("explain", str(path), *args, "--labels", "t_cat")
    assert only_cat.stdout == str(ma.explain(y_true, y_pred, labels=[0])) + "\n"


def test_help_documents_the_command():
    result = run("explain", "--help")
    assert result.returncode == 0
    for words in ("FILE", "--true COL", "--pred COL", "--labels A,B", "--weight COL", "TSV"):
        assert words in result.stdout
    assert run("--help").returncode == 0


def test_a_missing_file_is_refused(tmp_path):
    refused(
        run("explain", str(tmp_path / "nope.csv"), "--true", "a", "--pred", "b"), "does not exist"
    )


def test_an_unknown_column_is_named(worked):
    path, _, _ = worked
    refused(
        run("explain", str(path), "--true", "truth", "--pred", "label"), "no column named 'label'"
    )


@pytest.mark.parametrize(
    ("true", "pred"), [("truth", "truth"), ("truth", " truth "), ("truth,guess", "truth,x")]
)
def test_a_column_named_as_true_and_as_predicted_is_refused(worked, true, pred):
    # Scored against itself, a column is always right: a slip that read as "They agree".
    path, _, _ = worked
    refused(
        run("explain", str(path), "--true", true, "--pred", pred),
        "--pred and --true both name the column 'truth'",
    )


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("")
    refused(run("explain", str(path), "--true", "a", "--pred", "b"), "is empty")
    path.write_text("a,b\n")
    refused(run("explain", str(path), "--true", "a", "--pred", "b"), "no rows of data")


@pytest.mark.parametrize(
    ("labels", "words"),
    [("A,,B", "blank label"), ("", "blank label"), ("A,A", "names a label twice")],
)
def test_a_bad_labels_option_is_refused(worked, labels, words):
    path, _, _ = worked
    refused(
        run("explain", str(path), "--true", "truth", "--pred", "guess", "--labels", labels), words
    )


def test_number_labels_must_be_whole_numbers(tmp_path):
    path = tmp_path / "ints.csv"
    path.write_text("t,p\n1,1\n2,1\n")
    refused(
        run("explain", str(path), "--true", "t", "--pred", "p", "--labels", "1,x"),
        "'x' is not a whole number",
    )


def test_bad_cells_are_refused_with_their_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("t,p,w\nA,A,1\nA,,1\n")
    refused(run("explain", str(path), "--true", "t", "--pred", "p"), "line 3: column 'p' is blank")
    path.write_text("t,p,w\nA,A,1\nA,B,heavy\n")
    refused(run("explain", str(path), "--true", "t", "--pred", "p", "--weight", "w"), "line 3")
    path.write_text("t,p,w\nA,A,-1\nA,B,1\n")
    refused(
        run("explain", str(path), "--true", "t", "--pred", "p", "--weight", "w"),
        "line 2: --weight column 'w' holds '-1'",
    )
    path.write_text("ta,tb,pa,pb\n1,2,0,1\n")
    refused(
        run("explain", str(path), "--true", "ta,tb", "--pred", "pa,pb"),
        "multi-label columns hold 0 or 1",
    )


def test_missing_options_are_one_line_too(worked):
    path, _, _ = worked
    refused(run("explain", str(path)), "--true")
    refused(run(), "command")


def test_a_file_that_is_not_text_is_refused(tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\xff\xfe\x00\x81")
    refused(run("explain", str(path), "--true", "a", "--pred", "b"), "not UTF-8 text")
