"""The explain-file explorer against the command line: for each CSV/TSV file, what the page's
``static/explain_text.js`` (under Node) and the kernel's ``ExplainFile`` say is what
``microavg explain FILE --true COL --pred COL [--labels A,B] [--counts n]`` prints, for
multi-label files ``--true t_A,t_B --pred p_A,p_B`` too (paragraph by paragraph, whitespace
normalised: the command line wraps at 88 columns), or the command line's refusal (the same
words, the file's name read as the pasted text and an option as its control on screen; where
DuckDB's group order picks which bad cell is quoted, the same field and the same fix)."""

from __future__ import annotations

import contextlib
import io
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from microavg import examples
from microavg.__main__ import main
from microavg.explorers.pasted import explain_text
from microavg.explorers.rules import RefusedEdit
from node_js import NodeModules, require_node

# The command line's reader, refusing a file while it opens it (empty, not UTF-8), leaves its
# temporary directory to the garbage collector, which warns: not what is compared here.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.fixture(scope="module")
def js():
    runner = NodeModules(require_node())
    yield runner
    runner.close()


def csv_of(rows, header=("true", "pred")) -> str:
    def cell(x: str) -> str:
        x = str(x)
        return '"' + x.replace('"', '""') + '"' if any(c in x for c in ',"\n\r') else x

    return "".join(",".join(cell(c) for c in row) + "\n" for row in [header, *rows])


def worked() -> str:
    y_true, y_pred = examples.worked_example()[:2]
    return csv_of(zip(y_true, y_pred, strict=True))


THOUSAND = csv_of([(f"L{i}", f"L{(i * 7) % 1000}") for i in range(1000)])
QUOTED_CRLF = csv_of([(f"L{i % 7},\nx", f"L{(i * 3) % 7},\nx") for i in range(60_000)]).replace(
    "\n", "\r\n"
)

