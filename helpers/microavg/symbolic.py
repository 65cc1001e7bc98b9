"""The proof, by sympy: ΣFP = ΣFN for any confusion matrix, so micro P = R = F1 = accuracy.

For a fixed number of labels ``k`` the confusion matrix becomes a matrix of symbols
(:func:`confusion_symbols`), TP, FP and FN become expressions in them (:func:`counts`),
and ΣFP - ΣFN simplifies to 0 (:func:`fp_fn_gap`), or to the explicit residual when
labels are left out. For a symbolic ``k``, :func:`general_proof` derives the same fact
with ``sympy.Sum``, one transformation per step, and :func:`score_chain` carries it to
P = R = F1 = accuracy. :func:`latex` prints every expression the way the lessons show
it.

Labels are numbered ``1, ..., k`` everywhere here, as the lessons and the general proof
number them: cell ``c_{12}`` is true label 1, predicted label 2, and ``labels=[2, 3]``
keeps labels 2 and 3. (Only a sympy Matrix's own indexing counts from 0: ``C[0, 1]`` is
``c_{12}``.)

>>> from microavg import symbolic
>>> symbolic.fp_fn_gap(3)
0
>>> symbolic.fp_fn_gap(3, labels=[2, 3])
c_{12} + c_{13} - c_{21} - c_{31}
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import sympy as sp
from sympy.printing.latex import LatexPrinter

from microavg._validate import whole_number
from microavg.targets import check_labels

__all__ = [
    "confusion_symbols",
    "counts",
    "fp_fn_gap",
    "general_proof",
    "latex",
    "left_out",
    "micro_scores",
    "score_chain",
    "with_counts",
]

# A symbolic matrix beyond 30 x 30 (900 symbols) is too large to read or to print.
MAX_K = 30

Step = tuple[str, sp.Expr]

# The general proof's objects: k labels, indices i (true) and j (predicted), cells c[i, j].
_k = sp.Symbol("k", integer=True, positive=True)
_i, _j = sp.symbols("i j", integer=True, positive=True)
_c = sp.IndexedBase("c")
_TP = sp.IndexedBase(r"\mathrm{TP}")
_FP = sp.IndexedBase(r"\mathrm{FP}")
_FN = sp.IndexedBase(r"\mathrm{FN}")
_N = sp.Symbol("N", integer=True, positive=True)


# -- arguments ----------------------------------------------------------------------


def _label_indices(labels: object, k: int) -> list[int]:
    """``labels`` (default: all), distinct label numbers from 1 to ``k``, as the positions
    ``0`` to ``k - 1`` of their rows and columns."""
    if labels is None:
        return list(range(k))
    numbers = check_labels(labels, "index", n_columns=np.iinfo(np.intp).max)  # whole, distinct
    outside = numbers[(numbers < 1) | (numbers > k)]
    if outside.size:
        raise ValueError(f"labels holds {outside[0].item()}: labels are numbered from 1 to {k}")
    return (numbers - 1).tolist()


def _as_matrix(C: object, name: str = "C") -> sp.Matrix:
    """``C`` as a square sympy Matrix (k >= 1), or a ValueError naming it."""
    try:
        matrix = C if isinstance(C, sp.MatrixBase) else sp.Matrix(C)
    except (TypeError, ValueError, sp.SympifyError):
        raise ValueError(f"{name} must be a square matrix, got {C!r:.80}") from None
    if not matrix.is_square or matrix.rows == 0:
        raise ValueError(f"{name} has shape {matrix.shape}: expected a square k x k matrix, k >= 1")
    return matrix


# -- a confusion matrix of symbols --------------------------------------------------


def _cell_name(i: int, j: int) -> str:
    # Row i, column j (from 0) is c_{(i+1)(j+1)}: c_{12} while both label numbers are single
    # digits, c_{1,10} beyond, so no name is ambiguous.
    sep = "," if i >= 9 or j >= 9 else ""
    return f"c_{{{i + 1}{sep}{j + 1}}}"


def confusion_symbols(k: int) -> sp.Matrix:
    """A k x k confusion matrix of symbols: rows are true labels, columns predicted.

    Label numbers run from 1 to ``k``: the symbol ``c_{ij}``, a non-negative integer, is how
    many predictions have true label ``i`` and predicted label ``j`` (at the Matrix's
    position ``[i - 1, j - 1]``). The same cell has the same symbol whatever ``k`` is.

    Parameters
    ----------
    k : int
        The number of labels, from 1 to ``MAX_K``.

    Returns
    -------
    sympy.Matrix

    Raises
    ------
    ValueError
        If ``k`` is not a whole number in range.

    Examples
    --------
    >>> confusion_symbols(2)
    Matrix([
    [c_{11}, c_{12}],
    [c_{21}, c_{22}]])
    >>> confusion_symbols(2)[0, 1].is_nonnegative
    True
    """
    k = whole_number("k", k, 1, MAX_K)
    return sp.Matrix(k, k, lambda i, j: sp.Symbol(_cell_name(i, j), integer=True, nonnegative=True))


def counts(
    C: sp.Matrix, labels: Sequence[int] | None = None
) -> tuple[list[sp.Expr], list[sp.Expr], list[sp.Expr]]:
    """TP, FP and FN of the chosen labels, as expressions in the cells of ``C``.

    TP is the diagonal cell; FP is the label's column without it (predicted as the
    label, truly another); FN is the label's row without it (truly the label,
    predicted as another). Every row and column of ``C`` counts, also those of labels
    left out of ``labels``, as in ``ConfusionMatrix.label_counts``.

    Parameters
    ----------
    C : sympy.Matrix or array-like of shape (k, k)
        Rows are true labels, columns predicted; symbols or numbers.
    labels : sequence of int, optional
        Label numbers (1 to k), distinct. Default: all, in order.

    Returns
    -------
    tp, fp, fn : list of sympy.Expr
        One expression per label in ``labels``.

    Raises
    ------
    ValueError
        If ``C`` is not square or ``labels`` holds a number out of range or twice.

    Examples
    --------
    >>> tp, fp, fn = counts(confusion_symbols(2))
    >>> tp, fp, fn
    ([c_{11}, c_{22}], [c_{21}, c_{12}], [c_{12}, c_{21}])
    >>> counts([[2, 1], [0, 3]], labels=[2])
    ([3], [1], [0])
    """
    C = _as_matrix(C)
    chosen = _label_indices(labels, C.rows)
    tp = [C[j, j] for j in chosen]
    fp = [sp.Add(*C[:, j]) - C[j, j] for j in chosen]
    fn = [sp.Add(*C[j, :]) - C[j, j] for j in chosen]
    return tp, fp, fn


def fp_fn_gap(k: int, labels: Sequence[int] | None = None) -> sp.Expr:
    """ΣFP - ΣFN over ``labels`` of a k x k matrix of symbols, simplified.

    With every label kept it is 0 for every ``k``: each off-diagonal cell is one FP
    (for its column) and one FN (for its row). With labels left out, what remains is
    the errors from the left-out labels into the kept ones, minus the errors from the
    kept labels into the left-out ones.

    Parameters
    ----------
    k : int
        The number of labels, from 1 to ``MAX_K``.
    labels : sequence of int, optional
        The label numbers kept (1 to k). Default: all.

    Returns
    -------
    sympy.Expr

    Raises
    ------
    ValueError
        If ``k`` or ``labels`` is invalid.

    Examples
    --------
    >>> fp_fn_gap(4)
    0
    >>> fp_fn_gap(3, labels=[1, 2])
    -c_{13} - c_{23} + c_{31} + c_{32}
    """
    _, fp, fn = counts(confusion_symbols(k), labels)
    return sp.expand(sp.Add(*fp) - sp.Add(*fn))


def with_counts(expr: sp.Basic, counts: object) -> sp.Basic:
    """``expr``, an expression in the cells of :func:`confusion_symbols`, with each cell
    replaced by its count in ``counts`` (a square matrix, rows true, columns predicted).

    Parameters
    ----------
    expr : sympy expression
    counts : array-like of shape (k, k)
        Whole numbers, at least 0.

    Returns
    -------
    sympy expression
        A number when ``expr`` holds no other symbol.

    Raises
    ------
    ValueError
        If ``counts`` is not a square matrix of whole numbers at least 0, or is larger than
        ``MAX_K``.

    Examples
    --------
    >>> with_counts(fp_fn_gap(3, labels=[2, 3]), [[2, 1, 1], [1, 1, 0], [0, 1, 2]])
    1
    >>> with_counts(fp_fn_gap(2), [[1, -2], [0, 1]])
    Traceback (most recent call last):
    ...
    ValueError: counts must hold whole numbers at least 0, got -2 at row 1, column 2
    """
    if not isinstance(counts, sp.MatrixBase):
        flat = np.asarray(counts, dtype=object).ravel()
        if any(isinstance(value, bool | np.bool_) for value in flat):
            raise ValueError("counts must hold whole numbers at least 0, got True or False")
    matrix = _as_matrix(counts, "counts")
    if matrix.rows > MAX_K:
        raise ValueError(f"counts has {matrix.rows} labels: at most {MAX_K} can be symbols")
    k = matrix.rows
    for n, value in enumerate(matrix):
        if not (value.is_integer and value.is_nonnegative):
            row, column = divmod(n, k)
            raise ValueError(
                f"counts must hold whole numbers at least 0, got {value} at row {row + 1}, "
                f"column {column + 1}"
            )
    return expr.subs(dict(zip(confusion_symbols(k), matrix, strict=True)))


def left_out(counts: object) -> list[tuple[int, sp.Expr, sp.Basic]]:
    """ΣFP - ΣFN over every label but one, for each label of ``counts`` left out in turn.

    Parameters
    ----------
    counts : array-like of shape (k, k), k >= 2
        A confusion matrix of counts (rows true, columns predicted).

    Returns
    -------
    list of (int, sympy.Expr, sympy number)
        For each label number ``n`` from 1 to k: ``n``, the residual in symbols
        (:func:`fp_fn_gap` over the other labels) and its value on ``counts``.

    Examples
    --------
    >>> for n, residual, value in left_out([[2, 1, 1], [1, 1, 0], [0, 1, 2]]):
    ...     print(n, residual, value)
    1 c_{12} + c_{13} - c_{21} - c_{31} 1
    2 -c_{12} + c_{21} + c_{23} - c_{32} -1
    3 -c_{13} - c_{23} + c_{31} + c_{32} 0
    >>> left_out([[3]])
    Traceback (most recent call last):
    ...
    ValueError: counts has 1 label: leaving one out needs at least 2
    """
    k = _as_matrix(counts, "counts").rows
    if k < 2:
        raise ValueError(f"counts has {k} label: leaving one out needs at least 2")
    rows = []
    for n in range(1, k + 1):
        residual = fp_fn_gap(k, labels=[m for m in range(1, k + 1) if m != n])
        rows.append((n, residual, with_counts(residual, counts)))
    return rows


def micro_scores(k: int) -> tuple[sp.Expr, sp.Expr, sp.Expr, sp.Expr]:
    r"""Micro precision, recall, F1 and accuracy of a k x k matrix of symbols.

    Precision is ΣTP / (ΣTP + ΣFP), recall ΣTP / (ΣTP + ΣFN), F1 their harmonic mean
    and accuracy the diagonal over all cells. The denominators are kept as the sums
    they are defined by, label by label and unevaluated: ΣFP groups the off-diagonal
    cells by column, ΣFN by row, so ``sympy.simplify(P - R)`` has the work of seeing
    that they are the same cells.

    Parameters
    ----------
    k : int
        The number of labels, from 1 to ``MAX_K``.

    Returns
    -------
    precision, recall, f1, accuracy : sympy.Expr

    Examples
    --------
    >>> import sympy
    >>> P, R, F1, acc = micro_scores(2)
    >>> print(latex(P))
    \frac{c_{11} + c_{22}}{\left(c_{11} + c_{22}\right) + \left(c_{21} + c_{12}\right)}
    >>> P == R
    False
    >>> [sympy.simplify(d) for d in (P - R, F1 - P, P - acc)]
    [0, 0, 0]
    """
    C = confusion_symbols(k)
    tp, fp, fn = counts(C)
    sum_tp = sp.Add(*tp)
    sum_fp, sum_fn = sp.Add(*fp, evaluate=False), sp.Add(*fn, evaluate=False)
    precision = sum_tp / sp.Add(sum_tp, sum_fp, evaluate=False)
    recall = sum_tp / sp.Add(sum_tp, sum_fn, evaluate=False)
    f1 = 2 * precision * recall / (precision + recall)
    accuracy = C.trace() / sp.Add(*C)
    return precision, recall, f1, accuracy


# -- the general proof, for any number of labels k ----------------------------------


def _is_sum(n_limits: int, index: sp.Symbol) -> Callable[[sp.Basic], bool]:
    """Matches a Sum with ``n_limits`` limits whose innermost index is not ``index``."""

    def match(expr: sp.Basic) -> bool:
        return (
            isinstance(expr, sp.Sum) and len(expr.limits) == n_limits and expr.variables[0] != index
        )

    return match


def _column_minus_diagonal(j: sp.Expr) -> sp.Expr:
    return sp.Sum(_c[_i, j], (_i, 1, _k)) - _c[j, j]


def _row_minus_diagonal(i: sp.Expr) -> sp.Expr:
    return sp.Sum(_c[i, _j], (_j, 1, _k)) - _c[i, i]


def _substitute(
    expr: sp.Basic, definitions: dict[sp.IndexedBase, Callable], *, collect: bool = True
) -> sp.Basic:
    """Replace every ``base[x]`` in ``expr`` by ``definitions[base](x)``.

    With ``collect=False`` the sums that receive a definition keep its terms apart
    (an unevaluated ``Add``), so that what cancels can be seen before it does.
    """
    if isinstance(expr, sp.Indexed) and expr.base in definitions:
        return definitions[expr.base](*expr.indices)
    if not expr.args or not any(expr.has(base) for base in definitions):
        return expr
    args = [_substitute(arg, definitions, collect=collect) for arg in expr.args]
    if isinstance(expr, sp.Add) and not collect:
        return sp.Add(*args, evaluate=False)
    return expr.func(*args)


def _proof_steps(fp_of: Callable, fn_of: Callable) -> list[Step]:
    """The derivation of ΣFP - ΣFN from the definitions ``fp_of(j)`` and ``fn_of(i)``.

    Every step transforms the expression of the step before it; the definitions come
    in as arguments so that a wrong one would visibly fail to end at 0.
    """
    steps: list[Step] = []
    expr = sp.Sum(_FP[_j], (_j, 1, _k)) - sp.Sum(_FN[_i], (_i, 1, _k))
    steps.append(
        (
            r"Add up the false positives of every label $j$ and subtract the false "
            r"negatives of every label $i$, for $k$ labels.",
            expr,
        )
    )
    expr = _substitute(expr, {_FP: fp_of, _FN: fn_of})
    steps.append(
        (
            r"A false positive for $j$ is a prediction of $j$ for an item truly of another "
            r"label: column $j$ of the matrix without its diagonal cell. A false negative "
            r"for $i$ is row $i$ of the matrix without its diagonal cell.",
            expr,
        )
    )
    expr = sp.factor_terms(sp.expand(expr))
    steps.append(
        (
            r"Split each sum of a difference into a difference of sums: two double sums "
            r"over all cells and two sums over the diagonal. The line lists the added "
            r"terms first: the diagonal sum from the false negatives comes second, with a "
            r"plus, because it was subtracted inside a subtracted sum.",
            expr,
        )
    )
    # Reorder each term on its own and keep the terms apart, so that the exchanged
    # double sum shows before it cancels.
    expr = sp.Add(
        *[
            term.replace(_is_sum(2, _i), lambda s: s.reorder((0, 1)))
            for term in sp.Add.make_args(expr)
        ],
        evaluate=False,
    )
    steps.append(
        (
            r"Exchange the order of summation in the double sum that runs over $i$ "
            r"outside and $j$ inside: a finite sum may be added up in any order.",
            expr,
        )
    )
    expr = sp.Add(*sp.Add.make_args(expr))
    steps.append(
        (
            r"Now both double sums add up every cell of the matrix the same way, "
            r"so they cancel.",
            expr,
        )
    )
    expr = expr.replace(
        _is_sum(1, _i), lambda s: s.change_index(s.variables[0], s.variables[0], _i)
    )
    steps.append(
        (
            r"The two diagonal sums differ only in the name of their index; "
            r"call both $i$ and they cancel.",
            expr,
        )
    )
    return steps


def general_proof() -> list[Step]:
    r"""ΣFP - ΣFN = 0 for any number of labels k, derived by sympy step by step.

    Returns
    -------
    list of (str, sympy.Expr)
        Each step's plain-language reason and the expression ΣFP - ΣFN equals after
        it. The first step is the definition over ``sympy.Sum`` from 1 to the
        symbol ``k``; each later expression is a sympy transformation of the one
        before (substitute, expand, reorder the summation, rename the index); the
        last is 0.

    Examples
    --------
    >>> steps = general_proof()
    >>> print(latex(steps[0][1]))
    \sum_{j=1}^{k} {\mathrm{FP}}_{j} - \sum_{i=1}^{k} {\mathrm{FN}}_{i}
    >>> steps[-1][1]
    0
    """
    return _proof_steps(_column_minus_diagonal, _row_minus_diagonal)


def _rebuilt(expr: sp.Basic) -> sp.Basic:
    """``expr`` rebuilt from the bottom up with sympy's automatic simplification on."""
    if not expr.args:
        return expr
    return expr.func(*[_rebuilt(arg) for arg in expr.args])


