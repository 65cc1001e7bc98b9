"""Tables: the right rows coloured, the right counts written, label text escaped."""

from __future__ import annotations

import re

import microavg as ma
import pytest
from microavg import tables
from microavg.examples import worked_example
from microavg.palette import ROLE_TINTS as TINT


@pytest.fixture
def worked():
    return worked_example()


def cell_backgrounds(styler) -> dict[tuple[str, int, int], str]:
    """{(part, row, column): background colour} from a Styler's HTML and CSS.

    ``part`` is ``"body"`` for the data rows and ``"foot"`` for rows joined by concat.
    """
    page = styler.to_html()
    found = {}
    for selectors, props in re.findall(r"([^{}]+)\{([^}]*)\}", page):
        colour = re.search(r"background-color: (#[0-9a-f]{6})", props)
        if not colour:
            continue
        for selector in selectors.split(","):
            cell = re.search(r"_(foot0_)?row(\d+)_col(\d+)\s*$", selector.strip())
            if cell:
                part = "foot" if cell.group(1) else "body"
                found[part, int(cell.group(2)), int(cell.group(3))] = colour.group(1)
    return found


def body_text(styler) -> list[list[str]]:
    """The text of each data cell, row by row, as the HTML shows it."""
    page = styler.to_html()
    rows = re.findall(r"<tr>(.*?)</tr>", page, flags=re.S)
    cells = [re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S) for row in rows]
    return [[c.strip() for c in row] for row in cells]


# -- prediction_table ---------------------------------------------------------------------


def test_prediction_table_lists_the_rows_numbered_from_one(worked):
    y_true, y_pred = worked
    shown = body_text(tables.prediction_table(y_true, y_pred))
    assert shown[0] == ["prediction", "pred", "true"]  # the corner names the numbers
    pairs = zip(y_true, y_pred, strict=True)
    assert shown[1:] == [[str(n), p, t] for n, (t, p) in enumerate(pairs, 1)]
    page = tables.prediction_table(y_true, y_pred, highlight="A").to_html()
    assert "<caption>What each prediction counts as for A</caption>" in page


def test_prediction_table_colours_the_rows_of_one_label_by_role(worked):
    styler = tables.prediction_table(*worked, highlight="A")
    assert styler.data["for A"].tolist() == ["TP", "TP", "FN", "FN", "FP", "", "", "", ""]
    colours = cell_backgrounds(styler)
    expected = {0: "TP", 1: "TP", 2: "FN", 3: "FN", 4: "FP"}  # rows 1-5; 6-9 are not A's
    assert colours == {
        ("body", row, col): TINT[role] for row, role in expected.items() for col in range(3)
    }


def test_prediction_table_with_every_label_marks_each_wrong_row_once_fp_once_fn(worked):
    styler = tables.prediction_table(*worked, highlight=["A", "B", "C"])
    roles = styler.data[["for A", "for B", "for C"]].to_numpy().tolist()
    assert roles[2] == ["FN", "FP", ""]  # row 3: true A, predicted B
    for (t, p), row in zip(zip(*worked, strict=True), roles, strict=True):
        expected = ["TP"] if t == p else ["FN", "FP"]
        assert sorted(r for r in row if r) == expected
    colours = cell_backgrounds(styler)
    assert ("body", 2, 0) not in colours  # with several labels only the role cells are coloured
    assert colours["body", 2, 2] == TINT["FN"]
    assert colours["body", 2, 3] == TINT["FP"]


def test_prediction_table_escapes_label_text(worked):
    y_true = ["<b>x</b>", "<script>alert(1)</script>", "<b>x</b>"]
    y_pred = ["<b>x</b>", "<b>x</b>", "<script>alert(1)</script>"]
    page = tables.prediction_table(y_true, y_pred, highlight=["<b>x</b>"]).to_html()
    assert "<b>" not in page
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "for &lt;b&gt;x&lt;/b&gt;</th>" in page  # column header
    assert "as for &lt;b&gt;x&lt;/b&gt;</caption>" in page


def test_prediction_table_html_is_the_same_every_time_and_differs_between_tables(worked):
    first = tables.prediction_table(*worked, highlight="A").to_html()
    assert tables.prediction_table(*worked, highlight="A").to_html() == first
    ids = {
        re.search(r'<table id="([^"]+)"', tables.prediction_table(*worked, highlight=h).to_html())[
            1
        ]
        for h in ("A", "B", "C", None)
    }
    assert len(ids) == 4


def test_prediction_table_takes_numbers_as_labels():
    styler = tables.prediction_table([0, 1, 1], [0, 0, 1], highlight=1)
    assert styler.data["for 1"].tolist() == ["", "FN", "TP"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((list("AB"), list("AB"), "D"), r"highlight holds 'D', which is in neither y_true"),
        ((list("AB"), list("AB"), ["A", "Z"]), "highlight holds 'Z'"),
        ((list("AB"), list("A")), "y_true"),
        (([[1, 0], [0, 1]], [[1, 0], [1, 1]]), "multi-label"),
    ],
)
def test_prediction_table_refuses_bad_input(args, message):
    with pytest.raises(ValueError, match=message):
        tables.prediction_table(*args)


# -- label_counts_table -------------------------------------------------------------------


def test_counts_table_writes_tp_fp_fn_support_and_their_sums(worked):
    styler = tables.label_counts_table(ma.confusion_matrix(*worked))
    assert styler.data.to_dict("index") == {
        "A": {"TP": 2, "FP": 1, "FN": 2, "support": 4},  # FN(A) is 2: rows 3 and 4
        "B": {"TP": 1, "FP": 2, "FN": 1, "support": 2},
        "C": {"TP": 2, "FP": 1, "FN": 1, "support": 3},
    }
    shown = body_text(styler)
    assert shown[0] == ["&nbsp;", "TP", "FP", "FN", "support"]
    assert shown[-1] == ["Σ (all labels)", "5", "4", "4", "9"]


def test_counts_table_colours_the_three_role_columns_in_every_row(worked):
    colours = cell_backgrounds(tables.label_counts_table(ma.confusion_matrix(*worked)))
    expected = {}
    for part, rows in (("body", range(3)), ("foot", range(1))):
        for row in rows:
            for col, role in enumerate(("TP", "FP", "FN")):
                expected[part, row, col] = TINT[role]
    assert colours == expected


def test_counts_table_escapes_labels_and_takes_label_counts():
    counts = ma.label_counts(["<i>a</i>", "<script>"], ["<i>a</i>", "<i>a</i>"])
    page = tables.label_counts_table(counts).to_html()
    assert "<i>" not in page and "<script>" not in page
    assert ">&lt;i&gt;a&lt;/i&gt;</th>" in page


def test_counts_table_refuses_anything_but_counts():
    with pytest.raises(ValueError, match=r"cm must be a ConfusionMatrix or LabelCounts.*got list"):
        tables.label_counts_table([[1, 0], [0, 1]])


def test_role_tints_are_light_enough_for_black_text():
    for colour in TINT.values():
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        assert 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6