# name -> (file bytes or text, suffix, options)
CASES = {
    "readme": (
        csv_of(zip("O O PER LOC PER".split(), "PER O O LOC PER".split(), strict=True)),
        ".csv",
        {"labels": "PER,LOC"},
    ),
    "readme_all": (
        csv_of(zip("O O PER LOC PER".split(), "PER O O LOC PER".split(), strict=True)),
        ".csv",
        {},
    ),
    "worked": (worked(), ".csv", {}),
    "worked_left_out_c": (worked(), ".csv", {"labels": "A,B"}),
    "worked_only_a": (worked(), ".csv", {"labels": "A"}),
    "abstention": (csv_of(zip("AABB", "A?BA", strict=True)), ".csv", {"labels": "A,B"}),
    "predicted_only": (csv_of(zip("AABB", "A?B!", strict=True)), ".csv", {}),
    "predicted_only_one": (csv_of(zip("AAB", "A?B", strict=True)), ".csv", {}),
    "lookalike": ("y,p\nPER,per \nPER,PER\nper,O\nO,O\nÉ,É\n", ".csv", {"true": "y", "pred": "p"}),
    "absent": (worked(), ".csv", {"labels": "A,Z"}),
    "absent_two": (worked(), ".csv", {"labels": "A,Y,Z"}),
    "zero_division": (csv_of([("A", "B"), ("A", "B")]), ".csv", {"labels": "C"}),
    "counted": (
        "y,yhat,n\nPER,PER,5\nper ,PER,2\nO,?,3\nO,O,0\n",
        ".csv",
        {"true": "y", "pred": "yhat", "counts": "n"},
    ),
    "counted_floats": (
        "y,p,n\nA,A,2.0\nA,B,1e1\nB,B, 3\n",
        ".csv",
        {"true": "y", "pred": "p", "counts": "n", "labels": "A"},
    ),
    "whole_numbers": ("y,p\n1,1.0\n2,1\n+3,03\n", ".csv", {"true": "y", "pred": "p"}),
    "whole_numbers_labels": (
        "y,p\n1,1.0\n2,1\n",
        ".csv",
        {"true": "y", "pred": "p", "labels": "1,3"},
    ),
    "quoted": ('true,pred\n"A,1","A,1"\n"B\nx",A\n"q""uote",A\n', ".csv", {}),
    "bom_crlf": ("\ufefftrue,pred\r\nA,A\r\nB,A\r\n".encode(), ".csv", {}),
    "semicolon": ("true;pred\nA;A\nB;A\n", ".csv", {}),
    "tsv": ("true\tpred\nA,x\tA,x\nB\tA,x\n", ".tsv", {}),
    "pipe": ("true|pred\nA|A\nB|A\n", ".txt", {}),
    "html_and_dollars": (
        "true,pred\n$x$,<b>y</b>\n<b>y</b>,$x$\n<script>alert(1)</script>,$x$\n",
        ".csv",
        {},
    ),
    "quotes_in_labels": ('true,pred\nit\'s,"say ""hi"""\n"say ""hi""",it\'s\n', ".csv", {}),
    "backslash_tab": ('true,pred\n"a\\b","c\td"\n', ".csv", {}),
    "thousand_labels": (THOUSAND, ".csv", {}),
    "thousand_labels_some": (THOUSAND, ".csv", {"labels": ",".join(f"L{i}" for i in range(30))}),
    "blank_lines": ("true,pred\nA,A\n\n\nB,B\n , \n", ".csv", {}),
    "ragged_long": ("true,pred\nA,A\nC,C,C\nB,B\n", ".csv", {}),
    "header_spaces": (" y , p \nA,B\n", ".csv", {"true": "y", "pred": "p"}),
    "no_newline": ("y,p\nA,B", ".csv", {"true": "y", "pred": "p"}),
    "same_column": ("y,p\nA,B\n", ".csv", {"true": "y", "pred": "y"}),
    "spaces_after_quote": ('true,pred\n"A" ,A\n"B"  ,B\n', ".csv", {}),
    "quote_inside_a_field": ('true,pred\nA,5" x\nB,B\n', ".csv", {}),
    # DuckDB's sniffer takes a file with no quote in its first 20,480 rows as unquoted.
    "quoted_past_the_sample": (THOUSAND * 30 + '"L1,x",L1\n', ".csv", {}),
    # refusals
    "ragged_short": ("true,pred\nA,A\nB\n", ".csv", {}),
    "blank_pred": ("true,pred\nA,A\nB,\n", ".csv", {}),
    "blank_true_after_newline": ('true,pred\nA,A\n\n"x\ny",A\n,B\n', ".csv", {}),
    "header_only": ("true,pred\n", ".csv", {}),
    "unclosed_quote": ('true,pred\n"A,A\nB,B\n', ".csv", {}),
    "unclosed_quote_last": ('true,pred\nA,A\n\nB,"B\n', ".csv", {}),
    "unclosed_quote_header": ('"true,pred\nA,A\n', ".csv", {}),
    "text_after_quote": ('true,pred\nA,A\n"B"x,B\n', ".csv", {}),
    "unclosed_quote_far": (THOUSAND * 40 + '"L1,L2\nL3,L4\n', ".csv", {}),
    "empty": ("", ".csv", {}),
    "duplicate_columns": ("true,true\nA,A\n", ".csv", {"pred": "true"}),
    "binary": (bytes([0xFF, 0xFE, 0x00, 0x81, 0x9C, 0x0A, 0xC3, 0x28, 0x0A]) * 5, ".csv", {}),
    "no_column": ("true,pred\nA,A\n", ".csv", {"pred": "nope"}),
    "mixed_kinds": ("y,p\n1,x\n2,y\n", ".csv", {"true": "y", "pred": "p"}),
    "mixes": ("y,p\n1,x\n2,2\n", ".csv", {"true": "y", "pred": "p"}),
    "not_whole": ("y,p\n1.5,2.5\n2,2\n", ".csv", {"true": "y", "pred": "p"}),
    "int64": ("y,p\n99999999999999999999,1\n1,1\n", ".csv", {"true": "y", "pred": "p"}),
    "count_blank": ("y,p,n\nA,A,2\nB,A,\n", ".csv", {"true": "y", "pred": "p", "counts": "n"}),
    "count_spaces": ("y,p,n\nA,A,2\nB,A,  \n", ".csv", {"true": "y", "pred": "p", "counts": "n"}),
    "count_fraction": (
        "y,p,n\nA,A,2\nB,A,1.5\n",
        ".csv",
        {"true": "y", "pred": "p", "counts": "n"},
    ),
    "count_negative": ("y,p,n\nA,A,2\nB,A,-1\n", ".csv", {"true": "y", "pred": "p", "counts": "n"}),
    "count_underscore": ("y,p,n\nA,A, 1_0\n", ".csv", {"true": "y", "pred": "p", "counts": "n"}),
    "count_zero": ("y,p,n\nA,A,0\nB,A,0\n", ".csv", {"true": "y", "pred": "p", "counts": "n"}),
    "count_huge": (
        "y,p,n\nA,A,4503599627370495\nB,A,4503599627370495\n",
        ".csv",
        {"true": "y", "pred": "p", "counts": "n"},
    ),
    "labels_not_whole": ("y,p\n1,2\n", ".csv", {"true": "y", "pred": "p", "labels": "1,x"}),
    "labels_twice": ("y,p\nA,B\n", ".csv", {"true": "y", "pred": "p", "labels": "A,A"}),
    "true_is_pred": ("y,p\nA,B\nB,B\n", ".csv", {"true": "y", "pred": "y"}),
    "true_is_pred_spaced": ("y,p\nA,B\n", ".csv", {"true": "y", "pred": " y "}),
    "true_is_pred_absent": ("y,p\nA,B\n", ".csv", {"true": "z", "pred": "z"}),
    # Over a megabyte, so the page reads it in several chunks: quoted labels holding commas
    # and line breaks, CRLF line ends.
    "chunks_quoted_crlf": (QUOTED_CRLF, ".csv", {}),
}