def score_chain() -> list[tuple[str, sp.Eq]]:
    """From ΣFP = ΣFN to P = R = F1 = accuracy, for any number of labels k.

    Two short derivations by sympy. First F1, the harmonic mean of P and R, becomes P
    once R = P. Then micro precision ΣTP / Σ(TP + FP) becomes accuracy: TP + FP is a
    whole column of the matrix, every item gets exactly one predicted label, so the
    columns together count all N predictions.

    Returns
    -------
    list of (str, sympy.Eq)
        Each step's plain-language reason and the equation after it; each equation's
        right-hand side is a sympy transformation of the one before in its
        derivation. The F1 derivation ends at ``F_1 = P``; the precision derivation
        at ``P = (Σ_i c_ii) / N``, the accuracy.

    Examples
    --------
    >>> steps = score_chain()
    >>> steps[2][1]
    Eq(F_1, P)
    >>> steps[-1][1]
    Eq(P, Sum(c[i, i], (i, 1, k))/N)
    """
    P, R = sp.symbols("P R", positive=True)
    F1 = sp.Symbol("F_1", positive=True)
    steps: list[tuple[str, sp.Eq]] = []

    rhs = 2 * P * R / (P + R)
    steps.append(("$F_1$ is the harmonic mean of precision and recall.", sp.Eq(F1, rhs)))
    with sp.evaluate(False):
        rhs = rhs.subs(R, P)
    steps.append(
        (
            r"Recall is $\sum \mathrm{TP} / (\sum \mathrm{TP} + \sum \mathrm{FN})$ and "
            r"precision $\sum \mathrm{TP} / (\sum \mathrm{TP} + \sum \mathrm{FP})$; "
            r"with $\sum \mathrm{FP} = \sum \mathrm{FN}$ they are equal: put $P$ for $R$.",
            sp.Eq(F1, rhs, evaluate=False),
        )
    )
    rhs = sp.simplify(rhs)
    steps.append(
        (
            "Simplify: the harmonic mean of a number and itself is that number.",
            sp.Eq(F1, rhs, evaluate=False),
        )
    )

    rhs = sp.Sum(_TP[_j], (_j, 1, _k)) / sp.Sum(
        sp.Add(_TP[_j], _FP[_j], evaluate=False), (_j, 1, _k)
    )
    steps.append(
        (
            r"Micro precision divides all true positives by all positive predictions, "
            r"true or false.",
            sp.Eq(P, rhs, evaluate=False),
        )
    )
    rhs = _substitute(rhs, {_TP: lambda j: _c[j, j], _FP: _column_minus_diagonal}, collect=False)
    steps.append(
        (
            r"A true positive for $j$ is the diagonal cell $c_{j,j}$; the false positives "
            r"are the rest of column $j$.",
            sp.Eq(P, rhs, evaluate=False),
        )
    )
    rhs = _rebuilt(rhs)
    steps.append(
        (
            r"So $\mathrm{TP}_j + \mathrm{FP}_j$ is all of column $j$: every "
            r"prediction of $j$.",
            sp.Eq(P, rhs, evaluate=False),
        )
    )
    rhs = rhs.replace(_is_sum(2, _j), lambda s: s.reorder((0, 1))).subs(
        sp.Sum(_c[_i, _j], (_j, 1, _k), (_i, 1, _k)), _N
    )
    steps.append(
        (
            r"Every item gets exactly one predicted label, so adding up the columns counts "
            r"every prediction once, as adding up the rows does: the double sum is $N$, "
            r"the number of predictions.",
            sp.Eq(P, rhs, evaluate=False),
        )
    )
    rhs = rhs.replace(_is_sum(1, _i), lambda s: s.change_index(s.variables[0], s.variables[0], _i))
    steps.append(
        (
            r"Rename the index $j$ to $i$; only the name changes. The diagonal counts the "
            r"correct predictions, so $P$ is correct predictions over all predictions: the "
            r"accuracy. $R$ adds up the rows instead of the columns, which also gives $N$, "
            r"so $R$ is the accuracy too.",
            sp.Eq(P, rhs, evaluate=False),
        )
    )
    return steps


