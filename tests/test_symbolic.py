"""The symbolic proof: ΣFP = ΣFN for every k, the residual when labels are left out, by sympy."""

from __future__ import annotations

import itertools
from fractions import Fraction

import microavg as ma
import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from microavg import symbolic
from microavg.examples import worked_example

# The general proof's symbols, as sympy builds them (same name and assumptions: same symbol).
K = sp.Symbol("k", integer=True, positive=True)
ROW, COL = sp.symbols("i j", integer=True, positive=True)
N = sp.Symbol("N", integer=True, positive=True)
P, R = sp.symbols("P R", positive=True)
F1 = sp.Symbol("F_1", positive=True)
c = sp.IndexedBase("c")


def cell(name: str) -> sp.Symbol:
    return sp.Symbol(name, integer=True, nonnegative=True)


def at(expr: sp.Basic, n: int, values: dict[str, object]) -> sp.Basic:
    """A general-k expression at k = n: sums written out, each Indexed replaced from
    ``values`` (name -> 0-based list or matrix), so c[1, 1] is values["c"][0, 0]."""
    done = expr.subs(K, n).doit()

    def value(e: sp.Indexed) -> sp.Basic:
        table = values[str(e.base)]
        where = tuple(int(x) - 1 for x in e.indices)
        return table[where] if len(where) > 1 else table[where[0]]

    return sp.expand(done.replace(lambda e: isinstance(e, sp.Indexed), value))


# -- the confusion matrix of symbols ---------------------------------------------------


def test_confusion_symbols_are_nonnegative_integers_named_by_true_row_and_predicted_column():
    C = symbolic.confusion_symbols(3)
    assert C.shape == (3, 3)
    assert [str(s) for s in C] == [f"c_{{{i}{j}}}" for i in range(3) for j in range(3)]
    assert all(s.is_integer and s.is_nonnegative for s in C)
    assert C[0, 1] == cell("c_{01}")  # row: true label 0; column: predicted label 1


def test_same_k_gives_the_same_symbols_and_a_cell_keeps_its_symbol_across_k():
    assert symbolic.confusion_symbols(4) == symbolic.confusion_symbols(4)
    assert symbolic.confusion_symbols(4)[:3, :3] == symbolic.confusion_symbols(3)


def test_cell_names_stay_unambiguous_beyond_ten_labels():
    C = symbolic.confusion_symbols(12)
    assert str(C[1, 10]) == "c_{1,10}"
    assert str(C[11, 0]) == "c_{11,0}"
    assert len({str(s) for s in C}) == 144


def test_counts_are_diagonal_column_without_it_and_row_without_it():
    C = symbolic.confusion_symbols(3)
    tp, fp, fn = symbolic.counts(C)
    assert tp == [C[0, 0], C[1, 1], C[2, 2]]
    assert fp == [C[1, 0] + C[2, 0], C[0, 1] + C[2, 1], C[0, 2] + C[1, 2]]
    assert fn == [C[0, 1] + C[0, 2], C[1, 0] + C[1, 2], C[2, 0] + C[2, 1]]


def test_counts_of_a_chosen_label_still_use_the_left_out_rows_and_columns():
    C = symbolic.confusion_symbols(3)
    assert symbolic.counts(C, labels=[2]) == ([C[2, 2]], [C[0, 2] + C[1, 2]], [C[2, 0] + C[2, 1]])


def test_counts_of_the_worked_example_numbers_match_the_engine():
    cm = ma.confusion_matrix(*worked_example())
    tp, fp, fn = symbolic.counts(sp.Matrix(cm.counts))
    # A: TP 2 FP 1 FN 2; B: TP 1 FP 2 FN 1; C: TP 2 FP 1 FN 1.
    assert (tp, fp, fn) == ([2, 1, 2], [1, 2, 1], [2, 1, 1])
    assert (tp, fp, fn) == (cm.tp.tolist(), cm.fp.tolist(), cm.fn.tolist())


# -- ΣFP - ΣFN --------------------------------------------------------------------------


@pytest.mark.parametrize("k", range(2, 11))
def test_gap_is_zero_for_every_k_when_every_label_is_kept(k):
    assert symbolic.fp_fn_gap(k) == 0


def test_gap_with_label_zero_left_out_is_errors_out_of_it_minus_errors_into_it():
    c01, c02, c10, c20 = (cell(f"c_{{{n}}}") for n in ("01", "02", "10", "20"))
    assert symbolic.fp_fn_gap(3, labels=[1, 2]) == c01 + c02 - c10 - c20
    assert symbolic.fp_fn_gap(3, labels=[2, 1]) == c01 + c02 - c10 - c20  # order is irrelevant


def test_gap_of_a_single_label_is_its_fp_minus_its_fn():
    c01, c21, c10, c12 = (cell(f"c_{{{n}}}") for n in ("01", "21", "10", "12"))
    assert symbolic.fp_fn_gap(3, labels=[1]) == c01 + c21 - c10 - c12