TAGS = {"true": "t_a,t_b,t_c", "pred": "p_a,p_b,p_c"}
TWO_TAGS = {"true": "t_a,t_b", "pred": "p_a,p_b"}


def tags_csv(rows, k: int = 3, delimiter: str = ",", end: str = "\n") -> str:
    names = [f"{side}_{chr(97 + i)}" for side in "tp" for i in range(k)]
    return end.join(delimiter.join(map(str, row)) for row in [names, *rows]) + end


TAG_ROWS = [
    (1, 0, 0, 1, 0, 0),
    (1, 1, 0, 1, 0, 0),
    (0, 0, 1, 0, 1, 1),
    (0, 1, 0, 0, 0, 0),
    (1, 0, 1, 1, 0, 1),
]
ONE_TAG_EACH = [(1, 0, 0, 1, 0, 0), (0, 1, 0, 0, 1, 0), (0, 0, 1, 0, 0, 1)]
UNUSED_C = [(1, 0, 0, 1, 1, 0), (0, 1, 0, 0, 1, 0), (1, 1, 0, 0, 1, 0)]


def tag_rows(n: int, seed: int, k: int = 4) -> list[tuple]:
    rng = random.Random(seed)
    return [tuple(int(rng.random() < 0.3) for _ in range(2 * k)) for _ in range(n)]


TEN_THOUSAND = tag_rows(10_000, 1)
TWO_AT_9000 = [*TEN_THOUSAND[:9000], (0, 2, 0, 0, 0, 0, 0, 0), *TEN_THOUSAND[9000:]]
FOUR_TAGS = {"true": "t_a,t_b,t_c,t_d", "pred": "p_a,p_b,p_c,p_d"}