# -- printing -----------------------------------------------------------------------


def _is_subtracted(term: sp.Basic) -> bool:
    """A term printed after a minus sign: one with a negative numeric factor."""
    return bool(term.as_coeff_Mul()[0].is_negative)


def _print_rank(term: sp.Basic) -> tuple[bool, int]:
    """Added terms before subtracted ones; among each, double sums before single ones."""
    rest = term.as_coeff_Mul()[1]
    return _is_subtracted(term), -len(rest.limits) if isinstance(rest, sp.Sum) else 0


class _LessonPrinter(LatexPrinter):
    """LaTeX as the lessons show it: positive terms first, double sums as two sums."""

    def _print_Add(self, expr: sp.Add, order: str | None = None) -> str:
        terms = sorted(self._as_ordered_terms(expr, order=order), key=_print_rank)
        tex = ""
        for n, term in enumerate(terms):
            if _is_subtracted(term):
                tex += " - " if n else "-"
                term = -term
            elif n:
                tex += " + "
            term_tex = self._print(term)
            tex += rf"\left({term_tex}\right)" if self._needs_add_brackets(term) else term_tex
        return tex

    def _print_Mul(self, expr: sp.Mul) -> str:
        # An unevaluated product with a repeated factor (2 P P once R is replaced by P)
        # gets explicit dots, 2 \cdot P \cdot P, so that it does not read as one name.
        if len(set(expr.args)) == len(expr.args):
            return super()._print_Mul(expr)
        plain = self._settings["mul_symbol_latex"]
        self._settings["mul_symbol_latex"] = r" \cdot "
        try:
            return super()._print_Mul(expr)
        finally:
            self._settings["mul_symbol_latex"] = plain

    def _print_Sum(self, expr: sp.Sum) -> str:
        signs = "".join(
            rf"\sum_{{{self._print(x)}={self._print(a)}}}^{{{self._print(b)}}} "
            for x, a, b in reversed(expr.limits)
        )
        body = self._print(expr.function)
        if isinstance(expr.function, sp.Add):
            body = rf"\left({body}\right)"
        return signs + body


def latex(expr: sp.Basic) -> str:
    r"""LaTeX for ``expr`` as the lessons print it.

    Like :func:`sympy.latex`, except that the terms of a sum come positive first and a
    sum over two indices prints as two nested sums, outer index first.

    Examples
    --------
    >>> latex(fp_fn_gap(3, labels=[2, 3]))
    'c_{12} + c_{13} - c_{21} - c_{31}'
    >>> print(latex(general_proof()[4][1]))
    \sum_{i=1}^{k} {c}_{i,i} - \sum_{j=1}^{k} {c}_{j,j}
    """
    return _LessonPrinter({"order": "none"}).doprint(expr)
