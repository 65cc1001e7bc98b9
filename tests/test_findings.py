"""explain's findings: what the data holds that changes no number, each told with its counts."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction

import microavg as ma
import numpy as np
import pytest
from microavg import grouped
from microavg.findings import FINDINGS


def kinds(e) -> list[str]:
    return [f.kind for f in e.findings]


def found(e, kind: str):
    (one,) = [f for f in e.findings if f.kind == kind]
    return one


@pytest.mark.parametrize(
    "a, b",
    [("PER", "per "), ("PER", " PER"), ("Straße", "STRASSE"), ("é", "e\u0301"), ("ﬁ", "fi")],
)
def test_labels_that_differ_by_case_spaces_or_unicode_form_are_found(a, b):
    e = ma.explain([a, a, b, "O"], [b, a, b, "O"])
    lookalike = found(e, "lookalike")
    assert set(lookalike.labels) == {a, b} and lookalike.count == 1  # only the a -> b item
    words = " ".join(str(e).split())
    assert "may be one label written 2 ways" in words and "Such items: 1." in words


def test_labels_that_only_look_different_are_not_lookalikes():
    e = ma.explain(["PER", "ORG", "1"], ["PER", "ORG", "1"])
    assert e.findings == ()


def test_a_blank_label_is_counted_as_a_label_and_said_so():
    e = ma.explain(["A", "B", "A", ""], ["A", "", " ", ""])
    blank = found(e, "blank")
    assert blank.labels == ("", " ") and (blank.count, blank.more) == (3, 1)
    assert "is blank" in " ".join(str(e).split())
    assert "predicted_only" not in kinds(e)  # a blank label is told once, as blank


def test_a_label_only_predicted_is_found_with_the_items_predicted_as_it():
    e = ma.explain(list("AABB"), ["A", "maybe", "B", "maybe"])
    only = found(e, "predicted_only")
    assert only.labels == ("maybe",) and only.count == 2
    assert e.causes == () and e.holds  # a finding changes no number
    left = ma.explain(list("AABB"), ["A", "maybe", "B", "maybe"], labels=["A", "B"])
    assert "predicted_only" not in kinds(left)  # left out, it is the labels cause instead
    assert left.exact["recall"] == left.exact["accuracy"] < left.exact["precision"]


def test_labels_naming_a_label_no_item_holds_is_found():
    e = ma.explain(["PER", "ORG"], ["PER", "PER"], labels=["PER", "XYZ"])
    assert found(e, "absent").labels == ("XYZ",)
    assert "labels= names 'XYZ', which no item holds" in " ".join(str(e).split())


def test_multi_label_items_with_no_or_several_predicted_labels_are_counted():
    y_true = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]])
    y_pred = np.array([[1, 1, 0], [0, 0, 0], [0, 0, 1], [1, 1, 1]])
    sets = found(ma.explain(y_true, y_pred), "label_sets")
    assert (sets.count, sets.more) == (1, 2)
    scored = ma.explain(y_true, y_pred, labels=[1, 2])  # over columns 1 and 2 only
    assert (found(scored, "label_sets").count, found(scored, "label_sets").more) == (1, 1)
    unused = ma.explain(y_true[:, :2] * 0 + [[1, 0]], y_pred[:, :2] * 0 + [[1, 0]], labels=[0, 1])
    assert found(unused, "absent").labels == (1,)


def test_sample_weight_is_named_as_no_cause_with_exact_weights():
    e = ma.explain(list("AAB"), list("ABB"), sample_weight=[1, 2, 0.5])
    weights = found(e, "weights")
    assert weights.count == Fraction(7, 2) and e.causes == () and e.holds
    assert "sample_weight is not a cause" in " ".join(str(e).split())
    assert "weights" not in kinds(ma.explain(list("AAB"), list("ABB")))


def test_counted_groups_are_no_weights_but_summed_weights_are():
    counted = grouped.explain(["A", "A", "b"], ["A", "B", "B"], [5, 2, 3])
    assert "weights" not in kinds(counted) and "lookalike" in kinds(counted)
    weighed = grouped.explain(["A", "A"], ["A", "B"], [0.5, 2.0], weighted=True)
    assert "weights" in kinds(weighed)


def test_findings_are_told_in_their_order_and_escaped_in_every_form():
    e = ma.explain(["<b>x</b>", "<B>X</B>", "c"], ["<B>X</B>", "", "$a$"])
    assert kinds(e) == sorted(kinds(e), key=FINDINGS.index)
    page = e._repr_html_()
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert kinds(e) == ["lookalike", "blank", "predicted_only"]
    assert "`'$a$'`" in e._repr_markdown_()  # a code span: never typeset as TeX


def test_the_command_line_tells_the_findings(tmp_path):
    path = tmp_path / "case.csv"
    path.write_text("y,p\nPER,per\nPER,PER\nO,?\n", encoding="utf-8")
    shown = subprocess.run(
        [sys.executable, "-m", "microavg", "explain", str(path), "--true", "y", "--pred", "p"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert shown == str(ma.explain(["PER", "PER", "O"], ["per", "PER", "?"])) + "\n"
    words = " ".join(shown.split())  # as wrapped for a terminal
    assert "'PER', 'per' may be one label" in words and "'?', 'per' occur only" in words