# Multi-label files: one 0/1 column per tag, true and predicted.
TAG_CASES = {
    "tags": (tags_csv(TAG_ROWS), ".csv", TAGS),
    "tags_labels": (tags_csv(TAG_ROWS), ".csv", {**TAGS, "labels": "t_a,t_c"}),
    "tags_labels_one": (tags_csv(TAG_ROWS), ".csv", {**TAGS, "labels": "t_b"}),
    "tags_one_each": (tags_csv(ONE_TAG_EACH), ".csv", TAGS),
    "tags_absent": (tags_csv(UNUSED_C), ".csv", {**TAGS, "labels": "t_a,t_c"}),
    "tags_zero_division": (tags_csv(UNUSED_C), ".csv", {**TAGS, "labels": "t_c"}),
    "tags_left_out_unused": (tags_csv(UNUSED_C), ".csv", {**TAGS, "labels": "t_b,t_a"}),
    "tags_two_of_three": (tags_csv(TAG_ROWS), ".csv", {"true": "t_a,t_b", "pred": "p_a,p_b"}),
    "tags_reordered": (tags_csv(TAG_ROWS), ".csv", {"true": "t_c,t_a", "pred": "p_c,p_a"}),
    "tags_spaced_names": (tags_csv(TAG_ROWS), ".csv", {"true": "t_a, t_b", "pred": " p_a,p_b"}),
    "tags_one_column": (tags_csv(TAG_ROWS), ".csv", {"true": "t_a", "pred": "p_a"}),
    "tags_spellings": (
        "t_a,t_b,p_a,p_b\n1.0,+0, 1 ,00\n01,0,1,1.\n",
        ".csv",
        TWO_TAGS,
    ),
    "tags_blank_rows": ("t_a,t_b,p_a,p_b\n1,0,1,0\n\n,,,\n0,1,1,1\n , , , \n", ".csv", TWO_TAGS),
    "tags_ragged_long": ("t_a,t_b,p_a,p_b\n1,0,1,0\n1,0,1,0,1\n", ".csv", TWO_TAGS),
    "tags_markup_names": (
        "<b>a</b>,$b$,p<b>,p$\n1,0,1,0\n1,1,1,0\n0,1,1,1\n",
        ".csv",
        {"true": "<b>a</b>,$b$", "pred": "p<b>,p$", "labels": "$b$"},
    ),
    "tags_bom_crlf_semicolon": (
        ("\ufeff" + tags_csv(TAG_ROWS, delimiter=";", end="\r\n")).encode(),
        ".csv",
        TAGS,
    ),
    "tags_tsv": (tags_csv(TAG_ROWS, delimiter="\t"), ".tsv", TAGS),
    "tags_10000": (tags_csv(TEN_THOUSAND, k=4), ".csv", FOUR_TAGS),
    "tags_10000_labels": (tags_csv(TEN_THOUSAND, k=4), ".csv", {**FOUR_TAGS, "labels": "t_d,t_b"}),
    # refusals
    "tags_a_two": (tags_csv([(1, 0, 1, 0), (1, 2, 1, 0)], k=2), ".csv", TWO_TAGS),
    "tags_a_two_in_10000": (tags_csv(TWO_AT_9000, k=4), ".csv", FOUR_TAGS),
    "tags_negative": (tags_csv([(1, 0, 1, 0), (0, 0, -1, 1)], k=2), ".csv", TWO_TAGS),
    "tags_blank_cell": ("t_a,t_b,p_a,p_b\n1,0,1,0\n1,,1,0\n", ".csv", TWO_TAGS),
    "tags_blank_cells_no_line": ("t_a,t_b,p_a,p_b\n1,0,1,0\n1,,,\n", ".csv", TWO_TAGS),
    "tags_ragged_short": ("t_a,t_b,p_a,p_b\n1,0,1,0\n1,0,1\n", ".csv", TWO_TAGS),
    "tags_one_column_of_text": ("t_a,t_b,p_a,p_b\n1,yes,1,0\n0,no,0,1\n", ".csv", TWO_TAGS),
    "tags_text_among_tags": ("t_a,t_b,p_a,p_b\n1,0,1,0\n1,x,1,0\n", ".csv", TWO_TAGS),
    "tags_fraction": ("t_a,t_b,p_a,p_b\n1,0,1,0\n1,0,0.5,0\n", ".csv", TWO_TAGS),
    "tags_int64": ("t_a,t_b,p_a,p_b\n1,0,1,99999999999999999999\n", ".csv", TWO_TAGS),
    "tags_nul": ('t_a,t_b,p_a,p_b\n1,0,1,0\n1,0,1,"1\x00"\n', ".csv", TWO_TAGS),
    "tags_mismatch": (tags_csv(TAG_ROWS), ".csv", {"true": "t_a,t_b", "pred": "p_a"}),
    "tags_mismatch_before_reading": ("", ".csv", {"true": "t_a", "pred": "p_a,p_b"}),
    "tags_counted": ("t_a,t_b,p_a,p_b,n\n1,0,1,0,2\n", ".csv", {**TWO_TAGS, "counts": "n"}),
    "tags_no_column": (tags_csv(TAG_ROWS), ".csv", {"true": "t_a,t_b", "pred": "p_a,nope"}),
    "tags_labels_not_true": (tags_csv(TAG_ROWS), ".csv", {**TAGS, "labels": "t_a,p_b"}),
    "tags_labels_twice": (tags_csv(TAG_ROWS), ".csv", {**TAGS, "labels": "t_a,t_a"}),
    "tags_header_only": ("t_a,t_b,p_a,p_b\n", ".csv", TWO_TAGS),
    "tags_empty": ("", ".csv", TWO_TAGS),
    "tags_true_twice": (tags_csv(TAG_ROWS), ".csv", {"true": "t_a,t_a", "pred": "p_a,p_b"}),
    "tags_true_is_pred": (tags_csv(TAG_ROWS), ".csv", {"true": "t_a,t_b", "pred": "p_a,t_b"}),
    "tags_pred_twice_spaced": (tags_csv(TAG_ROWS), ".csv", {"true": "t_a,t_b", "pred": "p_a, p_a"}),
    "tags_duplicate_columns": ("t_a,t_a,p_a,p_b\n1,0,1,0\n", ".csv", TWO_TAGS),
}

