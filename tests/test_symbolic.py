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
    assert [str(s) for s in C] == [f"c_{{{i}{j}}}" for i in range(1, 4) for j in range(1, 4)]
    assert all(s.is_integer and s.is_nonnegative for s in C)
    assert C[0, 1] == cell("c_{12}")  # true label 1, predicted label 2, numbered as the lessons


def test_the_package_numbers_labels_from_1_as_the_lessons_do():
    # A reader calling the package meets the lesson's c_{11} ... c_{33}, and labels= 1 to k.
    assert str(symbolic.fp_fn_gap(3, labels=[1, 3])) == "-c_{12} + c_{21} + c_{23} - c_{32}"
    assert {str(s) for s in symbolic.confusion_symbols(3)} == {
        f"c_{{{i}{j}}}" for i in (1, 2, 3) for j in (1, 2, 3)
    }
    assert "c_{0" not in symbolic.latex(symbolic.micro_scores(3)[0])


def test_same_k_gives_the_same_symbols_and_a_cell_keeps_its_symbol_across_k():
    assert symbolic.confusion_symbols(4) == symbolic.confusion_symbols(4)
    assert symbolic.confusion_symbols(4)[:3, :3] == symbolic.confusion_symbols(3)


def test_cell_names_stay_unambiguous_beyond_ten_labels():
    C = symbolic.confusion_symbols(12)
    assert str(C[0, 9]) == "c_{1,10}"
    assert str(C[10, 0]) == "c_{11,1}"
    assert str(C[8, 8]) == "c_{99}"
    assert len({str(s) for s in C}) == 144


def test_counts_are_diagonal_column_without_it_and_row_without_it():
    C = symbolic.confusion_symbols(3)
    tp, fp, fn = symbolic.counts(C)
    assert tp == [C[0, 0], C[1, 1], C[2, 2]]
    assert fp == [C[1, 0] + C[2, 0], C[0, 1] + C[2, 1], C[0, 2] + C[1, 2]]
    assert fn == [C[0, 1] + C[0, 2], C[1, 0] + C[1, 2], C[2, 0] + C[2, 1]]


def test_counts_of_a_chosen_label_still_use_the_left_out_rows_and_columns():
    C = symbolic.confusion_symbols(3)
    assert symbolic.counts(C, labels=[3]) == ([C[2, 2]], [C[0, 2] + C[1, 2]], [C[2, 0] + C[2, 1]])


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


def test_gap_with_label_1_left_out_is_errors_out_of_it_minus_errors_into_it():
    c12, c13, c21, c31 = (cell(f"c_{{{n}}}") for n in ("12", "13", "21", "31"))
    assert symbolic.fp_fn_gap(3, labels=[2, 3]) == c12 + c13 - c21 - c31
    assert symbolic.fp_fn_gap(3, labels=[3, 2]) == c12 + c13 - c21 - c31  # order is irrelevant


def test_gap_of_a_single_label_is_its_fp_minus_its_fn():
    c12, c32, c21, c23 = (cell(f"c_{{{n}}}") for n in ("12", "32", "21", "23"))
    assert symbolic.fp_fn_gap(3, labels=[2]) == c12 + c32 - c21 - c23


@st.composite
def matrix_and_labels(draw):
    k = draw(st.integers(2, 6))
    counts = draw(st.lists(st.integers(0, 50), min_size=k * k, max_size=k * k))
    labels = draw(st.lists(st.integers(0, k - 1), min_size=1, max_size=k, unique=True))
    return k, np.array(counts, dtype=np.int64).reshape(k, k), labels


# Costly examples: at most 60, fewer if the profile says fewer.
@settings(max_examples=min(60, settings().max_examples), deadline=None)
@given(matrix_and_labels())
def test_symbolic_residual_at_a_matrix_equals_the_engines_fp_minus_fn(case):
    k, counts, labels = case
    gap = symbolic.fp_fn_gap(k, labels=[n + 1 for n in labels])  # numbered from 1
    C = symbolic.confusion_symbols(k)
    value = gap.subs({C[i, j]: int(counts[i, j]) for i in range(k) for j in range(k)})
    engine = ma.ConfusionMatrix.from_counts(counts).label_counts(labels)
    assert value == int(engine.fp.sum()) - int(engine.fn.sum())


# Costly examples: at most 30, fewer if the profile says fewer.
@settings(max_examples=min(30, settings().max_examples), deadline=None)
@given(st.integers(1, 8))
def test_gap_over_all_labels_in_any_order_is_zero(k):
    assert symbolic.fp_fn_gap(k, labels=list(reversed(range(1, k + 1)))) == 0


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
    assert symbolic.latex(symbolic.fp_fn_gap(3, labels=[2, 3])) == (
        "c_{12} + c_{13} - c_{21} - c_{31}"
    )
    split = symbolic.general_proof()[2][1]
    assert symbolic.latex(split) == (
        r"\sum_{j=1}^{k} \sum_{i=1}^{k} {c}_{i,j} + \sum_{i=1}^{k} {c}_{i,i}"
        r" - \sum_{i=1}^{k} \sum_{j=1}^{k} {c}_{i,j} - \sum_{j=1}^{k} {c}_{j,j}"
    )


