"""The explain-file explorer against the command line: for each CSV/TSV file, what the page's
``static/explain_text.js`` (under Node) and the kernel's ``ExplainFile`` say is what
``microavg explain FILE --true COL --pred COL [--labels A,B] [--counts n]`` prints (paragraph
by paragraph, whitespace normalised: the command line wraps at 88 columns), or the command
line's refusal (the same words, the file's name read as the pasted text and an option as its
control on screen; where DuckDB's group order picks which bad cell is quoted, the same field
and the same fix)."""

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
    # refusals
    "ragged_short": ("true,pred\nA,A\nB\n", ".csv", {}),
    "blank_pred": ("true,pred\nA,A\nB,\n", ".csv", {}),
    "blank_true_after_newline": ('true,pred\nA,A\n\n"x\ny",A\n,B\n', ".csv", {}),
    "header_only": ("true,pred\n", ".csv", {}),
    "empty": ("", ".csv", {}),
    "duplicate_columns": ("true,true\nA,A\n", ".csv", {"pred": "true"}),
    "binary": (bytes([0xFF, 0xFE, 0x00, 0x81, 0x9C, 0x0A, 0xC3, 0x28, 0x0A]) * 5, ".csv", {}),
    "no_column": ("true,pred\nA,A\n", ".csv", {"pred": "nope"}),
    "mixed_kinds": ("y,p\n1,x\n2,y\n", ".csv", {"true": "y", "pred": "p"}),
    "mixes": ("y,p\n1,x\n2,2\n", ".csv", {"true": "y", "pred": "p"}),
    "not_whole": ("y,p\n1.5,2.5\n2,2\n", ".csv", {"true": "y", "pred": "p"}),
    "int64": ("y,p\n99999999999999999999,1\n1,1\n", ".csv", {"true": "y", "pred": "p"}),
    "count_blank": ("y,p,n\nA,A,2\nB,A,\n", ".csv", {"true": "y", "pred": "p", "counts": "n"}),
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


def in_screen_words(refusal: str) -> str:
    for option, control in CONTROL_OF.items():
        refusal = refusal.replace(f"{option} column", control).replace(option, control)
    return refusal.replace("labels scored ", "labels scored: ", 0)


def key_words(refusal: str) -> tuple:
    """The field a refusal names (its first quoted column, else its control) and its fix."""
    named = re.search(r"column '([^']*)'", refusal) or re.search(
        r"^([a-z ]+?column|labels scored)", refusal
    )
    fix = re.split(r"[:;] ", refusal)[-1]
    return (named.group(1) if named else None, fix)


def page_options(options: dict) -> dict:
    labels = options.get("labels")
    return {
        "true": options.get("true", "true"),
        "pred": options.get("pred", "pred"),
        "counts": options.get("counts"),
        "labels": None if labels is None else labels.split(","),
    }


def js_answer(js, data, options):
    payload = list(data) if isinstance(data, bytes) else data
    return js.call("explain_text", "explainText", payload, page_options(options))


def python_answer(data, options):
    o = page_options(options)
    try:
        return {
            "value": str(
                explain_text(data, o["true"], o["pred"], counts=o["counts"], labels=o["labels"])
            )
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
    expected = in_screen_words(refusal)
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


def test_the_page_limits_its_distinct_labels(js):
    text = csv_of([(f"L{i}", f"L{i}") for i in range(10_001)])
    page = js_answer(js, text, {})
    assert page["error"] == "RefusedEdit" and "at most 10,000" in page["message"], page
    assert "at most 10,000" in python_answer(text, {})["message"]


def test_the_page_refuses_multilabel_pointing_to_the_command_line(js):
    text = "t_a,t_b,p_a,p_b\n1,0,1,0\n"
    page = js.call("explain_text", "explainText", text, {"true": "t_a,t_b", "pred": "p_a,p_b"})
    assert (
        page["error"] == "RefusedEdit" and "microavg explain FILE --true t_A,t_B" in page["message"]
    )
    assert page["message"].startswith("true column")


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


def test_case_counts(js, tmp_path):
    """How the fixed cases were compared (shown with -s)."""
    tally: dict[str, int] = {}
    for name, (data, suffix, options) in CASES.items():
        kind = check_case(js, tmp_path, name, data, suffix, options)
        tally[kind] = tally.get(kind, 0) + 1
    print(f"\nexplain-file parity: {len(CASES)} files: {tally}")
    assert sum(tally.values()) == len(CASES)