@st.composite
def matrix_and_labels(draw):
    k = draw(st.integers(2, 6))
    counts = draw(st.lists(st.integers(0, 50), min_size=k * k, max_size=k * k))
    labels = draw(st.lists(st.integers(0, k - 1), min_size=1, max_size=k, unique=True))
    return k, np.array(counts, dtype=np.int64).reshape(k, k), labels


@settings(max_examples=60, deadline=None)
@given(matrix_and_labels())
def test_symbolic_residual_at_a_matrix_equals_the_engines_fp_minus_fn(case):
    k, counts, labels = case
    gap = symbolic.fp_fn_gap(k, labels=labels)
    C = symbolic.confusion_symbols(k)
    value = gap.subs({C[i, j]: int(counts[i, j]) for i in range(k) for j in range(k)})
    engine = ma.ConfusionMatrix.from_counts(counts).label_counts(labels)
    assert value == int(engine.fp.sum()) - int(engine.fn.sum())


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 8))
def test_gap_over_all_labels_in_any_order_is_zero(k):
    assert symbolic.fp_fn_gap(k, labels=list(reversed(range(k)))) == 0


# -- the scores ----------------------------------------------------------------------------


@pytest.mark.parametrize("k", [2, 3, 5])
def test_micro_precision_recall_f1_and_accuracy_simplify_to_one_another(k):
    P, R, F1, acc = symbolic.micro_scores(k)
    assert P != R  # built from different sums: sympy has to show they agree
    assert sp.simplify(P - R) == 0
    assert sp.simplify(F1 - P) == 0
    assert sp.simplify(P - acc) == 0


def test_micro_scores_of_the_worked_example_are_five_ninths_as_the_engine_says():
    cm = ma.confusion_matrix(*worked_example())
    C = symbolic.confusion_symbols(3)
    values = {C[i, j]: int(cm.counts[i, j]) for i in range(3) for j in range(3)}
    scores = [sp.nsimplify(e.subs(values)) for e in symbolic.micro_scores(3)]
    assert scores == [sp.Rational(5, 9)] * 4
    assert Fraction(5, 9) == cm.scores(exact=True).precision == cm.accuracy(exact=True)


# -- the general proof, for a symbolic k ------------------------------------------------


def test_general_proof_starts_with_sums_up_to_a_symbolic_k_and_ends_at_zero():
    steps = symbolic.general_proof()
    first, last = steps[0][1], steps[-1][1]
    bounds = [upper for s in first.atoms(sp.Sum) for (_, _, upper) in s.limits]
    assert bounds and all(b.is_Symbol and b.name == "k" for b in bounds)
    assert last == 0
    assert all(expr != 0 for _, expr in steps[:-1])


def test_every_step_of_the_general_proof_is_new_and_explained():
    steps = symbolic.general_proof()
    assert len(steps) == 6
    exprs = [expr for _, expr in steps]
    assert all(a != b for a, b in itertools.pairwise(exprs))
    assert all(reason.strip().endswith(".") for reason, _ in steps)


@pytest.mark.parametrize("n", [2, 3, 5])
def test_every_step_of_the_general_proof_written_out_at_k_n_is_sum_fp_minus_sum_fn(n):
    C = symbolic.confusion_symbols(n)
    _, fp, fn = symbolic.counts(C)
    values = {"c": C, r"\mathrm{FP}": fp, r"\mathrm{FN}": fn}
    for _, expr in symbolic.general_proof():
        assert at(expr, n, values) == symbolic.fp_fn_gap(n) == 0


def test_a_wrong_definition_of_fn_visibly_fails_to_reach_zero():
    def fp_of(j):
        return sp.Sum(c[ROW, j], (ROW, 1, K)) - c[j, j]

    def fn_forgetting_the_diagonal(i):
        return sp.Sum(c[i, COL], (COL, 1, K))

    last = symbolic._proof_steps(fp_of, fn_forgetting_the_diagonal)[-1][1]
    assert last == -sp.Sum(c[ROW, ROW], (ROW, 1, K))


def test_score_chain_takes_f1_to_p_and_p_to_correct_over_all_rows():
    eqs = [eq for _, eq in symbolic.score_chain()]
    f1_steps = [eq for eq in eqs if eq.lhs == F1]
    p_steps = [eq for eq in eqs if eq.lhs == P]
    assert (len(f1_steps), len(p_steps)) == (3, 5)
    assert f1_steps[0].rhs == 2 * P * R / (P + R)
    assert f1_steps[-1].rhs == P
    # accuracy: the diagonal (rows predicted correctly) over N, all rows.
    assert p_steps[-1].rhs == sp.Sum(c[ROW, ROW], (ROW, 1, K)) / N