def test_a_sum_kept_unevaluated_stays_grouped_label_by_label():
    _, fp, fn = symbolic.counts(symbolic.confusion_symbols(3))
    grouped_fp = sp.Add(*fp, evaluate=False)
    grouped_fn = sp.Add(*fn, evaluate=False)
    assert symbolic.latex(grouped_fp) == (
        r"\left(c_{21} + c_{31}\right) + \left(c_{12} + c_{32}\right)"
        r" + \left(c_{13} + c_{23}\right)"
    )
    assert symbolic.latex(grouped_fn) == (
        r"\left(c_{12} + c_{13}\right) + \left(c_{21} + c_{23}\right)"
        r" + \left(c_{31} + c_{32}\right)"
    )
    precision, recall, _, _ = symbolic.micro_scores(3)
    assert symbolic.latex(precision) != symbolic.latex(recall)
    assert sp.simplify(precision - recall) == 0


def test_latex_of_a_matrix_of_symbols_is_a_bracketed_matrix():
    assert symbolic.latex(symbolic.confusion_symbols(2)) == (
        r"\left[\begin{matrix}c_{11} & c_{12}\\c_{21} & c_{22}\end{matrix}\right]"
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
            lambda: symbolic.fp_fn_gap(3, labels=[4]),
            "labels holds 4: labels are numbered from 1 to 3",
        ),
        (lambda: symbolic.fp_fn_gap(3, labels=[0]), "labels holds 0: labels are numbered from 1"),
        (lambda: symbolic.fp_fn_gap(3, labels=[-1]), "labels holds -1"),
        (lambda: symbolic.fp_fn_gap(3, labels=[1, 1]), "labels holds 1 twice"),
        (lambda: symbolic.fp_fn_gap(3, labels=[1.0]), "labels holds 1.0: label indices are whole"),
        (lambda: symbolic.fp_fn_gap(3, labels=[True]), "labels holds True"),
        (lambda: symbolic.fp_fn_gap(3, labels=[]), "labels is empty"),
        (lambda: symbolic.fp_fn_gap(3, labels="01"), "labels is the string '01': pass a list"),
        (lambda: symbolic.fp_fn_gap(3, labels=2), r"labels has shape \(\): pass a flat list"),
        (lambda: symbolic.counts([[1, 2]]), r"C has shape \(1, 2\)"),
        (lambda: symbolic.counts([[1, 2], [3]]), "C must be a square matrix"),
        (lambda: symbolic.counts(sp.Matrix(2, 2, [1, 2, 3, 4]), labels=[3]), "labels holds 3"),
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


def test_with_counts_puts_the_worked_examples_counts_into_the_cells():
    y_true, y_pred = worked_example()
    cm = ma.confusion_matrix(y_true, y_pred)
    _, fp, fn = symbolic.counts(symbolic.confusion_symbols(3))
    assert [symbolic.with_counts(e, cm.counts) for e in fp] == cm.fp.tolist()
    assert [symbolic.with_counts(e, cm.counts) for e in fn] == cm.fn.tolist()
    precision = symbolic.with_counts(symbolic.micro_scores(3)[0], cm.counts)
    assert precision == sp.Rational(5, 9)


def test_with_counts_keeps_counts_beyond_int64_exact():
    gap = symbolic.fp_fn_gap(2, labels=[1])  # c_21 - c_12
    assert symbolic.with_counts(gap, [[0, 1], [10**30, 0]]) == 10**30 - 1


def test_with_counts_leaves_symbols_of_larger_matrices_alone():
    gap = symbolic.fp_fn_gap(3, labels=[1])
    assert symbolic.with_counts(gap, [[1, 2], [3, 4]]).free_symbols == {
        cell("c_{13}"),
        cell("c_{31}"),
    }


# Costly examples: at most 40, fewer if the profile says fewer.
@settings(max_examples=min(40, settings().max_examples), deadline=None)
@given(
    st.integers(2, 5).flatmap(
        lambda k: st.lists(st.integers(0, 10**6), min_size=k * k, max_size=k * k)
    )
)
def test_left_out_gives_each_labels_residual_and_the_engines_fp_minus_fn(flat):
    k = round(len(flat) ** 0.5)
    counts = np.array(flat, dtype=object).reshape(k, k)
    rows = symbolic.left_out(counts.tolist())
    assert [n for n, _, _ in rows] == list(range(1, k + 1))
    cm = ma.ConfusionMatrix.from_counts(counts.tolist())
    for n, residual, value in rows:
        kept = [m for m in range(1, k + 1) if m != n]
        assert residual == symbolic.fp_fn_gap(k, labels=kept)
        engine = cm.label_counts([cm.labels[m - 1] for m in kept])
        assert value == int(engine.fp.sum()) - int(engine.fn.sum())


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: symbolic.with_counts(sp.Integer(0), [[1, -2], [0, 1]]),
            "got -2 at row 1, column 2",
        ),
        (lambda: symbolic.with_counts(sp.Integer(0), [[1.5]]), "counts must hold whole numbers"),
        (lambda: symbolic.with_counts(sp.Integer(0), [[float("nan")]]), "got nan"),
        (lambda: symbolic.with_counts(sp.Integer(0), [["$<b>"]]), "counts must be a square matrix"),
        (lambda: symbolic.with_counts(sp.Integer(0), [[True]]), "counts must hold whole numbers"),
        (lambda: symbolic.with_counts(sp.Integer(0), [[1, 2]]), r"counts has shape \(1, 2\)"),
        (lambda: symbolic.with_counts(sp.Integer(0), np.zeros((31, 31), int)), "at most 30"),
        (lambda: symbolic.left_out([[3]]), "counts has 1 label: leaving one out needs at least 2"),
        (lambda: symbolic.left_out("ab"), "counts"),
    ],
)
def test_with_counts_and_left_out_refuse_bad_counts_by_name(call, message):
    with pytest.raises(ValueError, match=message):
        call()