CONTROL_OF = {
    "--true": "true column",
    "--pred": "predicted column",
    "--counts": "counts column",
    "--labels": "labels scored",
}


def cli(tmp_path, name: str, data, suffix: str, options: dict) -> tuple[int, str, str]:
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    argv = [
        "explain",
        str(path),
        "--true",
        options.get("true", "true"),
        "--pred",
        options.get("pred", "pred"),
    ]
    for option in ("labels", "counts"):
        if option in options:
            argv += [f"--{option}", options[option]]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    refusal = err.getvalue().strip().splitlines()[-1] if code else ""
    refusal = refusal.removeprefix("microavg: error: ")
    return code, out.getvalue(), re.sub(r"FILE '[^']*'", "pasted text", refusal)


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip()]


def in_screen_words(refusal: str, options: dict) -> str:
    """The command line's refusal with its options named as the page names its controls
    (a multi-label file's columns: the true and predicted tag columns)."""
    if is_tags(options):
        refusal = refusal.replace("--true columns", "true tag columns")
        refusal = refusal.replace("--true", "true tag columns")
        refusal = refusal.replace("--pred", "predicted tag columns")
    for option, control in CONTROL_OF.items():
        refusal = refusal.replace(f"{option} column", control).replace(option, control)
    return refusal


def is_tags(options: dict) -> bool:
    return any("," in options.get(side, "") for side in ("true", "pred"))


def key_words(refusal: str) -> tuple:
    """The field a refusal names (its first quoted column, else its control) and its fix."""
    named = re.search(r"column '([^']*)'", refusal) or re.search(
        r"^([a-z ]+?column|labels scored)", refusal
    )
    fix = re.split(r"[:;] ", refusal)[-1]
    return (named.group(1) if named else None, fix)