def test_every_precision_step_at_the_worked_example_is_five_ninths():
    cm = ma.confusion_matrix(*worked_example())
    C = sp.Matrix(cm.counts)
    tp, fp, _ = symbolic.counts(C)
    values = {"c": C, r"\mathrm{TP}": tp, r"\mathrm{FP}": fp}
    for _, eq in symbolic.score_chain():
        if eq.lhs == P:
            assert at(eq.rhs.subs(N, cm.total), 3, values) == sp.Rational(5, 9)


def test_every_f1_step_with_p_equal_r_is_p():
    for _, eq in symbolic.score_chain():
        if eq.lhs == F1:
            assert sp.simplify(eq.rhs.subs(R, P)) == P


# -- printing -----------------------------------------------------------------------------


def test_latex_puts_added_terms_first_and_writes_double_sums_as_two_sums():
    assert symbolic.latex(symbolic.fp_fn_gap(3, labels=[1, 2])) == (
        "c_{01} + c_{02} - c_{10} - c_{20}"
    )
    split = symbolic.general_proof()[2][1]
    assert symbolic.latex(split) == (
        r"\sum_{j=1}^{k} \sum_{i=1}^{k} {c}_{i,j} + \sum_{i=1}^{k} {c}_{i,i}"
        r" - \sum_{i=1}^{k} \sum_{j=1}^{k} {c}_{i,j} - \sum_{j=1}^{k} {c}_{j,j}"
    )


def test_count_from_one_keeps_a_sum_grouped_label_by_label():
    _, fp, fn = symbolic.counts(symbolic.confusion_symbols(3))
    grouped_fp = symbolic.count_from_one(sp.Add(*fp, evaluate=False))
    grouped_fn = symbolic.count_from_one(sp.Add(*fn, evaluate=False))
    assert symbolic.latex(grouped_fp) == (
        r"\left(c_{21} + c_{31}\right) + \left(c_{12} + c_{32}\right)"
        r" + \left(c_{13} + c_{23}\right)"
    )
    assert symbolic.latex(grouped_fn) == (
        r"\left(c_{12} + c_{13}\right) + \left(c_{21} + c_{23}\right)"
        r" + \left(c_{31} + c_{32}\right)"
    )
    precision, recall, _, _ = (symbolic.count_from_one(s) for s in symbolic.micro_scores(3))
    assert symbolic.latex(precision) != symbolic.latex(recall)
    assert sp.simplify(precision - recall) == 0


def test_latex_of_a_matrix_of_symbols_is_a_bracketed_matrix():
    assert symbolic.latex(symbolic.confusion_symbols(2)) == (
        r"\left[\begin{matrix}c_{00} & c_{01}\\c_{10} & c_{11}\end{matrix}\right]"
    )


# -- bad arguments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: symbolic.confusion_symbols(0), "k must be a whole number from 1 to 30, got 0"),
        (lambda: symbolic.confusion_symbols(31), "got 31"),
        (lambda: symbolic.confusion_symbols(2.0), r"got 2\.0 \(float\)"),
        (lambda: symbolic.confusion_symbols(True), r"got True \(bool\)"),
        (lambda: symbolic.fp_fn_gap("3"), r"k must be .* got '3' \(str\)"),
        (lambda: symbolic.micro_scores(-1), "k must be"),
        (
            lambda: symbolic.fp_fn_gap(3, labels=[3]),
            "labels holds 3: label indices run from 0 to 2",
        ),
        (lambda: symbolic.fp_fn_gap(3, labels=[-1]), "labels holds -1"),
        (lambda: symbolic.fp_fn_gap(3, labels=[0, 0]), "labels holds 0 twice"),
        (lambda: symbolic.fp_fn_gap(3, labels=[1.0]), "labels holds 1.0: label indices are whole"),
        (lambda: symbolic.fp_fn_gap(3, labels=[True]), "labels holds True"),
        (lambda: symbolic.fp_fn_gap(3, labels=[]), "labels is empty"),
        (lambda: symbolic.fp_fn_gap(3, labels="01"), "labels is the string '01': pass a list"),
        (lambda: symbolic.fp_fn_gap(3, labels=2), r"labels has shape \(\): pass a flat list"),
        (lambda: symbolic.counts([[1, 2]]), r"C has shape \(1, 2\)"),
        (lambda: symbolic.counts([[1, 2], [3]]), "C must be a square matrix"),
        (lambda: symbolic.counts(sp.Matrix(2, 2, [1, 2, 3, 4]), labels=[2]), "labels holds 2"),
    ],
)
def test_bad_arguments_raise_value_error_naming_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_latex_dots_an_unevaluated_product_with_a_repeated_factor():
    # F1 once R is replaced by P: 2 P P must not read as a name "PP".
    assert (
        symbolic.latex(symbolic.score_chain()[1][1]) == r"F_{1} = \frac{2 \cdot P \cdot P}{P + P}"
    )
    assert symbolic.latex(symbolic.score_chain()[0][1]) == r"F_{1} = \frac{2 P R}{P + R}"