def page_options(options: dict) -> dict:
    """The options as the page's controls give them: a list of a multi-label file's columns
    (the kernel takes the command line's spelling, names comma-separated, too)."""
    labels = options.get("labels")

    def columns(side: str) -> str | list[str]:
        value = options.get(side, side)
        return value.split(",") if "," in value else value

    return {
        "true": columns("true"),
        "pred": columns("pred"),
        "counts": options.get("counts"),
        "labels": None if labels is None else labels.split(","),
    }


def js_answer(js, data, options):
    payload = list(data) if isinstance(data, bytes) else data
    return js.call("explain_text", "explainText", payload, page_options(options))


def python_answer(data, options):
    o = page_options(options)
    true, pred = options.get("true", "true"), options.get("pred", "pred")
    try:
        return {
            "value": str(explain_text(data, true, pred, counts=o["counts"], labels=o["labels"]))
        }
    except RefusedEdit as err:
        return {"error": "RefusedEdit", "message": str(err)}


def check_case(js, tmp_path, name, data, suffix, options) -> str:
    """Asserts the three agree; returns 'explained', 'refused exactly' or 'refused by key'."""
    code, out, refusal = cli(tmp_path, name, data, suffix, options)
    page = js_answer(js, data, options)
    kernel = python_answer(data, options)
    if code == 0:
        assert "value" in page, (name, page)
        assert paragraphs(page["value"]["text"]) == paragraphs(out), name
        assert "value" in kernel, (name, kernel)
        assert paragraphs(kernel["value"]) == paragraphs(out), name
        return "explained"
    assert page.get("error") == "RefusedEdit", (name, page, refusal)
    assert kernel.get("error") == "RefusedEdit", (name, kernel, refusal)
    expected = in_screen_words(refusal, options)
    for said in (page["message"], kernel["message"]):
        if said != expected:
            assert key_words(said) == key_words(expected), (name, said, expected)
    return (
        "refused exactly" if page["message"] == expected == kernel["message"] else "refused by key"
    )


@pytest.mark.parametrize("name", list(CASES))
def test_page_and_kernel_say_what_the_command_line_says(js, tmp_path, name):
    data, suffix, options = CASES[name]
    check_case(js, tmp_path, name, data, suffix, options)


def test_a_column_named_as_true_and_as_predicted_is_refused_in_the_page_and_the_kernel(js):
    for options in ({"true": "y", "pred": "y"}, {"true": "t_a,t_b", "pred": "p_a,t_b"}):
        data = "y,p\nA,B\n" if options["true"] == "y" else tags_csv(TAG_ROWS)
        for said in (js_answer(js, data, options), python_answer(data, options)):
            assert said.get("error") == "RefusedEdit", said
            assert " both name the column " in said["message"], said


def test_the_page_limits_its_distinct_labels(js):
    text = csv_of([(f"L{i}", f"L{i}") for i in range(10_001)])
    page = js_answer(js, text, {})
    assert page["error"] == "RefusedEdit" and "at most 10,000" in page["message"], page
    assert "at most 10,000" in python_answer(text, {})["message"]


@pytest.mark.parametrize("name", list(TAG_CASES))
def test_multilabel_files_say_what_the_command_line_says(js, tmp_path, name):
    data, suffix, options = TAG_CASES[name]
    check_case(js, tmp_path, name, data, suffix, options)


def test_a_multilabel_file_gives_the_view_its_tag_columns(js):
    text = tags_csv(TAG_ROWS)
    page = js.value("explain_text", "explainText", text, page_options(TAGS))
    assert page["multilabel"] is True and page["labels"] == ["t_a", "t_b", "t_c"]
    assert page["causes"] == ["multilabel"] and page["rows"] == 5
    one = js.value("explain_text", "explainText", text, {"true": ["t_a"], "pred": ["p_a"]})
    assert one["multilabel"] is False and one["labels"] == ["0", "1"]


def test_no_tag_column_ticked_is_refused_asking_for_one(js):
    """The page's tag boxes can all be unticked, which no command line can say."""
    text = tags_csv(TAG_ROWS)
    known = "'t_a', 't_b', 't_c', 'p_a', 'p_b', 'p_c'"
    for true, pred, field in (([], [], "true column"), (["t_a", "t_b"], [], None)):
        page = js.call("explain_text", "explainText", text, {"true": true, "pred": pred})
        kernel = python_answer(text, {"true": true, "pred": pred})
        assert page["error"] == kernel["error"] == "RefusedEdit"
        assert page["message"] == kernel["message"]
        if field is not None:
            assert page["message"] == f"{field}: pick one of the columns ({known})"
        else:
            assert page["message"].startswith("true tag columns are 2 but predicted tag columns")


ALPHABET = ["A", "B", "C", "a", "b ", "é", "É", "1", "$", "<b>", "x,y", 'q"', "ß", "SS", "?"]


# Each example runs the command line in a subprocess (about a second): fewer than the
# profile's count, in both profiles.
@settings(max_examples=25)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(ALPHABET), st.sampled_from(ALPHABET)), min_size=1, max_size=25
    ),
    pick=st.integers(0, 2**32),
    counted=st.booleans(),
    delimiter=st.sampled_from([",", "\t", ";"]),
)
def test_random_files_agree(js, tmp_path_factory, rows, pick, counted, delimiter):
    rng = random.Random(pick)
    tmp = tmp_path_factory.mktemp("random")
    header = ("true", "pred", "n") if counted else ("true", "pred")
    body = [(*row, str(rng.randint(0, 5))) if counted else row for row in rows]
    text = csv_of(body, header)
    if delimiter != ",":
        if any(delimiter in c or "," in c or '"' in c for row in body for c in row):
            text = csv_of(
                [tuple(c.replace(",", "").replace('"', "") for c in row) for row in body], header
            )
        text = text.replace(",", delimiter)
    labels = sorted({c.strip() for row in rows for c in row} - {""})
    options = {"counts": "n"} if counted else {}
    if rng.random() < 0.5 and labels:
        chosen = rng.sample(labels, rng.randint(1, len(labels)))
        if all("," not in x for x in chosen):
            options["labels"] = ",".join(chosen)
    check_case(js, tmp, "random", text, ".csv", options)


TAG_CELLS = ["0", "1", "1", "0", " 1", "1.0", "+0", "", "2", "x"]


# As above: fewer examples than the profile's count, each running the command line.
@settings(max_examples=25)
@given(
    k=st.integers(2, 4),
    rows=st.lists(
        st.lists(st.sampled_from(TAG_CELLS), min_size=8, max_size=8), min_size=1, max_size=20
    ),
    pick=st.integers(0, 2**32),
    delimiter=st.sampled_from([",", "\t", ";"]),
)
def test_random_multilabel_files_agree(js, tmp_path_factory, k, rows, pick, delimiter):
    rng = random.Random(pick)
    tmp = tmp_path_factory.mktemp("random_tags")
    text = tags_csv([row[: 2 * k] for row in rows], k=k, delimiter=delimiter)
    names = [f"t_{chr(97 + i)}" for i in range(k)]
    options = {"true": ",".join(names), "pred": ",".join(f"p_{n[2:]}" for n in names)}
    if rng.random() < 0.5:
        options["labels"] = ",".join(rng.sample(names, rng.randint(1, k)))
    check_case(js, tmp, "random_tags", text, ".csv", options)


def test_case_counts(js, tmp_path):
    """How the fixed cases were compared (shown with -s)."""
    cases = {**CASES, **TAG_CASES}
    tally: dict[str, int] = {}
    for name, (data, suffix, options) in cases.items():
        kind = check_case(js, tmp_path, name, data, suffix, options)
        tally[kind] = tally.get(kind, 0) + 1
    print(
        f"\nexplain-file parity: {len(CASES)} single-label and {len(TAG_CASES)} multi-label "
        f"files: {tally}"
    )
    assert sum(tally.values()) == len(cases)
